// Every call to the platform's API goes through here: same origin, through the gateway, with the
// signed-in user's bearer token, renewed shortly before it expires (and after a 401). Failures become
// an ApiError whose message is fit to show a person (problems.js). Nothing is swallowed: the screens
// show every ApiError (errors.js).
import * as session from './session.js';
import { apiError } from './problems.js';

let onSignedOut = () => {};
/** The app decides what happens when the session cannot be renewed (back to the sign-in page). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') || '';
  try {
    if (type.includes('json')) {
      return await response.json();
    }
    const text = await response.text();
    return text ? { detail: text.slice(0, 300) } : {};
  } catch {
    return {};
  }
}

let refreshing = null;
/**
 * Renews the access token with the gateway's refresh cookie, once for all the calls that need it at
 * the same time. Each refresh token works once and the cookie is shared by every tab of the site, so
 * tabs take turns (Web Locks): a tab that sent the cookie another had just used would end the
 * session. Without Web Locks (plain http other than localhost) tabs refresh as they please.
 */
async function refresh() {
  if (!refreshing) {
    const renew = async () => {
      const r = await fetch('/api/auth/refresh', {
        method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{}',
      });
      if (!r.ok) {
        return false;
      }
      session.start(await r.json());
      return true;
    };
    refreshing = (navigator.locks ? navigator.locks.request('sharedict-refresh', renew) : renew())
      .catch(() => false).finally(() => setTimeout(() => { refreshing = null; }, 0));
  }
  return refreshing;
}

/**
 * Picks up a session the gateway has already started in this browser: a sign-in at a council's
 * identity provider ends with only the refresh cookie (HttpOnly, so scripts cannot see whether it
 * is there), and a new tab or a reopened browser has the cookie but no access token. Resolves to
 * true when the cookie gave a token. A browser without one is simply not signed in.
 */
export async function resume() {
  if (session.signedIn()) {
    return true;
  }
  return refresh();
}

/** Access tokens live 30 s: one with less than this left is renewed before a call, not after a 401. */
const RENEW_BEFORE_MS = 10000;

/**
 * One call. Options: body (sent as JSON unless a string, ArrayBuffer or Blob, with contentType), ifMatch, accept,
 * blob (answer as a Blob), anonymous (no token, no refresh). Resolves to {data, etag, response}.
 */
export async function call(method, path, options = {}) {
  const headers = { Accept: options.accept || 'application/json' };
  if (!options.anonymous && session.signedIn() && session.timeLeft() < RENEW_BEFORE_MS) {
    // If it fails the call goes with the old token, and its 401 ends the session as before.
    await refresh();
  }
  if (!options.anonymous && session.token()) {
    headers.Authorization = `Bearer ${session.token()}`;
  }
  if (options.ifMatch !== undefined && options.ifMatch !== null) {
    headers['If-Match'] = String(options.ifMatch).startsWith('"') ? options.ifMatch : `"${options.ifMatch}"`;
  }
  let body;
  if (options.body !== undefined) {
    if (typeof options.body === 'string' || options.body instanceof ArrayBuffer || (typeof Blob !== 'undefined' && options.body instanceof Blob)) {
      // Text, or a file's bytes as they are (a CSV in Windows-1252 must reach the service unconverted).
      body = options.body;
      headers['Content-Type'] = options.contentType || 'text/plain';
    } else {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw apiError(0, {}, path);
  }
  if (response.status === 401 && !options.anonymous && !options.retried) {
    if (session.signedIn() && await refresh()) {
      return call(method, path, { ...options, retried: true });
    }
    session.end();
    onSignedOut();
    throw apiError(401, await readProblem(response), path);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    throw apiError(response.status, problem, path, response.headers.get('Retry-After'));
  }
  const etag = response.headers.get('ETag');
  if (options.blob) {
    return { data: await response.blob(), etag, response };
  }
  if (response.status === 204) {
    return { data: null, etag, response };
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  return { data, etag, response };
}

export const get = async (path, options) => (await call('GET', path, options)).data;
export const post = async (path, body, options) => (await call('POST', path, { ...options, body })).data;
export const put = async (path, body, options) => (await call('PUT', path, { ...options, body })).data;
export const del = async (path, options) => (await call('DELETE', path, options)).data;

/** Builds a query string from an object, repeating array values and leaving out empty ones. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one !== undefined && one !== null && one !== '') {
        q.append(k, one);
      }
    }
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** Fetches a file with the token and hands it to the browser as a download (or opens it); name overrides the service's file name. */
export async function download(path, fileName, { open = false, name = null } = {}) {
  const { data, response } = await call('GET', path, { blob: true, accept: '*/*' });
  const disposition = response.headers.get('Content-Disposition') || '';
  // name: the app's own file name, over the one the service suggests.
  const named = name ? [name, name] : /filename="?([^";]+)"?/.exec(disposition);
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  if (open) {
    a.target = '_blank';
    a.rel = 'noopener';
  } else {
    a.download = named ? named[1] : fileName;
  }
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return { size: data.size, type: data.type, fileName: named ? named[1] : fileName };
}
