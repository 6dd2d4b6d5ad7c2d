// Create or edit an escalation policy: its steps in order, each with whom it pages (whoever is on
// call on a rota's layer, a named person, a partner's ICT managers, a webhook) and how long to wait
// for an acknowledgement before the next step; and how many times to go round again. Every field
// carries the API's name for it (steps[1].targets[0].rotaId …), so a refusal is shown at the field.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, button, buttonGroup, form, select, textInput, backLink } from '../components/govuk.js';
import { personSearch } from '../components/person-search.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { LAYERS, mayEditPolicy, sectionNav } from './rota-common.js';

const KINDS = [
  ['ROTA_LAYER', 'Whoever is on call on a rota'],
  ['PARTNER_MANAGER', 'A partner’s ICT managers'],
  ['PERSON', 'A named person'],
  ['WEBHOOK', 'A webhook (Teams, Slack or another system)'],
  ['INCIDENT_OWNER', 'The owner a call-out names (a DR plan’s owner)'],
  ['INCIDENT_RESPONDERS', 'The responders a call-out names (first-wave step owners)'],
];
const UNITS = [['M', 'minutes', 60], ['H', 'hours', 3600], ['S', 'seconds', 1]];
// Severity changes who is paged: a target may be kept for the more severe incidents only.
const FOR_SEVERITY = [
  ['', 'Every incident'],
  ['CRITICAL', 'Critical incidents only'],
  ['HIGH', 'High and critical incidents'],
  ['MEDIUM', 'Medium, high and critical incidents'],
];

/** A step's wait as the form shows it: {value, unit} in the largest whole unit. */
function splitDelay(seconds) {
  const [unit, , size] = UNITS.find(([, , n]) => seconds % n === 0) || UNITS[2];
  return { value: String(seconds / size), unit };
}

function blankTarget(kind = 'ROTA_LAYER') {
  return { kind, rotaId: '', layer: 'PRIMARY', personId: '', partner: '', url: '', minSeverity: '' };
}

/** A select bound to obj[key]; its group carries the API's field name. */
function bound({ field, id, label, hint, options, obj, key, onChange }) {
  const el = h('select', {
    class: 'govuk-select', id, name: field, 'aria-describedby': hint ? `${id}-hint` : null,
    on: { change: (e) => { obj[key] = e.target.value; if (onChange) { onChange(); } } },
  }, options.map(([v, t]) => h('option', { value: v, selected: String(v) === String(obj[key] ?? '') }, t)));
  return h('div', { class: 'govuk-form-group', 'data-field': field },
    h('label', { class: 'govuk-label', for: id }, label), hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null, el);
}

