// One version of a DR template. Published versions (and drafts, for everyone but admins) are read;
// a partnership admin edits a draft's activities (category, tier, RTO/RPO/MTPD, what each needs
// first, its steps), saves it and publishes it. The service checks everything: a refused field is
// shown at that field, and a dependency cycle at the "Needs first" field of each activity on it.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h3, table, button, buttonGroup, form, scrolling, minutes, enumText, backLink, details, success, textarea } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { versionStatus, CATEGORIES } from './dr-common.js';
import { bound, openErrors } from './fields.js';
import { cycleErrors } from './customisation.js';

const blankStep = (n) => ({ key: `step-${n}`, title: '', instructions: null, durationMinutes: 30, skill: null, ownerRole: null });
const blankActivity = (n) => ({
  key: `activity-${n}`, name: '', category: 'SYSTEM', tier: 2, rtoMinutes: 240, rpoMinutes: null, mtpdMinutes: null, description: null, dependsOn: [], steps: [blankStep(1)],
});

export default async function templateVersion(ctx) {
  const { id, number } = ctx.params;
  const { data: v, etag } = await api.call('GET', `/api/dr/templates/${encodeURIComponent(id)}/versions/${encodeURIComponent(number)}`);
  const editable = v.status === 'DRAFT' && session.isAdmin();
  const errors = errorArea();
  const banner = h('div');
  if (ctx.query.get('done')) {
    banner.append(success(ctx.query.get('done')));
  }
  const title = `Version ${v.number} of ${v.templateName}`;
  return {
    title,
    content: [
      backLink(`#/dr/templates/${v.templateId}`, `${v.templateName}: all versions`),
      banner, errors,
      heading(title, `DR template ${v.templateCode}`),
      p(versionStatus(v.status), ' ', `${v.activityCount} activities with ${v.dependencyCount} dependencies.`,
        v.publishedAt ? ` Published by ${v.publishedBy}.` : ''),
      editable ? editor(v, etag, { errors, ctx }) : readOnly(v),
    ],
  };
}

function readOnly(v) {
  const names = Object.fromEntries(v.content.activities.map((a) => [a.key, a.name]));
  return [
    v.notes ? p(`Notes: ${v.notes}`) : null,
    scrolling(table({
      caption: 'Activities', captionSize: 'm',
      head: ['Activity', 'Category', 'Tier', 'RTO', 'RPO', 'Needs first', 'Steps'],
      numeric: [2, 3, 4, 6],
      rows: v.content.activities.map((a) => [a.name, enumText(a.category), String(a.tier), minutes(a.rtoMinutes), minutes(a.rpoMinutes),
        a.dependsOn.map((k) => names[k] || k).join(', '), String(a.steps.length)]),
    }), 'Activities of the template'),
    v.content.activities.map((a) => details(`Steps of ${a.name}`, a.steps.length
      ? h('ol', { class: 'govuk-list govuk-list--number' }, a.steps.map((s) => h('li', {}, `${s.title} (${minutes(s.durationMinutes)}${s.skill ? `, needs ${s.skill}` : ''}${s.ownerRole ? `, ${s.ownerRole}` : ''})`)))
      : p('No steps.'))),
  ];
}

