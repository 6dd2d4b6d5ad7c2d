// One incident: acknowledge, resolve, add a note; the timeline of notifications and escalations,
// refreshed every 5 seconds so an escalation or someone else's acknowledgement shows up by itself.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, button, buttonGroup, form, textarea, summaryList, backLink, dateTime, time, success, table, scrolling, tag } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { severityTag, statusTag, eventText, mayRespond, channelText, deliveryState } from './incident-common.js';

const REFRESH_MS = 5000;

export default async function incident(ctx) {
  const id = ctx.params.id;
  let inc = await api.get(`/api/incidents/${encodeURIComponent(id)}`);
  let deliveries = await api.get(`/api/incidents/${encodeURIComponent(id)}/deliveries`);
  const partnerName = await ctx.partnerName(inc.partner);
  const errors = errorArea();
  const banner = h('div');
  const body = h('div', { id: 'incident-live' });
  const actions = h('div');
  const updated = h('p', { class: 'govuk-body-s', role: 'status' });

  async function act(path, message) {
    try {
      inc = await api.post(`/api/incidents/${inc.id}/${path}`);
      deliveries = await api.get(`/api/incidents/${inc.id}/deliveries`);
      clearError(errors);
      replace(banner, success(message));
      draw();
      banner.firstChild.focus();
    } catch (err) {
      showError(errors, err);
    }
  }

  function draw() {
    replace(body,
      summaryList([
        ['State', statusTag(inc.status)],
        ['Severity', h('span', {}, severityTag(inc.severity), ` ${inc.urgency === 'LOW' ? 'low' : 'high'} urgency`)],
        ['Partner', partnerName],
        ['Raised', `${dateTime(inc.createdAt)} by ${inc.raisedBy}${inc.occurrences > 1 ? ` (raised ${inc.occurrences} times, last at ${dateTime(inc.lastSeenAt)})` : ''}`],
        ['Escalation policy', inc.policyName ? `${inc.policyName}: step ${inc.step}${inc.pass > 1 ? `, round ${inc.pass}` : ''}` : 'None'],
        inc.status === 'TRIGGERED' && inc.nextEscalationAt ? ['Next escalation', `${time(inc.nextEscalationAt)} unless acknowledged`] : null,
        inc.acknowledgedAt ? ['Acknowledged', `${dateTime(inc.acknowledgedAt)} by ${inc.acknowledgedBy}`] : null,
        inc.resolvedAt ? ['Resolved', `${dateTime(inc.resolvedAt)} by ${inc.resolvedBy}`] : null,
        inc.details ? ['Details', inc.details] : null,
        inc.externalRef ? ['Raised by', /^\/#\//.test(inc.externalUrl || '')
          ? h('a', { class: 'govuk-link', href: inc.externalUrl.slice(1), id: 'incident-external' }, inc.externalRef.startsWith('dr-invocation') ? 'The DR plan’s invocation (live checklist)' : inc.externalRef)
          : inc.externalRef] : null,
        inc.responders && inc.responders.length ? ['Called out', h('ul', { class: 'govuk-list', id: 'incident-responders' },
          inc.responders.map((r) => h('li', {}, `${r.name}${r.role === 'OWNER' ? ' (owner)' : ''}${r.why ? ` — ${r.why}` : ''}`)))] : null,
      ]),
      h2('Pages sent'),
      deliveries.length
        ? scrolling(table({
          caption: 'Every page, per person and method', captionSize: 's', id: 'incident-deliveries',
          head: ['Who', 'How', 'Address', 'When', 'State'],
          rows: deliveries.map((d) => {
            const [text, colour] = deliveryState(d);
            return [d.personName || (d.personId ? `Person ${d.personId}` : 'Webhook'), channelText(d.channel),
              d.address, time(d.sentAt || d.dueAt), h('span', {}, tag(text, colour), d.lastError && d.status !== 'SENT' ? ` ${d.lastError}` : '')];
          }),
        }), 'Pages sent')
        : p('No pages yet.'),
      h2('Timeline'),
      h('ol', { class: 'app-timeline', id: 'incident-timeline' }, inc.timeline.map((e) => h('li', { class: 'app-timeline__item', 'data-kind': e.kind },
        h('span', { class: 'app-timeline__time' }, time(e.at)), ' ', eventText(e)))));
    const buttons = [];
    const responder = mayRespond(inc);
    noteForm.hidden = !responder;
    if (!responder) {
      replace(actions, inc.status !== 'RESOLVED' ? p('Only the organisation’s engineers and managers, and the people it paged, can acknowledge or resolve it.') : null);
    } else if (inc.status === 'TRIGGERED') {
      buttons.push(button('Acknowledge', { id: 'acknowledge', on: { click: () => act('acknowledge', 'You have acknowledged the incident. Escalation has stopped.') } }));
    }
    if (inc.status !== 'RESOLVED') {
      buttons.push(button('Resolve', { secondary: true, id: 'resolve', on: { click: () => act('resolve', 'The incident is resolved.') } }));
    }
    if (responder) {
      replace(actions, buttons.length ? buttonGroup(...buttons) : null);
    }
    replace(updated, `Updated at ${time(new Date().toISOString())}. This page refreshes itself every ${REFRESH_MS / 1000} seconds.`);
  }

  const noteField = textarea({ name: 'message', label: 'Add a note', rows: 2 });
  const noteForm = form(async () => {
    try {
      inc = await api.post(`/api/incidents/${inc.id}/notes`, { message: noteField.input.value.trim() });
      noteField.input.value = '';
      clearError(errors, noteForm);
      draw();
      announce('Note added');
    } catch (err) {
      showError(errors, err, noteForm);
    }
  }, noteField, button('Add note', { type: 'submit', secondary: true }));

  const timer = setInterval(async () => {
    try {
      const before = `${inc.status}:${inc.timeline.length}`;
      inc = await api.get(`/api/incidents/${inc.id}`);
      deliveries = await api.get(`/api/incidents/${inc.id}/deliveries`);
      draw();
      if (`${inc.status}:${inc.timeline.length}` !== before) {
        announce(`Incident updated: ${eventText(inc.timeline[inc.timeline.length - 1])}`);
      }
    } catch (err) {
      showError(errors, err);
    }
  }, REFRESH_MS);
  ctx.onLeave(() => clearInterval(timer));
  if (ctx.query.get('raised')) {
    banner.append(success('The incident is raised and on-call is being paged.'));
  }
  draw();
  return {
    title: `Incident ${inc.id}: ${inc.summary}`,
    content: [backLink('#/incidents', 'All incidents'), banner, errors,
      heading(inc.summary, `Incident ${inc.id} · ${partnerName}`), updated, actions, body, noteForm],
  };
}
