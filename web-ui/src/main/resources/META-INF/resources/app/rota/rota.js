// A rota: its weeks as a timeline with overrides and leave cover visible, the shifts as a table,
// and the forms to create an override or swap two shifts.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, h2, table, link, summaryList, button, buttonGroup, form, select, textInput, backLink, scrolling, dateTime, success, details, enumText } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { rotaTimeline } from './rota-timeline.js';
import { weekStart, addDays, inputToInstant, instantToInput, wallClock, londonFormat } from '../core/london.js';
import { reasonTag, LAYERS, period, mayEditRota, isMember } from './rota-common.js';
import { gapsOf, groupGaps, coverGapWarning } from './cover-gaps.js';

const WEEKS = 4;
const dayFormat = londonFormat({ day: 'numeric', month: 'short' });

export default async function rota(ctx) {
  const id = ctx.params.id;
  const start = ctx.query.get('from') ? weekStart(ctx.query.get('from')) : weekStart(new Date());
  const end = addDays(start, WEEKS * 7);
  const r = await api.get(`/api/rotas/${encodeURIComponent(id)}`);
  const [shifts, overrides, swaps, gaps] = await Promise.all([
    api.get(`/api/rotas/${r.id}/shifts${api.query({ from: start.toISOString(), to: end.toISOString() })}`),
    api.get(`/api/rotas/${r.id}/overrides`),
    api.get(`/api/rotas/${r.id}/swaps`),
    gapsOf([...r.partners].sort()),
  ]);
  const errors = errorArea();
  const banner = h('div');
  const layers = r.layers.map((l) => l.layer);
  // The service's rules: overrides, imposed swaps and removing are for managers of a covered partner
  // (and admins); a member asks another member for a swap (Swap requests), who accepts or declines.
  const mayEdit = mayEditRota(r.partners);
  const mayAsk = isMember(r);
  const members = new Map();
  r.layers.forEach((l) => l.members.forEach((m) => members.set(m.personId, m)));
  const counted = shifts.filter((x) => x.reason !== 'SCHEDULED');
  const chart = rotaTimeline({
    shifts, start, weeks: WEEKS, layers,
    dayLabel: (d, short) => (short ? String(wallClock(d).day) : dayFormat(d)),
    title: `${r.name}: shifts for the ${WEEKS} weeks from ${dayFormat(start)}`,
    desc: `${shifts.length} shifts, ${counted.length} of them changed by an override, leave cover or a swap. The table below lists each.`,
  });
  const prev = addDays(start, -7 * WEEKS);
  const next = end;

  // --- override ---
  const oLayer = select({ name: 'layer', label: 'Layer', options: layers.map((l) => [l, LAYERS[l]]) });
  const oPerson = select({ name: 'personId', label: 'Who will be on call', options: [...members.values()].map((m) => [m.personId, `${m.name} (${m.partner})`]) });
  const oStart = textInput({ name: 'start', label: 'From', hint: 'UK time', type: 'datetime-local', width: 10, value: instantToInput(shifts[0] ? shifts[0].start : new Date()) });
  const oEnd = textInput({ name: 'end', label: 'Until', hint: 'UK time', type: 'datetime-local', width: 10, value: instantToInput(shifts[0] ? shifts[0].end : new Date()) });
  const oReason = textInput({ name: 'reason', label: 'Reason', hint: 'For example: covering for Sam at a funeral', width: 'full' });
  const overrideForm = form(async () => {
    try {
      await api.post(`/api/rotas/${r.id}/overrides`, {
        layer: oLayer.input.value, personId: Number(oPerson.input.value), start: inputToInstant(oStart.input.value), end: inputToInstant(oEnd.input.value), reason: oReason.input.value.trim(),
      });
      ctx.navigate(`#/rotas/${r.id}${api.query({ from: ctx.query.get('from'), done: 'override' })}`);
    } catch (err) {
      showError(errors, err, overrideForm);
    }
  }, h('div', { class: 'app-filters' }, oLayer, oPerson, oStart, oEnd), oReason, button('Create override', { type: 'submit', id: 'create-override' }));

  // --- swap ---
  const options = (layer) => shifts.filter((x) => x.layer === layer).map((x) => [new Date((Date.parse(x.start) + Date.parse(x.end)) / 2).toISOString(), `${dateTime(x.start)} – ${x.name}`]);
  const sLayer = select({ name: 'layer', label: 'Layer', options: layers.map((l) => [l, LAYERS[l]]) });
  const sFirst = select({ name: 'first', label: 'First shift', options: options(layers[0]) });
  const sSecond = select({ name: 'second', label: 'Second shift', options: options(layers[0]) });
  sLayer.input.addEventListener('change', () => {
    [sFirst, sSecond].forEach((sel) => replace(sel.input, options(sLayer.input.value).map(([v, t]) => h('option', { value: v }, t))));
  });
  const sReason = textInput({ name: 'reason', label: 'Reason', width: 'full' });
  const swapForm = form(async () => {
    try {
      await api.post(`/api/rotas/${r.id}/swaps`, { layer: sLayer.input.value, first: sFirst.input.value, second: sSecond.input.value, reason: sReason.input.value.trim() || null });
      ctx.navigate(`#/rotas/${r.id}${api.query({ from: ctx.query.get('from'), done: 'swap' })}`);
    } catch (err) {
      showError(errors, err, swapForm);
    }
  }, sLayer, sFirst, sSecond, sReason, button('Impose the swap', { type: 'submit', secondary: true, id: 'create-swap' }));

  const removeOverride = async (o) => {
    try {
      await api.del(`/api/rotas/${r.id}/overrides/${o.id}`);
      ctx.navigate(`#/rotas/${r.id}${api.query({ from: ctx.query.get('from'), done: 'removed' })}`);
    } catch (err) {
      showError(errors, err);
    }
  };
  const removeSwap = async (x) => {
    try {
      await api.del(`/api/rotas/${r.id}/swaps/${x.id}`);
      ctx.navigate(`#/rotas/${r.id}${api.query({ from: ctx.query.get('from'), done: 'removed' })}`);
    } catch (err) {
      showError(errors, err);
    }
  };
  const done = { override: 'The override is saved.', swap: 'The swap is imposed: the shifts are exchanged.', removed: 'Removed.', created: 'The rota is created.', saved: 'The rota is saved.' }[ctx.query.get('done')];
  if (done) {
    banner.append(success(done));
  }
  return {
    title: r.name,
    content: [
      backLink('#/oncall', 'On call now'),
      banner, errors,
      heading(r.name, 'Rota'),
      coverGapWarning(groupGaps(gaps, r.id), { withPartners: false }),
      mayEdit ? h('a', { class: 'govuk-button govuk-button--secondary', href: `#/rotas/${r.id}/edit`, id: 'edit-rota' }, 'Edit rota') : null,
      summaryList([
        ['Partners', [...r.partners].sort().join(', ')],
        ['Covers', r.coverage === 'ALWAYS' ? 'Every hour of the week' : 'Out of hours: weekday evenings and nights, weekends and bank holidays'],
        ['Handover', `${r.handoffDay ? `${enumText(r.handoffDay)}s ` : 'Every day '}at ${r.handoffTime.slice(0, 5)} UK time; each person holds ${period(r.rotationLength)}`],
        ...r.layers.map((l) => [`${LAYERS[l.layer]} members`, l.members.map((m) => `${m.name} (${m.partner})`).join(', ')]),
      ]),
      h2(`Weeks from ${dayFormat(start)}`),
      h('nav', { class: 'govuk-pagination govuk-pagination--block', 'aria-label': 'Weeks' },
        h('div', { class: 'govuk-pagination__prev' }, h('a', { class: 'govuk-link govuk-pagination__link', href: `#/rotas/${r.id}?from=${prev.toISOString()}`, rel: 'prev' },
          h('span', { class: 'govuk-pagination__link-title' }, `Previous ${WEEKS} weeks`))),
        h('div', { class: 'govuk-pagination__next' }, h('a', { class: 'govuk-link govuk-pagination__link', href: `#/rotas/${r.id}?from=${next.toISOString()}`, rel: 'next' },
          h('span', { class: 'govuk-pagination__link-title' }, `Next ${WEEKS} weeks`)))),
      h('div', { class: 'app-scroll app-chart-wrap', role: 'region', 'aria-label': 'Rota timeline', tabindex: '0', id: 'rota-timeline' }, chart),
      details(`Show the ${shifts.length} shifts as a table`, scrolling(table({
        head: ['From', 'Until', 'Layer', 'On call', 'Why'],
        rows: shifts.map((x) => [dateTime(x.start), dateTime(x.end), LAYERS[x.layer], `${x.name} (${x.partner})`,
          h('span', {}, reasonTag(x.reason), x.reason !== 'SCHEDULED' && x.scheduledName && x.scheduledName !== x.name ? ` instead of ${x.scheduledName}` : '', x.note ? ` — ${x.note}` : '')]),
      }), 'Shifts')),
      h2('Overrides'),
      overrides.length ? scrolling(table({
        head: ['From', 'Until', 'Layer', 'On call', 'Reason', mayEdit ? 'Action' : null].filter(Boolean),
        rows: overrides.map((o) => [dateTime(o.start), dateTime(o.end), LAYERS[o.layer] || 'Primary', o.name, o.reason,
          mayEdit ? button('Remove', { warning: true, small: true, on: { click: () => removeOverride(o) } }) : null].filter((c) => c !== null)),
      }), 'Overrides') : p('No overrides.'),
      swaps.length ? [h2('Swaps'), scrolling(table({
        head: ['Shift', 'Exchanged with', 'Layer', 'Reason', 'How', mayEdit ? 'Action' : null].filter(Boolean),
        rows: swaps.map((x) => [dateTime(x.first), dateTime(x.second), LAYERS[x.layer] || 'Primary', x.reason || '',
          x.origin === 'IMPOSED' ? `Imposed by ${x.imposedBy}, ${dateTime(x.imposedAt)}` : 'Agreed by both members',
          mayEdit ? button('Remove', { warning: true, small: true, on: { click: () => removeSwap(x) } }) : null].filter((c) => c !== null)),
      }), 'Swaps')] : null,
      mayEdit ? [h2('Create an override'), p('Put someone else on call for a period, for example to cover an absence.'), overrideForm] : null,
      mayEdit ? [h2('Impose a swap'), p('The two people exchange the shifts without being asked; the swap is recorded as imposed by you. Members ask each other under Swap requests.'), swapForm] : null,
      mayAsk ? p(link('#/swap-requests', 'Ask for a swap'), ' of one of your shifts: the other member accepts or declines.') : null,
      p(link('#/leave', 'Leave'), ' is booked per person and applies to every rota they are on.'),
    ],
  };
}
