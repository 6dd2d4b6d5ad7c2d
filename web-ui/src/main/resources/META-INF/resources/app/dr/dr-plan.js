// One partner's DR plan: overview with its activities and lifecycle actions, the recovery
// timeline (earliest recovery against RTO, misses highlighted), the dependency graph, the
// difference from the template, and exports for offline use.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, h2, table, link, tag, summaryList, button, buttonGroup, textarea, form, date, dateTime, minutes, enumText,
  backLink, scrolling, details, warning, success, textInput, radios } from '../components/govuk.js';
import { openPrintable } from './printable.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { gantt } from './recovery-gantt.js';
import { dependencyGraph } from './dependency-graph.js';
import { planStatus, mayEditPlan, mayApprove, mayInvoke, mayNotifyApprovers, readinessText } from './dr-common.js';
import { staffing } from './staffing.js';
import { businessImpact, inheritedText } from './impact.js';
import { exercises } from './exercises.js';
import { copyHolders } from './copies.js';
import { activationSection } from './activation.js';

const TABS = [
  ['', 'Overview'],
  ['timeline', 'Recovery timeline'],
  ['dependencies', 'Dependency graph'],
  ['changes', 'Changes from the template'],
  ['staffing', 'Staffing'],
  ['impact', 'Business impact'],
  ['exercises', 'Exercises'],
  ['copies', 'Copy holders'],
];

function tabs(id, current) {
  return h('nav', { class: 'app-subnav', 'aria-label': 'Plan sections' },
    h('ul', { class: 'app-subnav__list' }, TABS.map(([key, text]) => h('li', { class: 'app-subnav__item' },
      h('a', { class: 'govuk-link app-subnav__link', href: `#/dr/plans/${id}${key ? `/${key}` : ''}`, 'aria-current': key === current ? 'page' : null }, text)))));
}

