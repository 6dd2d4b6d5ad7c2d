// Which screen an address shows, with which parameters: the route table as the app uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROUTES } from '../../main/resources/META-INF/resources/app/routes.js';
import { match, createRouter } from '../../main/resources/META-INF/resources/app/core/router.js';
import { query } from '../../main/resources/META-INF/resources/app/core/api.js';

const screenOf = (path) => ROUTES.find((r) => r.path === path).screen;

test('a path parameter is matched and decoded', () => {
  const at = match(ROUTES, '#/people/12');
  assert.equal(at.route.screen, screenOf('/people/:id'));
  assert.deepEqual(at.params, { id: '12' });
  assert.equal(at.route.nav, 'people');
  assert.deepEqual(match(ROUTES, '#/people/caf%C3%A9').params, { id: 'café' });
});

test('a fixed path wins over a parameter in the same place, as the table orders them', () => {
  assert.equal(match(ROUTES, '#/people/new').route.screen, screenOf('/people/new'));
  assert.deepEqual(match(ROUTES, '#/people/new').params, {});
  assert.equal(match(ROUTES, '#/people/7/edit').route.screen, screenOf('/people/:id/edit'));
  assert.deepEqual(match(ROUTES, '#/people/7/edit').params, { id: '7' });
});

test('two parameters of one route', () => {
  const at = match(ROUTES, '#/dr/plans/4/timeline');
  assert.equal(at.route.path, '/dr/plans/:id/:tab');
  assert.deepEqual(at.params, { id: '4', tab: 'timeline' });
  assert.equal(match(ROUTES, '#/dr/plans/4').route.path, '/dr/plans/:id');
  assert.equal(match(ROUTES, '#/admin/api-keys').params.section, 'api-keys');
});

test('the query is read whatever its spelling and order: %20 and + are spaces, repeated names are kept in order', () => {
  const a = match(ROUTES, '#/experts?skill=Citrix%20Virtual%20Apps&skill=MS+SQL&minLevel=1');
  const b = match(ROUTES, '#/experts?minLevel=1&skill=Citrix+Virtual+Apps&skill=MS%20SQL');
  for (const at of [a, b]) {
    assert.equal(at.route.path, '/experts');
    assert.deepEqual(at.query.getAll('skill'), ['Citrix Virtual Apps', 'MS SQL']);
    assert.equal(at.query.get('minLevel'), '1');
  }
  assert.equal(match(ROUTES, '#/rotas/3?from=2026-03-29T00%3A00%3A00Z').query.get('from'), '2026-03-29T00:00:00Z');
});

test('the query does not take part in choosing the route', () => {
  assert.equal(match(ROUTES, '#/experts?next=/people/1').route.path, '/experts');
  assert.equal(match(ROUTES, '#/people?partner=BBC').route.path, '/people');
});

test('the start page, an unknown address and an unreadable parameter match no route', () => {
  for (const hash of ['', '#', '#/']) {
    const at = match(ROUTES, hash);
    assert.equal(at.route, null, hash);
    assert.equal(at.path, '/');
  }
  assert.equal(match(ROUTES, '#/nowhere').route, null);
  assert.equal(match(ROUTES, '#/people/').route, null);
  assert.equal(match(ROUTES, '#/people/12/edit/more').route, null);
  assert.equal(match(ROUTES, '#/people/%E0%A4%A').route, null, 'a malformed escape is a page not found, not an exception');
});

test('only sign-in and the accessibility statement are open to people not signed in', () => {
  const open = ROUTES.filter((r) => r.public).map((r) => r.path);
  assert.deepEqual(open.sort(), ['/accessibility', '/sign-in']);
});

