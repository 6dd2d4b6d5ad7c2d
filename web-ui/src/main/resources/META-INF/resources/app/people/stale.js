// Entries nobody has confirmed for a while: people whose profile or any skill was last confirmed
// before the stale period, longest first, with the skills in question; also as CSV.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, table, link, select, button, form, pagination, scrolling, date, tag, backLink } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';

export default async function stale(ctx) {
  const q = ctx.query;
  const user = session.user();
  const partner = q.has('partner') ? q.get('partner') : (user.partner || '');
  const months = q.get('months') || '';
  const pageNo = Number(q.get('page') || 0);
  const [partners, skills, report] = await Promise.all([
    api.get('/api/partners?size=500&sort=name'),
    api.get('/api/skills?size=500&sort=name'),
    api.get(`/api/reports/skills/stale${api.query({ partner, months, page: pageNo, size: 50 })}`),
  ]);
  const partnerName = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const skillName = Object.fromEntries(skills.items.map((x) => [x.code, x.name]));
  const errors = errorArea();
  const partnerSelect = select({ name: 'partner', label: 'Organisation', value: partner, options: [['', 'All partners'], ...partners.items.map((x) => [x.code, x.name])] });
  const monthsSelect = select({
    name: 'months', label: 'Not confirmed for', value: months || String(report.months),
    options: [3, 6, 9, 12, 18, 24].map((m) => [String(m), `${m} months or more`]),
  });
  const f = form(() => ctx.navigate(`#/people/stale${api.query({ partner: partnerSelect.input.value || (user.partner ? '' : undefined), months: monthsSelect.input.value })}`),
    h('div', { class: 'app-filters' }, partnerSelect, monthsSelect), button('Show', { type: 'submit', secondary: true }));
  const downloaded = h('p', { class: 'govuk-body', role: 'status' });
  const csv = button('Download as CSV', {
    secondary: true, id: 'stale-csv',
    on: {
      click: async () => {
        try {
          const file = await api.download(`/api/reports/skills/stale${api.query({ partner, months, format: 'csv' })}`, 'stale-entries.csv');
          clearError(errors);
          replace(downloaded, `Downloaded ${file.fileName}.`);
        } catch (err) {
          showError(errors, err);
        }
      },
    },
  });
  const where = partner ? partnerName[partner] || partner : 'all partners';
  return {
    title: 'Entries to confirm',
    content: [
      backLink('#/people', 'All people'),
      errors,
      heading('Entries to confirm', 'People'),
      p(`People at ${where} whose profile or skills nobody has confirmed since ${date(report.confirmedBefore)} (${report.months} months). Expert search ranks them lower until they or their manager confirm them.`),
      f,
      scrolling(table({
        caption: `${report.totalItems} ${report.totalItems === 1 ? 'person' : 'people'} to confirm`, captionSize: 'm',
        head: ['Person', 'Organisation', 'Profile confirmed', 'Skills not confirmed', 'Oldest skill confirmation'],
        rows: report.items.map((e) => [
          h('span', {}, link(`#/people/${e.person.id}`, e.person.name), e.person.manager ? [' ', tag('ICT manager', 'purple')] : null),
          partnerName[e.person.partner] || e.person.partner,
          [e.lastConfirmed ? date(e.lastConfirmed) : 'Never', e.profileStale ? [' ', tag('Needs confirming', 'yellow')] : null],
          e.staleSkills.length ? e.staleSkills.map((c) => skillName[c] || c).join(', ') : 'None',
          e.oldestSkillConfirmation ? date(e.oldestSkillConfirmation) : '',
        ]),
      }), 'People to confirm'),
      report.items.length ? null : p('Everyone here has confirmed their entries recently.'),
      pagination({ page: report.page, totalPages: report.totalPages, totalItems: report.totalItems }, (n) => `#/people/stale${api.query({ partner, months, page: n })}`),
      csv, downloaded,
    ],
  };
}
