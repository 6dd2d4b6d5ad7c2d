// Moving a draft plan onto a newer published version of its template. A dry run lists what the
// move meets; the DR lead goes through the conflicts one by one (an overridden field the template
// also changed: keep mine, take the template's, or type a new value; the rest are told), sees the
// decisions together, and applies: the move (which keeps every override), then the decisions as
// one change of the customisation. Blocking conflicts (a key clash) stop it before anything changes.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, h2, button, buttonGroup, backLink, table, scrolling, radios, textInput, tag, warning, inset, enumText, minutes } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { mayEditPlan } from './dr-common.js';
import { resolve, decidable, wholeNumber } from './customisation.js';

const KINDS = {
  OVERRIDDEN_FIELD_CHANGED: 'The template changed a value you had changed',
  TARGET_REMOVED: 'Something you changed is gone from the template',
  DEPENDENCY_ON_REMOVED_ACTIVITY: 'A dependency you added needs an activity the template removed',
  ANCHOR_STEP_REMOVED: 'A step you added now comes first',
  KEY_CLASH: 'The template now uses a key you chose',
  INVALID: 'The result would not be a valid plan',
};
const FIELD_WORDS = { rtoMinutes: 'RTO', rpoMinutes: 'RPO', mtpdMinutes: 'MTPD', durationMinutes: 'duration', ownerRole: 'owner role' };
const raw = (v) => (v === null || v === undefined || v === '' ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v));
/** A value in words: minutes as hours and minutes ("1440 (24 h)"), the rest as it is. */
const valueOf = (c, v) => (/Minutes$/.test(c.field || '') && typeof v === 'number' ? `${v} (${minutes(v)})` : raw(v));
let names = {};
const what = (c) => [names[c.activityKey] || c.activityKey, c.stepKey && `step ${names[`${c.activityKey}/${c.stepKey}`] || c.stepKey}`, c.field && (FIELD_WORDS[c.field] || c.field)].filter(Boolean).join(', ');

