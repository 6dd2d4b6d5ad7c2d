// The activation section of a plan's page: when to invoke it and who may, whom invoking it calls
// out (the plan's owner and the owners of its first-wave steps, and who cannot be paged and why),
// and how the last call-out went — the incident it raised, paged or acknowledged, or that it could
// not be sent and why.
import { h } from '../core/dom.js';
import { h2, h3, p, tag, summaryList, table, scrolling, warning, dateTime, link } from '../components/govuk.js';
import { CALL_OUT_STATUS, INCIDENT_STATUS } from './call-out.js';

function criteria(activation) {
  return activation.criteria.length
    ? [p('Invoke this plan when:'), h('ul', { class: 'govuk-list govuk-list--bullet', id: 'activation-criteria' },
      activation.criteria.map((c) => h('li', {}, c.threshold ? `${c.condition} (${c.threshold})` : c.condition)))]
    : p('The plan states no activation criteria.');
}

function callTree(tree) {
  if (!tree.length) {
    return h('p', { class: 'govuk-body', id: 'call-tree' }, 'The plan names nobody to call out: no owner and no owners of first-wave steps.');
  }
  return scrolling(table({
    caption: 'Call tree: whom invoking the plan pages', captionSize: 's', id: 'call-tree',
    head: ['Who', 'Why', 'Paged through rota-service'],
    rows: tree.map((x) => [`${x.name}${x.role === 'OWNER' ? ' (plan owner)' : ''}`, x.why,
      x.notPaged ? tag('Cannot be paged', 'red') : 'Yes']),
  }), 'Call tree');
}

function notPaged(tree) {
  const out = tree.filter((x) => x.notPaged);
  return out.length
    ? h('div', { id: 'call-tree-not-paged' }, warning(`${out.length} of the call tree cannot be paged: call them yourself when the plan is invoked.`),
      h('ul', { class: 'govuk-list govuk-list--bullet' }, out.map((x) => h('li', {}, `${x.name}: ${x.notPaged.replace(/^not paged: /, '')}`))))
    : null;
}

function lastCallOut(last) {
  if (!last) {
    return [h3('Last call-out'), h('p', { class: 'govuk-body', id: 'last-call-out' }, 'The plan has not been invoked with a call-out yet.')];
  }
  const view = last.callOut;
  const c = view.callOut;
  const [text, colour] = CALL_OUT_STATUS[c.status] || [c.status, 'grey'];
  const inc = view.incident;
  return [h3('Last call-out'),
    c.status === 'NOT_SENT' ? warning(`The call-out could not be sent: nobody was paged. ${c.detail || ''}`) : null,
    h('div', { id: 'last-call-out' }, summaryList([
      ['Invocation', [link(`#/dr/invocations/${last.invocationId}`, `Invocation ${last.invocationId}`),
        ` of revision ${last.revision}, ${last.invocationStatus === 'OPEN' ? 'open' : 'closed'}; begun ${dateTime(last.startedAt)} by ${last.startedBy}`]],
      ['Call-out', [tag(text, colour), c.at ? ` ${dateTime(c.at)}` : '']],
      c.incidentId ? ['Incident', [link(c.incidentLink, `Incident ${c.incidentId}`),
        inc ? [' ', tag(...(INCIDENT_STATUS[inc.status] || [inc.status, 'grey']))] : null]] : null,
      inc ? ['Acknowledged', inc.acknowledgedBy ? `by ${inc.acknowledgedBy}, ${dateTime(inc.acknowledgedAt)}` : 'Not yet: it escalates until someone acknowledges'] : null,
      view.incidentUnknown ? ['Incident now', `Unknown: ${view.incidentUnknown}`] : null,
      c.status !== 'NOT_SENT' && c.detail ? ['What happened', c.detail] : null,
      ['People paged', `${c.people.filter((x) => !x.notPaged).length} of ${c.people.length} named${c.status === 'NOT_SENT' ? ' (none paged: not sent)' : ''}`],
    ]))];
}

/** The section; {@code view} is GET /api/dr/plans/{id}/activation. */
export function activationSection(plan, view) {
  const activation = (plan.specifics && plan.specifics.activation) || { criteria: [], mayInvoke: [] };
  return h('section', { id: 'activation', 'aria-labelledby': 'activation-title' },
    h2('Activation', { id: 'activation-title' }),
    criteria(activation),
    p('Who may invoke it: ', activation.mayInvoke.length
      ? activation.mayInvoke.map((i) => (i.username ? `${i.name} (${i.username})` : `${i.name} (${i.role})`)).join('; ')
      : `DR leads and managers of ${plan.partner}, and partnership admins.`),
    callTree(view.callTree),
    notPaged(view.callTree),
    lastCallOut(view.lastCallOut));
}
