// Escalation policies: who an incident pages, in what order, after how long with nobody
// acknowledging; and which policy each partner's incidents follow by default. Everyone signed in
// reads them; admins change any, managers their own partner's (partnership-wide ones are the admins').
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, button, buttonGroup, form, select, scrolling, dateTime, success, backLink, warning, inset } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { LAYERS, duration, mayEditPolicy, sectionNav } from './rota-common.js';

const FOR_SEVERITY = { CRITICAL: 'critical incidents only', HIGH: 'high and critical incidents', MEDIUM: 'medium, high and critical incidents' };

/** One target of a step, in words, with the severities it is paged for when not all. names: partner code → name. */
export function targetWords(t, names) {
  const who = whoWords(t, names);
  return t.minSeverity && FOR_SEVERITY[t.minSeverity] ? `${who} (for ${FOR_SEVERITY[t.minSeverity]})` : who;
}

function whoWords(t, names) {
  switch (t.kind) {
    case 'ROTA_LAYER':
      return `the ${(LAYERS[t.layer] || 'Primary').toLowerCase()} on call of ${t.rotaName || `rota ${t.rotaId}`}`;
    case 'PERSON':
      return `${t.name || `person ${t.personId}`}${t.partner ? ` (${names[t.partner] || t.partner})` : ''}`;
    case 'PARTNER_MANAGER':
      return t.partner ? `the ICT managers of ${names[t.partner] || t.partner}` : 'the ICT managers of the incident’s partner';
    case 'INCIDENT_OWNER':
      return 'the owner the call-out names (a DR plan’s owner)';
    case 'INCIDENT_RESPONDERS':
      return 'the responders the call-out names (the owners of a DR plan’s first-wave steps)';
    case 'WEBHOOK': {
      let host = '';
      try {
        host = new URL(t.url).host;
      } catch {
        host = t.url || '';
      }
      return `a chat or system webhook (${host})`;
    }
    default:
      return t.kind;
  }
}

/** A list of parts in words: "a, b and c". */
export function inWords(parts) {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function policyCard(pol, names, ctx, errors) {
  const may = mayEditPolicy(pol.partner);
  const confirm = h('div');
  const id = `policy-${pol.id}`;
  const steps = h('ol', { class: 'govuk-list govuk-list--number app-steps-list' }, pol.steps.map((s, i) => h('li', {},
    `Page ${inWords(s.targets.map((t) => targetWords(t, names)))}. `,
    h('span', { class: 'app-step__meta' }, i < pol.steps.length - 1
      ? `If nobody acknowledges within ${duration(s.delay)}, go on to step ${i + 2}.`
      : pol.repeatCount ? `If nobody acknowledges within ${duration(s.delay)}, start again from step 1 (${pol.repeatCount} more ${pol.repeatCount === 1 ? 'time' : 'times'}).`
        : `If nobody acknowledges within ${duration(s.delay)}, the incident stays open and unacknowledged.`))));
  const remove = button('Delete', {
    warning: true, small: true, id: `delete-${id}`,
    on: {
      click: () => {
        replace(confirm, warning(`Delete “${pol.name}”? Incidents already following it keep their steps; this cannot be undone.`),
          buttonGroup(
            button(`Yes, delete ${pol.name}`, {
              warning: true, small: true,
              on: {
                click: async () => {
                  try {
                    await api.del(`/api/escalation-policies/${pol.id}`);
                    ctx.navigate(`#/escalation?done=${encodeURIComponent(`${pol.name} is deleted.`)}`);
                  } catch (err) {
                    showError(errors, err);
                  }
                },
              },
            }),
            button('Keep it', { secondary: true, small: true, on: { click: () => { replace(confirm); remove.focus(); } } })));
        confirm.querySelector('button').focus();
      },
    },
  });
  return h('div', { class: 'govuk-summary-card', id },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' }, pol.name),
      may ? h('ul', { class: 'govuk-summary-card__actions' },
        h('li', { class: 'govuk-summary-card__action' }, h('a', { class: 'govuk-link', href: `#/escalation/${pol.id}/edit` }, 'Edit', h('span', { class: 'govuk-visually-hidden' }, ` ${pol.name}`)))) : null),
    h('div', { class: 'govuk-summary-card__content' },
      p(pol.partner ? `For ${names[pol.partner] || pol.partner}.` : 'For the whole partnership.', ` Changed ${dateTime(pol.updatedAt)}.`),
      pol.callOut ? p('Call-outs follow this policy: a DR plan invoked pages the people it names through it.') : null,
      steps,
      may ? [remove, confirm] : null));
}

