import { tag } from '../components/govuk.js';
import * as session from '../core/session.js';

/** Raising: the partner's engineers and managers, admins (rota-service's rule; API keys aside). */
export const mayRaise = () => session.isAdmin() || session.hasRole('engineer', 'manager');

/**
 * Acknowledging, resolving, adding notes: admins, the partner's engineers and managers, and anyone
 * the incident paged (a pooled engineer of another partner: their address is on the timeline).
 */
export function mayRespond(inc) {
  if (session.canEditPartner(inc.partner, 'engineer', 'manager')) {
    return true;
  }
  const u = session.user();
  const me = u && u.email ? u.email.toLowerCase() : null;
  return Boolean(me && u.roles.some((r) => r !== 'viewer')
    && (inc.timeline || []).some((e) => e.recipient && addressOf(e.recipient) === me));
}

/** "Grace Leasingham <grace@example.org>" or "grace@example.org" → grace@example.org, lower case. */
function addressOf(recipient) {
  const m = /<([^>]+)>\s*$/.exec(recipient);
  return (m ? m[1] : recipient).trim().toLowerCase();
}

export function severityTag(severity) {
  const map = { CRITICAL: ['Critical', 'red'], HIGH: ['High', 'orange'], MEDIUM: ['Medium', 'yellow'], LOW: ['Low', 'grey'] };
  const [text, colour] = map[severity] || [severity, 'grey'];
  return tag(text, colour);
}

export function statusTag(status) {
  const map = { TRIGGERED: ['Not acknowledged', 'red'], ACKNOWLEDGED: ['Acknowledged', 'blue'], RESOLVED: ['Resolved', 'green'] };
  const [text, colour] = map[status] || [status, 'grey'];
  return tag(text, colour);
}

/** A timeline line in words. */
export function eventText(e) {
  const who = e.recipient ? ` ${e.recipient}` : '';
  const via = e.channel ? ` by ${e.channel.toLowerCase()}` : '';
  const step = e.step ? `step ${e.step}${e.pass && e.pass > 1 ? ` (round ${e.pass})` : ''}` : '';
  switch (e.kind) {
    case 'TRIGGERED': return `Raised by ${e.actor}${e.detail ? `: ${e.detail}` : ''}`;
    case 'DUPLICATE': return `Raised again${e.detail ? `: ${e.detail}` : ''}`;
    case 'STEP_NOTIFIED': return `Escalation ${step}: paging${who}${e.lateMillis && e.lateMillis > 60000 ? ` (${Math.round(e.lateMillis / 60000)} min late)` : ''}`;
    case 'NO_RECIPIENT': return `Escalation ${step}: nobody to page${e.detail ? ` — ${e.detail}` : ''}`;
    case 'NOTIFICATION_QUEUED': return `Notification to${who}${via} queued`;
    case 'NOTIFICATION_SENT': return `Notification to${who}${via} sent`;
    case 'NOTIFICATION_FAILED': return `Notification to${who}${via} failed${e.attempt ? ` (attempt ${e.attempt})` : ''}${e.detail ? `: ${e.detail}` : ''}`;
    case 'NOTIFICATION_GAVE_UP': return `Gave up notifying${who}${via}${e.detail ? `: ${e.detail}` : ''}`;
    case 'ESCALATION_EXHAUSTED': return `Escalation policy exhausted: nobody acknowledged${e.detail ? ` — ${e.detail}` : ''}`;
    case 'ACKNOWLEDGED': return `Acknowledged by ${e.actor}`;
    case 'RESOLVED': return `Resolved by ${e.actor}`;
    case 'NOTE': return `Note from ${e.actor}: ${e.detail || ''}`;
    default: return `${e.kind}${e.detail ? `: ${e.detail}` : ''}`;
  }
}
