// A report's figure: its chart and its table side by side (one above the other on a phone), each in
// a region that scrolls sideways when it must, and the table's rows downloadable as a CSV file.
import { h, announce } from '../core/dom.js';
import { csv, download } from '../core/csv.js';
import { h2, p, table, button } from './govuk.js';

/**
 * title: the section's heading; intro: a sentence under it; chart: an SVG from components/charts;
 * head/rows: the table (rows of text or numbers, the same values the CSV gets); cells(row): how a
 * row is shown, when not as it is; numeric: numeric columns; fileName: the CSV's name; id: the section's.
 */
export function chartAndTable({ id, title, intro, chart, head, rows, cells, numeric = [], fileName, empty }) {
  const headingId = `${id}-heading`;
  if (!rows.length) {
    return h('section', { id, 'aria-labelledby': headingId }, h2(title, { id: headingId }), p(empty || 'Nothing to show for this period.'));
  }
  const shown = cells ? rows.map(cells) : rows;
  return h('section', { id, class: 'app-report-section', 'aria-labelledby': headingId },
    h2(title, { id: headingId }),
    intro ? p(intro) : null,
    h('div', { class: 'app-report' },
      h('div', { class: 'app-report__chart app-scroll app-chart-wrap', role: 'region', 'aria-label': `${title}: chart`, tabindex: '0' }, chart),
      h('div', { class: 'app-report__table app-scroll', role: 'region', 'aria-label': `${title}: table`, tabindex: '0' },
        table({ head, rows: shown, numeric, firstCellIsHeader: true, className: 'govuk-table--small-text-until-tablet' }))),
    button(`Download “${title}” as CSV`, {
      secondary: true,
      id: `${id}-csv`,
      on: {
        click: () => {
          download(fileName, csv(head, rows));
          announce(`${fileName} downloaded, ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}.`);
        },
      },
    }));
}
