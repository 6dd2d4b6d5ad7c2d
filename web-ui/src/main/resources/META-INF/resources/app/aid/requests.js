// Help requests: the ones my partner made and the ones made of it (admins: all), newest first.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, table, link, select, button, form, pagination, scrolling, date } from '../components/govuk.js';
import { statusTag, hours, subNav, canAsk, STATUS } from './aid-common.js';

const SIDES = [['ALL', 'All'], ['ASKED', 'Asked by my organisation'], ['ASKED_OF', 'Asked of my organisation']];

export default async function requests(ctx) {
  const q = ctx.query;
  const user = session.user();
  const side = q.get('side') || 'ALL';
  const status = q.get('status') || '';
  const pageNo = Number(q.get('page') || 0);
  const answer = await api.get(`/api/aid/requests${api.query({ side, status, page: pageNo, size: 20 })}`);
  const sideSelect = select({ name: 'side', label: 'Requests', value: side, options: user.partner ? SIDES : [['ALL', 'All partners']] });
  const statusSelect = select({ name: 'status', label: 'Status', value: status, options: [['', 'Any'], ...Object.entries(STATUS).map(([k, v]) => [k, v[0]])] });
  const f = form(() => ctx.navigate(`#/aid${api.query({ side: sideSelect.input.value, status: statusSelect.input.value })}`),
    h('div', { class: 'app-filters' }, sideSelect, statusSelect), button('Show', { type: 'submit', secondary: true }));
  return {
    title: 'Mutual aid requests',
    content: [
      heading('Help requests', 'Mutual aid'),
      subNav('requests'),
      p('Asking another partner for help, and what was asked of yours. Only the two organisations in a request see it.'),
      canAsk() ? h('a', { class: 'govuk-button', href: '#/aid/ask', id: 'ask-for-help' }, 'Ask for help') : null,
      f,
      scrolling(table({
        caption: `${answer.totalItems} ${answer.totalItems === 1 ? 'request' : 'requests'}`,
        head: ['Request', 'Asked by', 'Asked of', 'When', 'Expected', 'Status'],
        rows: answer.items.map((r) => [
          link(`#/aid/requests/${r.id}`, `#${r.id} ${r.title}`),
          r.requesterPartner,
          r.helperName ? `${r.helperName} (${r.helperPartner})` : r.helperPartner,
          r.asSoonAsPossible ? 'As soon as possible' : `${date(r.neededFrom)}${r.neededTo && r.neededTo !== r.neededFrom ? ` to ${date(r.neededTo)}` : ''}`,
          hours(r.expectedHours),
          [statusTag(r.status), r.urgency === 'URGENT' ? ' urgent' : ''],
        ]),
      }), 'Help requests'),
      answer.items.length ? null : p('No requests here yet.'),
      pagination(answer, (n) => `#/aid${api.query({ side, status, page: n })}`),
    ],
  };
}
