// Tables as CSV files, as a spreadsheet opens them: RFC 4180 quoting, CRLF line ends, a byte-order
// mark so Excel reads UTF-8 names rightly, and a cell a spreadsheet would run as a formula (=, +, -,
// @, tab or carriage return first) written as text with a leading apostrophe, because the names in
// a report come from people other than its reader. Numbers are written as numbers. No DOM while
// loading, so Node tests it; download() uses the document when called.

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
