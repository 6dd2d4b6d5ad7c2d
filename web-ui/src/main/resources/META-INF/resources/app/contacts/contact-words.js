// The words and shapes of the "How to reach me" screen, without a DOM, so Node tests them.

export const KINDS = [
  ['SMS', 'Text message (SMS)'],
  ['VOICE', 'Phone call'],
  ['EMAIL', 'E-mail'],
  ['TEAMS', 'Microsoft Teams'],
  ['SLACK', 'Slack'],
];

const HINTS = {
  SMS: 'A UK mobile, such as 07700 900123',
  VOICE: 'Any UK phone number, such as 01522 552222. Calls may be switched off on this platform.',
  EMAIL: 'Such as jo.bloggs@lincolnshire.gov.uk',
  TEAMS: 'The URL of a Teams workflow "When a Teams webhook request is received"',
  SLACK: 'A Slack incoming-webhook URL, starting https://hooks.slack.com/',
};

export const kindText = (kind) => (KINDS.find(([v]) => v === kind) || [kind, kind])[1];
export const addressHint = (kind) => HINTS[kind] || '';

/** The delays a rule may have, in minutes; null is "not used". */
export const DELAYS = [null, 0, 1, 3, 5, 10, 15, 30];

export function delayText(minutes) {
  if (minutes === null || minutes === undefined) {
    return 'Not used';
  }
  return minutes === 0 ? 'At once' : `After ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** {high: [[methodId, select]], low: [...]} → the PUT body; an empty list means the defaults. */
export function rulesBody(pickers) {
  const pick = (list) => list
    .map(([methodId, s]) => [methodId, s.input.value])
    .filter(([, v]) => v !== '')
    .map(([methodId, v]) => ({ methodId, delayMinutes: Number(v) }));
  return { high: pick(pickers.high), low: pick(pickers.low) };
}
