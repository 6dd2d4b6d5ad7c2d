// Shared by the DR screens: status tags and who may do what (the dr-planner README's table).
import * as session from '../core/session.js';
import { h } from '../core/dom.js';
import { tag } from '../components/govuk.js';

export function planStatus(status) {
  const colours = { DRAFT: 'grey', SUBMITTED: 'blue', APPROVED: 'green', SUPERSEDED: 'light-blue' };
  const names = { DRAFT: 'Draft', SUBMITTED: 'Submitted for approval', APPROVED: 'Approved', SUPERSEDED: 'Superseded' };
  return tag(names[status] || status, colours[status]);
}

export function rtoStatus(status) {
  const map = { ON_TRACK: ['On track', 'blue'], BREACHED: ['RTO breached', 'red'], MET: ['RTO met', 'green'], MISSED: ['RTO missed', 'orange'] };
  const [text, colour] = map[status] || [status, 'grey'];
  return tag(text, colour);
}

/** A plan's readiness in words: tier-1 activities exercised in 12 months, open actions, days since approval, copies not acknowledged. */
export function readinessText(r) {
  const exercised = r.tier1ExercisedPercent === null ? 'no tier-1 activities' : `${r.tier1ExercisedPercent}% of tier 1 exercised`;
  const actions = r.openActions ? `${r.openActions} open ${r.openActions === 1 ? 'action' : 'actions'}${r.overdueActions ? ` (${r.overdueActions} overdue)` : ''}` : 'no open actions';
  const approved = r.daysSinceApproval === null ? 'never approved' : `approved ${r.daysSinceApproval} ${r.daysSinceApproval === 1 ? 'day' : 'days'} ago`;
  const copies = r.unacknowledgedCopies ? `; ${r.unacknowledgedCopies} ${r.unacknowledgedCopies === 1 ? 'copy' : 'copies'} not acknowledged` : '';
  return h('span', { class: 'app-readiness' }, `${exercised}; ${actions}; ${approved}${copies}`,
    r.overdueActions ? [' ', tag('Actions overdue', 'red')] : null,
    r.tier1ExercisedPercent !== null && r.tier1ExercisedPercent < 100 ? [' ', tag('Tier 1 not all exercised', 'yellow')] : null);
}

export const mayEditPlan = (plan) => session.canEditPartner(plan.partner, 'dr-lead');
export const mayApprove = (plan) => mayEditPlan(plan) && session.user().username !== plan.author;
/** Mirrors PlanApprovals.notifyApprovers: the author, the submitter, and whoever may approve. */
export const mayNotifyApprovers = (plan) => mayEditPlan(plan)
  || [plan.author, plan.submittedBy].includes((session.user() || {}).username);
/**
 * Mirrors dr-planner's ActivationRules: a plan that names who may invoke it is invoked by those
 * people and holders of those roles at its partner only; one that names nobody by its DR leads,
 * managers and admins.
 */
export function mayInvoke(plan) {
  const named = ((plan.specifics || {}).activation || {}).mayInvoke || [];
  if (!named.length) {
    return session.canEditPartner(plan.partner, 'dr-lead', 'manager');
  }
  const u = session.user();
  if (!u) {
    return false;
  }
  return named.some((i) => (i.username
    ? i.username.toLowerCase() === u.username.toLowerCase()
    : i.role === 'admin' ? u.roles.includes('admin') : u.partner === plan.partner && u.roles.includes(i.role)));
}
export const mayRunSteps = (inv) => session.canEditPartner(inv.partner, 'dr-lead', 'manager', 'engineer');
export const mayClose = (inv) => session.canEditPartner(inv.partner, 'dr-lead', 'manager');

export function versionStatus(status) {
  return status === 'PUBLISHED' ? tag('Published', 'green') : tag('Draft', 'grey');
}

/** The activity categories, in the dr-planner's words and the screen's. */
export const CATEGORIES = [['FACILITY', 'Facility'], ['HARDWARE', 'Hardware'], ['NETWORK', 'Network'], ['PLATFORM', 'Platform'], ['SYSTEM', 'System'], ['BUSINESS_SERVICE', 'Business service']];
