// The rota screens' words for what the API writes in codes: turn lengths, waits, periods of leave,
// and a refusal that names fields said once, plainly, with each problem kept for its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { period, duration, asAnswers } from '../../main/resources/META-INF/resources/app/rota/rota-common.js';
import { leavePeriod } from '../../main/resources/META-INF/resources/app/rota/leave.js';
import { apiError } from '../../main/resources/META-INF/resources/app/core/problems.js';

test('turn lengths in days and weeks', () => {
  assert.equal(period('P7D'), 'week');
  assert.equal(period('P14D'), '2 weeks');
  assert.equal(period('P1W'), 'week');
  assert.equal(period('P3D'), '3 days');
  assert.equal(period('P1D'), 'day');
  assert.equal(period('P1M'), 'P1M', 'what it cannot read is shown as it is');
});

test('an escalation step’s wait', () => {
  assert.equal(duration('PT5M'), '5 min');
  assert.equal(duration('PT1H30M'), '1 h 30 min');
  assert.equal(duration('PT45S'), '45 s');
  assert.equal(duration('PT24H'), '24 h');
  assert.equal(duration('P1D'), 'P1D');
});

test('leave of whole London days is said as days, across a clock change too', () => {
  // 23 to 29 March 2026: the clocks go forward on the 29th, the leave ends at midnight BST.
  assert.equal(leavePeriod('2026-03-23T00:00:00Z', '2026-03-29T23:00:00Z'), '23 March 2026 to 29 March 2026 (7 days)');
  assert.equal(leavePeriod('2026-07-01T23:00:00Z', '2026-07-02T23:00:00Z'), '2 July 2026 (1 day)');
  assert.match(leavePeriod('2026-07-01T12:00:00Z', '2026-07-02T12:00:00Z'), /13:00 to .*13:00/);
});

test('a refusal naming fields is said in one plain sentence; each field keeps its own message', () => {
  const err = apiError(400, { title: 'Invalid request', detail: 'steps[1].targets[0].url: must be an http or https URL', errors: [{ field: 'steps[1].targets[0].url', message: 'must be an http or https URL' }] }, '/api/escalation-policies');
  const shown = asAnswers(err);
  assert.equal(shown.message, 'One answer needs changing: it is marked below.');
  assert.deepEqual(shown.fieldErrors, err.fieldErrors);
  assert.equal(asAnswers(apiError(400, { errors: [{ field: 'a', message: 'x' }, { field: 'b', message: 'y' }] }, '/api/rotas')).message, '2 answers need changing: each is marked below.');
  const conflict = apiError(409, { title: 'Conflict', detail: 'Policy 3 is a partner’s default' }, '/api/escalation-policies/3');
  assert.equal(asAnswers(conflict), conflict, 'anything else is shown as it came');
});
