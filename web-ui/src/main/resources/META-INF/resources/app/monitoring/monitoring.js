// Monitoring intake, for ICT managers (their own partner) and admins: the integration keys alerts
// are sent with, maintenance windows that keep planned work from paging anyone, heartbeat monitors
// that page when a job falls silent, and the alerts received (the suppressed ones among them).
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, button, buttonGroup, form, select, textInput, radios, scrolling, dateTime, success, tag, inset, details, enumText } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';

const SEVERITIES = [['CRITICAL', 'Critical'], ['HIGH', 'High'], ['MEDIUM', 'Medium'], ['LOW', 'Low']];
const STATE_COLOURS = { UP: 'green', WAITING: 'grey', DOWN: 'red' };
const OUTCOME_COLOURS = { RAISED: 'red', REPEATED: 'orange', ACKNOWLEDGED: 'blue', RESOLVED: 'green', NOT_OPEN: 'grey', SUPPRESSED: 'purple', TEST: 'light-blue' };

/** Managers (their own partner) and admins manage monitoring; everyone else is told so. */
export function mayManage() {
  return session.isAdmin() || (session.hasRole('manager') && Boolean(session.user().partner));
}

/** A "copy" button for a secret shown once, with a visible confirmation for screen readers too. */
function copyable(label, value, id) {
  const status = h('span', { class: 'govuk-body-s app-copy-status', role: 'status' });
  const field = h('input', { class: 'govuk-input app-secret', id, type: 'text', readonly: true, value, spellcheck: false, 'aria-describedby': `${id}-hint` });
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label govuk-label--s', for: id }, label),
    h('div', { class: 'govuk-hint', id: `${id}-hint` }, 'Shown this once: copy it now.'),
    field,
    button(`Copy ${label.toLowerCase()}`, {
      secondary: true, small: true,
      on: {
        click: async () => {
          field.select();
          try {
            await navigator.clipboard.writeText(value);
            replace(status, ' Copied.');
          } catch {
            replace(status, ' Selected: press Ctrl+C (or ⌘C) to copy.');
          }
        },
      },
    }), status);
}

