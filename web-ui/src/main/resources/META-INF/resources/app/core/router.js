// Hash routes: which screen an address (#/people/12?x=1) shows and with which parameters, and which
// rendering of a screen is still the one to show. No DOM here: Node's test runner loads it.

function pattern(path) {
  const names = [];
  const re = new RegExp(`^${path.replace(/:([a-z]+)/g, (_, n) => { names.push(n); return '([^/]+)'; })}$`);
  return { re, names };
}

/**
 * The route an address shows: {route, params, query, path}, route null when none matches (or a
 * parameter is not readable). The first matching route wins, so '/people/new' goes before '/people/:id'.
 */
export function match(routes, hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : raw.slice(at + 1));
  for (const route of routes) {
    const { re, names } = pattern(route.path);
    const m = re.exec(path);
    if (m) {
      try {
        const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
        return { route, params, query, path };
      } catch {
        break; // a malformed %-escape: no page has that address
      }
    }
  }
  return { route: null, params: {}, query, path };
}

/**
 * Renderings of screens, one after another. A rendering stays current until the next one begins
 * (a hash change, or navigating to the address shown): only then is its finished page discarded.
 * A screen may rewrite its own address while it renders (remember: a search in its canonical
 * spelling, so it can be shared) without discarding itself, which comparing addresses would do.
 * win: what of the browser's window this needs (location.hash, history.replaceState).
 */
export function createRouter(routes, win = globalThis) {
  let latest = 0;

  /** Starts rendering the address shown now: {route, params, query, path, isCurrent(), remember(hash)}. */
  function begin() {
    latest += 1;
    const id = latest;
    const isCurrent = () => id === latest;
    return {
      ...match(routes, win.location.hash),
      isCurrent,
      /** Changes the address without rendering again; a rendering no longer shown leaves it alone. */
      remember(hash) {
        if (isCurrent()) {
          win.history.replaceState(null, '', hash);
        }
      },
    };
  }

  /**
   * Runs the screen of a rendering begun with begin(), with ctx plus its params, query and remember.
   * Resolves to the screen's {title, content}, or to null when another rendering has begun since
   * (its page would be out of date); rethrows the screen's error only while it is current.
   */
  async function render(visit, ctx) {
    try {
      const page = await visit.route.screen({ ...ctx, params: visit.params, query: visit.query, remember: visit.remember });
      return visit.isCurrent() ? page : null;
    } catch (err) {
      if (!visit.isCurrent() || err.name === 'AbortError') {
        return null;
      }
      throw err;
    }
  }

  return { begin, render };
}
