// Shared pieces of the SVG charts: an accessible <svg> (role img, a title and a description, the
// data table beside it being the full text alternative) and text measurement by estimate.
import { s } from '../../core/dom.js';

let n = 0;
export function chart({ width, height, title, desc, className }, ...children) {
  n += 1;
  const titleId = `chart-title-${n}`;
  const descId = `chart-desc-${n}`;
  return s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height,
    role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: ['app-chart', className], focusable: 'false',
  }, s('title', { id: titleId }, title), s('desc', { id: descId }, desc), ...children);
}

/** Text cut to fit about `max` characters, with the whole text as a tooltip. */
export function label(text, max, attrs) {
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return s('text', attrs, shown, text.length > max ? s('title', {}, text) : null);
}

export function legend(items, { x = 0, y = 0, size = 14, gap = 18, textClass = 'app-chart__legend' } = {}) {
  let cx = x;
  return s('g', { class: textClass, 'aria-hidden': 'true' }, items.map(([fill, text, extra]) => {
    const g = s('g', {}, s('rect', { x: cx, y, width: size, height: size, fill, stroke: '#0b0c0c', 'stroke-width': 1, ...(extra || {}) }),
      s('text', { x: cx + size + 6, y: y + size - 2 }, text));
    cx += size + 12 + text.length * 7 + gap;
    return g;
  }));
}

/** A pattern that marks something without relying on colour alone (misses, leave). */
export function hatch(id, colour) {
  return s('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    s('rect', { width: 6, height: 6, fill: '#ffffff' }),
    s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: colour, 'stroke-width': 3 }));
}