function editor(v, etag, { errors, ctx }) {
  const content = JSON.parse(JSON.stringify(v.content));
  const state = { notes: v.notes, etag };
  const list = h('div', { id: 'activities-editor' });
  let counter = content.activities.length;

  function render(focusId) {
    replace(list, content.activities.map((a, i) => activityEl(a, i)),
      button('Add an activity', {
        secondary: true, id: 'add-activity',
        on: {
          click: () => {
            counter += 1;
            content.activities.push(blankActivity(counter));
            render(`activity-${content.activities.length - 1}-name`);
            announce(`Activity ${content.activities.length} added.`);
          },
        },
      }));
    if (focusId) {
      const el = document.getElementById(focusId);
      if (el) {
        el.closest('details').open = true;
        el.focus();
      }
    }
  }

  function activityEl(a, i) {
    const path = `content.activities[${i}]`;
    const f = (key, label, opts = {}) => bound({ obj: a, key, label, path: `${path}.${key}`, ...opts });
    const name = f('name', 'Name', { width: 'full' });
    name.input.id = `activity-${i}-name`;
    name.querySelector('label').setAttribute('for', name.input.id);
    const summaryText = h('span', { class: 'govuk-details__summary-text' }, a.name || `Activity ${i + 1} (new)`);
    const el = h('details', { class: 'govuk-details app-activity', open: !a.name, 'data-key': a.key },
      h('summary', { class: 'govuk-details__summary' }, summaryText),
      h('div', { class: 'govuk-details__text' },
        f('key', 'Key', { hint: 'Letters, digits, “.”, “-” or “_”; other activities name it in “Needs first”', width: 20 }),
        name,
        h('div', { class: 'app-filters' },
          f('category', 'Category', { kind: 'select', options: CATEGORIES }),
          f('tier', 'Tier', { kind: 'number', hint: '1 is recovered first', width: 2 }),
          f('rtoMinutes', 'RTO (minutes)', { kind: 'number', width: 5 }),
          f('rpoMinutes', 'RPO (minutes)', { kind: 'number', width: 5 }),
          f('mtpdMinutes', 'MTPD (minutes, business services)', { kind: 'number', width: 5 })),
        f('dependsOn', 'Needs first', { kind: 'keys', hint: 'Keys of the activities that must be recovered before this one, separated by commas', width: 'full' }),
        f('description', 'Description', { kind: 'textarea' }),
        h3(`Steps of this activity`),
        a.steps.map((s, j) => stepEl(a, s, i, j)),
        buttonGroup(
          button('Add a step', { secondary: true, small: true, id: `activity-${i}-add-step`, on: { click: () => { a.steps.push(blankStep(a.steps.length + 1)); render(`activity-${i}-step-${a.steps.length - 1}-title`); announce(`Step ${a.steps.length} added.`); } } }),
          button(`Remove this activity`, { warning: true, small: true, id: `activity-${i}-remove`, on: { click: () => { content.activities.splice(i, 1); render('add-activity'); announce('Activity removed.'); } } }))));
    name.input.addEventListener('input', () => { summaryText.textContent = a.name || `Activity ${i + 1} (new)`; });
    return el;
  }

  function stepEl(a, s, i, j) {
    const path = `content.activities[${i}].steps[${j}]`;
    const f = (key, label, opts = {}) => bound({ obj: s, key, label, path: `${path}.${key}`, ...opts });
    const title = f('title', `Step ${j + 1}: what to do`, { width: 'full' });
    title.input.id = `activity-${i}-step-${j}-title`;
    title.querySelector('label').setAttribute('for', title.input.id);
    return h('fieldset', { class: 'govuk-fieldset app-step-edit' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, `Step ${j + 1}`),
      title,
      h('div', { class: 'app-filters' },
        f('key', 'Key', { width: 10 }),
        f('durationMinutes', 'Takes (minutes)', { kind: 'number', width: 4 }),
        f('skill', 'Skill needed', { hint: 'A skill code, for example CITRIX_NETSCALER', width: 20 }),
        f('ownerRole', 'Owner role', { width: 20 })),
      f('instructions', 'Instructions', { kind: 'textarea' }),
      button(`Remove step ${j + 1}`, { secondary: true, small: true, on: { click: () => { a.steps.splice(j, 1); render(`activity-${i}-add-step`); announce(`Step ${j + 1} removed.`); } } }));
  }

  const notes = textarea({ name: 'notes', label: 'Notes on this version', value: v.notes, rows: 2 });
  const f = form(() => {}, notes, list);
  const fail = (err) => {
    showError(errors, err, f);
    openErrors(f);
  };
  const save = async () => {
    const { etag: next } = await api.call('PUT', `/api/dr/templates/${v.templateId}/versions/${v.number}`, { body: { notes: notes.input.value.trim() || null, content }, ifMatch: state.etag });
    state.etag = next;
  };
  const saveButton = button('Save the draft', {
    id: 'save-version',
    on: {
      click: async () => {
        try {
          await save();
          clearError(errors, f);
          ctx.navigate(`#/dr/templates/${v.templateId}/versions/${v.number}?done=${encodeURIComponent('The draft is saved.')}`);
        } catch (err) {
          fail(err);
        }
      },
    },
  });
  const publishButton = button('Save and publish', {
    secondary: true, id: 'publish-version',
    on: {
      click: async () => {
        try {
          await save();
          await api.post(`/api/dr/templates/${v.templateId}/versions/${v.number}/publish`);
          ctx.navigate(`#/dr/templates/${v.templateId}/versions/${v.number}?done=${encodeURIComponent(`Version ${v.number} is published: partners can move their plans onto it.`)}`);
        } catch (err) {
          if (err.problem && Array.isArray(err.problem.cycle)) {
            const fieldErrors = cycleErrors(err.problem.cycle, content.activities.map((a) => a.key), 'content.activities', Object.fromEntries(content.activities.map((a) => [a.key, a.name || a.key])));
            fail({ message: `${err.message}`, fieldErrors, problem: {} });
            return;
          }
          fail(err);
        }
      },
    },
  });
  render();
  return [
    p('Edit the activities of this draft, save it, and publish it when it is agreed. A published version cannot change: partners’ plans derive from it.'),
    f,
    buttonGroup(saveButton, publishButton),
  ];
}
