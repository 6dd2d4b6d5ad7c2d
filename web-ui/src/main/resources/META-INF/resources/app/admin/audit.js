// Admin: the platform's audit trail, newest first — the gateway's (sign-ins, failed ones, delays,
// sign-outs, changes to users and API keys) and each service's own trail of writes (people and
// skills, rotas and incidents, DR plans) — filtered by part, what happened, who did it, the kind of
// record, the partner and the days. Admins see everything; managers their own partner's entries
// (the APIs decide). A part whose service is down says so; the other parts are still shown.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { showError } from '../core/errors.js';
import { p, table, select, textInput, button, form, pagination, scrolling, dateTime, tag, warning } from '../components/govuk.js';
import { PARTS, partsFor, newestOf, words } from './audit-parts.js';

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
  ['REVOKE', 'Revoked', 'purple'],
  ['APPROVE', 'Approved', 'green'],
  ['SUBMIT', 'Submitted for approval', 'blue'],
  ['REJECT', 'Sent back', 'orange'],
  ['ACKNOWLEDGE', 'Acknowledged', 'green'],
  ['ESCALATE', 'Escalated', 'orange'],
  ['RESOLVE', 'Resolved', 'green'],
  ['IMPORT_SKILLS', 'Skills imported', 'blue'],
];
const ACTION = Object.fromEntries(ACTIONS.map(([code, text, colour]) => [code, [text, colour]]));
const RECORDS = {
  user: 'User', api_key: 'API key', person: 'Person', partner: 'Partner', skill: 'Skill', skill_category: 'Skill category',
  person_skill: "Person's skill", certification: 'Certification', aid_request: 'Mutual aid request', aid_time: 'Time given',
  rota_override: 'Rota override', rota_swap: 'Shift swap', calendar_feed: 'Calendar feed',
  aid_agreement: 'Partnership agreement', rota: 'Rota', leave: 'Leave', incident: 'Incident', escalation_policy: 'Escalation policy',
  ooh_calendar: 'Working hours', bank_holiday: 'Bank holiday', contact_method: 'Contact method', integration_key: 'Monitoring key',
  maintenance_window: 'Maintenance window', heartbeat_monitor: 'Heartbeat monitor', webhook_subscription: 'Webhook',
  dr_plan: 'DR plan', dr_template: 'DR template', dr_template_version: 'DR template version', dr_exercise: 'DR exercise',
  dr_invocation: 'DR invocation', dr_invocation_step: 'Step of a DR invocation', dr_activity_impact: 'Business impact',
};
// dr-planner writes its kinds with hyphens (dr-plan), the others with underscores.
const recordName = (type) => RECORDS[String(type).replace(/-/g, '_')] || words(type);
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
    // A record within the change (an imported person's skills): its fields in words, not as JSON.
    return Object.entries(x).map(([k, v]) => `${WORDS[k] || k}: ${v && typeof v === 'object' && !Array.isArray(v) ? `(${valueText(v)})` : valueText(v)}`).join('; ');
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

/** One part's page of entries; a part whose service cannot answer is marked unavailable, a refused filter kept to show at its field. */
async function readPart(part, params) {
  try {
    return { part, page: await api.get(`${part.path}${api.query(params)}`) };
  } catch (err) {
    if (err.status === 400) {
      return { part, refused: err };
    }
    if (err.status === 0 || err.status >= 500) {
      return { part, unavailable: true };
    }
    throw err;
  }
}

/** The kinds of record and actions the services' trails hold, for the filters; a service that is down adds none. */
async function kindsOf(parts) {
  const answers = await Promise.all(parts.filter((x) => x.kinds).map((x) => api.get(x.kinds).catch(() => ({ entityTypes: [], actions: [] }))));
  const types = new Set(['user', 'api_key']);
  const actions = new Set(ACTIONS.map(([c]) => c));
  answers.forEach((a) => { a.entityTypes.forEach((t) => types.add(t)); a.actions.forEach((x) => actions.add(x)); });
  return {
    types: [...types].map((t) => [t, recordName(t)]).sort((a, b) => a[1].localeCompare(b[1])),
    actions: [...actions].map((c) => [c, (ACTION[c] || [words(c)])[0]]),
  };
}

