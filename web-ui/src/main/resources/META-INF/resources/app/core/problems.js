// What a failed call means, in words for the person at the screen: the HTTP status and the API's
// problem+json (title, detail, errors[], requestId) become an ApiError whose message is shown as it
// is. A request ID is quoted only for server faults (5xx): that is when someone has to look it up.
// No DOM and no fetch here: Node's test runner checks every mapping.

/** Which service answers a path, to say which one is down. */
const SERVICES = [
  [/^\/api\/dr\//, 'the DR planning service (dr-planner)'],
  [/^\/api\/(rotas|oncall|incidents|escalation-policies|calendar|shifts|overrides|leave|contacts|paging)/, 'the rota and incidents service (rota-service)'],
  [/^\/api\/(partners|people|skills|experts|reports\/skills)/, 'the skills service (skills-service)'],
  [/^\/api\/(auth|users|api-keys)/, 'the gateway'],
];

export function serviceOf(path) {
  const hit = SERVICES.find(([re]) => re.test(path));
  return hit ? hit[1] : 'a service of the platform';
}

/**
 * A service's words with the parts written for programmers taken out: a clause or a bracket that
 * sends the reader to an API call ("; see GET /api/skills for the taxonomy", "(POST /api/auth/refresh)").
 */
export function forPeople(text) {
  if (!text) {
    return '';
  }
  const api = /\b(?:GET|POST|PUT|PATCH|DELETE) \/(?:api|q)\//;
  const out = String(text)
    .replace(/\s*\([^()]*\b(?:GET|POST|PUT|PATCH|DELETE) \/(?:api|q)\/[^()]*\)/g, '')
    .split(/(?<=[;.!?])\s+|\s*;\s*/)
    .filter((clause) => clause && !api.test(clause))
    .join('; ')
    .replace(/;\s*$/, '')
    .trim();
  return out;
}

/** "minLevel" → "Min level", "layers[0].members[2]" → "Layers 1, members 3": a field the screen has no label for. */
export function fieldWords(field) {
  const words = String(field || '')
    .replace(/\[(\d+)\]/g, (_, n) => ` ${Number(n) + 1}`)
    .replace(/\./g, ', ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export class ApiError extends Error {
  constructor(status, problem, message, path) {
    super(message);
    this.status = status;
    this.problem = problem || {};
    this.path = path;
  }

  /**
   * Field errors as [{field, message, rejected}] (problem+json `errors`), in words for people: no
   * pointers to API calls, and no "did you mean" when the problem lists suggestions (shown once, apart).
   */
  get fieldErrors() {
    if (!Array.isArray(this.problem.errors)) {
      return [];
    }
    const suggested = this.problem.suggestions && typeof this.problem.suggestions === 'object';
    return this.problem.errors.map((e) => ({
      ...e,
      message: forPeople(suggested ? String(e.message || '').replace(/;\s*did you mean[^;]*$/i, '') : e.message),
    }));
  }

  /** The request ID to quote, for server faults only; null for everything a person can put right. */
  get requestId() {
    return this.status >= 500 && this.problem.requestId ? String(this.problem.requestId) : null;
  }
}

/**
 * The message for a failed call. status: the HTTP status (0: no answer); problem: its problem+json
 * ({} if none); path: the API path called; retryAfter: the Retry-After header, if any.
 */
export function describe(status, problem = {}, path = '', retryAfter = null) {
  const detail = problem.detail && problem.detail !== problem.title ? forPeople(problem.detail) : '';
  const title = problem.title || '';
  const said = [title, detail].filter(Boolean).join(': ');
  // A refusal naming the fields at fault is said by those fields alone (the summary lists each,
  // linked to its field): the detail would only repeat them.
  if ((status === 400 || status === 422) && Array.isArray(problem.errors) && problem.errors.length) {
    return '';
  }
  const quote = status >= 500 && problem.requestId ? ` Quote request ID ${problem.requestId} if you report it.` : '';
  switch (status) {
    case 0:
      return 'The service could not be reached. Check your network connection and try again.';
    case 401:
      return 'You are not signed in, or your session has ended. Sign in again.';
    case 403:
      return `You are not allowed to do this with your role and organisation.${said ? ` The service said: ${said}` : ''}`;
    case 404:
      return said || 'The record was not found. It may have been removed.';
    case 412:
    case 409:
      return said || 'Someone else changed this record while you were editing it. Reload the page to see their change, then try again.';
    case 428:
      return said || 'The change must name the version being edited. Reload the page and try again.';
    case 429:
      return `Too many requests. Try again${retryAfter ? ` in ${retryAfter} seconds` : ' shortly'}.${said ? ` (${said})` : ''}`;
    case 502:
    case 503:
    case 504: {
      const who = problem.service ? `the ${problem.service}` : serviceOf(path);
      return `${who.charAt(0).toUpperCase()}${who.slice(1)} is not available at the moment, so this could not be done. Try again in a few minutes.${said ? ` (${said})` : ''}${quote}`;
    }
    default:
      if (status >= 500) {
        return `Something went wrong in ${serviceOf(path)}.${said ? ` ${said}.` : ''}${quote}`;
      }
      return said || `The request was refused (HTTP ${status}).`;
  }
}

/** The ApiError for a failed call (arguments as describe's). */
export function apiError(status, problem, path, retryAfter) {
  return new ApiError(status, problem, describe(status, problem || {}, path, retryAfter), path);
}
