// Shared by the DR screens: status tags and who may do what (the dr-planner README's table).
import * as session from '../core/session.js';
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

export const mayEditPlan = (plan) => session.canEditPartner(plan.partner, 'dr-lead');
export const mayApprove = (plan) => mayEditPlan(plan) && session.user().username !== plan.author;
export const mayInvoke = (plan) => session.canEditPartner(plan.partner, 'dr-lead', 'manager');
export const mayRunSteps = (inv) => session.canEditPartner(inv.partner, 'dr-lead', 'manager', 'engineer');
export const mayClose = (inv) => session.canEditPartner(inv.partner, 'dr-lead', 'manager');