export default async function audit(ctx, errors) {
  const q = ctx.query;
  const filters = {
    part: PARTS.some((x) => x.key === q.get('part')) ? q.get('part') : '',
    action: q.get('action') || '', actor: q.get('actor') || '', entityType: q.get('entityType') || '',
    partner: session.isAdmin() ? q.get('partner') || '' : '',
    from: q.get('from') || '', to: q.get('to') || '',
  };
  const pageNo = Number(q.get('page') || 0);
  const parts = partsFor(filters.part);
  const one = parts.length === 1;
  const { part: _, ...asked } = filters;
  const [answers, partners, kinds] = await Promise.all([
    Promise.all(parts.map((x) => readPart(x, { ...asked, page: one ? pageNo : 0, size: 50, sort: '-at' }))),
    // Only for the partners' names and the filter: with skills-service down the codes are shown instead.
    api.get('/api/partners?size=500&sort=name').catch(() => ({ items: [] })),
    kindsOf(PARTS),
  ]);
  const partnerName = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const fields = {
    part: select({ name: 'part', label: 'Part of the platform', value: filters.part, options: [['', 'All parts'], ...PARTS.map((x) => [x.key, x.name])] }),
    action: select({ name: 'action', label: 'What happened', value: filters.action, options: [['', 'Anything'], ...kinds.actions] }),
    actor: textInput({ name: 'actor', label: 'Who (username)', value: filters.actor, width: 20, spellcheck: 'false', autocomplete: 'off' }),
    entityType: select({ name: 'entityType', label: 'Record', value: filters.entityType, options: [['', 'Any'], ...kinds.types] }),
    partner: session.isAdmin() ? select({ name: 'partner', label: 'Organisation', value: filters.partner, options: [['', 'All'], ...partners.items.map((x) => [x.code, x.name])] }) : null,
    // Whole days by the UK clock, both included (the services read them so).
    from: textInput({ name: 'from', label: 'From (day)', type: 'date', value: filters.from, width: 10 }),
    to: textInput({ name: 'to', label: 'To (day, included)', type: 'date', value: filters.to, width: 10 }),
  };
  const read = () => ({
    part: fields.part.input.value,
    action: fields.action.input.value, actor: fields.actor.input.value.trim(), entityType: fields.entityType.input.value,
    partner: fields.partner ? fields.partner.input.value : '',
    from: fields.from.input.value, to: fields.to.input.value,
  });
  const f = form(() => ctx.navigate(`#/admin/audit${api.query(read())}`),
    h('div', { class: 'app-filters' }, Object.values(fields)), button('Show entries', { type: 'submit', secondary: true, id: 'filter-audit' }));
  // A filter refused (a "to" day before the "from" day) is the same for every part: said once, at its field.
  const refused = answers.find((a) => a.refused);
  if (refused && errors) {
    showError(errors, refused.refused, f);
  }
  const unavailable = answers.filter((a) => a.unavailable);
  const answered = answers.filter((a) => a.page);
  const total = answered.reduce((n, a) => n + a.page.totalItems, 0);
  const items = one ? (answered[0] ? answered[0].page.items.map((e) => ({ ...e, part: parts[0] })) : []) : newestOf(answered, 50);
  const u = session.user();
  const filtered = Object.values(filters).some(Boolean);
  return [
    p('Who changed what, and when: sign-ins and changes to users and API keys at the gateway, and every change each service records — people and skills, rotas and incidents, DR plans. Newest first.',
      session.isAdmin() ? '' : ` You see the entries of ${partnerName[u.partner] || u.partner}.`),
    f,
    unavailable.length ? h('div', { id: 'audit-unavailable', role: 'status' }, unavailable.map(({ part }) => warning(
      `${part.name}: this part of the audit trail cannot be shown just now, because ${part.service} is not answering. Try again in a few minutes; the other parts below are up to date.`))) : null,
    scrolling(table({
      caption: `${total} ${total === 1 ? 'entry' : 'entries'}${filtered ? ' matching these filters' : ''}${!one && total > items.length ? `, the newest ${items.length} shown` : ''}`,
      captionSize: 'm', id: 'audit-entries',
      head: ['When', 'Who', 'What happened', 'Record', 'Organisation', 'Details'],
      rows: items.map((e) => {
        const [text, colour] = ACTION[e.action] || [words(e.action), 'grey'];
        return [h('span', { class: 'app-nowrap' }, dateTime(e.at)), h('span', { class: 'app-break' }, e.actor), tag(text, colour),
          h('span', {}, `${recordName(e.entityType)}${e.entityId ? ` ${e.entityId}` : ''}`, h('br'), h('span', { class: 'app-part' }, e.part.name)),
          e.partner ? partnerName[e.partner] || e.partner : 'Partnership', detailsOf(e.changes)];
      }),
    }), 'Audit entries'),
    items.length ? null : p(unavailable.length === answers.length ? 'No part of the audit trail can be read just now.' : 'No entries match these filters.'),
    one ? pagination(answered[0] && answered[0].page, (n) => `#/admin/audit${api.query({ ...filters, page: n })}`)
      : total > items.length ? p('Choose one part of the platform to page through all its entries.') : null,
  ];
}