function stepsEditor({ steps, rotas, people, partners, names }) {
  const state = steps;
  const root = h('div', { id: 'steps-editor', 'data-field': 'steps' });

  function render(focusId) {
    replace(root, state.map((s, i) => stepEl(s, i)),
      button('Add a step', { secondary: true, id: 'add-step', on: { click: () => { state.push({ value: '10', unit: 'M', targets: [blankTarget()] }); render(`step-${state.length - 1}-target-0-kind`); announce(`Step ${state.length} added.`); } } }));
    if (focusId) {
      const el = document.getElementById(focusId);
      if (el) {
        el.focus();
      }
    }
  }

  /** Swaps a step with its neighbour; focus follows the step to its new place. */
  function moveStep(i, by) {
    const j = i + by;
    [state[i], state[j]] = [state[j], state[i]];
    const own = by < 0 ? `step-${j}-earlier` : `step-${j}-later`;
    render();
    const again = document.getElementById(own) || document.getElementById(`step-${j}-${by < 0 ? 'later' : 'earlier'}`);
    if (again) {
      again.focus();
    }
    announce(`Step ${i + 1} is now step ${j + 1}.`);
  }

  function targetEl(s, t, i, j) {
    const base = `steps[${i}].targets[${j}]`;
    const idBase = `step-${i}-target-${j}`;
    const where = `step ${i + 1}, ${s.targets.length > 1 ? `number ${j + 1}` : 'whom to page'}`;
    const kind = bound({
      field: `${base}.kind`, id: `${idBase}-kind`, label: s.targets.length > 1 ? `Page (${j + 1})` : 'Page', options: KINDS, obj: t, key: 'kind',
      onChange: () => { render(`${idBase}-kind`); announce(`Step ${i + 1}: ${KINDS.find(([k]) => k === t.kind)[1].toLowerCase()}; choose who.`); },
    });
    let detail;
    if (t.kind === 'ROTA_LAYER') {
      detail = [
        bound({ field: `${base}.rotaId`, id: `${idBase}-rota`, label: 'Rota', obj: t, key: 'rotaId', options: [['', 'Choose a rota'], ...rotas.map((r) => [r.id, r.name])] }),
        bound({ field: `${base}.layer`, id: `${idBase}-layer`, label: 'Layer', obj: t, key: 'layer', options: Object.entries(LAYERS) }),
      ];
    } else if (t.kind === 'PERSON') {
      const personOption = (x) => [x.id, `${x.name} (${names[x.partner] || x.partner})`];
      const chooser = bound({
        field: `${base}.personId`, id: `${idBase}-person`, label: 'Person', obj: t, key: 'personId',
        options: [['', 'Choose a person'], ...people.map(personOption)],
      });
      const sel = chooser.querySelector('select');
      // More people than one page of the list: a name search offers the ones it finds.
      detail = [personSearch({
        controls: sel.id, label: 'Find the person by name',
        onResults: (found) => {
          replace(sel, [['', found ? (found.length ? 'Choose one of those found' : 'Nobody matches') : 'Choose a person'], ...(found || people).map(personOption)]
            .map(([v, text]) => h('option', { value: v, selected: String(v) === String(t.personId ?? '') }, text)));
          t.personId = sel.value;
        },
      }), chooser];
    } else if (t.kind === 'PARTNER_MANAGER') {
      detail = bound({
        field: `${base}.partner`, id: `${idBase}-partner`, label: 'Managers of', obj: t, key: 'partner',
        options: [['', 'The incident’s partner'], ...partners.map((pt) => [pt.code, pt.name])],
      });
    } else if (t.kind === 'INCIDENT_OWNER' || t.kind === 'INCIDENT_RESPONDERS') {
      detail = h('p', { class: 'govuk-body-s', id: `${idBase}-named` }, 'Whoever the incident names when it is raised: a DR plan’s invocation names them. Other incidents name nobody, and the timeline says so.');
    } else {
      const input = h('input', {
        class: 'govuk-input', id: `${idBase}-url`, name: `${base}.url`, type: 'url', spellcheck: 'false', value: t.url || '',
        'aria-describedby': `${idBase}-url-hint`, on: { input: (e) => { t.url = e.target.value; } },
      });
      detail = h('div', { class: 'govuk-form-group', 'data-field': `${base}.url` },
        h('label', { class: 'govuk-label', for: input.id }, 'Webhook address'),
        h('div', { class: 'govuk-hint', id: `${idBase}-url-hint` }, 'Starting https://, for example a Teams channel’s incoming webhook'), input);
    }
    const severity = bound({
      field: `${base}.minSeverity`, id: `${idBase}-severity`, label: 'For', obj: t, key: 'minSeverity', options: FOR_SEVERITY,
    });
    return h('div', { class: 'app-target', 'data-field': base },
      h('div', { class: 'app-filters' }, kind, detail, severity),
      s.targets.length > 1 ? h('button', {
        type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', id: `${idBase}-remove`,
        on: { click: () => { s.targets.splice(j, 1); render(`step-${i}-target-${Math.min(j, s.targets.length - 1)}-kind`); announce(`Removed from step ${i + 1}; it pages ${s.targets.length} now.`); } },
      }, 'Remove', h('span', { class: 'govuk-visually-hidden' }, ` ${where} from the step`)) : null);
  }

  function stepEl(s, i) {
    const delayId = `step-${i}-delay`;
    const unit = h('select', { class: 'govuk-select', id: `${delayId}-unit`, name: `steps[${i}].delayUnit`, on: { change: (e) => { s.unit = e.target.value; } } },
      UNITS.map(([v, t]) => h('option', { value: v, selected: v === s.unit }, t)));
    const value = h('input', {
      class: 'govuk-input govuk-input--width-3', id: delayId, name: `steps[${i}].delay`, type: 'text', inputmode: 'numeric', value: s.value,
      'aria-describedby': `${delayId}-hint`, on: { input: (e) => { s.value = e.target.value; } },
    });
    const last = i === state.length - 1;
    return h('fieldset', { class: 'govuk-fieldset app-step-edit', 'data-field': `steps[${i}]`, id: `step-${i}` },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, `Step ${i + 1}`),
      h('div', { 'data-field': `steps[${i}].targets` }, s.targets.map((t, j) => targetEl(s, t, i, j))),
      button(`Page someone else too in step ${i + 1}`, {
        secondary: true, small: true, id: `step-${i}-add-target`,
        on: { click: () => { s.targets.push(blankTarget('PARTNER_MANAGER')); render(`step-${i}-target-${s.targets.length - 1}-kind`); announce(`Step ${i + 1} pages ${s.targets.length} now; choose whom.`); } },
      }),
      h('div', { class: 'govuk-form-group', 'data-field': `steps[${i}].delay` },
        h('fieldset', { class: 'govuk-fieldset', role: 'group', 'aria-describedby': `${delayId}-hint` },
          h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, `Wait for an acknowledgement after step ${i + 1}`),
          h('div', { class: 'govuk-hint', id: `${delayId}-hint` }, last ? 'Before going round again, if the policy repeats. From 1 second to 24 hours.' : `Before step ${i + 2}. From 1 second to 24 hours.`),
          h('div', { class: 'app-inline-fields' },
            h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: delayId }, 'How long'), value),
            h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: unit.id }, 'Unit'), unit)))),
      state.length > 1 ? h('div', { class: 'govuk-button-group' },
        i > 0 ? button(`Move step ${i + 1} earlier`, { secondary: true, small: true, id: `step-${i}-earlier`, on: { click: () => moveStep(i, -1) } }) : null,
        i < state.length - 1 ? button(`Move step ${i + 1} later`, { secondary: true, small: true, id: `step-${i}-later`, on: { click: () => moveStep(i, 1) } }) : null) : null,
      state.length > 1 ? button(`Remove step ${i + 1}`, {
        warning: true, small: true, id: `step-${i}-remove`,
        on: { click: () => { state.splice(i, 1); render(state[i] ? `step-${i}-target-0-kind` : 'add-step'); announce(`Step ${i + 1} removed; the policy has ${state.length} ${state.length === 1 ? 'step' : 'steps'}.`); } },
      }) : null);
  }

  render();
  root.body = () => state.map((s) => ({
    delay: /^\d{1,6}$/.test(String(s.value).trim()) ? `PT${Number(s.value)}${s.unit}` : String(s.value).trim(),
    targets: s.targets.map((t) => ({ ...targetBody(t), minSeverity: t.minSeverity || null })),
  }));
  function targetBody(t) {
    switch (t.kind) {
      case 'ROTA_LAYER':
        return { kind: t.kind, rotaId: t.rotaId ? Number(t.rotaId) : null, layer: t.layer || 'PRIMARY' };
      case 'PERSON':
        return { kind: t.kind, personId: t.personId ? Number(t.personId) : null };
      case 'PARTNER_MANAGER':
        return { kind: t.kind, partner: t.partner || null };
      case 'INCIDENT_OWNER':
      case 'INCIDENT_RESPONDERS':
        return { kind: t.kind };
      default:
        return { kind: t.kind, url: (t.url || '').trim() || null };
    }
  }
  root.problems = () => state.flatMap((s, i) => (/^\d{1,6}$/.test(String(s.value).trim()) && Number(s.value) > 0 ? []
    : [{ field: `steps[${i}].delay`, message: 'Enter how long to wait, as a whole number such as 5' }]));
  root.input = root.querySelector('select');
  return root;
}

