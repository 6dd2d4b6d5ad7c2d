// A report's CSV: what a spreadsheet reads back is what the table showed, and no cell can run as a formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csv, cell } from '../../main/resources/META-INF/resources/app/core/csv.js';

test('plain text and numbers are written as they are', () => {
  assert.equal(cell('Boston Borough Council'), 'Boston Borough Council');
  assert.equal(cell(12.5), '12.5');
  assert.equal(cell(0), '0');
  assert.equal(cell(null), '');
  assert.equal(cell(undefined), '');
  assert.equal(cell(Number.NaN), '');
});

test('commas, quotes, line breaks and edge spaces are quoted, quotes doubled', () => {
  assert.equal(cell('Castle, Helen'), '"Castle, Helen"');
  assert.equal(cell('the "Council" rota'), '"the ""Council"" rota"');
  assert.equal(cell('two\nlines'), '"two\nlines"');
  assert.equal(cell(' padded'), '" padded"');
});

test('a cell a spreadsheet would run as a formula is written as text', () => {
  assert.equal(cell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(cell('+44 1205 314200'), "'+44 1205 314200");
  assert.equal(cell('-3'), "'-3");
  assert.equal(cell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(cell(-3), '-3', 'a number stays a number');
});

test('a file: byte-order mark, a header row, CRLF after every row', () => {
  const text = csv(['Partner', 'Hours'], [['BBC', 12], ['COL', 0.5]]);
  assert.equal(text, '\ufeffPartner,Hours\r\nBBC,12\r\nCOL,0.5\r\n');
});