test('every screen route marks an item of the menu in index.html, except the two open pages', () => {
  const index = readFileSync(new URL('../../main/resources/META-INF/resources/index.html', import.meta.url), 'utf8');
  const menu = [...index.matchAll(/data-nav="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(menu.length >= 7, menu.join());
  for (const r of ROUTES.filter((x) => !x.public)) {
    assert.ok(menu.includes(r.nav), `${r.path} marks ${r.nav}`);
    assert.equal(typeof r.screen, 'function', r.path);
  }
});

// A window as far as the router uses it: the address, and history.replaceState changing it (as a
// browser does, without a hashchange event).
function fakeWindow(hash) {
  const win = { location: { hash }, history: { replaceState: (_state, _title, url) => { win.location.hash = url; } } };
  return win;
}

// A search screen as Find an expert is: it rewrites the address to the search's canonical spelling
// (api.query: + for spaces, a fixed order, defaults left out) while rendering.
const page = { title: 'Find an expert', content: [] };
const search = {
  path: '/experts',
  screen: async (ctx) => {
    const minLevel = ctx.query.get('minLevel') || '1';
    ctx.remember(`#/experts${query({ skill: ctx.query.getAll('skill'), minLevel: minLevel !== '1' ? minLevel : undefined })}`);
    await Promise.resolve();
    return page;
  },
};

test('a shared search link shows its page although the screen rewrites the address while rendering', async () => {
  for (const [link, canonical] of [
    ['#/experts?skill=Citrix%20Virtual%20Apps', '#/experts?skill=Citrix+Virtual+Apps'],
    ['#/experts?minLevel=2&skill=CITRIX', '#/experts?skill=CITRIX&minLevel=2'],
    ['#/experts?skill=CITRIX&minLevel=1', '#/experts?skill=CITRIX'],
  ]) {
    const win = fakeWindow(link);
    const router = createRouter([search], win);
    const visit = router.begin();
    assert.equal(await router.render(visit, {}), page, link);
    assert.equal(win.location.hash, canonical);
    assert.ok(visit.isCurrent());
  }
});

test('a rendering is discarded once another has begun, and its failure is not shown either', async () => {
  let finish;
  const slow = { path: '/slow', screen: () => new Promise((resolve, reject) => { finish = { resolve, reject }; }) };
  const win = fakeWindow('#/slow');
  const router = createRouter([slow, search], win);

  const first = router.begin();
  const rendering = router.render(first, {});
  win.location.hash = '#/experts?skill=CITRIX';
  const second = router.begin();
  finish.resolve({ title: 'Slow', content: [] });
  assert.equal(await rendering, null, 'the slow page arrived after the person moved on');
  assert.ok(!first.isCurrent());
  assert.equal(await router.render(second, {}), page);

  win.location.hash = '#/slow';
  const third = router.begin();
  const failing = router.render(third, {});
  router.begin(); // the same address again (navigate to the page shown renders it afresh)
  finish.reject(new Error('the service is down'));
  assert.equal(await failing, null);
});

test('a current rendering\'s failure reaches the shell, except an abort', async () => {
  const broken = { path: '/broken', screen: async () => { throw Object.assign(new Error('refused'), { status: 403 }); } };
  const aborted = { path: '/aborted', screen: async () => { throw Object.assign(new Error('aborted'), { name: 'AbortError' }); } };
  const win = fakeWindow('#/broken');
  const router = createRouter([broken, aborted], win);
  await assert.rejects(router.render(router.begin(), {}), { status: 403 });
  win.location.hash = '#/aborted';
  assert.equal(await router.render(router.begin(), {}), null);
});

test('a rendering no longer shown leaves the address alone', () => {
  const win = fakeWindow('#/experts?skill=CITRIX');
  const router = createRouter([search], win);
  const first = router.begin();
  win.location.hash = '#/people';
  router.begin();
  first.remember('#/experts?skill=CITRIX&page=2');
  assert.equal(win.location.hash, '#/people');
});

test('a screen gets its parameters, query and remember along with the shell\'s context', async () => {
  let seen;
  const person = { path: '/people/:id', screen: async (ctx) => { seen = ctx; return page; } };
  const router = createRouter([person], fakeWindow('#/people/12?tab=skills'));
  const visit = router.begin();
  const navigate = () => {};
  await router.render(visit, { navigate });
  assert.deepEqual(seen.params, { id: '12' });
  assert.equal(seen.query.get('tab'), 'skills');
  assert.equal(seen.navigate, navigate);
  assert.equal(seen.remember, visit.remember);
});