export default async function planRebase(ctx) {
  const { data: plan, etag } = await api.call('GET', `/api/dr/plans/${encodeURIComponent(ctx.params.id)}`);
  const back = backLink(`#/dr/plans/${plan.id}`, `${plan.name}, revision ${plan.revision}`);
  const title = 'Move onto a newer template version';
  const latest = plan.template.latestPublishedVersion;
  const stop = (text) => ({ title, content: [back, heading(title, plan.name), p(text)] });
  if (!mayEditPlan(plan)) {
    return stop('Only a DR lead of the plan’s partner or a partnership admin moves a plan onto a newer template version.');
  }
  if (plan.status !== 'DRAFT') {
    return stop('Only a draft revision moves onto a newer template version. Start a new revision of the plan first.');
  }
  if (!latest || latest <= plan.template.version) {
    return stop(`The plan is on version ${plan.template.version}, the latest published version of “${plan.template.name}”.`);
  }
  const errors = errorArea();
  let preview;
  try {
    preview = await api.post(`/api/dr/plans/${plan.id}/rebase`, { templateVersion: latest, dryRun: true, version: plan.version });
  } catch (err) {
    if (err.problem && Array.isArray(err.problem.conflicts)) {
      return {
        title,
        content: [back, heading(title, plan.name),
          warning(`The plan cannot move onto version ${latest} until these are put right in its customisation:`),
          conflictTable(err.problem.conflicts),
          p(h('a', { class: 'govuk-link', href: `#/dr/plans/${plan.id}/customise` }, 'Customise the plan'))],
      };
    }
    throw err;
  }
  // The activities' and steps' names, old and new, for the conflicts (which name them by key).
  const [before, after] = await Promise.all([plan.template.version, latest].map((n) => api.get(`/api/dr/templates/${plan.template.id}/versions/${n}`)));
  names = {};
  for (const a of [...before.content.activities, ...after.content.activities, ...(plan.customisation.additions.activities || [])]) {
    names[a.key] = a.name;
    a.steps.forEach((st) => { names[`${a.key}/${st.key}`] = st.title; });
  }
  const conflicts = preview.conflicts;
  const decisions = conflicts.map((c) => ({ conflict: c, choice: decidable(c) ? null : 'told', value: c.planValue }));
  const stage = h('div', { id: 'rebase-stage' });
  let at = 0;

  function go(i) {
    at = i;
    replace(stage, at < conflicts.length ? conflictStep(at) : review());
    clearError(errors);
    const h2el = stage.querySelector('h2');
    if (h2el) {
      h2el.focus();
    }
    announce(at < conflicts.length ? `Conflict ${at + 1} of ${conflicts.length}` : 'Your decisions, ready to apply');
  }

  function conflictStep(i) {
    const d = decisions[i];
    const c = d.conflict;
    const heading2 = h2(`Conflict ${i + 1} of ${conflicts.length}: ${KINDS[c.kind] || enumText(c.kind)}`, { tabindex: '-1', id: 'conflict-heading' });
    let choice = null;
    let edit = null;
    if (decidable(c)) {
      edit = textInput({
        name: 'edited', label: 'Your new value', value: d.value === null || d.value === undefined ? '' : String(d.value), width: 10, field: 'edited',
        hint: /Minutes$/.test(c.field || '') ? 'In minutes, for example 600 for 10 hours' : null, inputmode: typeof c.templateAfter === 'number' ? 'numeric' : null,
      });
      choice = radios({
        name: 'choice', legend: 'Which value should the plan use?', field: 'choice', value: d.choice,
        options: [
          ['mine', `Keep mine: ${valueOf(c, c.planValue)}`, 'Your override stays'],
          ['template', `Take the template’s: ${valueOf(c, c.templateAfter)}`, 'Your override is removed'],
          ['edit', 'Use another value', 'Type it below'],
        ],
      });
    }
    const next = () => {
      if (choice) {
        const picked = choice.value();
        if (!picked) {
          showError(errors, { message: '', fieldErrors: [{ field: 'choice', message: 'Choose which value the plan should use' }] }, stage);
          return;
        }
        d.choice = picked;
        d.value = picked === 'edit' ? (typeof c.templateAfter === 'number' ? wholeNumber(edit.input.value) : edit.input.value.trim()) : c.planValue;
      }
      go(i + 1);
    };
    return [
      heading2,
      p(decidable(c)
        ? `The template changed the ${FIELD_WORDS[c.field] || c.field} of ${what({ activityKey: c.activityKey, stepKey: c.stepKey })} from ${valueOf(c, c.templateBefore)} to ${valueOf(c, c.templateAfter)}. Your plan had changed it to ${valueOf(c, c.planValue)}.`
        : c.detail),
      scrolling(table({
        head: ['What', 'Template was', 'Template is now', 'Your plan'],
        rows: [[what(c), valueOf(c, c.templateBefore), valueOf(c, c.templateAfter), valueOf(c, c.planValue)]],
      }), 'The conflict'),
      choice ? [choice, edit] : inset(c.blocking ? 'This stops the move.' : 'Nothing to decide: the move does this for you.'),
      buttonGroup(
        button(i + 1 < conflicts.length ? 'Next conflict' : 'Review the decisions', { id: 'next-conflict', on: { click: next } }),
        i > 0 ? button('Previous conflict', { secondary: true, id: 'previous-conflict', on: { click: () => go(i - 1) } }) : null),
    ];
  }

  function review() {
    const rows = decisions.map((d, i) => [what(d.conflict), KINDS[d.conflict.kind] || d.conflict.kind,
      d.choice === 'mine' ? `Keep mine (${valueOf(d.conflict, d.conflict.planValue)})` : d.choice === 'template' ? `Take the template’s (${valueOf(d.conflict, d.conflict.templateAfter)})`
        : d.choice === 'edit' ? `Use ${valueOf(d.conflict, d.value)}` : 'Nothing to decide',
      button('Change', { secondary: true, small: true, on: { click: () => go(i) } })]);
    return [
      h2(`Move onto version ${latest}`, { tabindex: '-1', id: 'review-heading' }),
      conflicts.length ? scrolling(table({ caption: 'Your decisions', captionSize: 's', head: ['What', 'Conflict', 'Decision', ''], rows }), 'Your decisions')
        : p('Nothing conflicts: every change of yours carries over as it is.'),
      p(`${preview.keptOverrides} overrides, ${preview.keptAdditions} additions and ${preview.keptExclusions} exclusions carry over.`),
      buttonGroup(button(`Apply: move onto version ${latest}`, { id: 'apply-rebase', on: { click: apply } }),
        conflicts.length ? button('Back to the conflicts', { secondary: true, on: { click: () => go(0) } }) : null),
    ];
  }

  async function apply() {
    try {
      await api.post(`/api/dr/plans/${plan.id}/rebase`, { templateVersion: latest, dryRun: false, version: plan.version }, { ifMatch: etag });
      const changed = decisions.filter((d) => d.choice === 'template' || d.choice === 'edit');
      if (changed.length) {
        const { data: moved, etag: movedTag } = await api.call('GET', `/api/dr/plans/${plan.id}`);
        await api.put(`/api/dr/plans/${plan.id}/customisation`, resolve(moved.customisation, changed), { ifMatch: movedTag });
      }
      ctx.navigate(`#/dr/plans/${plan.id}?done=${encodeURIComponent(`The plan is on version ${latest} of the template${changed.length ? `, with your ${changed.length} ${changed.length === 1 ? 'decision' : 'decisions'}` : ''}.`)}`);
    } catch (err) {
      showError(errors, err);
    }
  }

  go(0);
  return {
    title,
    content: [
      back, errors,
      heading(title, `${plan.name}, revision ${plan.revision}`),
      p(`From version ${plan.template.version} to version ${latest} of “${plan.template.name}”. `,
        conflicts.length ? `${conflicts.length} ${conflicts.length === 1 ? 'thing needs' : 'things need'} your attention, one at a time.` : ''),
      conflicts.some((c) => c.blocking) ? tag('Blocked', 'red') : null,
      stage,
    ],
  };
}

function conflictTable(conflicts) {
  return scrolling(table({
    head: ['What', 'Conflict', 'Detail'],
    rows: conflicts.map((c) => [what(c), KINDS[c.kind] || enumText(c.kind), c.detail || '']),
  }), 'Conflicts');
}
