// CSV both ways, in the browser. Reading (RFC 4180: quoted cells, doubled quotes, line breaks inside
// quotes, CRLF or LF), for previewing an import before anything is sent to be written: the service
// reads the file again itself and is the judge of every cell; this only shows people what it holds.
// Writing, for a report's download as a spreadsheet opens it: RFC 4180 quoting, CRLF line ends, a
// byte-order mark so Excel reads UTF-8 names rightly, and a cell a spreadsheet would run as a
// formula (=, +, -, @, tab or carriage return first) written as text with a leading apostrophe,
// because the names in a report come from people other than its reader. Numbers are written as
// numbers. No DOM while loading, so Node tests it; download() uses the document when called.

/** The rows of a CSV text as arrays of cells (a byte-order mark and a last empty line dropped). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header row's names (trimmed), each with its spreadsheet row number (header = 1). */
export function csvRecords(text) {
  const [header = [], ...rows] = parseCsv(text);
  const names = header.map((h) => h.trim());
  return rows.map((cells, i) => {
    const record = { row: i + 2 };
    names.forEach((n, j) => { record[n] = cells[j] === undefined ? undefined : cells[j].trim(); });
    return record;
  });
}

/**
 * What an import row would change in a stored one (both records as csvRecords gives them): the
 * columns the upload carries whose value differs, as [column, before, after]. A column the file
 * leaves out keeps the stored value, so it is no change.
 */
export function changedColumns(upload, stored, columns) {
  return columns.filter((c) => c !== 'row' && upload[c] !== undefined && (upload[c] || '') !== ((stored && stored[c]) || ''))
    .map((c) => [c, (stored && stored[c]) || '', upload[c] || '']);
}

// --- writing ---------------------------------------------------------------------------------

const FORMULA = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text quoted when it must be and never able to become a formula. */
export function cell(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  let text = String(value);
  if (FORMULA.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** head: column titles; rows: arrays of cells. The file's text, byte-order mark first. */
export function csv(head, rows) {
  return `\ufeff${[head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Hands text to the browser as a file download named fileName. */
export function download(fileName, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
