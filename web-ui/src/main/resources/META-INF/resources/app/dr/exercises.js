// A plan's exercises: its readiness figure, exercises scheduled and held (participants, the
// activities covered, findings and the actions they led to), actions tracked to closure, the
// partner's overdue actions, and for the partner's DR lead forms to schedule the next exercise,
// record what an exercise found, turn each finding into an action (owner, due date) and close it.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import { p, h2, h3, table, tag, summaryList, button, form, select, textInput, textarea, checkbox, date, enumText,
  scrolling, success, details, link } from '../components/govuk.js';
import { showError, clearError } from '../core/errors.js';
import { mayEditPlan, readinessText } from './dr-common.js';

const TYPES = [['TABLETOP', 'Tabletop'], ['WALKTHROUGH', 'Walkthrough'], ['SIMULATION', 'Simulation'], ['FULL', 'Full exercise']];

/** Saves the whole exercise with `changes` applied (the API takes the exercise as one document, at its version). */
async function save(e, changes) {
  return api.put(`/api/dr/exercises/${e.id}`, {
    planId: e.planId, heldOn: e.heldOn, type: e.type, status: e.status, participants: e.participants, activities: e.activities,
    scope: e.scope, summary: e.summary, findings: e.findings, actions: e.actions, version: e.version, ...changes,
  });
}

/** After the exercise: what it found (one finding a line) and a summary; marks it held. */
function resultsForm(plan, e, errors, ctx) {
  const summary = textarea({ name: 'summary', label: 'Summary', value: e.summary || '', rows: 3 });
  const findings = textarea({ name: 'findings', label: 'Findings (one a line)', hint: 'For example: the generator fuel contract had lapsed', value: e.findings.join('\n'), rows: 4 });
  const f = form(async () => {
    try {
      await save(e, { status: 'HELD', summary: summary.input.value.trim() || null, findings: findings.input.value.split('\n').map((x) => x.trim()).filter(Boolean) });
      clearError(errors, f);
      ctx.navigate(`#/dr/plans/${plan.id}/exercises?done=${encodeURIComponent('The results are recorded.')}`);
    } catch (err) {
      showError(errors, err, f);
    }
  }, summary, findings, button('Record the results', { type: 'submit', id: `record-results-${e.id}` }));
  return details(e.status === 'HELD' ? 'Change the findings' : 'Record the results', f);
}

/** A finding becomes an action: who does what by when. */
function actionForm(plan, e, errors, ctx) {
  const i = e.actions.length;
  const description = textInput({ name: 'description', field: `actions[${i}].description`, label: 'Action', width: 'full' });
  const owner = textInput({ name: 'owner', field: `actions[${i}].owner`, label: 'Owner', hint: 'Who will do it', width: 20 });
  const due = textInput({ name: 'dueDate', field: `actions[${i}].dueDate`, label: 'Due date', hint: 'For example 2027-03-31', width: 10 });
  const finding = select({ name: 'finding', field: `actions[${i}].finding`, label: 'The finding it answers',
    options: [['', 'None in particular'], ...e.findings.map((x, k) => [String(k), x.length > 80 ? `${x.slice(0, 79)}…` : x])] });
  const f = form(async () => {
    try {
      const action = { description: description.input.value.trim(), owner: owner.input.value.trim(), dueDate: due.input.value.trim() || null,
        status: 'OPEN', finding: finding.input.value === '' ? null : Number(finding.input.value) };
      await save(e, { actions: [...e.actions, action] });
      clearError(errors, f);
      ctx.navigate(`#/dr/plans/${plan.id}/exercises?done=${encodeURIComponent(`The action is added for ${action.owner}.`)}`);
    } catch (err) {
      showError(errors, err, f);
    }
  }, e.findings.length ? finding : null, description, owner, due, button('Add the action', { type: 'submit', id: `add-action-${e.id}` }));
  return details('Add an action', f);
}

function overdueSection(overdue, plan) {
  if (!overdue.length) {
    return null;
  }
  return scrolling(table({
    caption: `Overdue actions of ${plan.partner}`, captionSize: 'm', id: 'overdue-actions',
    head: ['Action', 'Owner', 'Due', 'Days overdue', 'Plan'],
    numeric: [3],
    rows: overdue.map((o) => [o.description, o.owner, date(o.dueDate), String(o.daysOverdue),
      o.planId === plan.id ? 'this plan' : link(`#/dr/plans/${o.planId}/exercises`, o.planName)]),
  }), `Overdue actions of ${plan.partner}`);
}

function actionRows(plan, e, errors, ctx, editable) {
  return e.actions.map((a, i) => {
    const overdue = a.status === 'OPEN' && a.dueDate && a.dueDate < ctx.today;
    const close = editable && a.status === 'OPEN'
      ? button('Mark done', {
        secondary: true, small: true, id: `close-action-${e.id}-${i}`,
        on: {
          click: async () => {
            const actions = e.actions.map((x, k) => (k === i ? { ...x, status: 'DONE', closedOn: null } : x));
            try {
              await save(e, { actions });
              clearError(errors);
              ctx.navigate(`#/dr/plans/${plan.id}/exercises?done=${encodeURIComponent(`“${a.description}” is done.`)}`);
            } catch (err) {
              showError(errors, err);
            }
          },
        },
      })
      : null;
    return [a.description, a.owner, date(a.dueDate),
      a.status === 'DONE' ? tag(`Done ${date(a.closedOn)}`, 'green') : overdue ? tag('Overdue', 'red') : tag('Open', 'blue'),
      a.finding !== null && a.finding !== undefined ? (e.findings[a.finding] || '') : '', close || ''];
  });
}

