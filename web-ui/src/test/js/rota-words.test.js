// The rota screens' words for what the API writes in codes: turn lengths, waits, periods of leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { period, duration } from '../../main/resources/META-INF/resources/app/rota/rota-common.js';
import { leavePeriod } from '../../main/resources/META-INF/resources/app/rota/leave.js';

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

test('a step’s target kept for the more severe incidents says so', async () => {
  const { targetWords } = await import('../../main/resources/META-INF/resources/app/rota/escalation.js');
  const names = { NKDC: 'North Kesteven District Council' };
  assert.equal(targetWords({ kind: 'PARTNER_MANAGER', partner: 'NKDC' }, names), 'the ICT managers of North Kesteven District Council');
  assert.equal(
    targetWords({ kind: 'PARTNER_MANAGER', partner: 'NKDC', minSeverity: 'CRITICAL' }, names),
    'the ICT managers of North Kesteven District Council (for critical incidents only)');
  assert.equal(targetWords({ kind: 'PERSON', name: 'Kim Ward', minSeverity: 'HIGH' }, names), 'Kim Ward (for high and critical incidents)');
});
