// Leave: booked per person, it takes them off every rota they are on (the next member covers).
// People book their own; managers book and cancel it for their own partner's staff; admins for
// anyone. Everyone signed in sees who is away. skills-service keeps the one record of leave: what
// is booked here shows on the person's profile, and an "away until" entered there shows here.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, button, form, select, textInput, scrolling, dateTime, date, success, backLink, inset } from '../components/govuk.js';
import { personSearch } from '../components/person-search.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { fromWallClock, wallClock, addDays } from '../core/london.js';
import { sectionNav } from './rota-common.js';

const DAY_MS = 86400000;

/** "2026-12-14" → the instant London's day begins. */
function dayStart(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  return m ? fromWallClock(+m[1], +m[2], +m[3]) : null;
}

function isMidnight(instant) {
  const w = wallClock(instant);
  return w.hour === 0 && w.minute === 0;
}

/** A period of leave in words: whole London days as dates ("14 December 2026 to 20 December 2026, 7 days"), else times. */
export function leavePeriod(start, end) {
  if (isMidnight(start) && isMidnight(end)) {
    const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS);
    const last = new Date(Date.parse(end) - 1000).toISOString();
    return days === 1 ? `${date(start)} (1 day)` : `${date(start)} to ${date(last)} (${days} days)`;
  }
  return `${dateTime(start)} to ${dateTime(end)}`;
}

async function bookablePeople() {
  const u = session.user();
  if (session.isAdmin()) {
    return (await api.get('/api/people?size=500&sort=name')).items;
  }
  const list = [];
  if (session.hasRole('manager') && u.partner) {
    list.push(...(await api.get(`/api/people${api.query({ partner: u.partner, size: 500, sort: 'name' })}`)).items);
  }
  if (u.person && !list.some((x) => x.id === u.person)) {
    try {
      list.unshift(await api.get(`/api/people/${u.person}`));
    } catch {
      list.unshift({ id: u.person, name: u.name, partner: u.partner });
    }
  }
  return list;
}

export default async function leave(ctx) {
  const u = session.user();
  const [all, people] = await Promise.all([api.get('/api/rotas/leave'), bookablePeople()]);
  const mine = new Set(people.map((x) => x.id));
  const errors = errorArea();
  const banner = ctx.query.get('done') ? success(ctx.query.get('done')) : null;
  const now = Date.now();
  const current = all.filter((l) => Date.parse(l.end) > now);

  const remove = async (l) => {
    try {
      await api.del(`/api/rotas/leave/${l.id}`);
      ctx.navigate(`#/leave?done=${encodeURIComponent(`The leave of ${l.name || `person ${l.personId}`} is cancelled.`)}`);
    } catch (err) {
      showError(errors, err);
    }
  };

  let booking = null;
  if (people.length) {
    const label = (x) => (x.id === u.person ? `${x.name} (you)` : `${x.name}${x.partner && x.partner !== u.partner ? ` (${x.partner})` : ''}`);
    const who = select({ name: 'personId', label: 'Whose leave', value: u.person || '', options: people.map((x) => [x.id, label(x)]) });
    const whoOptions = [...who.input.childNodes];
    // A manager searches their own partner's people, an admin everyone's: whom each may book for.
    const search = people.length > 1 ? personSearch({
      controls: who.input.id, label: 'Find whose leave it is', query: session.isAdmin() ? {} : { partner: u.partner },
      onResults: (found) => replace(who.input, found ? found.map((x) => h('option', { value: x.id }, label(x))) : whoOptions),
    }) : null;
    const today = wallClock(new Date());
    const two = (n) => String(n).padStart(2, '0');
    const first = textInput({ name: 'start', label: 'First day of leave', type: 'date', width: 10, value: `${today.year}-${two(today.month)}-${two(today.day)}` });
    const last = textInput({ name: 'end', label: 'Last day of leave', hint: 'The day before they are back on the rotas', type: 'date', width: 10 });
    const reason = textInput({ name: 'reason', label: 'Reason (optional)', hint: 'For example: annual leave. Everyone signed in can read it.', width: 'full' });
    const book = form(async () => {
      const start = dayStart(first.input.value);
      const lastDay = dayStart(last.input.value);
      const problems = [];
      if (!start) {
        problems.push({ field: 'start', message: 'Enter the first day of leave' });
      }
      if (!lastDay) {
        problems.push({ field: 'end', message: 'Enter the last day of leave' });
      } else if (start && lastDay < start) {
        problems.push({ field: 'end', message: 'The last day must be the same as or after the first day' });
      }
      if (problems.length) {
        showError(errors, { message: '', fieldErrors: problems }, book);
        return;
      }
      try {
        const made = await api.post('/api/rotas/leave', {
          personId: Number(who.input.value), start: start.toISOString(), end: addDays(lastDay, 1).toISOString(), reason: reason.input.value.trim() || null,
        });
        clearError(errors, book);
        ctx.navigate(`#/leave?done=${encodeURIComponent(`Leave is booked for ${made.name || 'them'}: ${leavePeriod(made.start, made.end)}.`)}`);
      } catch (err) {
        showError(errors, err, book);
      }
    }, search, people.length > 1 ? who : null, h('div', { class: 'app-filters' }, first, last), reason, button('Book leave', { type: 'submit', id: 'book-leave' }));
    booking = [h2('Book leave'),
      p(people.length > 1
        ? 'For yourself or one of your staff. Whoever is next on each of their rotas covers their shifts.'
        : 'Whoever is next on each of your rotas covers your shifts while you are away.'),
      book];
  }

  return {
    title: 'Leave',
    content: [
      backLink('#/oncall', 'On call now'),
      banner, errors,
      heading('Leave', 'On call'),
      sectionNav('leave'),
      p('Leave is one record with the people directory: leave booked here shows on the person\'s profile, and an ',
        h('em', {}, 'away until'), ' date entered on a profile shows here.'),
      current.length ? scrolling(table({
        caption: `${current.length} ${current.length === 1 ? 'person is' : 'people are'} away now or soon`, captionSize: 'm',
        head: ['Who', 'When', 'Reason', 'Booked by', ...(current.some((l) => mine.has(l.personId)) ? ['Action'] : [])],
        rows: current.map((l) => [h('a', { class: 'govuk-link', href: `#/people/${l.personId}` }, l.name || `Person ${l.personId}`), leavePeriod(l.start, l.end), l.reason || '', `${l.createdBy}, ${dateTime(l.createdAt)}`,
          ...(current.some((x) => mine.has(x.personId)) ? [mine.has(l.personId)
            ? h('button', { type: 'button', class: 'govuk-button govuk-button--warning app-button--small', on: { click: () => remove(l) } },
              'Cancel', h('span', { class: 'govuk-visually-hidden' }, ` the leave of ${l.name || `person ${l.personId}`}`))
            : ''] : [])]),
        id: 'leave-list',
      }), 'Leave') : h('p', { class: 'govuk-body', id: 'leave-list' }, 'Nobody has leave booked.'),
      booking || inset('Only the person themselves, their ICT manager or a partnership admin can book leave.'),
    ],
  };
}
