// What the rota screens share: the words for why someone is on call, who may change what (the
// rota-service's rules, mirrored so nobody is offered an action that would be refused), and the
// section's own menu.
import { h } from '../core/dom.js';
import * as session from '../core/session.js';
import { tag } from '../components/govuk.js';

export const REASONS = {
  SCHEDULED: ['Scheduled', 'grey'],
  OVERRIDE: ['Override', 'purple'],
  LEAVE_COVER: ['Covering leave', 'orange'],
  SWAP: ['Swap', 'turquoise'],
};

export function reasonTag(reason) {
  const [text, colour] = REASONS[reason] || [reason, 'grey'];
  return tag(text, colour);
}

export const LAYERS = { PRIMARY: 'Primary', SECONDARY: 'Secondary' };

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Admins change any rota; managers a rota that covers their own partner (RotaService.requireEditRights). */
export function mayEditRota(partners) {
  return [...(partners || [])].some((pt) => session.canEditPartner(pt, 'manager'));
}

/** Admins, and managers for a rota that covers (at least) their own partner. */
export function mayCreateRota() {
  const u = session.user();
  return session.isAdmin() || Boolean(u && u.partner && session.hasRole('manager'));
}

/** Whether the signed-in person is a member of a rota (a member may ask for a swap of their own shifts). */
export function isMember(r) {
  const me = session.user() && session.user().person;
  return Boolean(me) && r.layers.some((l) => l.members.some((m) => m.personId === me));
}

/** Leave: the person themselves, a manager of their partner, or an admin. */
export function mayBookLeaveFor(person) {
  const u = session.user();
  if (!u || !person) {
    return false;
  }
  return u.person === person.id || session.canEditPartner(person.partner, 'manager');
}

/** Escalation policies: partnership-wide ones are for admins; a partner's for its managers too. */
export function mayEditPolicy(partner) {
  return partner ? session.canEditPartner(partner, 'manager') : session.isAdmin();
}

/** The working-hours calendar and bank holidays are the partnership admins' (the API allows only them). */
export function mayEditCalendar() {
  return session.isAdmin();
}

const SECTIONS = [
  ['oncall', '#/oncall', 'On call now'],
  ['leave', '#/leave', 'Leave'],
  ['swaps', '#/swap-requests', 'Swap requests'],
  ['escalation', '#/escalation', 'Escalation policies'],
  ['calendar', '#/calendar', 'Working hours and bank holidays'],
];

/** The on-call section's own menu, the current page marked. */
export function sectionNav(current) {
  return h('nav', { class: 'app-subnav', 'aria-label': 'On-call sections' },
    h('ul', { class: 'app-subnav__list' }, SECTIONS.map(([key, href, text]) => h('li', { class: 'app-subnav__item' },
      h('a', { class: 'govuk-link app-subnav__link', href, 'aria-current': key === current ? 'page' : null }, text)))));
}

/** "P7D" → "1 week", "P3D" → "3 days". */
export function period(iso) {
  const m = /^P(\d+)([DW])$/.exec(iso || '');
  if (!m) {
    return iso;
  }
  let n = Number(m[1]);
  let unit = m[2] === 'W' ? 'week' : 'day';
  if (unit === 'day' && n % 7 === 0) {
    n /= 7;
    unit = 'week';
  }
  return n === 1 ? unit : `${n} ${unit}s`;
}

/** A duration the API writes (PT5M, PT1H30M, PT45S) in words: "5 min", "1 h 30 min", "45 s". */
export function duration(iso) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso || '');
  if (!m) {
    return iso || '';
  }
  const [hours, mins, secs] = [m[1], m[2], m[3]].map((x) => Number(x || 0));
  return [hours ? `${hours} h` : '', mins ? `${mins} min` : '', secs ? `${secs} s` : ''].filter(Boolean).join(' ') || '0 min';
}
