// A partner's customisation of its draft plan, apart from the template: each template activity's
// targets (tier, RTO, RPO) and steps overridden, an activity left out with the reason, local
// activities added. Only the plan's DR lead (or an admin) changes a draft; everyone else is told so.
// One save sends the whole customisation; a refused part is shown at its field (overrides[3] …).
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, h2, h3, button, buttonGroup, form, backLink, tag, minutes, inset } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { mayEditPlan, CATEGORIES } from './dr-common.js';
import { bound, openErrors } from './fields.js';
import { copy, setOverride, overrideOf, exclude, exclusionOf, removeActivity } from './customisation.js';

const ACTIVITY_FIELDS = [['tier', 'Tier', 2], ['rtoMinutes', 'RTO (minutes)', 5], ['rpoMinutes', 'RPO (minutes)', 5]];
const STEP_FIELDS = [['title', 'What to do', 'full'], ['durationMinutes', 'Takes (minutes)', 4], ['skill', 'Skill needed', 20], ['instructions', 'Instructions', null]];
const NUMERIC = new Set(['tier', 'rtoMinutes', 'rpoMinutes', 'durationMinutes']);

export default async function planCustomise(ctx) {
  const { data: plan, etag } = await api.call('GET', `/api/dr/plans/${encodeURIComponent(ctx.params.id)}`);
  const back = backLink(`#/dr/plans/${plan.id}`, `${plan.name}, revision ${plan.revision}`);
  if (!mayEditPlan(plan) || plan.status !== 'DRAFT') {
    return {
      title: 'Customise the plan',
      content: [back, heading('Customise the plan', plan.name),
        p(plan.status !== 'DRAFT'
          ? 'Only a draft revision is customised. Start a new revision of the plan to change it.'
          : 'Only a DR lead of the plan’s partner or a partnership admin customises a plan.')],
    };
  }
  const version = await api.get(`/api/dr/templates/${plan.template.id}/versions/${plan.template.version}`);
  const custom = copy(plan.customisation);
  const errors = errorArea();
  const records = []; // {target, templateValue, obj, group}: one per overridable field on the screen
  const exclusionRecords = []; // {activityKey, checkbox, reason}

  const templateActivities = version.content.activities.map((a) => activityEl(a));
  const added = h('div', { id: 'added-activities' });
  let counter = custom.additions.activities.length;
  function renderAdded(focusId) {
    replace(added, custom.additions.activities.map((a, i) => addedEl(a, i)),
      button('Add a local activity', {
        secondary: true, id: 'add-local-activity',
        on: {
          click: () => {
            counter += 1;
            custom.additions.activities.push({ key: `local-${counter}`, name: '', category: 'SYSTEM', tier: 2, rtoMinutes: 240, rpoMinutes: null, mtpdMinutes: null, description: null, dependsOn: [], steps: [{ key: 'step-1', title: '', durationMinutes: 30, skill: null, ownerRole: null, instructions: null }] });
            renderAdded(`added-${custom.additions.activities.length - 1}-name`);
            announce('A local activity is added; fill it in and save.');
          },
        },
      }));
    const el = focusId && document.getElementById(focusId);
    if (el) {
      el.focus();
    }
  }

  function activityEl(a) {
    const fields = ACTIVITY_FIELDS.map(([field, label, width]) => overridable({ activityKey: a.key, field }, a[field], label, width));
    const steps = a.steps.map((s, j) => h('fieldset', { class: 'govuk-fieldset app-step-edit' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, `Step ${j + 1}: ${s.title}`),
      STEP_FIELDS.map(([field, label, width]) => overridable({ activityKey: a.key, stepKey: s.key, field }, s[field], label, width))));
    const excluded = exclusionOf(custom, a.key);
    const box = h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `exclude-${a.key}`, name: `exclude-${a.key}`, checked: Boolean(excluded) });
    const reason = bound({ obj: { reason: excluded ? excluded.reason : null }, key: 'reason', label: 'Why it does not apply', path: `exclude-${a.key}-reason`, kind: 'textarea' });
    exclusionRecords.push({ activityKey: a.key, checkbox: box, reason });
    const customised = custom.overrides.some((o) => o.activityKey === a.key);
    return h('details', { class: 'govuk-details app-activity', 'data-key': a.key },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, a.name,
        excluded ? [' ', tag('Left out', 'orange')] : customised ? [' ', tag('Customised', 'turquoise')] : null)),
      h('div', { class: 'govuk-details__text' },
        h('div', { class: 'govuk-form-group' }, h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
          h('div', { class: 'govuk-checkboxes__item' }, box, h('label', { class: 'govuk-label govuk-checkboxes__label', for: box.id }, 'This activity does not apply to us')))),
        reason,
        h3('Recovery targets'),
        h('div', { class: 'app-filters' }, fields),
        h3('Steps'),
        steps.length ? steps : p('The template gives no steps.')));
  }

  /** A field of a template activity or step, showing the plan's value and the template's in its hint. */
  function overridable(target, templateValue, label, width) {
    const mine = overrideOf(custom, target);
    const obj = { value: mine === undefined ? templateValue : mine };
    const numeric = NUMERIC.has(target.field);
    const shown = templateValue === null || templateValue === undefined || templateValue === '' ? 'none'
      : numeric && target.field !== 'tier' ? minutes(templateValue) : String(templateValue);
    const group = bound({
      obj, key: 'value', label, path: `${target.activityKey}.${target.stepKey || ''}.${target.field}`,
      kind: numeric ? 'number' : target.field === 'instructions' ? 'textarea' : 'text',
      hint: target.field === 'instructions' ? 'The template’s text stands unless you change it' : `Template: ${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}`,
      width: width || undefined,
    });
    records.push({ target, templateValue, obj, group });
    return group;
  }

  function addedEl(a, i) {
    const path = `additions.activities[${i}]`;
    const f = (key, label, opts = {}) => bound({ obj: a, key, label, path: `${path}.${key}`, ...opts });
    const name = f('name', 'Name', { width: 'full' });
    name.input.id = `added-${i}-name`;
    name.querySelector('label').setAttribute('for', name.input.id);
    const s = a.steps[0] || (a.steps[0] = { key: 'step-1', title: '', durationMinutes: 30, skill: null, ownerRole: null, instructions: null });
    const sf = (key, label, opts = {}) => bound({ obj: s, key, label, path: `${path}.steps[0].${key}`, ...opts });
    return h('fieldset', { class: 'govuk-fieldset app-activity', 'data-key': a.key },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, `Local activity ${i + 1}`),
      f('key', 'Key', { hint: 'Letters, digits, “.”, “-” or “_”, not used by the template', width: 20 }),
      name,
      h('div', { class: 'app-filters' },
        f('category', 'Category', { kind: 'select', options: CATEGORIES }),
        f('tier', 'Tier', { kind: 'number', width: 2 }),
        f('rtoMinutes', 'RTO (minutes)', { kind: 'number', width: 5 }),
        f('rpoMinutes', 'RPO (minutes)', { kind: 'number', width: 5 })),
      f('dependsOn', 'Needs first', { kind: 'keys', hint: `Keys of activities recovered before it, separated by commas: ${version.content.activities.slice(0, 4).map((x) => x.key).join(', ')} …`, width: 'full' }),
      sf('title', 'First step: what to do', { width: 'full' }),
      h('div', { class: 'app-filters' }, sf('durationMinutes', 'Takes (minutes)', { kind: 'number', width: 4 }), sf('skill', 'Skill needed', { width: 20 })),
      a.steps.length > 1 ? p(`And ${a.steps.length - 1} more steps, kept as they are.`) : null,
      button(`Remove local activity ${i + 1}`, { warning: true, small: true, on: { click: () => { removeActivity(custom, a.key); renderAdded('add-local-activity'); announce('Local activity removed; save to keep the change.'); } } }));
  }

  renderAdded();
  const f = form(() => {}, h2('Template activities'), p('Open an activity to change its targets or steps, or to leave it out. A value the same as the template’s is no change.'),
    templateActivities, h2('Local activities'), p('Activities only your council has, recovered alongside the template’s.'), added);

  /** The whole customisation from the screen, each field's group named as the API will name it. */
  function collect() {
    for (const r of records) {
      setOverride(custom, r.target, r.obj.value, r.templateValue);
    }
    for (const x of exclusionRecords) {
      // Unticked: taken back in. Ticked without a reason: sent as it is, and the service names the missing reason.
      exclude(custom, x.activityKey, x.checkbox.checked ? x.reason.input.value.trim() : null);
    }
    for (const r of records) {
      const at = custom.overrides.findIndex((o) => o.activityKey === r.target.activityKey && (o.stepKey || null) === (r.target.stepKey || null) && o.field === r.target.field);
      r.group.dataset.field = at >= 0 ? `overrides[${at}]` : `unchanged-${r.target.activityKey}-${r.target.stepKey || ''}-${r.target.field}`;
    }
    for (const x of exclusionRecords) {
      const at = custom.exclusions.findIndex((e) => e.activityKey === x.activityKey && !e.stepKey && !e.dependsOn);
      x.reason.dataset.field = at >= 0 ? `exclusions[${at}]` : `exclude-${x.activityKey}-reason`;
    }
    return custom;
  }

  const save = button('Save the customisation', {
    id: 'save-customisation',
    on: {
      click: async () => {
        try {
          await api.put(`/api/dr/plans/${plan.id}/customisation`, { ...collect() }, { ifMatch: etag });
          clearError(errors, f);
          ctx.navigate(`#/dr/plans/${plan.id}?done=${encodeURIComponent('The customisation is saved.')}`);
        } catch (err) {
          showError(errors, err, f);
          openErrors(f);
        }
      },
    },
  });
  return {
    title: `Customise: ${plan.name}`,
    content: [
      back, errors,
      heading('Customise the plan', `${plan.name}, revision ${plan.revision}`),
      inset(`Based on “${plan.template.name}” version ${plan.template.version}. Your changes are kept apart from the template, so they survive a move onto a newer version.`),
      f,
      buttonGroup(save, h('a', { class: 'govuk-link', href: `#/dr/plans/${plan.id}` }, 'Cancel')),
    ],
  };
}
