// Which screen an address shows, with which parameters: the route table as the app uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROUTES } from '../../main/resources/META-INF/resources/app/routes.js';
import { match } from '../../main/resources/META-INF/resources/app/core/router.js';

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
