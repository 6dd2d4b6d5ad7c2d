// Admin: the audit trail of the gateway — sign-ins (and failed ones, delays, sign-outs) and every
// change to users and API keys — newest first, filtered by what happened, who did it, the kind of
// record and the partner. Admins see everything; managers their own partner's entries (the API
// decides). The services' own audit logs of people, rotas and plans have no API to read them yet.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { p, table, select, textInput, button, form, pagination, scrolling, dateTime, tag, inset } from '../components/govuk.js';

export const ACTIONS = [
  ['SIGN_IN', 'Signed in', 'green'],
  ['SIGN_IN_FAILED', 'Sign-in failed', 'red'],
  ['SIGN_IN_THROTTLED', 'Sign-ins delayed', 'orange'],
  ['SIGN_OUT', 'Signed out', 'grey'],
  ['REFRESH_REUSED', 'Copied session ended', 'red'],
  ['PASSWORD_CHANGED', 'Changed own password', 'blue'],
  ['CREATE', 'Added', 'blue'],
  ['UPDATE', 'Changed', 'blue'],
  ['DELETE', 'Removed', 'purple'],
  ['PASSWORD_RESET', 'Password set by an admin', 'purple'],
  ['UNLOCK', 'Sign-in delays cleared', 'purple'],
  ['REVOKE', 'API key revoked', 'purple'],
];
const ACTION = Object.fromEntries(ACTIONS.map(([code, text, colour]) => [code, [text, colour]]));
const RECORDS = { user: 'User', api_key: 'API key' };
const WORDS = {
  method: 'how', address: 'from address', reason: 'reason', scope: 'counted by', until: 'until', session: 'session',
  otherSessionsEnded: 'other sessions ended', by: 'by', username: 'username', displayName: 'name', roles: 'roles',
  partner: 'partner', personId: 'person', enabled: 'enabled', email: 'email', name: 'name', permissions: 'permissions',
  expiresAt: 'expires', prefix: 'starts with', seeded: 'made at first start',
};

function valueText(x) {
  if (x === null || x === undefined || x === '') {
    return 'none';
  }
  if (Array.isArray(x)) {
    return x.length ? x.join(', ') : 'none';
  }
  if (typeof x === 'boolean') {
    return x ? 'yes' : 'no';
  }
  if (typeof x === 'object') {
    return JSON.stringify(x);
  }
  const s = String(x);
  return s === 'password' ? 'username and password' : s.replace(/^oidc:/, 'council sign-in: ');
}

/** The changes or details an entry records, as a list of "field: value" or "field: old → new". */
function detailsOf(json) {
  if (!json) {
    return '';
  }
  let data;
  try {
    data = JSON.parse(json);
  } catch {
    return h('span', { class: 'app-break' }, json);
  }
  if (!data || typeof data !== 'object') {
    return valueText(data);
  }
  return h('ul', { class: 'govuk-list app-audit-details' }, Object.entries(data).map(([k, x]) => h('li', { class: 'app-break' },
    `${WORDS[k] || k}: `,
    x && typeof x === 'object' && !Array.isArray(x) && ('from' in x || 'to' in x) ? `${valueText(x.from)} → ${valueText(x.to)}` : valueText(x))));
}

export default async function audit(ctx) {
  const q = ctx.query;
  const filters = {
    action: q.get('action') || '', actor: q.get('actor') || '', entityType: q.get('entityType') || '',
    partner: session.isAdmin() ? q.get('partner') || '' : '',
  };
  const pageNo = Number(q.get('page') || 0);
  const [page, partners] = await Promise.all([
    api.get(`/api/auth/audit${api.query({ ...filters, page: pageNo, size: 50, sort: '-at' })}`),
    api.get('/api/partners?size=500&sort=name'),
  ]);
  const partnerName = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const fields = {
    action: select({ name: 'action', label: 'What happened', value: filters.action, options: [['', 'Anything'], ...ACTIONS.map(([c, t]) => [c, t])] }),
    actor: textInput({ name: 'actor', label: 'Who (username)', value: filters.actor, width: 20, spellcheck: 'false', autocomplete: 'off' }),
    entityType: select({ name: 'entityType', label: 'Record', value: filters.entityType, options: [['', 'Any'], ['user', 'Users and their sign-ins'], ['api_key', 'API keys']] }),
    partner: session.isAdmin() ? select({ name: 'partner', label: 'Organisation', value: filters.partner, options: [['', 'All'], ...partners.items.map((x) => [x.code, x.name])] }) : null,
  };
  const read = () => ({
    action: fields.action.input.value, actor: fields.actor.input.value.trim(), entityType: fields.entityType.input.value,
    partner: fields.partner ? fields.partner.input.value : '',
  });
  const f = form(() => ctx.navigate(`#/admin/audit${api.query(read())}`),
    h('div', { class: 'app-filters' }, fields.action, fields.actor, fields.entityType, fields.partner), button('Show entries', { type: 'submit', secondary: true, id: 'filter-audit' }));
  const u = session.user();
  const filtered = Object.values(filters).some(Boolean);
  return [
    p('Sign-ins, failed sign-ins and sign-outs, and every change to users and API keys, newest first.',
      session.isAdmin() ? '' : ` You see the entries of ${partnerName[u.partner] || u.partner}.`),
    f,
    scrolling(table({
      caption: `${page.totalItems} ${page.totalItems === 1 ? 'entry' : 'entries'}${filtered ? ' matching these filters' : ''}`, captionSize: 'm', id: 'audit-entries',
      head: ['When', 'Who', 'What happened', 'Record', 'Organisation', 'Details'],
      rows: page.items.map((e) => {
        const [text, colour] = ACTION[e.action] || [e.action, 'grey'];
        return [h('span', { class: 'app-nowrap' }, dateTime(e.at)), h('span', { class: 'app-break' }, e.actor), tag(text, colour),
          `${RECORDS[e.entityType] || e.entityType}${e.entityId ? ` ${e.entityId}` : ''}`,
          e.partner ? partnerName[e.partner] || e.partner : 'Partnership', detailsOf(e.changes)];
      }),
    }), 'Audit entries'),
    page.items.length ? null : p('No entries match these filters.'),
    pagination(page, (n) => `#/admin/audit${api.query({ ...filters, page: n })}`),
    inset('Changes to people, skills, rotas and DR plans are recorded by each service in its own audit log; they are not shown here yet.'),
  ];
}
