// Coverage heat map: skills (rows) × partners (columns), each cell the number of people, coloured
// by how thin the cover is and always labelled with the number (colour is never the only cue).
import { s } from '../../core/dom.js';
import { chart, label, legend, textWidth } from './svg.js';

export const SCALE = [
  { max: 0, fill: '#f3f2f1', text: '#505a5f', name: 'nobody' },
  { max: 1, fill: '#ffdd00', text: '#0b0c0c', name: 'one person' },
  { max: 2, fill: '#bbd4ea', text: '#0b0c0c', name: 'two' },
  { max: 4, fill: '#5694ca', text: '#0b0c0c', name: 'three or four' },
  { max: Infinity, fill: '#003078', text: '#ffffff', name: 'five or more' },
];

export function shade(count) {
  return SCALE.find((x) => count <= x.max);
}

/**
 * rows: [{label, group?, cells: [count per column]}], columns: [{code, name}].
 */
export function heatmap({ rows, columns, title, desc }) {
  // Row labels end at the squares: the column is as wide as the longest label (as shown: cut at 32
  // characters, with "(nobody)" for a gap), so none runs off the chart's left edge.
  const shownLabel = (row) => {
    const text = row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label;
    return row.cells.every((c) => c === 0) ? `${text} (nobody)` : text;
  };
  const labelWidth = Math.max(120, ...rows.map((r) => textWidth(shownLabel(r), 13, r.cells.every((c) => c === 0) ? 700 : 400) + 12));
  const cell = 42;
  const rowHeight = 22;
  const top = 70;
  const groupGap = 20;
  let y = top;
  const parts = [];
  let lastGroup = null;
  rows.forEach((row) => {
    if (row.group && row.group !== lastGroup) {
      y += lastGroup === null ? 0 : groupGap / 2;
      parts.push(s('text', { x: 0, y: y + 14, class: 'app-chart__group' }, row.group));
      y += groupGap;
      lastGroup = row.group;
    }
    const gap = row.cells.every((c) => c === 0);
    parts.push(label(shownLabel(row), 1000, { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', class: gap ? 'app-chart__label app-chart__label--miss' : 'app-chart__label' }));
    row.cells.forEach((count, i) => {
      const sh = shade(count);
      parts.push(s('g', {},
        s('rect', { x: labelWidth + i * cell, y, width: cell - 2, height: rowHeight - 2, fill: sh.fill, rx: 2 },
          s('title', {}, `${row.label} at ${columns[i].name}: ${count} ${count === 1 ? 'person' : 'people'}`)),
        s('text', { x: labelWidth + i * cell + (cell - 2) / 2, y: y + 15, 'text-anchor': 'middle', fill: sh.text, class: 'app-chart__cell' }, String(count))));
    });
    y += rowHeight;
  });
  const heads = columns.map((c, i) => s('text', {
    x: labelWidth + i * cell + cell / 2, y: top - 8, transform: `rotate(-45 ${labelWidth + i * cell + cell / 2} ${top - 8})`, class: 'app-chart__label',
  }, c.code, s('title', {}, c.name)));
  const width = labelWidth + columns.length * cell + 10;
  const leg = legend(SCALE.map((x) => [x.fill, x.name]), { x: 0, y: y + 16 });
  return chart({ width: Math.max(width, 620), height: y + 44, title, desc, className: 'app-heatmap' }, heads, parts, leg);
}
