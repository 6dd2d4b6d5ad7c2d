// A plan's business impact analysis (ISO/TS 22317): per activity, how bad its loss gets over time
// in each impact category, the MTPD that proposes, the RTO and RPO it inherits from what depends
// on it, and its backup regime against its RPO. Only the partner's DR lead (or an admin) edits.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import { p, h2, h3, table, link, tag, summaryList, button, form, select, checkbox, textInput, minutes, enumText,
  scrolling, warning, success, details } from '../components/govuk.js';
import { groupedBars } from '../components/charts/grouped-bars.js';
import { showError, clearError } from '../core/errors.js';
import { mayEditPlan } from './dr-common.js';

const POINTS = ['1 h', '4 h', '24 h', '72 h', '1 week'];
const SERIES = {
  SERVICE_TO_RESIDENTS: { name: 'Service to residents', short: 'residents', fill: '#1d70b8' },
  STATUTORY_LEGAL: { name: 'Statutory or legal', short: 'statutory', fill: '#d4351c' },
  FINANCIAL: { name: 'Financial', short: 'financial', fill: '#00703c' },
  REPUTATION: { name: 'Reputation', short: 'reputation', fill: '#f47738' },
  SAFETY_SAFEGUARDING: { name: 'Safety or safeguarding', short: 'safety', fill: '#912b88' },
};
const FINDING_TAGS = {
  RTO_NOT_BELOW_MTPD: 'RTO not below MTPD', RTO_NOT_BELOW_STATED_MTPD: 'RTO not below stated MTPD',
  RTO_LOOSER_THAN_DEPENDANT: 'RTO looser than a dependant', RPO_LOOSER_THAN_DEPENDANT: 'RPO looser than a dependant',
  NO_BACKUP: 'No backup', RPO_NOT_MET_BY_BACKUPS: 'Backups too rare for RPO', NO_OFFLINE_COPY: 'No offline copy',
  NO_RESTORE_TEST: 'Restore never tested', RESTORE_TEST_STALE: 'Restore test over 12 months old',
};

/** "2 h from Payroll (through Directory, 2 steps)", or the empty string. */
export function inheritedText(t, names) {
  if (!t) {
    return '';
  }
  const via = t.hops > 1 ? ` (through ${names[t.through] || t.through}, ${t.hops} steps)` : '';
  return `${minutes(t.minutes)} from ${t.fromName}${via}`;
}

function ratingsChart(a, scale) {
  const cats = scale.categories.filter((c) => a.ratings[c]);
  return groupedBars({
    rows: POINTS.map((label, i) => ({ label: `after ${label}`, values: cats.map((c) => a.ratings[c][i]) })),
    series: cats.map((c) => SERIES[c]),
    format: (v) => `${v} ${scale.labels[v - 1]}`,
    title: `Impact over time of losing ${a.name}`,
    desc: `Ratings from 1 (insignificant) to 5 (catastrophic) at ${POINTS.join(', ')} in ${cats.length} categories. `
      + (a.unacceptable ? `Impact becomes unacceptable after ${minutes(a.unacceptable.atMinutes)} (${a.unacceptable.categories.map(enumText).join(', ')}).` : 'Impact never reaches major within a week.')
      + ' The form below gives every rating.',
    labelWidth: 110,
    barArea: 200,
    className: 'app-impact-chart',
  });
}

