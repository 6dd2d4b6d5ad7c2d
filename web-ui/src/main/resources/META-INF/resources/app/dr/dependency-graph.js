// The dependency graph: activities in layers by how deep their dependencies go (what everything
// needs first at the top), arrows from what is needed to what needs it.
import { s } from '../core/dom.js';
import { chart, label } from '../components/charts/svg.js';

/** nodes: [{key, name, dependsOn: [keys], miss?, spof?}] */
export function dependencyGraph({ nodes, title, desc }) {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const depth = new Map();
  const visiting = new Set();
  function depthOf(key) {
    if (depth.has(key)) {
      return depth.get(key);
    }
    if (visiting.has(key)) {
      return 0; // a cycle; the API refuses those, this only keeps the drawing finite
    }
    visiting.add(key);
    const n = byKey.get(key);
    const d = n && n.dependsOn.length ? 1 + Math.max(...n.dependsOn.filter((k) => byKey.has(k)).map(depthOf), -1) : 0;
    visiting.delete(key);
    depth.set(key, d);
    return d;
  }
  nodes.forEach((n) => depthOf(n.key));
  const columns = [];
  nodes.forEach((n) => {
    const d = depth.get(n.key);
    (columns[d] = columns[d] || []).push(n);
  });
  const boxW = 176;
  const boxH = 44;
  const gapX = 10;
  const gapY = 46;
  const widest = Math.max(...columns.map((col) => col.length));
  const width = 20 + widest * (boxW + gapX) - gapX;
  const height = 20 + columns.length * (boxH + gapY) - gapY;
  const pos = new Map();
  columns.forEach((layer, c) => {
    // Each layer in the order of where what it needs sits above it, so that arrows cross less.
    if (c > 0) {
      const centre = (n) => {
        const xs = n.dependsOn.filter((k) => pos.has(k)).map((k) => pos.get(k).x);
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
      };
      layer.sort((a, b) => centre(a) - centre(b));
    }
    const offset = (width - (layer.length * (boxW + gapX) - gapX)) / 2;
    layer.forEach((n, r) => pos.set(n.key, { x: offset + r * (boxW + gapX), y: 10 + c * (boxH + gapY) }));
  });
  const edges = [];
  nodes.forEach((n) => n.dependsOn.filter((k) => pos.has(k)).forEach((k) => {
    const from = pos.get(k);
    const to = pos.get(n.key);
    const x1 = from.x + boxW / 2;
    const y1 = from.y + boxH;
    const x2 = to.x + boxW / 2;
    const y2 = to.y - 6;
    const mid = (y1 + y2) / 2;
    const hot = n.miss && byKey.get(k).miss;
    edges.push(s('path', { d: `M${x1} ${y1} C${x1} ${mid} ${x2} ${mid} ${x2} ${y2}`, class: hot ? 'app-graph__edge app-graph__edge--miss' : 'app-graph__edge', 'marker-end': hot ? 'url(#arrow-miss)' : 'url(#arrow)' },
      s('title', {}, `${n.name} needs ${byKey.get(k).name}`)));
  }));
  const boxes = nodes.map((n) => {
    const { x, y } = pos.get(n.key);
    const cls = ['app-graph__node', n.miss && 'app-graph__node--miss', n.spof && 'app-graph__node--spof'].filter(Boolean).join(' ');
    return s('g', { class: cls, 'data-key': n.key },
      s('rect', { x, y, width: boxW, height: boxH, rx: 4 }),
      label(n.name, 21, { x: x + 8, y: y + 18, class: 'app-graph__name' }),
      s('text', { x: x + 8, y: y + 35, class: 'app-graph__meta' }, [n.meta, n.spof ? 'SPOF' : null, n.miss ? 'misses RTO' : null].filter(Boolean).join(' · ')));
  });
  return chart({ width, height, title, desc, className: 'app-graph' },
    s('defs', {},
      s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 z', fill: '#505a5f' })),
      s('marker', { id: 'arrow-miss', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 z', fill: '#d4351c' }))),
    edges, boxes);
}
