// Incidents: raise one, see the open ones (refreshed every 10 seconds without a reload).
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, link, button, form, select, textInput, textarea, radios, scrolling, dateTime, details, time } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { severityTag, statusTag, mayRaise } from './incident-common.js';

export const REFRESH_MS = 10000;

export default async function incidents(ctx) {
  const u = session.user();
  const [partners, firstOpen, recent] = await Promise.all([
    api.get('/api/partners?size=500&sort=name'),
    openIncidents(),
    api.get('/api/incidents?status=RESOLVED&size=10&sort=-createdAt').catch(() => ({ items: [] })),
  ]);
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const errors = errorArea();
  const list = h('div', { id: 'open-incidents' });
  const updated = h('p', { class: 'govuk-body-s', role: 'status' });
  let known = new Set(firstOpen.map((i) => `${i.id}:${i.status}`));

  function draw(items) {
    replace(list, items.length ? scrolling(table({
      caption: `${items.length} open ${items.length === 1 ? 'incident' : 'incidents'}`, captionSize: 'm',
      head: ['Incident', 'Partner', 'Severity', 'State', 'Raised', 'Escalation'],
      rows: items.map((i) => [link(`#/incidents/${i.id}`, `#${i.id} ${i.summary}`), names[i.partner] || i.partner, severityTag(i.severity), statusTag(i.status),
        dateTime(i.createdAt), i.status === 'TRIGGERED' ? `step ${i.step}${i.nextEscalationAt ? `, next at ${time(i.nextEscalationAt)}` : ''}` : `by ${i.acknowledgedBy}`]),
    }), 'Open incidents') : p('No open incidents.'));
    replace(updated, `Updated at ${time(new Date().toISOString())}. The list refreshes itself every ${REFRESH_MS / 1000} seconds.`);
  }

  const timer = setInterval(async () => {
    try {
      const items = await openIncidents();
      const now = new Set(items.map((i) => `${i.id}:${i.status}`));
      const changed = [...now].some((k) => !known.has(k)) || [...known].some((k) => !now.has(k));
      known = now;
      draw(items);
      if (changed) {
        announce(`Open incidents changed: ${items.length} open`);
      }
    } catch (err) {
      showError(errors, err);
    }
  }, REFRESH_MS);
  ctx.onLeave(() => clearInterval(timer));
  draw(firstOpen);

  const partnerField = select({
    name: 'partner', label: 'Partner affected', value: u.partner || '',
    options: partners.items.filter((x) => session.isAdmin() || x.code === u.partner).map((x) => [x.code, x.name]),
  });
  const summary = textInput({ name: 'summary', label: 'What is wrong', hint: 'One line, for example: Citrix farm down at City Hall', width: 'full' });
  const severity = radios({
    name: 'severity', legend: 'Severity', value: 'HIGH', small: true,
    options: [['CRITICAL', 'Critical', 'A service residents depend on is down'], ['HIGH', 'High', 'Many staff cannot work'], ['MEDIUM', 'Medium'], ['LOW', 'Low']],
  });
  const more = textarea({ name: 'details', label: 'Details (optional)', rows: 3 });
  const raise = form(async () => {
    try {
      const made = await api.post('/api/incidents', { partner: partnerField.input.value, summary: summary.input.value.trim(), severity: severity.value(), details: more.input.value.trim() || null });
      clearError(errors, raise);
      ctx.navigate(`#/incidents/${made.id}?raised=1`);
    } catch (err) {
      showError(errors, err, raise);
    }
  }, partnerField, summary, severity, more, button('Raise incident and page on call', { type: 'submit', warning: true, id: 'raise-incident' }));

  return {
    title: 'Incidents',
    content: [
      errors,
      heading('Incidents'),
      session.isAdmin() || (session.hasRole('manager') && u.partner)
        ? p(link('#/monitoring', 'Monitoring intake'), ': integration keys for Alertmanager, Grafana and scripts, maintenance windows and heartbeat monitors.')
        : null,
      session.isAdmin() || session.hasRole('manager') ? p(link('#/webhooks', 'Lifecycle webhooks'), ': tell your other systems when incidents change.') : null,
      mayRaise() ? p('Raising an incident pages whoever is on call for the partner, and escalates to the next step of its policy if nobody acknowledges in time.') : null,
      updated, list,
      mayRaise() ? details('Raise an incident', raise) : null,
      recent.items.length ? [h2('Recently resolved'), h('ul', { class: 'govuk-list' }, recent.items.map((i) => h('li', {},
        link(`#/incidents/${i.id}`, `#${i.id} ${i.summary}`), ` — ${names[i.partner] || i.partner}, resolved ${dateTime(i.resolvedAt)}`)))] : null,
    ],
  };
}

async function openIncidents() {
  const [triggered, acknowledged] = await Promise.all([
    api.get('/api/incidents?status=TRIGGERED&size=100&sort=-createdAt'),
    api.get('/api/incidents?status=ACKNOWLEDGED&size=100&sort=-createdAt'),
  ]);
  return [...triggered.items, ...acknowledged.items];
}