function keysSection(keys, policies, partners, ctx, errors) {
  const u = session.user();
  const created = h('div', { id: 'created-key' });
  const editable = partners.filter((pt) => session.canEditPartner(pt.code, 'manager'));
  const partnerField = select({ name: 'partner', label: 'Partner', value: u.partner || (editable[0] || {}).code, options: editable.map((pt) => [pt.code, pt.name]) });
  const name = textInput({ name: 'name', label: 'Name', hint: 'For example: Prometheus, Grafana or PRTG at City Hall', width: 'full' });
  const service = textInput({ name: 'service', label: 'Monitored service', hint: 'Named at the start of every incident it raises, for example: Core network', width: 'full' });
  const policy = select({ name: 'policyId', label: 'Escalation policy', options: [['', 'The partner’s default policy'], ...policies.map((pol) => [pol.id, pol.name])] });
  const severity = radios({ name: 'defaultSeverity', legend: 'Severity when an alert names none', value: 'HIGH', inline: true, small: true, options: SEVERITIES });
  const createForm = form(async () => {
    try {
      const c = await api.post('/api/integrations', {
        partner: partnerField.input.value, name: name.input.value, service: service.input.value,
        policyId: policy.input.value ? Number(policy.input.value) : null, defaultSeverity: severity.value(),
      });
      clearError(errors, createForm);
      replace(created, success(`${c.integration.name} is ready`,
        copyable('Integration key', c.key, 'new-key'),
        copyable('Alertmanager URL', c.urls.alertmanager, 'new-url-alertmanager'),
        copyable('Grafana URL', c.urls.grafana, 'new-url-grafana'),
        copyable('Generic JSON URL', c.urls.events, 'new-url-events'),
        p('Only a hash of the key is kept: if it is lost, revoke it and create another.')));
      announce(`${c.integration.name} is ready; its key is shown once.`);
      created.querySelector('input').focus();
    } catch (err) {
      showError(errors, err, createForm);
    }
  }, editable.length > 1 ? partnerField : null, name, service, policy, severity, button('Create the key', { type: 'submit', id: 'create-key' }));

  const rows = keys.map((k) => {
    const actions = k.revoked ? 'Revoked' : buttonGroup(
      button('Test', { secondary: true, small: true, id: `test-${k.id}`, on: { click: async () => {
        try {
          await api.post(`/api/integrations/${k.id}/test`);
          ctx.navigate(`#/monitoring?done=${encodeURIComponent(`A test alert reached ${k.name}; nobody was paged.`)}`);
        } catch (err) {
          showError(errors, err);
        }
      } } }),
      button('Revoke', { warning: true, small: true, id: `revoke-${k.id}`, on: { click: async () => {
        try {
          await api.post(`/api/integrations/${k.id}/revoke`);
          ctx.navigate(`#/monitoring?done=${encodeURIComponent(`${k.name} is revoked: its alerts are refused from now on.`)}`);
        } catch (err) {
          showError(errors, err);
        }
      } } }));
    return [k.name, k.service, `${k.prefix}…`, k.partner, k.lastAlertAt ? dateTime(k.lastAlertAt) : 'None yet', actions];
  });
  return [
    h2('Integration keys', { id: 'keys' }),
    p('Monitoring sends alerts to a key’s URL, or to /api/intake/alertmanager, /grafana or /events with the key as a bearer token. Repeats of an open alert are counted, not paged again; a resolved alert resolves its incident.'),
    keys.length ? scrolling(table({ id: 'keys-table', firstCellIsHeader: true, head: ['Name', 'Service', 'Key', 'Partner', 'Last alert', 'Actions'], rows }), 'Integration keys') : p('No integration keys yet.'),
    created,
    details('Create an integration key', createForm),
  ];
}

function maintenanceSection(windows, keys, partners, ctx, errors) {
  const u = session.user();
  const editable = partners.filter((pt) => session.canEditPartner(pt.code, 'manager'));
  const partnerField = select({ name: 'partner', label: 'Partner', value: u.partner || (editable[0] || {}).code, options: editable.map((pt) => [pt.code, pt.name]) });
  const key = select({ name: 'integrationId', label: 'Alerts of', options: [['', 'Every key and heartbeat monitor of the partner'], ...keys.filter((k) => !k.revoked).map((k) => [k.id, k.name])] });
  const reason = textInput({ name: 'reason', label: 'Planned work', hint: 'For example: Core switch firmware upgrade', width: 'full' });
  const minutes = textInput({ name: 'minutes', label: 'Starting now, for how many minutes', width: 5, inputmode: 'numeric', value: '60' });
  const startsAt = textInput({ name: 'startsAt', label: 'Or scheduled: starts at', hint: 'Your local time', type: 'datetime-local' });
  const endsAt = textInput({ name: 'endsAt', label: 'Ends at', type: 'datetime-local' });
  const when = radios({ name: 'when', legend: 'When', value: 'now', inline: true, small: true, options: [['now', 'Now'], ['scheduled', 'Scheduled']] });
  const createForm = form(async () => {
    const scheduled = when.value() === 'scheduled';
    const iso = (v) => (v ? new Date(v).toISOString() : null);
    try {
      await api.post('/api/integrations/maintenance-windows', {
        partner: partnerField.input.value, integrationId: key.input.value ? Number(key.input.value) : null, reason: reason.input.value,
        minutes: scheduled ? null : Number(minutes.input.value) || null,
        startsAt: scheduled ? iso(startsAt.input.value) : null, endsAt: scheduled ? iso(endsAt.input.value) : null,
      });
      clearError(errors, createForm);
      ctx.navigate(`#/monitoring?done=${encodeURIComponent('The maintenance window is set: alerts in it are recorded, not paged.')}`);
    } catch (err) {
      showError(errors, err, createForm);
    }
  }, editable.length > 1 ? partnerField : null, key, reason, when, minutes, startsAt, endsAt, button('Start the window', { type: 'submit', id: 'start-maintenance' }));
  const keyName = Object.fromEntries(keys.map((k) => [k.id, k.name]));
  return [
    h2('Maintenance windows', { id: 'maintenance' }),
    windows.length ? scrolling(table({
      id: 'maintenance-table', firstCellIsHeader: true, head: ['Planned work', 'Alerts of', 'From', 'Until', 'State', 'Actions'],
      rows: windows.map((w) => [w.reason, w.integrationId ? keyName[w.integrationId] || `Key ${w.integrationId}` : `All of ${w.partner}`, dateTime(w.startsAt), dateTime(w.endsAt),
        w.active ? tag('Suppressing', 'purple') : tag('Scheduled', 'blue'),
        button('End now', { secondary: true, small: true, id: `end-${w.id}`, on: { click: async () => {
          try {
            await api.post(`/api/integrations/maintenance-windows/${w.id}/end`);
            ctx.navigate(`#/monitoring?done=${encodeURIComponent(`${w.reason}: ended; alerts page again.`)}`);
          } catch (err) {
            showError(errors, err);
          }
        } } })]),
    }), 'Maintenance windows') : p('No maintenance windows now or to come.'),
    details('Start or schedule a maintenance window', createForm),
  ];
}