export default async function escalation(ctx) {
  const u = session.user();
  const [policies, defaults, partners] = await Promise.all([
    api.get('/api/escalation-policies'),
    api.get('/api/escalation-policies/defaults'),
    api.get('/api/partners?size=500&sort=name'),
  ]);
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const errors = errorArea();
  const byPartner = Object.fromEntries(defaults.map((d) => [d.partner, d]));
  const mayCreate = session.isAdmin() || (session.hasRole('manager') && Boolean(u.partner));
  const editable = partners.items.filter((pt) => session.canEditPartner(pt.code, 'manager'));

  let defaultForm = null;
  if (editable.length && policies.length) {
    const partnerField = select({ name: 'partner', label: 'Partner', value: u.partner || editable[0].code, options: editable.map((pt) => [pt.code, pt.name]) });
    const policyField = select({
      name: 'policyId', label: 'Default policy',
      value: (byPartner[u.partner || editable[0].code] || {}).policyId ?? '',
      options: policies.map((pol) => [pol.id, `${pol.name}${pol.partner ? ` (${names[pol.partner] || pol.partner})` : ''}`]),
    });
    partnerField.input.addEventListener('change', () => {
      const d = byPartner[partnerField.input.value];
      if (d) {
        policyField.input.value = String(d.policyId);
      }
    });
    defaultForm = form(async () => {
      const code = partnerField.input.value;
      try {
        const d = await api.put(`/api/escalation-policies/defaults/${encodeURIComponent(code)}`, { policyId: Number(policyField.input.value) });
        clearError(errors, defaultForm);
        ctx.navigate(`#/escalation?done=${encodeURIComponent(`${names[code] || code}’s incidents now follow ${d.policyName || 'the chosen policy'}.`)}`);
      } catch (err) {
        showError(errors, err, defaultForm);
      }
    }, h('div', { class: 'app-filters' }, editable.length > 1 ? partnerField : null, policyField),
    button(editable.length > 1 ? 'Set the default' : `Set ${names[editable[0].code]}’s default`, { type: 'submit', secondary: true, id: 'save-default' }));
  }

  return {
    title: 'Escalation policies',
    content: [
      backLink('#/oncall', 'On call now'),
      ctx.query.get('done') ? success(ctx.query.get('done')) : null,
      errors,
      heading('Escalation policies', 'On call'),
      sectionNav('escalation'),
      p('An incident pages the first step’s people at once, then each next step after the wait, until someone acknowledges it.'),
      mayCreate ? h('a', { class: 'govuk-button govuk-button--secondary', href: '#/escalation/new', id: 'new-policy' }, 'Create a policy') : null,
      h2(`${policies.length} ${policies.length === 1 ? 'policy' : 'policies'}`),
      policies.length ? h('div', { id: 'policies' }, policies.map((pol) => policyCard(pol, names, ctx, errors))) : p('No escalation policies yet.'),
      h2('Each partner’s default', { id: 'defaults' }),
      p('An incident follows its partner’s default policy. A partner without one follows the policy a rota covering it names; with neither, its incidents cannot be raised.'),
      scrolling(table({
        firstCellIsHeader: true, id: 'defaults-table',
        head: ['Partner', 'Default policy', 'Set'],
        rows: partners.items.map((pt) => {
          const d = byPartner[pt.code];
          return [pt.name, d ? d.policyName || `Policy ${d.policyId}` : 'None set', d ? `${dateTime(d.updatedAt)} by ${d.updatedBy}` : ''];
        }),
      }), 'Default policies'),
      defaultForm ? [h('h3', { class: 'govuk-heading-s' }, 'Change a default'), defaultForm]
        : inset('Only partnership admins, and ICT managers for their own partner, can change policies and defaults.'),
    ],
  };
}