function editForm(plan, a, scale, errors, ctx) {
  const options = [['', 'Not rated'], ...scale.labels.map((l, i) => [String(i + 1), `${i + 1} ${l}`])];
  const groups = scale.categories.map((c) => {
    const selects = POINTS.map((point, i) => select({
      name: `${c}-${i}`, field: `ratings.${c}[${i}]`, label: `After ${point}`, options, value: a.ratings[c] ? String(a.ratings[c][i]) : '',
    }));
    return { c, selects, el: h('fieldset', { class: 'govuk-fieldset app-impact-ratings' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, SERIES[c].name), selects) };
  });
  const every = textInput({ name: 'backupFrequencyMinutes', label: 'Backups taken every (minutes)', hint: 'Leave empty if there are no backups', value: a.backupFrequencyMinutes ?? '', width: 5, inputmode: 'numeric' });
  const offline = checkbox({ name: 'offlineCopy', label: 'An offline or immutable copy exists', hint: 'A copy ransomware on the network cannot reach or change (NCSC)', checked: a.offlineCopy });
  const tested = textInput({ name: 'lastRestoreTest', label: 'Last successful restore test', hint: 'For example 2026-03-31; leave empty if never', value: a.lastRestoreTest ?? '', width: 10 });
  const f = form(async () => {
    const ratings = {};
    const missing = [];
    for (const g of groups) {
      const values = g.selects.map((s) => s.input.value);
      if (values.every((v) => v === '')) {
        continue;
      }
      values.forEach((v, i) => { if (v === '') { missing.push({ field: `ratings.${g.c}[${i}]`, message: 'rate every time point of a category, or none' }); } });
      ratings[g.c] = values.map(Number);
    }
    if (missing.length) {
      showError(errors, { fieldErrors: missing }, f);
      return;
    }
    const freq = every.input.value.trim();
    try {
      await api.put(`/api/dr/plans/${plan.id}/impact/${encodeURIComponent(a.key)}`, {
        ratings,
        backupFrequencyMinutes: freq === '' ? null : Number(freq),
        offlineCopy: offline.input.checked,
        lastRestoreTest: tested.input.value.trim() || null,
        version: a.assessmentVersion,
      });
      clearError(errors, f);
      ctx.navigate(`#/dr/plans/${plan.id}/impact?activity=${encodeURIComponent(a.key)}&done=${encodeURIComponent(`${a.name} is assessed.`)}`);
    } catch (err) {
      showError(errors, err, f);
    }
  }, h2(`Assess ${a.name}`), p('Rate how bad the loss of this activity would be after each length of time. Rate all five points of a category, or leave it unrated.'),
  groups.map((g) => g.el), h3('Backup regime'), every, offline, tested,
  button('Save the assessment', { type: 'submit', id: 'save-impact' }));
  return f;
}

