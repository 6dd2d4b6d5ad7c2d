// An engineer's own upcoming shifts across every rota they are on, and their calendar feed.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, link, button, scrolling, dateTime, summaryList, inset, backLink } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { reasonTag, LAYERS } from './rota-common.js';

export default async function myShifts() {
  const me = session.user().person;
  const errors = errorArea();
  if (!me) {
    return {
      title: 'Your shifts',
      content: [backLink('#/oncall', 'On call now'), heading('Your shifts'),
        p('Your sign-in is not linked to a person on the rotas, so you have no shifts or calendar feed of your own. Ask your partnership administrator to link it.')],
    };
  }
  const rotas = await api.get('/api/rotas?size=100');
  const mine = rotas.items.filter((r) => r.layers.some((l) => l.members.some((m) => m.personId === me)));
  const from = new Date();
  const to = new Date(from.getTime() + 28 * 86400000);
  const lists = await Promise.all(mine.map((r) => api.get(`/api/rotas/${r.id}/shifts${api.query({ from: from.toISOString(), to: to.toISOString() })}`)));
  const shifts = lists.flat().filter((x) => x.personId === me).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const hours = shifts.reduce((n, x) => n + x.hours, 0);

  const feedArea = h('div', { id: 'calendar-feed' });
  const showFeed = (f) => {
    replace(feedArea,
      f.url
        ? [p('Add this address to your calendar (Outlook, Google, Apple) as a subscription. It shows your shifts and updates when the rota changes. Keep it to yourself: anyone with it can read your shifts.'),
          h('div', { class: 'govuk-form-group' },
            h('label', { class: 'govuk-label', for: 'feed-url' }, 'Calendar feed address'),
            h('input', { class: 'govuk-input', id: 'feed-url', type: 'text', readonly: true, value: f.url, spellcheck: 'false' })),
          h('a', { class: 'govuk-link', href: f.url.replace(/^https?:/, 'webcal:') }, 'Open in my calendar app')]
        : summaryList([
          ['Feed', f.active ? 'Active' : 'Not issued'],
          f.issuedAt ? ['Issued', dateTime(f.issuedAt)] : null,
          f.lastUsedAt ? ['Last read by a calendar', dateTime(f.lastUsedAt)] : null,
        ]),
      f.url ? null : inset('For safety the address is shown only when it is made. If you have lost it, get a new one: the old address stops working.'),
      button(f.url ? 'Get another address' : 'Get a new feed address', {
        secondary: true, id: 'rotate-feed',
        on: {
          click: async () => {
            try {
              showFeed(await api.post('/api/calendar/feeds/me/rotate'));
              clearError(errors);
              document.getElementById('feed-url')?.focus();
            } catch (err) {
              showError(errors, err);
            }
          },
        },
      }));
  };
  try {
    showFeed(await api.get('/api/calendar/feeds/me'));
  } catch (err) {
    replace(feedArea, p(`The calendar feed could not be read: ${err.message}`));
  }
  return {
    title: 'Your shifts',
    content: [
      backLink('#/oncall', 'On call now'),
      errors,
      heading('Your shifts', session.user().name),
      p(shifts.length ? `${shifts.length} shifts in the next 4 weeks, ${Math.round(hours)} hours in all.` : 'You have no shifts in the next 4 weeks.'),
      shifts.length ? scrolling(table({
        head: ['From', 'Until', 'Rota', 'Layer', 'Why'],
        rows: shifts.map((x) => [dateTime(x.start), dateTime(x.end), link(`#/rotas/${x.rotaId}`, x.rotaName), LAYERS[x.layer],
          h('span', {}, reasonTag(x.reason), x.note ? ` ${x.note}` : '')]),
      }), 'Your shifts') : null,
      h2('Calendar feed'),
      feedArea,
      h2('When you are paged'),
      p(link('#/contacts', 'How to reach me'), ': your phone, e-mail, Teams or Slack for pages, and which to use when.'),
    ],
  };
}
