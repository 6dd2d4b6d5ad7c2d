// Horizontal grouped bars: one group per row (a partner, a partner in a month), a bar per series
// beside each other, each bar written with its series' short name and value ("given 120 h"), so
// colour is never the only cue and bars of very different size both stay readable.
import { s } from '../../core/dom.js';
import { chart, label, legend } from './svg.js';

/**
 * rows: [{label, values: [n or null per series]}]; series: [{name, short, fill}]; format(v) writes a
 * value. A null value is "none" (for example no incident acknowledged): no bar, the word written.
 */
export function groupedBars({ rows, series, title, desc, format = String, labelWidth = 170, barArea = 230, className }) {
  const bar = 16;
  const gap = 12;
  const groupHeight = series.length * (bar + 3) + gap;
  const max = Math.max(1e-9, ...rows.flatMap((r) => r.values.filter((v) => v !== null && v !== undefined)));
  const textRoom = 110;
  const parts = rows.map((r, i) => {
    const y0 = 8 + i * groupHeight;
    return s('g', {},
      label(r.label, Math.floor(labelWidth / 7.3), { x: labelWidth - 8, y: y0 + (series.length * (bar + 3)) / 2 + 4, 'text-anchor': 'end', class: 'app-chart__label' }),
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
