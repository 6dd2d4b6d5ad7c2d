// Reading an import file in the browser for its preview: cells, rows and what a row would change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, csvRecords, changedColumns } from '../../main/resources/META-INF/resources/app/core/csv.js';

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
