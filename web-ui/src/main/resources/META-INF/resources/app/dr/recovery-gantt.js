// The recovery timeline: one bar per activity in recovery order, from its earliest start to its
// earliest recovery, with its RTO marked. A bar that ends past its RTO is a miss: red, hatched
// and labelled, so the miss reads without colour.
import { s } from '../core/dom.js';
import { chart, label, hatch } from '../components/charts/svg.js';
import { minutes } from '../components/govuk.js';

export function gantt({ activities, title, desc }) {
  const labelWidth = 260;
  const area = 600;
  const rowHeight = 30;
  const top = 34;
  // The scale ends a little after the last recovery (or the last RTO, if close); an RTO far beyond
  // is written at the right-hand edge instead of squeezing every bar to the left.
  const lastRecovery = Math.max(60, ...activities.map((a) => a.earliestRecoveryMinutes));
  const horizon = Math.max(lastRecovery * 1.15, ...activities.map((a) => a.rtoMinutes).filter((m) => m <= lastRecovery * 1.5));
  const step = horizon <= 480 ? 60 : horizon <= 1440 ? 120 : horizon <= 4320 ? 480 : 1440;
  const end = Math.ceil(horizon / step) * step;
  const x = (m) => labelWidth + (m / end) * area;
  const grid = [];
  for (let m = 0; m <= end; m += step) {
    grid.push(s('line', { x1: x(m), y1: top - 6, x2: x(m), y2: top + activities.length * rowHeight, class: 'app-chart__grid' }));
    grid.push(s('text', { x: x(m), y: top - 12, 'text-anchor': 'middle', class: 'app-chart__axis' }, m === 0 ? '0' : `${m / 60} h`));
  }
  const rows = activities.map((a, i) => {
    const y = top + i * rowHeight;
    const miss = !a.meetsRto;
    const barW = Math.max(2, x(a.earliestRecoveryMinutes) - x(a.earliestStartMinutes));
    return s('g', { class: miss ? 'app-gantt__row app-gantt__row--miss' : 'app-gantt__row', 'data-key': a.key },
      label(`${a.position}. ${a.name}`, 36, { x: labelWidth - 8, y: y + 19, 'text-anchor': 'end', class: miss ? 'app-chart__label app-chart__label--miss' : 'app-chart__label' }),
      s('rect', {
        x: x(a.earliestStartMinutes), y: y + 6, width: barW, height: rowHeight - 12,
        fill: miss ? 'url(#gantt-miss)' : '#1d70b8', stroke: miss ? '#d4351c' : '#1d70b8', 'stroke-width': miss ? 2 : 1,
      }, s('title', {}, `${a.name}: starts at ${minutes(a.earliestStartMinutes)}, recovered at ${minutes(a.earliestRecoveryMinutes)}; RTO ${minutes(a.rtoMinutes)}${miss ? ` — misses it by ${minutes(a.earliestRecoveryMinutes - a.rtoMinutes)}` : ''}`)),
      a.targetRtoMinutes !== undefined && a.targetRtoMinutes < a.rtoMinutes && a.targetRtoMinutes <= end
        ? s('line', { x1: x(a.targetRtoMinutes), y1: y + 2, x2: x(a.targetRtoMinutes), y2: y + rowHeight - 2, class: 'app-gantt__inherited' },
          s('title', {}, `${a.name} is needed within ${minutes(a.targetRtoMinutes)} by what depends on it`))
        : null,
      a.rtoMinutes <= end
        ? s('line', { x1: x(a.rtoMinutes), y1: y + 2, x2: x(a.rtoMinutes), y2: y + rowHeight - 2, class: 'app-gantt__rto' })
        : s('text', { x: labelWidth + area + 76, y: y + 19, 'text-anchor': 'end', class: 'app-chart__axis' }, `RTO ${minutes(a.rtoMinutes)} →`),
      miss ? s('text', { x: Math.min(x(a.earliestRecoveryMinutes) + 6, labelWidth + area - 4), y: y + 19, class: 'app-chart__miss', 'text-anchor': x(a.earliestRecoveryMinutes) + 120 > labelWidth + area ? 'end' : 'start' },
        `misses RTO by ${minutes(a.earliestRecoveryMinutes - a.rtoMinutes)}`) : null);
  });
  const legendY = top + activities.length * rowHeight + 18;
  const legendParts = s('g', { class: 'app-chart__legend', 'aria-hidden': 'true' },
    s('rect', { x: labelWidth, y: legendY, width: 24, height: 12, fill: '#1d70b8' }), s('text', { x: labelWidth + 30, y: legendY + 11 }, 'recovery within RTO'),
    s('rect', { x: labelWidth + 190, y: legendY, width: 24, height: 12, fill: 'url(#gantt-miss)', stroke: '#d4351c', 'stroke-width': 2 }), s('text', { x: labelWidth + 220, y: legendY + 11 }, 'misses its RTO'),
    s('line', { x1: labelWidth + 360, y1: legendY - 2, x2: labelWidth + 360, y2: legendY + 14, class: 'app-gantt__rto' }), s('text', { x: labelWidth + 368, y: legendY + 11 }, 'RTO'),
    s('line', { x1: labelWidth + 410, y1: legendY - 2, x2: labelWidth + 410, y2: legendY + 14, class: 'app-gantt__inherited' }), s('text', { x: labelWidth + 418, y: legendY + 11 }, 'inherited RTO'));
  return chart({ width: labelWidth + area + 80, height: legendY + 30, title, desc, className: 'app-gantt' },
    s('defs', {}, hatch('gantt-miss', '#d4351c')), grid, rows, legendParts);
}
