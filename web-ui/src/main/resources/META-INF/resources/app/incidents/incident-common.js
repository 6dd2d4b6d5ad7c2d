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

function fromLink(e) {
  return e.detail && e.detail.includes('from a page link') ? ' from a page link' : '';
}

/** "Notification to … queued", with why or when when the engine said more (a fallback, a rule's delay, the wait for the morning). */
function queuedText(e, who, via) {
  if (!e.channel) {
    return e.detail || 'Pages queued';
  }
  const plain = `${e.channel.toLowerCase()} queued`;
  return `Notification to${who}${via} queued${e.detail && e.detail !== plain ? ` — ${e.detail.replace(/^\w+ queued:? ?/, '')}` : ''}`;
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
    case 'FELL_THROUGH': return `Escalation ${step}: found nobody, fell through to the partner's managers${e.detail ? ` — ${e.detail}` : ''}`;
    case 'NOTIFICATION_QUEUED': return queuedText(e, who, via);
    case 'NOTIFICATION_SENT': return `Notification to${who}${via} sent`;
    case 'NOTIFICATION_FAILED': return `Notification to${who}${via} failed${e.attempt ? ` (attempt ${e.attempt})` : ''}${e.detail ? `: ${e.detail}` : ''}`;
    case 'NOTIFICATION_CANCELLED': return `Page to${who}${via} not sent${e.detail ? `: ${e.detail}` : ''}`;
    case 'NOTIFICATION_DELIVERED': return `Page to${who}${via} reached the phone`;
    case 'NOTIFICATION_UNDELIVERED': return `Page to${who}${via} did not reach the phone${e.detail ? `: ${e.detail}` : ''}`;
    case 'NOTIFICATION_GAVE_UP': return `Gave up notifying${who}${via}${e.detail ? `: ${e.detail}` : ''}`;
    case 'ESCALATION_EXHAUSTED': return `Escalation policy exhausted: nobody acknowledged${e.detail ? ` — ${e.detail}` : ''}`;
    case 'ACKNOWLEDGED': return `Acknowledged by ${e.actor}${fromLink(e)}`;
    case 'ESCALATED': return `Escalated by ${e.actor}${fromLink(e)}`;
    case 'RESOLVED': return `Resolved by ${e.actor}${fromLink(e)}`;
    case 'WEBHOOK_SENT': return `Webhook call to${who} delivered${e.detail ? `: ${e.detail}` : ''}`;
    case 'WEBHOOK_FAILED': return `Webhook call to${who} failed${e.attempt ? ` (attempt ${e.attempt})` : ''}${e.detail ? `: ${e.detail}` : ''}`;
    case 'WEBHOOK_GAVE_UP': return `Gave up calling webhook${who}${e.detail ? `: ${e.detail}` : ''}`;
    case 'NOTE': return `Note from ${e.actor}: ${e.detail || ''}`;
    default: return `${e.kind}${e.detail ? `: ${e.detail}` : ''}`;
  }
}

const CHANNELS = { EMAIL: 'E-mail', SMS: 'Text message', VOICE: 'Phone call', TEAMS: 'Microsoft Teams', SLACK: 'Slack', WEBHOOK: 'Webhook' };
export const channelText = (c) => CHANNELS[c] || c;

/** A page's state in words and a tag colour: the provider's receipt wins over "sent". */
export function deliveryState(d) {
  if (d.receipt === 'delivered') {
    return ['Delivered', 'green'];
  }
  if (d.receipt && /failure/.test(d.receipt)) {
    return ['Not delivered', 'red'];
  }
  const map = { PENDING: [d.attempts > 0 ? 'Retrying' : 'Waiting', 'yellow'], SENT: ['Sent', 'blue'], FAILED: ['Failed', 'red'], CANCELLED: ['Not needed', 'grey'] };
  return map[d.status] || [d.status, 'grey'];
}