/** "Boston Borough Council DR plan", revision 3 → boston-borough-council-dr-plan-revision-3.pdf (its partner's code added when the name lacks it). */
export function exportName(plan, ext) {
  const slug = (t) => String(t || '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const name = slug(plan.name || plan.planName || 'dr-plan');
  const partner = slug(plan.partner);
  return `${name.split('-').includes(partner) ? name : `${partner}-${name}`}-revision-${plan.revision}.${ext}`;
}

export default async function drPlan(ctx) {
  const id = ctx.params.id;
  const tab = ctx.params.tab || '';
  if (!TABS.some(([k]) => k === tab)) {
    throw Object.assign(new Error('There is no such section of a plan.'), { status: 404 });
  }
  const { data: plan, etag } = await api.call('GET', `/api/dr/plans/${encodeURIComponent(id)}`);
  const partnerName = await ctx.partnerName(plan.partner);
  const errors = errorArea();
  const banner = h('div');
  const [title, body] = await ({ '': overview, timeline, dependencies, changes, staffing, impact: businessImpact, exercises, copies: copyHolders })[tab](plan, etag, { errors, banner, ctx });
  const pageTitle = `${title}: ${plan.name}`;
  return {
    title: pageTitle,
    content: [
      backLink('#/dr/plans', 'All DR plans'),
      banner, errors,
      heading(title, `${partnerName} · ${plan.name}, revision ${plan.revision}`),
      h('p', { class: 'govuk-body' }, planStatus(plan.status), ' ',
        `Based on “${plan.template.name}” version ${plan.template.version}.`,
        plan.template.latestPublishedVersion > plan.template.version ? ` Version ${plan.template.latestPublishedVersion} of the template is published.` : ''),
      tabs(plan.id, tab),
      body,
    ],
  };
}

async function overview(plan, etag, { errors, banner, ctx }) {
  const [effective, readiness, activationView] = await Promise.all([api.get(`/api/dr/plans/${plan.id}/effective`),
    api.get(`/api/dr/plans/${plan.id}/readiness`), api.get(`/api/dr/plans/${plan.id}/activation`)]);
  const actions = [];
  const act = async (label, path, body, done) => {
    try {
      const result = await api.post(path, body, { ifMatch: etag });
      clearError(errors);
      if (done) {
        done(result);
      } else {
        ctx.navigate(`#/dr/plans/${result.id || plan.id}?done=${encodeURIComponent(label)}`);
      }
    } catch (err) {
      showError(errors, err);
    }
  };
  if (ctx.query.get('done')) {
    banner.append(success(ctx.query.get('done')));
  }
  if (plan.status === 'DRAFT' && mayEditPlan(plan)) {
    actions.push(h('a', { class: 'govuk-button govuk-button--secondary', href: `#/dr/plans/${plan.id}/customise`, id: 'customise-plan', role: 'button', draggable: 'false' }, 'Customise the plan'));
    if (plan.template.latestPublishedVersion > plan.template.version) {
      actions.push(h('a', { class: 'govuk-button govuk-button--secondary', href: `#/dr/plans/${plan.id}/rebase`, id: 'rebase-plan', role: 'button', draggable: 'false' }, `Move onto template version ${plan.template.latestPublishedVersion}`));
    }
    actions.push(button('Submit for approval', { id: 'submit-plan', on: { click: () => act('The plan is submitted for approval.', `/api/dr/plans/${plan.id}/submit`) } }));
  }
  let decision = null;
  if (plan.status === 'SUBMITTED' && mayApprove(plan)) {
    const note = textarea({ name: 'note', label: 'Note for the record (optional when approving, needed to send it back)', rows: 3 });
    decision = form(() => {}, note, buttonGroup(
      button('Approve the plan', { id: 'approve-plan', on: { click: () => act('The plan is approved.', `/api/dr/plans/${plan.id}/approve`, note.input.value.trim() ? { note: note.input.value.trim() } : undefined) } }),
      button('Send back to draft', { secondary: true, id: 'reject-plan', on: { click: () => act('The plan is sent back to its author.', `/api/dr/plans/${plan.id}/reject`, { reason: note.input.value.trim() }) } })));
  }
  const mail = plan.status === 'SUBMITTED' ? plan.approvalMail : null;
  const mailNotice = mail && mail.problem
    ? h('div', { id: 'approval-mail' }, warning(mail.problem), !mayNotifyApprovers(plan) ? null : button('E-mail the approvers again', { secondary: true, id: 'notify-approvers', on: { click: () => act('The approvers were e-mailed again.', `/api/dr/plans/${plan.id}/approvers/notify`, {}, (result) => ctx.navigate(`#/dr/plans/${plan.id}?done=${encodeURIComponent(result.approvalMail && result.approvalMail.problem ? 'The e-mail could not be sent again.' : `E-mailed ${result.approvalMail.approversEmailed} who may approve.`)}`)) } }))
    : null;
  if (plan.status === 'SUBMITTED' && !mayApprove(plan)) {
    actions.push(p(`Waiting for approval by a DR lead of the partner or a partnership admin other than its author (${plan.author}).`));
  }
  if (plan.status === 'APPROVED' && mayEditPlan(plan)) {
    actions.push(button('Start a new revision', { secondary: true, id: 'new-revision', on: { click: () => act('A new draft revision is started.', `/api/dr/plans/${plan.id}/revisions`) } }));
  }
  let invoke = null;
  const activation = (plan.specifics && plan.specifics.activation) || { criteria: [], mayInvoke: [] };
  if (plan.status === 'APPROVED' && mayInvoke(plan)) {
    const reason = textInput({ name: 'reason', label: 'What has happened', hint: 'For example: power failure at the civic centre data room', width: 'full' });
    const criterion = activation.criteria.length
      ? radios({ name: 'criterion', legend: 'Which activation criterion is met', options: activation.criteria.map((c) => [c.key, c.condition, c.threshold || null]) })
      : null;
    invoke = details('Invoke this plan (start the live checklist)', form(() => act('', '/api/dr/invocations',
      { planId: plan.id, reason: reason.input.value.trim(), criterion: criterion ? criterion.value() || null : null },
      (inv) => ctx.navigate(`#/dr/invocations/${inv.id}`)), criterion, reason, button('Invoke the plan', { type: 'submit', warning: true, id: 'invoke-plan' })));
  }
  const exportable = plan.status === 'APPROVED' || plan.status === 'SUPERSEDED';
  const exportStatus = h('div', { role: 'status', class: 'app-export-status' });
  const exportButton = (text, ext, open) => button(text, {
    secondary: true, id: `export-${ext}`,
    on: {
      click: async () => {
        try {
          // The app names the file itself: partner, plan and revision, each once (the service's name repeats the partner).
          const file = open
            ? await openPrintable(() => api.get(`/api/dr/plans/${plan.id}/export.html`, { accept: 'text/html' }))
            : await api.download(`/api/dr/plans/${plan.id}/export.${ext}`, exportName(plan, ext), { name: exportName(plan, ext) });
          clearError(errors);
          replace(exportStatus, p(open ? `The printable plan opened in a new tab (${Math.round(file.size / 1024)} KB).` : `Downloaded ${file.fileName} (${Math.round(file.size / 1024)} KB).`));
        } catch (err) {
          showError(errors, err);
        }
      },
    },
  });
  return ['DR plan', [
    summaryList([
      ['Status', [planStatus(plan.status), plan.reviewOverdue ? [' ', tag('Review overdue', 'red')] : null]],
      ['Plan owner', plan.ownerName ? `${plan.ownerName}${plan.ownerEmail ? ` (${plan.ownerEmail})` : ''}` : null],
      ['Review by', date(plan.reviewDate)],
      ['Author', plan.author],
      plan.submittedAt ? ['Submitted', `${dateTime(plan.submittedAt)} by ${plan.submittedBy}`] : null,
      mail && !mail.problem ? ['Approvers told', `${mail.approversEmailed} e-mailed ${dateTime(mail.at)}`] : null,
      plan.approvedAt ? ['Approved', `${dateTime(plan.approvedAt)} by ${plan.approvedBy}${plan.approvalNote ? ` — “${plan.approvalNote}”` : ''}`] : null,
      ['Activities', `${effective.activityCount} activities with ${effective.dependencyCount} dependencies`],
      ['Readiness', [readinessText(readiness), ' ', link(`#/dr/plans/${plan.id}/exercises`, 'Exercises and actions')]],
    ]),
    mailNotice,
    actions.length ? buttonGroup(...actions) : null,
    decision,
    activationSection(plan, activationView),
    invoke,
    h2('Export for offline use'),
    exportable
      ? [p('A DR plan must be readable when the systems are down. Keep a printed copy and a PDF somewhere that does not depend on them.'),
        buttonGroup(exportButton('Download PDF', 'pdf'), exportButton('Open printable page', 'html', true), exportButton('Download Markdown', 'md')), exportStatus]
      : p('Only approved plans can be exported, so that what is printed is what was approved.'),
    scrolling(table({
      caption: 'Activities', captionSize: 'm',
      head: ['Activity', 'Category', 'Tier', 'RTO', 'Steps', 'Source'],
      numeric: [2, 3, 4],
      rows: effective.activities.map((a) => [a.name, enumText(a.category), String(a.tier), minutes(a.rtoMinutes), String(a.steps.length),
        a.origin === 'TEMPLATE' ? 'Template' : a.origin === 'ADDED' ? tag('Added by partner', 'purple') : tag('Customised', 'turquoise')]),
    }), 'Activities'),
    effective.excluded.length ? details(`${effective.excluded.length} template items not used by this partner`,
      h('ul', { class: 'govuk-list govuk-list--bullet' }, effective.excluded.map((x) => h('li', {}, `${x.name || x.activityKey}: ${x.reason}`)))) : null,
  ]];
}

async function timeline(plan) {
  const [analysis, impact] = await Promise.all([api.get(`/api/dr/plans/${plan.id}/analysis?skills=false`), api.get(`/api/dr/plans/${plan.id}/impact`)]);
  const inherited = Object.fromEntries(impact.activities.filter((a) => a.targetRtoMinutes < a.rtoMinutes).map((a) => [a.key, a]));
  const names = Object.fromEntries(impact.activities.map((a) => [a.key, a.name]));
  const order = analysis.recoveryOrder.map((a) => (inherited[a.key] ? { ...a, targetRtoMinutes: inherited[a.key].targetRtoMinutes } : a));
  const misses = analysis.feasibility.misses;
  const chart = gantt({
    activities: order,
    title: `Recovery timeline of ${plan.name}`,
    desc: `${order.length} activities in recovery order. ${misses.length ? `${misses.length} cannot meet their RTO: ${misses.map((m) => `${m.name} by ${minutes(m.shortfallMinutes)}`).join('; ')}.` : 'Every activity can meet its RTO.'} The table below lists every activity.`,
  });
  return ['Recovery timeline', [
    misses.length
      ? warning(`${misses.length} ${misses.length === 1 ? 'activity cannot' : 'activities cannot'} be recovered within the RTO, even with everything going to plan.`)
      : p(tag('All RTOs achievable', 'green'), ' Every activity can be recovered within its RTO if the steps take the time planned.'),
    p('Each bar runs from the earliest an activity can start (once everything it needs is back) to its earliest recovery. The mark on each row is its RTO; a dashed orange mark is the tighter RTO it inherits from something that depends on it.'),
    h('div', { class: 'app-scroll app-chart-wrap', role: 'region', 'aria-label': 'Recovery timeline chart', tabindex: '0', id: 'recovery-timeline' }, chart),
    misses.map((m) => h('div', { class: 'app-miss' },
      h('h3', { class: 'govuk-heading-s' }, `${m.name} misses its RTO of ${minutes(m.rtoMinutes)} by ${minutes(m.shortfallMinutes)}`),
      p(`Earliest recovery ${minutes(m.earliestRecoveryMinutes)}, because of the chain: ${m.chain.map((k) => (order.find((a) => a.key === k) || { name: k }).name).join(' → ')}.`))),
    scrolling(table({
      caption: 'Recovery order', captionSize: 'm', id: 'recovery-table',
      head: ['Order', 'Activity', 'Tier', 'Earliest start', 'Earliest recovery', 'RTO', 'Needed within (through dependencies)', 'Against RTO'],
      numeric: [0, 2, 3, 4, 5],
      rows: order.map((a) => [String(a.position), a.name, String(a.tier), minutes(a.earliestStartMinutes), minutes(a.earliestRecoveryMinutes), minutes(a.rtoMinutes),
        inherited[a.key] ? [inheritedText(inherited[a.key].inheritedRto, names), a.earliestRecoveryMinutes > a.targetRtoMinutes ? [' ', tag('Late for it', 'orange')] : null] : '',
        a.meetsRto ? `${minutes(a.slackMinutes)} to spare` : tag(`Misses by ${minutes(a.earliestRecoveryMinutes - a.rtoMinutes)}`, 'red')]),
    }), 'Recovery order'),
  ]];
}

async function dependencies(plan) {
  const analysis = await api.get(`/api/dr/plans/${plan.id}/analysis?skills=false`);
  const missKeys = new Set(analysis.feasibility.misses.flatMap((m) => m.chain));
  const spof = new Map(analysis.singlePointsOfFailure.activities.map((a) => [a.key, a]));
  const nodes = analysis.recoveryOrder.map((a) => ({
    key: a.key, name: a.name, dependsOn: a.dependsOn, miss: missKeys.has(a.key), spof: spof.has(a.key), meta: `tier ${a.tier}`,
  }));
  const names = Object.fromEntries(nodes.map((n) => [n.key, n.name]));
  return ['Dependency graph', [
    p('What must be recovered before what. Arrows point from what is needed to what needs it. Red: on a chain that misses an RTO. Thick border: a single point of failure (SPOF) that many others depend on.'),
    h('div', { class: 'app-scroll app-chart-wrap', role: 'region', 'aria-label': 'Dependency graph', tabindex: '0' },
      dependencyGraph({ nodes, title: `Dependencies between the activities of ${plan.name}`, desc: `${nodes.length} activities and ${analysis.dependencyCount} dependencies; the list below gives each.` })),
    h2('Single points of failure'),
    scrolling(table({
      head: ['Activity', 'Needed directly by', 'Needed in all by'], numeric: [1, 2],
      rows: analysis.singlePointsOfFailure.activities.map((a) => [a.name, String(a.directDependents), String(a.totalDependents)]),
    }), 'Single points of failure'),
    analysis.singlePointsOfFailure.unownedSteps.length ? [h('h3', { class: 'govuk-heading-s' }, 'Steps nobody owns'),
      h('ul', { class: 'govuk-list govuk-list--bullet' }, analysis.singlePointsOfFailure.unownedSteps.map((u) => h('li', {}, `${u.activityName}: ${u.title} — ${u.reason}`)))] : null,
    h2('Every dependency'),
    h('ul', { class: 'govuk-list govuk-list--bullet', id: 'dependency-list' }, nodes.map((n) => h('li', {},
      n.dependsOn.length ? `${n.name} needs ${n.dependsOn.map((k) => names[k] || k).join(', ')}` : `${n.name} needs nothing else first`))),
  ]];
}

async function changes(plan) {
  const diff = await api.get(`/api/dr/plans/${plan.id}/diff`);
  const show = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return ['Changes from the template', [
    p(`Against template version ${diff.template.version}: ${diff.overridden} overridden, ${diff.added} added, ${diff.excluded} excluded.`),
    diff.changes.length ? scrolling(table({
      caption: 'Differences', captionSize: 'm',
      head: ['Change', 'What', 'Field', 'Template', 'This plan', 'Reason'],
      rows: diff.changes.map((c) => [
        tag(enumText(c.change), c.change === 'ADDED' ? 'purple' : c.change === 'EXCLUDED' ? 'orange' : 'turquoise'),
        `${enumText(c.kind)}: ${c.name || c.activityKey}${c.stepKey ? ` / ${c.stepKey}` : ''}${c.dependsOn ? ` needs ${c.dependsOn}` : ''}`,
        c.field || '', show(c.templateValue), show(c.planValue), c.reason || '']),
    }), 'Differences from the template') : p('This plan is the template as it is: nothing overridden, added or excluded.'),
  ]];
}
