// Who is signed in. The short-lived access token (30 seconds) lives in sessionStorage: it survives a
// reload of the tab but not closing it. The refresh token is never kept here: the gateway sets it as an
// HttpOnly cookie (path /api/auth) that scripts cannot read. The claims are read from the access
// token itself (docs/ARCHITECTURE.md, token contract); the services check them again on every call.

const KEY = 'sharedict.session';
let current = load();
const listeners = new Set();

function load() {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function decodeClaims(token) {
  const part = token.split('.')[1];
  if (!part) {
    throw new Error('the sign-in answer did not carry a token');
  }
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Keeps the tokens of a sign-in or refresh answer. */
export function start(answer) {
  const accessToken = answer.accessToken || answer.access_token || answer.token;
  const claims = decodeClaims(accessToken);
  const lifetime = Number(answer.expiresIn || answer.expires_in);
  current = {
    accessToken,
    claims,
    // When it expires by this browser's clock, from the lifetime the gateway answered (the token's
    // own exp is by the gateway's clock, which a browser's may be minutes away from).
    expiresAtHere: Number.isFinite(lifetime) && lifetime > 0 ? Date.now() + lifetime * 1000 : null,
  };
  sessionStorage.setItem(KEY, JSON.stringify(current));
  listeners.forEach((l) => l(current));
  return current;
}

export function end() {
  current = null;
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l(null));
}

export function onChange(listener) {
  listeners.add(listener);
}

export function token() {
  return current && current.accessToken;
}

/** Milliseconds the access token has left (by this browser's clock), or Infinity when unknown. */
export function timeLeft() {
  return current && current.expiresAtHere ? current.expiresAtHere - Date.now() : Infinity;
}

export function signedIn() {
  return Boolean(current);
}

/** The signed-in user, from the token: username, name, partner (absent for partnership admins), roles, person ID. */
export function user() {
  if (!current) {
    return null;
  }
  const c = current.claims;
  return {
    username: c.upn || c.sub,
    name: c.name || c.upn || c.sub,
    partner: c.partner || null,
    roles: Array.isArray(c.groups) ? c.groups : [],
    person: c.person ? Number(c.person) : null,
    email: c.email || null,
    expiresAt: c.exp ? new Date(c.exp * 1000) : null,
  };
}

export function hasRole(...roles) {
  const u = user();
  return Boolean(u && u.roles.some((r) => roles.includes(r)));
}

export function isAdmin() {
  return hasRole('admin');
}

/** Mirrors the services' rule: admin edits everything, the given roles edit their own partner's records. */
export function canEditPartner(partner, ...roles) {
  const u = user();
  if (!u) {
    return false;
  }
  if (u.roles.includes('admin')) {
    return true;
  }
  return Boolean(partner) && u.partner === partner && u.roles.some((r) => roles.includes(r));
}

export const ROLE_NAMES = {
  admin: 'partnership admin',
  manager: 'ICT manager',
  engineer: 'on-call engineer',
  'dr-lead': 'DR lead',
  viewer: 'viewer',
  integration: 'integration',
};