export default async function escalationEdit(ctx) {
  const creating = !ctx.params.id;
  const u = session.user();
  const [partners, rotas, people, pol] = await Promise.all([
    api.get('/api/partners?size=500&sort=name'),
    api.get('/api/rotas?size=100&sort=name'),
    api.get('/api/people?size=500&sort=name'),
    creating ? null : api.get(`/api/escalation-policies/${encodeURIComponent(ctx.params.id)}`),
  ]);
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const title = creating ? 'Create an escalation policy' : `Edit ${pol.name}`;
  const allowed = creating ? session.isAdmin() || (session.hasRole('manager') && Boolean(u.partner)) : mayEditPolicy(pol.partner);
  if (!allowed) {
    return {
      title: 'You cannot change this policy',
      content: [backLink('#/escalation', 'Escalation policies'), heading('You cannot change this policy'),
        p('Partnership-wide policies are changed by partnership admins; a partner’s own policies by its ICT managers too.')],
    };
  }
  const errors = errorArea();
  const x = pol || { name: '', partner: session.isAdmin() ? null : u.partner, repeatCount: 0, steps: [] };
  const steps = x.steps.length
    ? x.steps.map((s) => ({
      ...splitDelay(s.delaySeconds),
      targets: s.targets.map((t) => ({ ...blankTarget(t.kind), rotaId: t.rotaId ?? '', layer: t.layer || 'PRIMARY', personId: t.personId ?? '', partner: t.partner || '', url: t.url || '', minSeverity: t.minSeverity || '' })),
    }))
    : [{ value: '5', unit: 'M', targets: [blankTarget()] }, { value: '15', unit: 'M', targets: [blankTarget('PARTNER_MANAGER')] }];
  const partnerOptions = session.isAdmin()
    ? [['', 'The whole partnership'], ...partners.items.map((pt) => [pt.code, pt.name])]
    : [[u.partner, names[u.partner] || u.partner]];
  const fields = {
    name: textInput({ name: 'name', label: 'Name', hint: 'For example: Boston out-of-hours escalation', value: x.name, width: 'full', autocomplete: 'off' }),
    partner: select({ name: 'partner', label: 'Whose policy', hint: session.isAdmin() ? 'A partner’s policy can be changed by its ICT managers too' : 'Managers make policies for their own partner', value: x.partner || '', options: partnerOptions }),
    repeatCount: textInput({
      name: 'repeatCount', label: 'Go round the steps again', hint: 'How many more times, from 0 to 10, if nobody acknowledges by the end of the last step',
      value: String(x.repeatCount ?? 0), inputmode: 'numeric', width: 2,
    }),
  };
  const editor = stepsEditor({ steps, rotas: rotas.items, people: people.items, partners: partners.items, names });
  const save = button(creating ? 'Create policy' : 'Save policy', { type: 'submit', id: 'save-policy' });
  const policyForm = form(async () => {
    const repeat = fields.repeatCount.input.value.trim();
    const problems = editor.problems();
    if (!/^\d{1,2}$/.test(repeat)) {
      problems.unshift({ field: 'repeatCount', message: 'Enter a whole number from 0 to 10' });
    }
    if (problems.length) {
      showError(errors, { message: '', fieldErrors: problems }, policyForm);
      return;
    }
    const body = {
      name: fields.name.input.value.trim(), partner: fields.partner.input.value || null, repeatCount: Number(repeat), steps: editor.body(),
      version: creating ? null : pol.version,
    };
    save.disabled = true;
    try {
      const saved = creating ? await api.post('/api/escalation-policies', body) : await api.put(`/api/escalation-policies/${pol.id}`, body, { ifMatch: pol.version });
      clearError(errors, policyForm);
      ctx.navigate(`#/escalation?done=${encodeURIComponent(`${saved.name} is ${creating ? 'created' : 'saved'}.`)}`);
    } catch (err) {
      showError(errors, err, policyForm);
    } finally {
      save.disabled = false;
    }
  }, fields.name, fields.partner,
  h2('Steps'), p('The first step pages at once; each next one after the wait, while nobody has acknowledged the incident.'),
  editor, fields.repeatCount,
  buttonGroup(save, h('a', { class: 'govuk-link', href: '#/escalation' }, 'Cancel')));

  return {
    title,
    content: [backLink('#/escalation', 'Escalation policies'), errors, heading(title, 'Escalation'), sectionNav('escalation'), policyForm],
  };
}
