// The call-out of a DR invocation: the incident rota-service raised to page the plan's owner and
// the owners of its first-wave steps, who acknowledged it, and — when rota-service could not be
// reached — that nobody was paged, who should have been, and (for those who may) a retry.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { h2, tag, summaryList, button, warning, table, scrolling, dateTime, p } from '../components/govuk.js';
import { showError } from '../core/errors.js';

export const CALL_OUT_STATUS = {
  SENT: ['Sent', 'blue'],
  NOT_SENT: ['Could not be sent', 'red'],
  RESOLVED: ['Over: incident resolved', 'grey'],
  NOT_RESOLVED: ['Incident not resolved', 'red'],
};
export const INCIDENT_STATUS = { TRIGGERED: ['Paging, not acknowledged', 'orange'], ACKNOWLEDGED: ['Acknowledged', 'green'], RESOLVED: ['Resolved', 'grey'] };

/**
 * The call-out section; refresh() reads it again (with the incident as rota-service has it now).
 * onChanged(inv) gets the invocation after a retry.
 */
export function callOutSection(invocationId, errors, onChanged) {
  const root = h('section', { id: 'call-out', 'aria-labelledby': 'call-out-title' });
  let view = null;

  async function retry(btn) {
    btn.disabled = true;
    try {
      const inv = await api.post(`/api/dr/invocations/${invocationId}/call-out/retry`, {});
      await refresh();
      onChanged(inv);
      announce(inv.callOut && (inv.callOut.status === 'SENT' || inv.callOut.status === 'RESOLVED')
        ? 'The call-out went through.' : 'rota-service still cannot be reached; the call-out is not sent.');
      const again = document.getElementById('call-out-retry');
      (again || document.getElementById('call-out-title')).focus();
    } catch (err) {
      showError(errors, err);
      btn.disabled = false;
    }
  }

  function draw() {
    const c = view && view.callOut;
    if (!c) {
      replace(root, h2('Call-out', { id: 'call-out-title', tabindex: '-1' }), p('This invocation began before call-outs: nobody was paged through rota-service.'));
      return;
    }
    const [text, colour] = CALL_OUT_STATUS[c.status] || [c.status, 'grey'];
    const inc = view.incident;
    const failed = c.status === 'NOT_SENT' || c.status === 'NOT_RESOLVED';
    replace(root,
      h2('Call-out', { id: 'call-out-title', tabindex: '-1' }),
      failed ? warning(c.status === 'NOT_SENT'
        ? 'The call-out could not be sent: nobody has been paged. Call the people below yourself.'
        : 'The incident could not be resolved: it keeps paging until someone resolves it.') : null,
      summaryList([
        ['Call-out', tag(text, colour)],
        c.incidentId ? ['Incident', h('span', {},
          h('a', { class: 'govuk-link', href: c.incidentLink, id: 'call-out-incident' }, `Incident ${c.incidentId}`),
          inc ? [' ', tag(...(INCIDENT_STATUS[inc.status] || [inc.status, 'grey'])), inc.policyName ? ` · ${inc.policyName}` : ''] : null)] : null,
        inc ? ['Acknowledged', inc.acknowledgedBy ? `by ${inc.acknowledgedBy}, ${dateTime(inc.acknowledgedAt)}` : 'Not yet: it escalates until someone acknowledges'] : null,
        view.incidentUnknown ? ['Incident now', `Unknown: ${view.incidentUnknown}`] : null,
        ['What happened', `${c.detail || ''}${c.at ? ` (${dateTime(c.at)})` : ''}`],
      ]),
      c.people.length ? scrolling(table({
        caption: 'Who the call-out names', captionSize: 's', id: 'call-out-people',
        head: ['Who', 'Why', 'Paged through rota-service'],
        rows: c.people.map((x) => [`${x.name}${x.role === 'OWNER' ? ' (plan owner)' : ''}`, x.why,
          x.notPaged ? x.notPaged : (c.status === 'NOT_SENT' ? 'No: the call-out was not sent' : 'Yes')]),
      }), 'Who the call-out names') : p('The plan names nobody to call out: no owner and no owners of first-wave steps.'),
      view.mayRetry ? button(c.status === 'NOT_SENT' ? 'Send the call-out again' : 'Resolve the incident again', {
        id: 'call-out-retry', on: { click: (e) => retry(e.currentTarget) },
      }) : null);
  }

  async function refresh() {
    try {
      view = await api.get(`/api/dr/invocations/${invocationId}/call-out`);
      draw();
    } catch (err) {
      showError(errors, err);
    }
  }

  return { root, refresh };
}
