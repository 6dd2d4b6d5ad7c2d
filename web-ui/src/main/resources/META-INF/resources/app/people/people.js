// The ICT staff of the partnership, filtered by partner or words; managers add their own staff.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, table, link, select, textInput, button, form, pagination, scrolling, tag } from '../components/govuk.js';

export default async function people(ctx) {
  const user = session.user();
  const q = ctx.query;
  const partner = q.has('partner') ? q.get('partner') : (user.partner || '');
  const words = q.get('q') || '';
  const pageNo = Number(q.get('page') || 0);
  const [partners, page] = await Promise.all([
    api.get('/api/partners?size=500&sort=name'),
    api.get(`/api/people${api.query({ partner, q: words, page: pageNo, size: 25, sort: 'name' })}`),
  ]);
  const partnerSelect = select({ name: 'partner', label: 'Organisation', value: partner, options: [['', 'All partners'], ...partners.items.map((x) => [x.code, x.name])] });
  const wordsInput = textInput({ name: 'q', label: 'Name, job, team or site', value: words, width: 20 });
  const f = form(() => ctx.navigate(`#/people${api.query({ partner: partnerSelect.input.value || (user.partner ? '' : undefined), q: wordsInput.input.value.trim() })}`),
    h('div', { class: 'app-filters' }, partnerSelect, wordsInput), button('Show people', { type: 'submit', secondary: true }));
  const canAdd = session.isAdmin() || session.hasRole('manager');
  const partnerLabel = partner ? (partners.items.find((x) => x.code === partner) || {}).name || partner : 'all partners';
  return {
    title: 'People',
    content: [
      heading('People', 'ICT staff across the partnership'),
      h('div', { class: 'govuk-button-group' },
        canAdd ? h('a', { class: 'govuk-button govuk-button--secondary', href: '#/people/new', role: 'button', draggable: 'false' }, 'Add a person') : null,
        h('a', { class: 'govuk-link', href: '#/people/csv', id: 'people-csv' }, canAdd ? 'Import or export as CSV' : 'Export as CSV'),
        h('a', { class: 'govuk-link', href: '#/people/stale', id: 'people-stale' }, 'Entries to confirm')),
      f,
      scrolling(table({
        caption: `${page.totalItems} ${page.totalItems === 1 ? 'person' : 'people'} at ${partnerLabel}`,
        head: ['Name', 'Organisation', 'Job title', 'Team', 'Helps other partners'],
        rows: page.items.map((x) => [link(`#/people/${x.id}`, x.name), x.partnerName || x.partner, x.jobTitle || '', x.team || '',
          x.available ? tag('Yes', 'green') : tag(x.unavailableUntil ? 'Away' : 'No', 'grey')]),
      }), 'People'),
      pagination(page, (n) => `#/people${api.query({ partner, q: words, page: n })}`),
      page.items.length ? null : p('Nobody matches these filters.'),
    ],
  };
}
