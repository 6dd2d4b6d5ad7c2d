// Hash routes: which screen an address (#/people/12?x=1) shows and with which parameters. No DOM
// here: Node's test runner loads it.

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