function scheduleForm(plan, activities, errors, ctx) {
  const when = textInput({ name: 'heldOn', label: 'Date', hint: 'For example 2027-02-15', width: 10 });
  const type = select({ name: 'type', label: 'Kind of exercise', options: TYPES });
  const scope = textInput({ name: 'scope', label: 'Scenario', hint: 'For example: ransomware encrypts the file servers overnight', width: 'full' });
  const people = textarea({ name: 'participants', label: 'Participants (one a line)', hint: 'Write an address to have them reminded a week ahead, for example: Sam Carter <sam.carter@boston.example.gov.uk>', rows: 3 });
  const boxes = activities.map((a) => ({ key: a.key, el: checkbox({ name: `covers-${a.key}`, field: 'activities', label: `${a.name} (tier ${a.tier})`, checked: a.tier === 1 }) }));
  const f = form(async () => {
    try {
      await api.post('/api/dr/exercises', {
        planId: plan.id, status: 'SCHEDULED', heldOn: when.input.value.trim(), type: type.input.value, scope: scope.input.value.trim(),
        participants: people.input.value.split('\n').map((x) => x.trim()).filter(Boolean),
        activities: boxes.filter((b) => b.el.input.checked).map((b) => b.key),
      });
      clearError(errors, f);
      ctx.navigate(`#/dr/plans/${plan.id}/exercises?done=${encodeURIComponent('The exercise is scheduled.')}`);
    } catch (err) {
      showError(errors, err, f);
    }
  }, h2('Schedule an exercise'), when, type, scope, people,
  h('fieldset', { class: 'govuk-fieldset' }, h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Activities it covers'), boxes.map((b) => b.el)),
  button('Schedule the exercise', { type: 'submit', id: 'schedule-exercise' }));
  return f;
}

export async function exercises(plan, etag, { errors, banner, ctx }) {
  const [readiness, list, effective, overdue] = await Promise.all([
    api.get(`/api/dr/plans/${plan.id}/readiness`),
    api.get(`/api/dr/exercises?planId=${plan.id}&size=100&sort=-heldOn`),
    api.get(`/api/dr/plans/${plan.id}/effective`),
    api.get(`/api/dr/exercises/actions/overdue?partner=${encodeURIComponent(plan.partner)}`),
  ]);
  if (ctx.query.get('done')) {
    banner.append(success(ctx.query.get('done')));
  }
  const names = Object.fromEntries(effective.activities.map((a) => [a.key, a.name]));
  const editable = mayEditPlan(plan);
  const today = new Date().toISOString().slice(0, 10);
  const c = { ...ctx, today };
  return ['Exercises', [
    h2('Readiness'),
    p(readinessText(readiness)),
    summaryList([
      ['Tier-1 activities exercised in the last 12 months', readiness.tier1ExercisedPercent === null ? 'none in the plan' : `${readiness.tier1Exercised} of ${readiness.tier1Activities} (${readiness.tier1ExercisedPercent}%)`],
      readiness.tier1NotExercised.length ? ['Not exercised', readiness.tier1NotExercised.map((k) => names[k] || k).join(', ')] : null,
      ['Open actions', `${readiness.openActions}${readiness.overdueActions ? `, ${readiness.overdueActions} overdue` : ''}`],
      ['Copies not acknowledged', [String(readiness.unacknowledgedCopies), ' ', link(`#/dr/plans/${plan.id}/copies`, 'Copy holders')]],
      ['Days since approval', readiness.daysSinceApproval === null ? 'never approved' : String(readiness.daysSinceApproval)],
      ['Next exercise', readiness.nextExercise ? date(readiness.nextExercise) : 'none scheduled'],
    ]),
    list.items.length ? list.items.map((e) => h('section', { class: 'app-exercise', 'aria-labelledby': `exercise-${e.id}` },
      h('h2', { class: 'govuk-heading-m', id: `exercise-${e.id}` }, `${enumText(e.type)} exercise, ${date(e.heldOn)}`),
      p(e.status === 'SCHEDULED' ? tag('Scheduled', 'blue') : tag('Held', 'green'), ' ', e.scope),
      summaryList([
        e.participants.length ? ['Participants', e.participants.join(', ')] : null,
        e.activities.length ? ['Activities covered', e.activities.map((k) => names[k] || k).join(', ')] : null,
        e.summary ? ['Summary', e.summary] : null,
      ]),
      e.findings.length ? [h3('Findings'), h('ol', { class: 'govuk-list govuk-list--number' }, e.findings.map((f) => h('li', {}, f)))] : null,
      e.actions.length ? scrolling(table({
        caption: 'Actions', captionSize: 's', className: 'app-actions',
        head: ['Action', 'Owner', 'Due', 'State', 'From finding', ''],
        rows: actionRows(plan, e, errors, c, editable),
      }), `Actions of the ${enumText(e.type).toLowerCase()} exercise`) : null,
      editable && (e.status === 'HELD' || e.heldOn <= today) ? [resultsForm(plan, e, errors, ctx), actionForm(plan, e, errors, ctx)] : null)) : p('No exercises yet.'),
    overdueSection(overdue, plan),
    editable ? scheduleForm(plan, effective.activities, errors, ctx) : null,
  ]];
}
