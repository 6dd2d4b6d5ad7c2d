// A rota as a timeline: one band per week, Monday to Sunday, a lane per layer (primary above
// secondary), each shift a bar with who holds it. Overrides, leave cover and swaps have their own
// fill and say so in words on the bar.
import { s } from '../core/dom.js';
import { chart, label } from '../components/charts/svg.js';
import { addDays } from '../core/london.js';

export const FILLS = {
  SCHEDULED: { fill: '#d2e2f1', stroke: '#1d70b8', word: '' },
  OVERRIDE: { fill: '#e6d9f2', stroke: '#4c2c92', word: 'override' },
  LEAVE_COVER: { fill: '#fde2cf', stroke: '#b24d00', word: 'covering leave' },
  SWAP: { fill: '#d4ecea', stroke: '#28a197', word: 'swap' },
};

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** shifts: ShiftView[]; start: London midnight of the first Monday; weeks: how many. */
export function rotaTimeline({ shifts, start, weeks, layers, title, desc, dayLabel }) {
  const labelWidth = 96;
  const dayWidth = 112;
  const laneHeight = 36;
  const weekGap = 26;
  const top = 26;
  const weekHeight = layers.length * laneHeight + weekGap;
  const parts = [];
  DAYS.forEach((d, i) => parts.push(s('text', { x: labelWidth + i * dayWidth + dayWidth / 2, y: 16, 'text-anchor': 'middle', class: 'app-chart__axis' }, d)));
  for (let w = 0; w < weeks; w += 1) {
    const from = addDays(start, w * 7);
    const to = addDays(start, (w + 1) * 7);
    const span = to - from;
    const y0 = top + w * weekHeight;
    parts.push(s('text', { x: 0, y: y0 + 14, class: 'app-chart__group' }, `w/c ${dayLabel(from)}`));
    for (let d = 0; d <= 7; d += 1) {
      const x = labelWidth + (7 * dayWidth * (addDays(from, d) - from)) / span;
      parts.push(s('line', { x1: x, y1: y0 + 20, x2: x, y2: y0 + 20 + layers.length * laneHeight, class: 'app-chart__grid' }));
      if (d < 7) {
        parts.push(s('text', { x: x + 3, y: y0 + 14, class: 'app-rota__day' }, dayLabel(addDays(from, d), true)));
      }
    }
    layers.forEach((layer, li) => {
      const y = y0 + 20 + li * laneHeight;
      parts.push(s('text', { x: labelWidth - 6, y: y + 22, 'text-anchor': 'end', class: 'app-chart__axis' }, layer === 'PRIMARY' ? 'Primary' : 'Secondary'));
      shifts.filter((x) => x.layer === layer).forEach((sh) => {
        const a = Math.max(new Date(sh.start), from);
        const b = Math.min(new Date(sh.end), to);
        if (b <= a) {
          return;
        }
        const x1 = labelWidth + (7 * dayWidth * (a - from)) / span;
        const x2 = labelWidth + (7 * dayWidth * (b - from)) / span;
        const look = FILLS[sh.reason] || FILLS.SCHEDULED;
        const width = Math.max(1, x2 - x1 - 1);
        const chars = Math.floor(width / 6.2);
        parts.push(s('g', { class: `app-rota__shift app-rota__shift--${sh.reason.toLowerCase()}` },
          s('rect', { x: x1, y: y + 2, width, height: laneHeight - 4, fill: look.fill, stroke: look.stroke, 'stroke-width': sh.reason === 'SCHEDULED' ? 1 : 2, rx: 2 },
            s('title', {}, `${sh.name}${look.word ? ` (${look.word}${sh.reason === 'LEAVE_COVER' || sh.reason === 'OVERRIDE' ? ` for ${sh.scheduledName}` : ''})` : ''}`)),
          chars >= 3 ? label(sh.name, chars, { x: x1 + 3, y: y + 15, class: 'app-rota__who' }) : null,
          chars >= 5 && look.word ? label(look.word, chars, { x: x1 + 3, y: y + 28, class: 'app-rota__day' }) : null));
      });
    });
  }
  const height = top + weeks * weekHeight + 28;
  let lx = labelWidth;
  const leg = Object.entries(FILLS).map(([k, v]) => {
    const text = k === 'SCHEDULED' ? 'scheduled' : v.word;
    const g = s('g', { 'aria-hidden': 'true' }, s('rect', { x: lx, y: height - 24, width: 16, height: 14, fill: v.fill, stroke: v.stroke, 'stroke-width': 2 }),
      s('text', { x: lx + 22, y: height - 12, class: 'app-chart__legend' }, text));
    lx += 40 + text.length * 7;
    return g;
  });
  return chart({ width: labelWidth + 7 * dayWidth + 10, height, title, desc, className: 'app-rota' }, parts, leg);
}
