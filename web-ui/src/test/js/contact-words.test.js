import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delayText, rulesBody, kindText, addressHint } from '../../main/resources/META-INF/resources/app/contacts/contact-words.js';

const picker = (value) => ({ input: { value } });

test('a rule delay reads in words', () => {
  assert.equal(delayText(null), 'Not used');
  assert.equal(delayText(0), 'At once');
  assert.equal(delayText(1), 'After 1 minute');
  assert.equal(delayText(3), 'After 3 minutes');
});

test('methods left "not used" are left out of the rules; an urgency with none gets the defaults', () => {
  const body = rulesBody({ high: [[1, picker('0')], [2, picker('3')], [3, picker('')]], low: [[1, picker('')]] });
  assert.deepEqual(body, { high: [{ methodId: 1, delayMinutes: 0 }, { methodId: 2, delayMinutes: 3 }], low: [] });
});

test('each kind of method has a name and a hint', () => {
  for (const k of ['SMS', 'VOICE', 'EMAIL', 'TEAMS', 'SLACK']) {
    assert.notEqual(kindText(k), k);
    assert.ok(addressHint(k).length > 10);
  }
});
