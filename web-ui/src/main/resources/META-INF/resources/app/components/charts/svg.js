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

let measure = null;
/**
 * The width in pixels a text takes in the charts' font (13px of the page's font), measured by a
 * canvas in a browser; estimated generously (8px a character) where there is none (Node's tests).
 */
export function textWidth(text, size = 13, weight = 400) {
  if (measure === null) {
    try {
      measure = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : false;
    } catch {
      measure = false;
    }
  }
  if (!measure) {
    return text.length * size * 0.62;
  }
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  measure.font = `${weight} ${size}px ${family}`;
  return Math.ceil(measure.measureText(text).width);
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
