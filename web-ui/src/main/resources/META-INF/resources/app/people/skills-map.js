// Skills across the partnership: the coverage heat map (skill × partner) and key-person risks as
// pictures, each with the same figures as a table for screen readers and for copying.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, select, button, form, details, scrolling, link, tag, LEVELS } from '../components/govuk.js';
import { heatmap } from '../components/charts/heatmap.js';
import { stackedBars } from '../components/charts/bars.js';

function counted(cell, minLevel) {
  return cell.byLevel.slice(minLevel - 1).reduce((a, b) => a + b, 0);
}

export default async function skillsMap(ctx) {
  const q = ctx.query;
  const category = q.get('category') || '';
  const minLevel = Number(q.get('minLevel') || 3);
  const [categories, coverage, risks] = await Promise.all([
    api.get('/api/skills/categories?size=500&sort=name'),
    api.get(`/api/reports/skills/coverage${api.query({ category })}`),
    api.get(`/api/reports/skills/key-person-risk${api.query({ minLevel })}`),
  ]);
  const catName = Object.fromEntries(categories.items.map((c) => [c.code, c.name]));
  const partners = coverage.partners;

  const categorySelect = select({ name: 'category', label: 'Skill area', value: category, options: [['', 'All skill areas'], ...categories.items.map((c) => [c.code, c.name])] });
  const levelSelect = select({ name: 'minLevel', label: 'Count people at level', value: String(minLevel), options: [1, 2, 3, 4, 5].map((l) => [String(l), `${l} (${LEVELS[l]}) or above`]) });
  const f = form(() => ctx.navigate(`#/skills-map${api.query({ category: categorySelect.input.value, minLevel: levelSelect.input.value })}`),
    h('div', { class: 'app-filters' }, categorySelect, levelSelect), button('Show', { type: 'submit', secondary: true }));

  const rows = [...coverage.rows].sort((a, b) => (catName[a.category] || a.category).localeCompare(catName[b.category] || b.category) || a.name.localeCompare(b.name));
  const mapRows = rows.map((r) => ({ label: r.name, group: catName[r.category] || r.category, cells: partners.map((pt) => counted(r.cells.find((c) => c.partner === pt.code) || { byLevel: [0, 0, 0, 0, 0] }, minLevel)) }));
  const gaps = mapRows.filter((r) => r.cells.every((c) => c === 0)).length;
  const thin = mapRows.reduce((n, r) => n + r.cells.filter((c) => c === 1).length, 0);

  const map = heatmap({
    rows: mapRows, columns: partners,
    title: `Skills coverage by partner, counting people at level ${minLevel} or above`,
    desc: `${mapRows.length} skills across ${partners.length} partners. ${gaps} skills are held by nobody at this level; ${thin} skill and partner pairs rest on one person. The table below gives every number.`,
  });
  const mapTable = scrolling(table({
    caption: 'Coverage as a table', captionSize: 's', firstCellIsHeader: true,
    head: ['Skill', ...partners.map((pt) => pt.code), 'Partners covering'],
    numeric: partners.map((_, i) => i + 1).concat(partners.length + 1),
    rows: mapRows.map((r) => [r.label, ...r.cells.map(String), String(r.cells.filter((c) => c > 0).length)]),
  }), 'Coverage table');

  // --- key-person risks ---
  const partnerRows = risks.partners.map((pr) => {
    const noBackup = pr.items.filter((i) => !i.backups.length).length;
    return { label: pr.partnerName || pr.partner, code: pr.partner, values: [noBackup, pr.items.length - noBackup] };
  }).sort((a, b) => (b.values[0] + b.values[1]) - (a.values[0] + a.values[1]));
  const series = [
    { name: 'no other partner can back up', fill: '#d4351c', text: '#ffffff' },
    { name: 'another partner could back up', fill: '#f47738', text: '#0b0c0c' },
  ];
  const riskChart = stackedBars({
    rows: partnerRows, series,
    title: `Skills each partner holds in only one person (level ${minLevel} or above)`,
    desc: partnerRows.map((r) => `${r.label}: ${r.values[0] + r.values[1]} single-person skills, ${r.values[0]} with no backup at another partner`).join('. '),
  });
  const mine = session.user().partner;
  const focus = q.get('partner') || mine || (partnerRows[0] && partnerRows[0].code);
  const partnerRisk = risks.partners.find((pr) => pr.partner === focus);
  const partnerPick = select({
    name: 'partner', label: 'Show the risks of', value: focus,
    options: risks.partners.map((pr) => [pr.partner, pr.partnerName || pr.partner]),
  });
  const pickForm = form(() => ctx.navigate(`#/skills-map${api.query({ category, minLevel, partner: partnerPick.input.value })}`), partnerPick, button('Show risks', { type: 'submit', secondary: true }));

  return {
    title: 'Skills across the partnership',
    content: [
      heading('Skills across the partnership'),
      p('Where each partner has cover, where it depends on one person, and which partner could step in.'),
      f,
      h('section', { 'aria-labelledby': 'coverage-heading' },
        h2('Coverage', { id: 'coverage-heading' }),
        p(`${mapRows.length} skills. Each square counts the people at a partner who hold the skill at level ${minLevel} or above. `,
          `${gaps} ${gaps === 1 ? 'skill is' : 'skills are'} held by nobody; yellow squares rest on a single person. Skills nobody holds are marked “(nobody)” in red.`),
        h('div', { class: 'app-scroll app-chart-wrap', role: 'region', 'aria-label': 'Coverage heat map', tabindex: '0' }, map),
        details('Show the coverage as a table', mapTable)),
      h('section', { 'aria-labelledby': 'risk-heading' },
        h2('Key-person risks', { id: 'risk-heading' }),
        p('Skills a partner holds in one person only. Red: no other partner holds them either at this level.'),
        h('div', { class: 'app-scroll app-chart-wrap', role: 'region', 'aria-label': 'Key-person risk chart', tabindex: '0' }, riskChart),
        risks.partnership.length ? h('div', {},
          h('h3', { class: 'govuk-heading-s' }, `Held by one person in the whole partnership (${risks.partnership.length})`),
          h('ul', { class: 'govuk-list govuk-list--bullet' }, risks.partnership.map((r) => h('li', {}, `${r.name}: `,
            link(`#/people/${r.holder.id}`, r.holder.name), ` (${r.holder.partner}, level ${r.holder.level})`)))) : null,
        pickForm,
        partnerRisk ? scrolling(table({
          caption: `${partnerRisk.partnerName}: ${partnerRisk.items.length} skills held by one person`, captionSize: 's',
          head: ['Skill', 'Only holder', 'Could back up'],
          rows: partnerRisk.items.map((r) => [r.name,
            h('span', {}, link(`#/people/${r.holder.id}`, r.holder.name), ` (level ${r.holder.level}${r.holder.verified ? ', verified' : ''})`),
            r.backups.length ? r.backups.map((b) => `${b.partnerName || b.partner} (${b.holders}, best level ${b.bestLevel})`).join('; ') : tag('Nobody else', 'red')]),
        }), 'Key-person risks of one partner') : p('This partner has no skill held by one person only.'),
        details('Show every partner\'s count as a table', table({
          caption: 'Single-person skills per partner', captionSize: 's', firstCellIsHeader: true, numeric: [1, 2, 3],
          head: ['Partner', 'Single-person skills', 'With no backup elsewhere', 'Another partner could back up'],
          rows: partnerRows.map((r) => [r.label, String(r.values[0] + r.values[1]), String(r.values[0]), String(r.values[1])]),
        }))),
    ],
  };
}