function heartbeatSection(monitors, policies, partners, ctx, errors) {
  const u = session.user();
  const created = h('div', { id: 'created-heartbeat' });
  const editable = partners.filter((pt) => session.canEditPartner(pt.code, 'manager'));
  const partnerField = select({ name: 'partner', label: 'Partner', value: u.partner || (editable[0] || {}).code, options: editable.map((pt) => [pt.code, pt.name]) });
  const name = textInput({ name: 'name', label: 'Name', hint: 'For example: Nightly backup at City Hall', width: 'full' });
  const interval = textInput({ name: 'intervalSeconds', label: 'Expected every (seconds)', hint: 'At least 30; a daily job: 86400', width: 10, inputmode: 'numeric' });
  const grace = textInput({ name: 'graceSeconds', label: 'Grace (seconds)', hint: 'How late a ping may be before anyone is paged', width: 10, inputmode: 'numeric', value: '300' });
  const policy = select({ name: 'policyId', label: 'Escalation policy', options: [['', 'The partner’s default policy'], ...policies.map((pol) => [pol.id, pol.name])] });
  const severity = radios({ name: 'severity', legend: 'Severity', value: 'HIGH', inline: true, small: true, options: SEVERITIES });
  const createForm = form(async () => {
    try {
      const c = await api.post('/api/integrations/heartbeats', {
        partner: partnerField.input.value, name: name.input.value, severity: severity.value(),
        intervalSeconds: Number(interval.input.value) || null, graceSeconds: grace.input.value === '' ? null : Number(grace.input.value),
        policyId: policy.input.value ? Number(policy.input.value) : null,
      });
      clearError(errors, createForm);
      replace(created, success(`${c.monitor.name} is watching`,
        copyable('Ping URL', c.pingUrl, 'new-ping-url'),
        p('The job should call it (GET or POST) every time it runs, for example: curl -fsS ', h('code', {}, c.pingUrl))));
      announce(`${c.monitor.name} is watching; its ping URL is shown once.`);
      created.querySelector('input').focus();
    } catch (err) {
      showError(errors, err, createForm);
    }
  }, editable.length > 1 ? partnerField : null, name, interval, grace, policy, severity, button('Create the monitor', { type: 'submit', id: 'create-heartbeat' }));
  return [
    h2('Heartbeat monitors', { id: 'heartbeats' }),
    p('A job that stops pinging its URL raises an incident along its policy; its next ping resolves it.'),
    monitors.length ? scrolling(table({
      id: 'heartbeats-table', firstCellIsHeader: true, head: ['Monitor', 'State', 'Last ping', 'Silent after', 'Incident', 'Actions'],
      rows: monitors.map((m) => [m.name, tag(enumText(m.state), STATE_COLOURS[m.state]), m.lastPingAt ? dateTime(m.lastPingAt) : 'Never', dateTime(m.dueAt),
        m.incidentId ? h('a', { class: 'govuk-link', href: `#/incidents/${m.incidentId}` }, `#${m.incidentId}`) : '',
        button('Delete', { warning: true, small: true, id: `delete-heartbeat-${m.id}`, on: { click: async () => {
          try {
            await api.del(`/api/integrations/heartbeats/${m.id}`);
            ctx.navigate(`#/monitoring?done=${encodeURIComponent(`${m.name} is deleted.`)}`);
          } catch (err) {
            showError(errors, err);
          }
        } } })]),
    }), 'Heartbeat monitors') : p('No heartbeat monitors yet.'),
    created,
    details('Create a heartbeat monitor', createForm),
  ];
}

