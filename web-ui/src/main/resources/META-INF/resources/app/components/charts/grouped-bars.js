// Horizontal grouped bars: one group per row (a partner, a partner in a month), a bar per series
// beside each other, each bar written with its series' short name and value ("given 120 h"), so
// colour is never the only cue and bars of very different size both stay readable.
import { s } from '../../core/dom.js';
import { chart, label, legend } from './svg.js';

/** A long label over two lines, broken at the space that best balances them (the second may still be cut). */
function twoLines(text, chars) {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index).filter((i) => i <= chars);
  if (!spaces.length) {
    return [text.slice(0, chars), text.slice(chars)];
  }
  const at = spaces.reduce((best, i) => (Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2) ? i : best));
  return [text.slice(0, at), text.slice(at + 1)];
}

/**
 * rows: [{label, note? (a second line under it), values: [n or null per series]}]; series: [{name, short, fill}]; format(v) writes a
 * value. A null value is "none" (for example no incident acknowledged): no bar, the word written.
 */
export function groupedBars({ rows, series, title, desc, format = String, labelWidth = 170, barArea = 230, className }) {
  const bar = 16;
  const gap = 12;
  const groupHeight = series.length * (bar + 3) + gap;
  const max = Math.max(1e-9, ...rows.flatMap((r) => r.values.filter((v) => v !== null && v !== undefined)));
  const textRoom = 110;
  const chars = Math.floor((labelWidth - 10) / 8);
  const parts = rows.map((r, i) => {
    const y0 = 8 + i * groupHeight;
    const middle = y0 + (series.length * (bar + 3)) / 2;
    const at = (y, cls = 'app-chart__label') => ({ x: labelWidth - 8, y, 'text-anchor': 'end', class: cls });
    let labels;
    if (r.note) {
      labels = [label(r.label, chars, at(middle - 3)), label(r.note, chars, at(middle + 12, 'app-chart__axis'))];
    } else if (r.label.length > chars && series.length > 1) {
      const [first, second] = twoLines(r.label, chars);
      labels = [s('text', at(middle - 3), first, s('title', {}, r.label)), label(second, chars, at(middle + 12))];
    } else {
      labels = label(r.label, chars, at(middle + 4));
    }
    return s('g', {},
      labels,
      series.map((se, k) => {
        const v = r.values[k];
        const y = y0 + k * (bar + 3);
        const none = v === null || v === undefined;
        const w = none ? 0 : Math.max(v > 0 ? 2 : 0, (v / max) * barArea);
        const words = `${se.short} ${none ? 'none' : format(v)}`;
        return s('g', {},
          w ? s('rect', { x: labelWidth, y, width: w, height: bar, fill: se.fill, stroke: '#0b0c0c', 'stroke-width': 0.5 },
            s('title', {}, `${r.label}: ${se.name} ${format(v)}`)) : null,
          s('text', { x: labelWidth + w + 5, y: y + 12, class: 'app-chart__value' }, words));
      }));
  });
  const height = 8 + rows.length * groupHeight + 34;
  return chart({ width: labelWidth + barArea + textRoom, height, title, desc, className: ['app-grouped', className].filter(Boolean).join(' ') }, parts,
    legend(series.map((x) => [x.fill, x.name]), { x: 0, y: height - 24 }));
}
