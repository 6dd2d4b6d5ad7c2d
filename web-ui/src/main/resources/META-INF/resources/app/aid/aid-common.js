// What the mutual-aid screens share: how a status reads, hours and money, the sub-navigation.
import { h } from '../core/dom.js';
import * as session from '../core/session.js';
import { tag } from '../components/govuk.js';

export const STATUS = {
  REQUESTED: ['Waiting for a decision', 'blue'],
  ACCEPTED: ['Accepted', 'green'],
  DECLINED: ['Declined', 'red'],
  IN_PROGRESS: ['In progress', 'turquoise'],
  DONE: ['Done', 'grey'],
  WITHDRAWN: ['Withdrawn', 'grey'],
};

export function statusTag(status) {
  const [text, colour] = STATUS[status] || [status, 'grey'];
  return tag(text, colour);
}

export const hours = (n) => `${Number(n).toLocaleString('en-GB', { maximumFractionDigits: 2 })} h`;

/** Whole pence as pounds: 12250 is £122.50. */
export const pounds = (pence) => `${pence < 0 ? '−' : ''}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function canAsk() {
  return session.hasRole('manager', 'admin');
}

/** The links between the mutual-aid screens, the current one marked for screen readers. */
export function subNav(current) {
  const items = [
    ['requests', '#/aid', 'Requests'],
    ['ask', '#/aid/ask', 'Ask for help', canAsk()],
    ['statement', '#/aid/statement', 'Statements'],
    ['benefits', '#/aid/benefits', 'Benefits'],
    ['agreement', '#/aid/agreement', 'Agreement'],
  ].filter((x) => x[3] !== false);
  return h('nav', { class: 'app-subnav', 'aria-label': 'Mutual aid' },
    h('ul', { class: 'govuk-list app-inline-list' }, items.map(([key, href, text]) => h('li', {},
      h('a', { class: 'govuk-link', href, 'aria-current': key === current ? 'page' : null }, text)))));
}
