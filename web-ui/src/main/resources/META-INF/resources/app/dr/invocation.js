// The live checklist while a DR plan is being run: activities in recovery order with their RTO
// clocks, each step's state with who and when, the timeline. Refreshes itself every 15 seconds.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, h2, tag, summaryList, button, buttonGroup, textarea, form, dateTime, time, minutes, backLink, success } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { rtoStatus, mayRunSteps, mayClose } from './dr-common.js';
import { callOutSection } from './call-out.js';

const REFRESH_MS = 15000;
const STEP_STATE = { PENDING: ['Not started', 'grey'], IN_PROGRESS: ['In progress', 'blue'], DONE: ['Done', 'green'], SKIPPED: ['Skipped', 'orange'] };

export default async function invocation(ctx) {
  const id = ctx.params.id;
  let inv = await api.get(`/api/dr/invocations/${encodeURIComponent(id)}`);
  // Steps name the skill they need by its code; people read its name (the code if skills-service is away).
  const skillNames = await api.get('/api/skills?size=500&sort=name')
    .then((page) => Object.fromEntries(page.items.map((x) => [x.code, x.name]))).catch(() => ({}));
  const partnerName = await ctx.partnerName(inv.partner);
  const errors = errorArea();
  const banner = h('div');
  const live = h('div', { id: 'invocation-live' });
  const updated = h('p', { class: 'govuk-body-s', role: 'status' });
  const callOut = callOutSection(inv.id, errors, (changed) => { inv = changed; draw(); });
  await callOut.refresh();

  async function step(s, state) {
    let note = null;
    if (state === 'SKIPPED') {
      const field = document.getElementById(`skip-note-${s.id}`);
      note = field ? field.value.trim() : '';
      if (!note) {
        showError(errors, { message: 'Say why the step is skipped.', fieldErrors: [] });
        return;
      }
    }
    try {
      inv = await api.put(`/api/dr/invocations/${inv.id}/steps/${s.id}`, { state, note, version: s.version });
      clearError(errors);
      draw();
      announce(`${s.title}: ${STEP_STATE[state][0]}`);
    } catch (err) {
      showError(errors, err);
    }
  }

  function stepItem(s, editable, open) {
    const [text, colour] = STEP_STATE[s.state];
    const buttons = [];
    if (editable && open) {
      if (s.state === 'PENDING') {
        buttons.push(button('Start', { secondary: true, small: true, on: { click: () => step(s, 'IN_PROGRESS') } }));
      }
      if (s.state === 'PENDING' || s.state === 'IN_PROGRESS') {
        buttons.push(button('Mark as done', { small: true, on: { click: () => step(s, 'DONE') } }));
      }
      if (s.state === 'DONE' || s.state === 'SKIPPED') {
        buttons.push(button('Reopen', { secondary: true, small: true, on: { click: () => step(s, 'IN_PROGRESS') } }));
      }
    }
    const skip = editable && open && (s.state === 'PENDING' || s.state === 'IN_PROGRESS')
      ? h('details', { class: 'govuk-details app-skip' },
        h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Skip this step')),
        h('div', { class: 'govuk-details__text' },
          h('label', { class: 'govuk-label', for: `skip-note-${s.id}` }, 'Why it is skipped'),
          h('input', { class: 'govuk-input', id: `skip-note-${s.id}`, type: 'text' }),
          button('Skip step', { secondary: true, small: true, on: { click: () => step(s, 'SKIPPED') } })))
      : null;
    return h('li', { class: `app-step app-step--${s.state.toLowerCase()}`, 'data-step': s.id },
      h('div', { class: 'app-step__head' }, h('span', { class: 'app-step__title' }, `${s.position}. ${s.title}`), ' ', tag(text, colour)),
      h('p', { class: 'govuk-body-s app-step__meta' },
        `${minutes(s.durationMinutes)} planned`, s.ownerRole ? ` · owner: ${s.ownerRole}` : '', s.skill ? ` · skill: ${skillNames[s.skill] || s.skill}` : '',
        s.updatedBy ? ` · ${STEP_STATE[s.state][0].toLowerCase()} by ${s.updatedBy} at ${time(s.updatedAt)}` : '',
        s.note ? ` · “${s.note}”` : ''),
      s.instructions ? h('details', { class: 'govuk-details app-step__instructions' },
        h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Instructions')),
        h('div', { class: 'govuk-details__text' }, s.instructions)) : null,
      buttons.length ? buttonGroup(...buttons) : null, skip);
  }

  function draw() {
    const open = inv.status === 'OPEN';
    const editable = mayRunSteps(inv);
    const pr = inv.progress;
    const focused = document.activeElement && document.activeElement.closest('[data-step]');
    const focusStep = focused && focused.dataset.step;
    replace(live,
      summaryList([
        ['Status', open ? tag('In progress', 'blue') : tag('Closed', 'grey')],
        ['Reason', inv.reason],
        inv.criterion ? ['Activation criterion met', inv.criterion] : null,
        ['Started', `${dateTime(inv.startedAt)} by ${inv.startedBy} (${minutes(inv.elapsedMinutes)} ago)`],
        ['Progress', `${pr.done + pr.skipped} of ${pr.steps} steps finished (${pr.skipped} skipped), ${pr.activitiesRecovered} of ${pr.activities} activities recovered`],
        ['RTOs', `${pr.rtosMet} met, ${pr.rtosMissed} missed, ${pr.rtosBreached} breached now`],
        inv.closedAt ? ['Closed', `${dateTime(inv.closedAt)} by ${inv.closedBy}`] : null,
        inv.summary ? ['Summary', inv.summary] : null,
      ]),
      h2('Checklist, in recovery order'),
      h('ol', { class: 'app-checklist' }, inv.activities.map((a) => h('li', { class: `app-activity app-activity--${a.state.toLowerCase()}` },
        h('h3', { class: 'govuk-heading-s app-activity__title' }, `${a.position}. ${a.name}`, ' ', rtoStatus(a.rtoStatus)),
        h('p', { class: 'govuk-body-s' },
          `Tier ${a.tier} · RTO ${minutes(a.rtoMinutes)}, deadline ${time(a.rtoDeadline)}`,
          a.state !== 'RECOVERED' ? (a.minutesToRto >= 0 ? ` · ${minutes(a.minutesToRto)} left` : ` · ${minutes(-a.minutesToRto)} past the RTO`) : ` · recovered at ${time(a.recoveredAt)}`,
          a.waitingFor.length ? ` · waiting for ${a.waitingFor.join(', ')}` : ''),
        h('ol', { class: 'app-steps' }, a.steps.map((s) => stepItem(s, editable, open)))))),
      h2('Timeline'),
      h('ol', { class: 'app-timeline', reversed: true }, [...inv.timeline].reverse().map((e) => h('li', { class: 'app-timeline__item' },
        h('span', { class: 'app-timeline__time' }, time(e.at)), ' ', h('span', {}, e.message), e.actor ? h('span', { class: 'app-timeline__who' }, ` — ${e.actor}`) : null))));
    replace(updated, `Updated at ${time(new Date().toISOString())}. This page refreshes itself every ${REFRESH_MS / 1000} seconds.`);
    if (focusStep) {
      const again = live.querySelector(`[data-step="${focusStep}"] button`);
      if (again) {
        again.focus();
      }
    }
  }

  const noteField = textarea({ name: 'message', label: 'Add a note to the timeline', rows: 2 });
  const noteForm = form(async () => {
    try {
      inv = await api.post(`/api/dr/invocations/${inv.id}/notes`, { message: noteField.input.value.trim() });
      noteField.input.value = '';
      clearError(errors, noteForm);
      draw();
      announce('Note added');
    } catch (err) {
      showError(errors, err, noteForm);
    }
  }, noteField, button('Add note', { type: 'submit', secondary: true }));
  const summaryField = textarea({ name: 'summary', label: 'Closing summary', hint: 'What was recovered, what was not, what to learn', rows: 3 });
  const closeForm = form(async () => {
    try {
      inv = await api.post(`/api/dr/invocations/${inv.id}/close`, { summary: summaryField.input.value.trim(), version: inv.version });
      await callOut.refresh();
      clearError(errors, closeForm);
      replace(banner, success('The invocation is closed.'));
      draw();
      closeForm.remove();
      noteForm.remove();
    } catch (err) {
      showError(errors, err, closeForm);
    }
  }, summaryField, button('Close the invocation', { type: 'submit', warning: true }));

  const timer = setInterval(async () => {
    try {
      inv = await api.get(`/api/dr/invocations/${inv.id}`);
      await callOut.refresh();
      draw();
    } catch (err) {
      showError(errors, err);
    }
  }, REFRESH_MS);
  ctx.onLeave(() => clearInterval(timer));
  draw();
  const open = inv.status === 'OPEN';
  return {
    title: `Running: ${inv.planName}`,
    content: [
      backLink(`#/dr/plans/${inv.planId}`, 'The plan'),
      banner, errors,
      heading(open ? 'DR plan being run' : 'DR plan run (closed)', `${partnerName} · ${inv.planName}, revision ${inv.planRevision}`),
      updated, callOut.root, live,
      open && mayRunSteps(inv) ? noteForm : null,
      open && mayClose(inv) ? closeForm : null,
    ],
  };
}
