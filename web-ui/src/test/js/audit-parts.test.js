// The audit screen's parts: the newest entries of several parts merged, and words for codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newestOf, partsFor, words, PARTS } from '../../main/resources/META-INF/resources/app/admin/audit-parts.js';

const page = (...ats) => ({ items: ats.map((at, i) => ({ id: i, at })), totalItems: ats.length });

test('the newest entries of every part come first, each marked with its part, up to the limit', () => {
  const [gateway, skills, rota] = PARTS;
  const merged = newestOf([
    { part: gateway, page: page('2026-06-17T09:00:00Z', '2026-06-14T10:00:00Z') },
    { part: skills, page: page('2026-06-17T09:00:00.5Z', '2026-06-15T10:00:00Z') },
    { part: rota, page: null },
  ], 3);
  assert.deepEqual(merged.map((e) => [e.part.key, e.at]), [
    ['skills', '2026-06-17T09:00:00.5Z'], ['sign-ins', '2026-06-17T09:00:00Z'], ['skills', '2026-06-15T10:00:00Z']]);
  assert.equal('order' in merged[0] || 't' in merged[0], false);
});

test('entries at the same instant keep the order of the parts', () => {
  const [gateway, skills] = PARTS;
  const merged = newestOf([{ part: skills, page: page('2026-06-16T10:00:00Z') }, { part: gateway, page: page('2026-06-16T10:00:00Z') }], 5);
  assert.deepEqual(merged.map((e) => e.part.key), ['skills', 'sign-ins']);
});

test('one part by its key, every part otherwise', () => {
  assert.deepEqual(partsFor('rota').map((x) => x.key), ['rota']);
  assert.equal(partsFor('').length, 4);
  assert.equal(partsFor('nonsense').length, 4);
});

test('codes become words', () => {
  assert.equal(words('dr_template_version'), 'Dr template version');
  assert.equal(words('SUPERSEDE'), 'Supersede');
  assert.equal(words(null), '');
});
