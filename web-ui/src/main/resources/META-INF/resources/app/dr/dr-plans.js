// DR plans of every partner, and invocations running now.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, table, link, select, button, form, scrolling, tag, date, dateTime, pagination, notice } from '../components/govuk.js';
import { planStatus, readinessText } from './dr-common.js';

export default async function drPlans(ctx) {
  const q = ctx.query;
  const partner = q.get('partner') || '';
  const status = q.get('status') || '';
  const pageNo = Number(q.get('page') || 0);
  const [partners, plans, open, readiness] = await Promise.all([
    api.get('/api/partners?size=500&sort=name'),
    api.get(`/api/dr/plans${api.query({ partner, status, page: pageNo, size: 25, sort: 'partner' })}`),
    api.get('/api/dr/invocations?status=OPEN&size=50'),
    api.get(`/api/dr/readiness${api.query({ partner })}`),
  ]);
  const ready = Object.fromEntries(readiness.map((r) => [r.planId, r]));
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const partnerSelect = select({ name: 'partner', label: 'Partner', value: partner, options: [['', 'All partners'], ...partners.items.map((x) => [x.code, x.name])] });
  const statusSelect = select({ name: 'status', label: 'Status', value: status, options: [['', 'Any status'], ['DRAFT', 'Draft'], ['SUBMITTED', 'Submitted'], ['APPROVED', 'Approved'], ['SUPERSEDED', 'Superseded']] });
  const f = form(() => ctx.navigate(`#/dr/plans${api.query({ partner: partnerSelect.input.value, status: statusSelect.input.value })}`),
    h('div', { class: 'app-filters' }, partnerSelect, statusSelect), button('Show plans', { type: 'submit', secondary: true }));
  const mine = session.user().partner;
  return {
    title: 'Disaster recovery plans',
    content: [
      heading('Disaster recovery plans'),
      open.items.length ? notice(`${open.items.length} ${open.items.length === 1 ? 'plan is' : 'plans are'} being run now`,
        h('ul', { class: 'govuk-list' }, open.items.map((i) => h('li', {},
          link(`#/dr/invocations/${i.id}`, `${names[i.partner] || i.partner}: ${i.planName}`), ` — started ${dateTime(i.startedAt)} by ${i.startedBy}`)))) : null,
      p('Each partner adapts the partnership\'s generic plan, proves it can meet its recovery time objectives (RTOs), has it approved and keeps it reviewed. ',
        link('#/dr/templates', 'The generic plans (templates)'), '.'),
      f,
      scrolling(table({
        caption: `${plans.totalItems} ${plans.totalItems === 1 ? 'plan' : 'plans'}`,
        head: ['Partner', 'Plan', 'Status', 'Template version', 'Review by', 'Readiness'],
        rows: plans.items.map((x) => [
          h('span', {}, names[x.partner] || x.partner, x.partner === mine ? ' (yours)' : ''),
          link(`#/dr/plans/${x.id}`, `${x.name}, revision ${x.revision}`),
          planStatus(x.status),
          h('span', {}, `${x.template.version}`, x.template.latestPublishedVersion > x.template.version ? [' ', tag(`version ${x.template.latestPublishedVersion} available`, 'yellow')] : null),
          h('span', {}, date(x.reviewDate), x.reviewOverdue ? [' ', tag('Overdue', 'red')] : null),
          ready[x.id] ? readinessText(ready[x.id]) : '',
        ]),
      }), 'DR plans'),
      pagination(plans, (n) => `#/dr/plans${api.query({ partner, status, page: n })}`),
    ],
  };
}