export async function businessImpact(plan, etag, { errors, banner, ctx }) {
  const view = await api.get(`/api/dr/plans/${plan.id}/impact`);
  const { scale } = view;
  const names = Object.fromEntries(view.activities.map((a) => [a.key, a.name]));
  const key = ctx.query.get('activity') || (view.activities.find((a) => a.assessed) || view.activities[0] || {}).key;
  const chosen = view.activities.find((a) => a.key === key);
  if (ctx.query.get('done')) {
    banner.append(success(ctx.query.get('done')));
  }
  const counts = Object.entries(view.findingCounts || {});
  const total = counts.reduce((n, [, c]) => n + c, 0);
  const tags = (a) => (a.findings.length ? a.findings.map((f) => [tag(FINDING_TAGS[f.kind] || enumText(f.kind), 'red'), ' ']) : tag('None', 'green'));
  return ['Business impact', [
    p(`Impact is rated 1 (${scale.labels[0]}) to 5 (${scale.labels[4]}) after ${POINTS.join(', ')}. It is unacceptable from ${scale.unacceptableRating} (${scale.labels[scale.unacceptableRating - 1]}) in any category: the first time that happens is the proposed maximum tolerable period of disruption (MTPD), and the RTO must be below it. An activity others need inherits the tightest RTO and RPO among them. Restore tests older than ${scale.restoreTestMonths} months are flagged.`),
    p(`${view.assessedCount} of ${view.activities.length} activities assessed. Ratings and backups belong to the plan across its revisions.`),
    total ? warning(`${total} ${total === 1 ? 'finding' : 'findings'}: ${counts.map(([k, c]) => `${c} × ${(FINDING_TAGS[k] || enumText(k)).toLowerCase()}`).join('; ')}.`)
      : p(tag('No findings', 'green'), ' Targets, impact and backups agree.'),
    scrolling(table({
      caption: 'Targets, impact and backups', captionSize: 'm', id: 'impact-table',
      head: ['Activity', 'Tier', 'RTO', 'Target through dependencies', 'Proposed MTPD', 'Backups', 'Findings'],
      numeric: [1, 2],
      rows: view.activities.map((a) => [
        link(`#/dr/plans/${plan.id}/impact?activity=${encodeURIComponent(a.key)}`, a.name, { 'aria-current': a.key === key ? 'true' : null }),
        String(a.tier), minutes(a.rtoMinutes),
        a.inheritedRto && a.inheritedRto.minutes < a.rtoMinutes ? inheritedText(a.inheritedRto, names) : 'its own',
        a.proposedMtpdMinutes ? minutes(a.proposedMtpdMinutes) : a.assessed ? 'not reached in a week' : 'not assessed',
        a.backupFrequencyMinutes ? `every ${minutes(a.backupFrequencyMinutes)}${a.offlineCopy ? ', offline copy' : ''}` : 'none recorded',
        tags(a)]),
    }), 'Targets, impact and backups'),
    view.looserRtos.length || view.looserRpos.length ? details(`${view.looserRtos.length + view.looserRpos.length} dependencies looser than what needs them`,
      h('ul', { class: 'govuk-list govuk-list--bullet', id: 'looser-list' },
        view.looserRtos.map((l) => h('li', {}, `${names[l.dependencyKey]}: RTO ${minutes(l.dependencyMinutes)}, but ${names[l.dependantKey]} needs it within ${minutes(l.neededMinutes)} (set by ${names[l.neededBy]})`)),
        view.looserRpos.map((l) => h('li', {}, `${names[l.dependencyKey]}: RPO ${minutes(l.dependencyMinutes)}, but ${names[l.dependantKey]} can lose no more than ${minutes(l.neededMinutes)} (set by ${names[l.neededBy]})`)))) : null,
    chosen ? h('section', { id: 'impact-activity', 'aria-labelledby': 'impact-activity-title' },
      h('h2', { class: 'govuk-heading-m', id: 'impact-activity-title' }, chosen.name),
      summaryList([
        ['RTO', `${minutes(chosen.rtoMinutes)}${chosen.targetRtoMinutes < chosen.rtoMinutes ? `; needed within ${inheritedText(chosen.inheritedRto, names)}` : ''}`],
        ['RPO', chosen.rpoMinutes !== null ? `${minutes(chosen.rpoMinutes)}${chosen.targetRpoMinutes !== null && chosen.targetRpoMinutes < chosen.rpoMinutes ? `; needed within ${inheritedText(chosen.inheritedRpo, names)}` : ''}` : (chosen.inheritedRpo ? `none of its own; needed within ${inheritedText(chosen.inheritedRpo, names)}` : 'none')],
        ['MTPD', `${chosen.proposedMtpdMinutes ? `${minutes(chosen.proposedMtpdMinutes)} proposed by the ratings` : 'none proposed'}${chosen.statedMtpdMinutes ? `; ${minutes(chosen.statedMtpdMinutes)} in the plan` : ''}`],
        ['Last restore test', chosen.lastRestoreTest || 'never recorded'],
      ]),
      chosen.findings.length ? h('ul', { class: 'govuk-list govuk-list--bullet', id: 'impact-findings' }, chosen.findings.map((f) => h('li', {}, f.message))) : p('No findings for this activity.'),
      chosen.assessed ? h('div', { class: 'app-scroll app-chart-wrap', role: 'region', 'aria-label': 'Impact over time chart', tabindex: '0', id: 'impact-chart' }, ratingsChart(chosen, scale))
        : p('Not assessed yet.'),
      mayEditPlan(plan) ? editForm(plan, chosen, scale, errors, ctx) : null) : null,
  ]];
}
