// The parts of the platform's audit trail: the gateway's (sign-ins, users, API keys) and each
// service's own trail of writes. Each part is read at its own address and may be down on its own.
// No imports: the screen and the unit tests share this.

export const PARTS = [
  { key: 'sign-ins', name: 'Sign-ins, users and API keys', service: 'the gateway', path: '/api/auth/audit', kinds: null },
  { key: 'skills', name: 'People, skills and mutual aid', service: 'the skills service', path: '/api/audit/skills', kinds: '/api/audit/skills/kinds' },
  { key: 'rota', name: 'Rotas, incidents and paging', service: 'the rota and incidents service', path: '/api/audit/rota', kinds: '/api/audit/rota/kinds' },
  { key: 'dr', name: 'DR plans', service: 'the DR planning service', path: '/api/audit/dr', kinds: '/api/audit/dr/kinds' },
];

/** The part a key names; every part for "all" or an unknown key. */
export function partsFor(key) {
  const one = PARTS.find((x) => x.key === key);
  return one ? [one] : PARTS;
}

/**
 * The newest `limit` entries of several parts' first pages, newest first, each marked with its part.
 * Ties (the same instant) keep the parts' order, so the merge is the same on every render.
 */
export function newestOf(answers, limit) {
  const all = [];
  answers.forEach(({ part, page }, order) => {
    (page ? page.items : []).forEach((e, i) => all.push({ ...e, part, order, i, t: Date.parse(e.at) }));
  });
  // By time, not by text: the services write 10:00:00Z and 10:00:00.5Z, which sort wrongly as text.
  all.sort((a, b) => b.t - a.t || a.order - b.order || a.i - b.i);
  return all.slice(0, limit).map(({ order, i, t, ...e }) => e);
}

/** Words for a code the trail records (DR_PLAN, dr_plan → "Dr plan"), when no better words are known. */
export function words(code) {
  const s = String(code || '').replace(/[_.-]+/g, ' ').trim().toLowerCase();
  return s ? s[0].toUpperCase() + s.slice(1) : '';
}
