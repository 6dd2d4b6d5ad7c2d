// Horizontal stacked bars: one row per item, segments side by side, each labelled with its number.
import { s } from '../../core/dom.js';
import { chart, label, legend } from './svg.js';

/**
 * rows: [{label, values: [n per series]}], series: [{name, fill, text}]. format writes a value on
 * its segment (when it fits) and the row's total after it; labelWidth and barArea size the chart.
 */
export function stackedBars({ rows, series, title, desc, unit = '', format = String, labelWidth = 250, barArea = 420 }) {
  const rowHeight = 28;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const scale = barArea / max;
  const parts = rows.map((r, i) => {
    const y = 10 + i * rowHeight;
    let x = labelWidth;
    const segs = r.values.map((v, k) => {
      if (!v) {
        return null;
      }
      const w = v * scale;
      const seg = s('g', {},
        s('rect', { x, y, width: w, height: rowHeight - 8, fill: series[k].fill, stroke: '#0b0c0c', 'stroke-width': 0.5 },
          s('title', {}, `${r.label}: ${format(v)} ${series[k].name}`)),
        w > Math.max(18, format(v).length * 7 + 6) ? s('text', { x: x + w / 2, y: y + 15, 'text-anchor': 'middle', fill: series[k].text, class: 'app-chart__cell' }, format(v)) : null);
      x += w;
      return seg;
    });
    const total = r.values.reduce((a, b) => a + b, 0);
    return s('g', {},
      label(r.label, Math.floor((labelWidth - 10) / 8), { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', class: 'app-chart__label' }),
      segs,
      s('text', { x: x + 6, y: y + 15, class: 'app-chart__label' }, `${format(total)}${unit}`));
  });
  const height = 10 + rows.length * rowHeight + 40;
  return chart({ width: labelWidth + barArea + 70, height, title, desc, className: 'app-bars' }, parts,
    legend(series.map((x) => [x.fill, x.name]), { x: labelWidth, y: height - 26 }));
}
