// CSV both ways: reading an import file in the browser for its preview (cells, rows and what a row
// would change), and a report's download (what a spreadsheet reads back is what the table showed,
// and no cell can run as a formula).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, csvRecords, changedColumns, csv, cell } from '../../main/resources/META-INF/resources/app/core/csv.js';

test('quoted cells keep their commas, doubled quotes and line breaks', () => {
  assert.deepEqual(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4\r\n'),
    [['a', 'b, c', 'say "hi"', 'two\nlines'], ['1', '2', '3', '4']]);
});

test('a byte-order mark, LF or CRLF line ends and a missing last line end read the same', () => {
  const expected = [['partner', 'name'], ['BBC', 'Zoë']];
  assert.deepEqual(parseCsv('\ufeffpartner,name\r\nBBC,Zoë\r\n'), expected);
  assert.deepEqual(parseCsv('partner,name\nBBC,Zoë'), expected);
});

test('empty cells are kept in their place', () => {
  assert.deepEqual(parseCsv(',a,,\n'), [['', 'a', '', '']]);
});

test('records carry their spreadsheet row number and trimmed header names', () => {
  assert.deepEqual(csvRecords(' email ,name\nx@example.org, X \ny@example.org,Y\n'),
    [{ row: 2, email: 'x@example.org', name: 'X' }, { row: 3, email: 'y@example.org', name: 'Y' }]);
});

test('only the columns the upload carries and that differ are changes', () => {
  const stored = { email: 'x@example.org', name: 'X', team: 'ICT', site: 'Boston' };
  const upload = { row: 2, email: 'X@example.org', name: 'X', team: 'Infrastructure', site: '' };
  assert.deepEqual(changedColumns(upload, stored, ['name', 'team', 'site', 'mobile']),
    [['team', 'ICT', 'Infrastructure'], ['site', 'Boston', '']]);
  assert.deepEqual(changedColumns({ name: 'New' }, undefined, ['name']), [['name', '', 'New']]);
});

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
