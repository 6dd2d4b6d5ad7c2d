// The cover-gap warning's words and grouping: one line per gap however many partners share it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupGaps, gapWords } from '../../main/resources/META-INF/resources/app/rota/cover-gaps.js';

const night = { reason: 'LAYER_ON_LEAVE', rotaId: 2, rotaName: 'Police and NHS', layer: 'SECONDARY', policyId: null, step: null,
  start: '2026-12-17T18:00:00Z', end: '2026-12-18T08:00:00Z' };
const evening = { reason: 'NOT_COVERED', rotaId: null, rotaName: null, layer: null, policyId: null, step: null,
  start: '2026-12-08T17:30:00Z', end: '2026-12-09T08:30:00Z' };

test('a gap shared by partners is one line naming them, in order of start', () => {
  const lines = groupGaps([
    { partner: 'LINCSPOL', gaps: [night] },
    { partner: 'ULHT', gaps: [night, evening] },
    { partner: 'BBC', gaps: null },
  ]);
  assert.equal(lines.length, 2);
  assert.equal(lines[0].gap, evening);
  assert.deepEqual(lines[1].partners, ['LINCSPOL', 'ULHT']);
});

test('only one rota’s gaps on its own screen', () => {
  assert.equal(groupGaps([{ partner: 'ULHT', gaps: [night, evening] }], 2).length, 1);
  assert.equal(groupGaps([{ partner: 'ULHT', gaps: [night, evening] }], 3).length, 0);
});

test('each reason in words', () => {
  assert.equal(gapWords(night), 'Secondary layer of “Police and NHS”: everyone on the layer is on leave');
  assert.equal(gapWords(evening), 'Out of hours: no rota covers these hours');
  assert.equal(gapWords({ reason: 'POLICY_STEP_EMPTY_LAYER', step: 2, policyName: 'Standard', layer: 'SECONDARY', rotaName: 'Day' }),
    'Step 2 of “Standard” pages the secondary layer of “Day”: an escalation step pages a layer with no members');
});