function alertsSection(alerts, keys) {
  const keyName = Object.fromEntries(keys.map((k) => [k.id, k.name]));
  return [
    h2('Alerts received', { id: 'alerts' }),
    p('The latest alerts and what came of each. Suppressed ones arrived during a maintenance window: recorded, nobody paged.'),
    alerts.items.length ? scrolling(table({
      id: 'alerts-table', head: ['Received', 'From', 'Alert', 'Action', 'Outcome', 'Incident'],
      rows: alerts.items.map((a) => [dateTime(a.receivedAt), a.integrationId ? keyName[a.integrationId] || `Key ${a.integrationId}` : `Heartbeat ${a.heartbeatId || ''}`,
        a.summary, enumText(a.action), tag(enumText(a.outcome), OUTCOME_COLOURS[a.outcome]),
        a.incidentId ? h('a', { class: 'govuk-link', href: `#/incidents/${a.incidentId}` }, `#${a.incidentId}`) : '']),
    }), 'Alerts received') : p('No alerts received yet.'),
  ];
}

export default async function monitoring(ctx) {
  if (!mayManage()) {
    return {
      title: 'Monitoring intake',
      content: [heading('Monitoring intake', 'Incidents'), inset('Only ICT managers (for their own partner) and partnership admins manage monitoring intake.')],
    };
  }
  const outcome = ctx.query.get('outcome') || '';
  const [keys, windows, monitors, alerts, policies, partners] = await Promise.all([
    api.get('/api/integrations'),
    api.get('/api/integrations/maintenance-windows'),
    api.get('/api/integrations/heartbeats'),
    api.get(`/api/integrations/alerts?size=25${outcome ? `&outcome=${encodeURIComponent(outcome)}` : ''}`),
    api.get('/api/escalation-policies'),
    api.get('/api/partners?size=500&sort=name'),
  ]);
  const errors = errorArea();
  return {
    title: 'Monitoring intake',
    content: [
      ctx.query.get('done') ? success(ctx.query.get('done')) : null,
      errors,
      heading('Monitoring intake', 'Incidents'),
      keysSection(keys, policies, partners.items, ctx, errors),
      maintenanceSection(windows, keys, partners.items, ctx, errors),
      heartbeatSection(monitors, policies, partners.items, ctx, errors),
      alertsSection(alerts, keys),
      h('p', { class: 'govuk-body' }, outcome === 'SUPPRESSED'
        ? h('a', { class: 'govuk-link', href: '#/monitoring', id: 'all-alerts' }, 'Show every alert')
        : h('a', { class: 'govuk-link', href: '#/monitoring?outcome=SUPPRESSED', id: 'suppressed-alerts' }, 'Show only suppressed alerts')),
    ],
  };
}
