// A failed call in words: the HTTP status and the API's problem+json → the message shown, with a
// request ID to quote for server faults only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, apiError, describe, serviceOf, forPeople, fieldWords } from '../../main/resources/META-INF/resources/app/core/problems.js';

const ID = 'c0ffee-42';

test('a refusal naming its fields is said by the fields alone, without a request ID', () => {
  const err = apiError(400, {
    title: 'Invalid request', detail: 'minLevel must be between 1 and 5', requestId: ID,
    errors: [{ field: 'minLevel', message: 'must be between 1 and 5', rejected: '9' }],
  }, '/api/experts');
  assert.ok(err instanceof ApiError);
  assert.ok(err instanceof Error);
  assert.equal(err.status, 400);
  assert.equal(err.message, '', 'the detail only repeats the field error, which the summary lists');
  assert.deepEqual(err.fieldErrors, [{ field: 'minLevel', message: 'must be between 1 and 5', rejected: '9' }]);
  assert.equal(err.requestId, null);
  assert.ok(!err.message.includes(ID));
});

test('no client error quotes the request ID', () => {
  for (const status of [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429]) {
    const err = apiError(status, { title: 'Refused', detail: 'Because', requestId: ID }, '/api/people/1');
    assert.equal(err.requestId, null, String(status));
    assert.ok(!err.message.includes(ID), `${status}: ${err.message}`);
  }
});

test('a server fault names the service and quotes the request ID, once', () => {
  const err = apiError(500, { title: 'Internal Server Error', requestId: ID }, '/api/rotas/3/shifts');
  assert.equal(err.message, `Something went wrong in the rota and incidents service (rota-service). Internal Server Error. Quote request ID ${ID} if you report it.`);
  assert.equal(err.requestId, ID);
  assert.equal(err.message.split(ID).length, 2);
  assert.equal(apiError(500, {}, '/api/experts').message, 'Something went wrong in the skills service (skills-service).');
  assert.equal(apiError(500, {}, '/api/experts').requestId, null);
});

test('a service that is down is named, from the problem or else from the path', () => {
  assert.equal(describe(503, { title: 'Service Unavailable', service: 'DR planning service (dr-planner)' }, '/api/dr/plans'),
    'The DR planning service (dr-planner) is not available at the moment, so this could not be done. Try again in a few minutes. (Service Unavailable)');
  assert.equal(describe(503, {}, '/api/oncall'),
    'The rota and incidents service (rota-service) is not available at the moment, so this could not be done. Try again in a few minutes.');
  assert.equal(describe(504, { requestId: ID }, '/api/auth/login'),
    `The gateway is not available at the moment, so this could not be done. Try again in a few minutes. Quote request ID ${ID} if you report it.`);
  assert.equal(apiError(502, { requestId: ID }, '/api/skills').requestId, ID);
});

test('each status a person meets says what it means', () => {
  assert.equal(describe(401, { title: 'Unauthorized' }), 'You are not signed in, or your session has ended. Sign in again.');
  assert.equal(describe(403, {}), 'You are not allowed to do this with your role and organisation.');
  assert.equal(describe(403, { title: 'Forbidden', detail: 'Managers edit their own partner\'s people only' }),
    'You are not allowed to do this with your role and organisation. The service said: Forbidden: Managers edit their own partner\'s people only');
  assert.equal(describe(404, {}), 'The record was not found. It may have been removed.');
  assert.equal(describe(404, { title: 'Not Found', detail: 'No person 99' }), 'Not Found: No person 99');
  assert.match(describe(409, {}), /Someone else changed this record/);
  assert.match(describe(412, {}), /Someone else changed this record/);
  assert.equal(describe(409, { title: 'Conflict', detail: 'The rota has shifts' }), 'Conflict: The rota has shifts');
  assert.match(describe(428, {}), /must name the version/);
  assert.equal(describe(429, {}, '/api/auth/login', '30'), 'Too many requests. Try again in 30 seconds.');
  assert.equal(describe(429, {}, '/api/auth/login'), 'Too many requests. Try again shortly.');
  assert.equal(describe(418, {}), 'The request was refused (HTTP 418).');
  assert.equal(describe(0, {}, '/api/people'), 'The service could not be reached. Check your network connection and try again.');
});

test('a detail that repeats the title is said once', () => {
  assert.equal(describe(400, { title: 'Invalid request', detail: 'Invalid request' }), 'Invalid request');
  assert.equal(describe(400, { detail: 'Only a detail' }), 'Only a detail');
});

test('every API path belongs to the service that answers it', () => {
  assert.equal(serviceOf('/api/dr/plans/4'), 'the DR planning service (dr-planner)');
  for (const path of ['/api/rotas', '/api/oncall', '/api/incidents/5', '/api/escalation-policies', '/api/calendar/feeds/me', '/api/overrides', '/api/leave']) {
    assert.equal(serviceOf(path), 'the rota and incidents service (rota-service)', path);
  }
  for (const path of ['/api/partners', '/api/people/1', '/api/skills?q=x', '/api/experts', '/api/reports/skills/coverage']) {
    assert.equal(serviceOf(path), 'the skills service (skills-service)', path);
  }
  for (const path of ['/api/auth/login', '/api/users', '/api/api-keys']) {
    assert.equal(serviceOf(path), 'the gateway', path);
  }
  assert.equal(serviceOf('/api/unknown'), 'a service of the platform');
});

test('a refusal without field errors still says its title and detail', () => {
  assert.equal(apiError(400, { title: 'Invalid request', detail: 'The body is not JSON' }, '/api/people').message, 'Invalid request: The body is not JSON');
});

test('pointers to API calls are taken out of what people read', () => {
  assert.equal(forPeople("no skill matches 'zzz'; see GET /api/skills for the taxonomy"), "no skill matches 'zzz'");
  assert.equal(forPeople('The token has expired; get a new one (POST /api/auth/refresh) or sign in again'), 'The token has expired; get a new one or sign in again');
  assert.equal(forPeople('Nothing to take out.'), 'Nothing to take out.');
  const err = apiError(400, {
    title: 'Invalid request', detail: "skill: no skill matches 'zzz'; see GET /api/skills for the taxonomy",
    errors: [{ field: 'skill', message: "no skill matches 'zzz'; see GET /api/skills for the taxonomy", rejected: 'zzz' }],
  }, '/api/experts');
  assert.deepEqual(err.fieldErrors.map((e) => e.message), ["no skill matches 'zzz'"]);
});

test('a "did you mean" the problem also lists as suggestions is said once, by the suggestions', () => {
  const err = apiError(400, {
    title: 'Invalid request', suggestions: { citirxx: [{ code: 'CITRIX', name: 'Citrix Virtual Apps and Desktops' }] },
    errors: [{ field: 'skill', message: "no skill matches 'citirxx'; did you mean Citrix Virtual Apps and Desktops (CITRIX)?", rejected: 'citirxx' }],
  }, '/api/experts');
  assert.deepEqual(err.fieldErrors.map((e) => e.message), ["no skill matches 'citirxx'"]);
});

test('a field the screen has no label for is named in words', () => {
  assert.equal(fieldWords('minLevel'), 'Min level');
  assert.equal(fieldWords('layers[0].members[2]'), 'Layers 1, members 3');
  assert.equal(fieldWords('unavailable_until'), 'Unavailable until');
});
