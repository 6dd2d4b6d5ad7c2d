// Reports of the on-call service, each a chart beside a table and downloadable as CSV: on-call
// hours per partner and per person with the out-of-hours part (what payments and cross-charging
// need), fairness between partners (cover given against cover received), and response times
// (time to acknowledge and to resolve) per partner and period. Everyone signed in may read them.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, button, form, select, textInput, backLink, date, inset } from '../components/govuk.js';
import { chartAndTable } from '../components/report.js';
import { stackedBars } from '../components/charts/bars.js';
import { groupedBars } from '../components/charts/grouped-bars.js';
import { fromWallClock, wallClock, addDays, londonFormat } from '../core/london.js';

const REPORTS = [
  ['hours', 'On-call hours'],
  ['fairness', 'Fairness'],
  ['response-times', 'Response times'],
];
const MONTH = londonFormat({ month: 'long', year: 'numeric' });
const DAY = londonFormat({ day: 'numeric', month: 'short', year: 'numeric' });

const two = (n) => String(n).padStart(2, '0');
/** A London day as a date field's value. */
function dayValue(instant) {
  const w = wallClock(instant);
  return `${w.year}-${two(w.month)}-${two(w.day)}`;
}
function dayStart(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  return m ? fromWallClock(+m[1], +m[2], +m[3]) : null;
}
/** Hours to one decimal place for reading; the CSV keeps two. */
const hrs = (n) => (Math.round(n * 10) / 10).toFixed(1);
const round2 = (n) => Math.round(n * 100) / 100;
/** Seconds → minutes, for reading ("12.5 min") and for the CSV (a number). */
const mins = (s) => (s === null || s === undefined ? null : Math.round(s / 6) / 10);

function nav(current, search) {
  return h('nav', { class: 'app-subnav', 'aria-label': 'Reports' },
    h('ul', { class: 'app-subnav__list' }, REPORTS.map(([key, text]) => h('li', { class: 'app-subnav__item' },
      h('a', { class: 'govuk-link app-subnav__link', href: `#/reports/${key}${search}`, 'aria-current': key === current ? 'page' : null }, text)))));
}

export default async function reports(ctx) {
  const which = ctx.params.report || 'hours';
  const found = REPORTS.find(([k]) => k === which);
  if (!found) {
    throw Object.assign(new Error('There is no such report.'), { status: 404 });
  }
  const q = ctx.query;
  const today = dayStart(dayValue(new Date()));
  const defaultDays = which === 'response-times' ? 90 : 30;
  const fromDay = dayStart(q.get('from')) || addDays(today, -defaultDays);
  // Up to now unless a last day is chosen, as the API counts by default: today's incidents count.
  const lastDay = dayStart(q.get('to')) || today;
  const from = fromDay;
  const to = q.get('to') ? addDays(lastDay, 1) : new Date();
  const [partners, rotas] = await Promise.all([api.get('/api/partners?size=500&sort=name'), api.get('/api/rotas?size=100&sort=name')]);
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const nameOf = (code) => names[code] || code;

  const fFrom = textInput({ name: 'from', label: 'From', type: 'date', width: 10, value: dayValue(from) });
  const fTo = textInput({ name: 'to', label: 'To (the last day counted)', type: 'date', width: 10, value: dayValue(lastDay) });
  const fRota = select({ name: 'rotaId', label: 'Rota', value: q.get('rota') || '', options: [['', 'Every rota'], ...rotas.items.map((r) => [r.id, r.name])] });
  const fPartner = select({ name: 'partner', label: 'Partner', value: q.get('partner') || '', options: [['', 'Every partner'], ...partners.items.map((x) => [x.code, x.name])] });
  const fPeriod = select({ name: 'period', label: 'Per', value: q.get('period') || 'MONTH', options: [['DAY', 'Day'], ['WEEK', 'Week'], ['MONTH', 'Month']] });
  const filters = form(() => {
    ctx.navigate(`#/reports/${which}${api.query({
      from: fFrom.input.value, to: fTo.input.value,
      rota: which === 'response-times' ? undefined : fRota.input.value,
      partner: which === 'response-times' ? fPartner.input.value : undefined,
      period: which === 'response-times' ? fPeriod.input.value : undefined,
    })}`);
  }, h('div', { class: 'app-filters' }, fFrom, fTo, which === 'response-times' ? [fPartner, fPeriod] : fRota),
  button('Show the report', { type: 'submit', secondary: true, id: 'show-report' }));
  const range = { from: from.toISOString(), to: to.toISOString() };
  const stamp = `${dayValue(from)}-to-${dayValue(lastDay)}`;
  const span = `${DAY(from)} to ${DAY(lastDay)}`;
  const search = api.query({ from: q.get('from'), to: q.get('to') });

  let body;
  if (which === 'hours') {
    body = await hours({ range, rotaId: q.get('rota'), nameOf, stamp, span });
  } else if (which === 'fairness') {
    body = await fairness({ range, rotaId: q.get('rota'), nameOf, stamp, span });
  } else {
    body = await responseTimes({ range, partner: q.get('partner'), period: q.get('period') || 'MONTH', nameOf, stamp, span });
  }
  return {
    title: `${found[1]} report`,
    content: [
      backLink('#/oncall', 'On call now'),
      heading(found[1], 'Reports'),
      nav(which, search),
      filters,
      h('div', { id: 'report', role: 'status', class: 'app-report-status' }, h('p', { class: 'govuk-body-s' }, `Showing ${span}.`)),
      body,
    ],
  };
}

async function hours({ range, rotaId, nameOf, stamp, span }) {
  const report = await api.get(`/api/rotas/reports/hours${api.query({ ...range, rotaId })}`);
  const series = [
    { name: 'out of hours', fill: '#1d70b8', text: '#ffffff' },
    { name: 'in working hours', fill: '#bbd4ea', text: '#0b0c0c' },
  ];
  const total = (x) => x.primaryHours + x.secondaryHours;
  const partners = [...report.partners].sort((a, b) => total(b) - total(a));
  const people = [...report.people].sort((a, b) => total(b) - total(a) || (a.name || '').localeCompare(b.name || ''));
  const sum = partners.reduce((n, x) => n + total(x), 0);
  const ooh = partners.reduce((n, x) => n + x.outOfHoursHours, 0);
  const bars = (rows, label) => stackedBars({
    rows: rows.map((x) => ({ label: label(x), values: [round2(x.outOfHoursHours), round2(Math.max(0, total(x) - x.outOfHoursHours))] })),
    series, unit: ' h', format: (v) => String(Math.round(v)), labelWidth: 210, barArea: 250,
    title: `On-call hours per ${rows === partners ? 'partner' : 'person'}, ${span}`,
    desc: rows.length ? `${Math.round(sum)} hours on call in all, ${Math.round(ooh)} of them out of hours. Most: ${label(rows[0])}, ${Math.round(total(rows[0]))} hours. The table beside it gives every figure.` : 'Nobody was on call.',
  });
  return [
    p(`On call ${hrs(sum)} hours in all, ${hrs(ooh)} of them out of hours (evenings, nights, weekends and bank holidays), counting primary and secondary turns. The out-of-hours part is what on-call payments and cross-charging use.`),
    chartAndTable({
      id: 'hours-partners', title: 'Hours per partner',
      chart: bars(partners, (x) => nameOf(x.partner)),
      head: ['Partner', 'People', 'Primary hours', 'Secondary hours', 'Out-of-hours hours', 'Total hours'],
      rows: partners.map((x) => [nameOf(x.partner), x.people, round2(x.primaryHours), round2(x.secondaryHours), round2(x.outOfHoursHours), round2(total(x))]),
      cells: (r) => [r[0], r[1], hrs(r[2]), hrs(r[3]), hrs(r[4]), hrs(r[5])],
      numeric: [1, 2, 3, 4, 5], fileName: `on-call-hours-per-partner-${stamp}.csv`,
      empty: 'Nobody was on call in this period.',
    }),
    chartAndTable({
      id: 'hours-people', title: 'Hours per person',
      chart: bars(people, (x) => x.name || `Person ${x.personId}`),
      head: ['Person', 'Partner', 'Shifts', 'Primary hours', 'Secondary hours', 'Out-of-hours hours', 'Total hours'],
      rows: people.map((x) => [x.name || `Person ${x.personId}`, nameOf(x.partner), x.shifts, round2(x.primaryHours), round2(x.secondaryHours), round2(x.outOfHoursHours), round2(total(x))]),
      cells: (r) => [r[0], r[1], r[2], hrs(r[3]), hrs(r[4]), hrs(r[5]), hrs(r[6])],
      numeric: [2, 3, 4, 5, 6], fileName: `on-call-hours-per-person-${stamp}.csv`,
      empty: 'Nobody was on call in this period.',
    }),
  ];
}

async function fairness({ range, rotaId, nameOf, stamp, span }) {
  const report = await api.get(`/api/rotas/reports/fairness${api.query({ ...range, rotaId })}`);
  const series = [
    { name: 'cover given', short: 'given', fill: '#1d70b8' },
    { name: 'cover received', short: 'received', fill: '#912b88' },
  ];
  if (!report.rotas.length) {
    return p('No rota had shifts in this period.');
  }
  return [
    p('Cover given: the primary hours a partner’s people were on call. Cover received: the rota’s primary hours shared equally among the partners it covers. A positive balance means the other partners owe that partner cover; a negative one, that it owes them.'),
    report.rotas.map((r) => {
      const rows = [...r.partners].sort((a, b) => b.balanceHours - a.balanceHours);
      const owed = rows[0];
      const owes = rows[rows.length - 1];
      return chartAndTable({
        id: `fairness-${r.rotaId}`, title: r.rotaName,
        intro: `${hrs(r.primaryHours)} primary hours. ${owed && owed.balanceHours > 0.05 ? `${nameOf(owed.partner)} gave the most beyond its share (${hrs(owed.balanceHours)} hours).` : ''} ${owes && owes.balanceHours < -0.05 ? `${nameOf(owes.partner)} received the most beyond what it gave (${hrs(-owes.balanceHours)} hours).` : ''}`.trim(),
        chart: groupedBars({
          rows: rows.map((x) => ({ label: nameOf(x.partner), values: [round2(x.primaryHours), x.covered ? round2(x.coverReceivedHours) : null] })),
          series, format: (v) => `${Math.round(v)} h`, labelWidth: 210,
          title: `${r.rotaName}: cover given and received per partner, ${span}`,
          desc: `${rows.length} partners. ${owed ? `Largest balance in its favour: ${nameOf(owed.partner)}, ${hrs(owed.balanceHours)} hours.` : ''} The table beside it gives every figure.`,
        }),
        head: ['Partner', 'Covered by the rota', 'Members', 'Share of members (%)', 'Cover given (hours)', 'Share of hours (%)', 'Cover received (hours)', 'Balance (hours)'],
        rows: rows.map((x) => [nameOf(x.partner), x.covered ? 'Yes' : 'No', x.members, round2(x.memberShare * 100), round2(x.primaryHours), round2(x.hoursShare * 100),
          round2(x.coverReceivedHours), round2(x.balanceHours)]),
        cells: (c) => [c[0], c[1], c[2], `${Math.round(c[3])}%`, hrs(c[4]), `${Math.round(c[5])}%`, hrs(c[6]), `${c[7] > 0 ? '+' : c[7] < 0 ? '−' : ''}${hrs(Math.abs(c[7]))}`],
        numeric: [2, 3, 4, 5, 6, 7], fileName: `fairness-${r.rotaName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${stamp}.csv`,
      });
    }),
  ];
}

async function responseTimes({ range, partner, period, nameOf, stamp, span }) {
  const report = await api.get(`/api/incidents/reports/response-times${api.query({ ...range, partner, period })}`);
  const label = (d) => (period === 'MONTH' ? MONTH(`${d}T12:00:00Z`) : period === 'WEEK' ? `w/c ${date(d)}` : date(d));
  const rows = [...report.rows].sort((a, b) => a.period.localeCompare(b.period) || nameOf(a.partner).localeCompare(nameOf(b.partner)));
  const series = [
    { name: 'mean time to acknowledge (MTTA)', short: 'MTTA', fill: '#1d70b8' },
    { name: 'mean time to resolve (MTTR)', short: 'MTTR', fill: '#912b88' },
  ];
  const incidents = rows.reduce((n, x) => n + x.incidents, 0);
  return [
    p('Time to acknowledge runs from an incident being raised to someone acknowledging it; time to resolve, to its being resolved. Means, medians and the 90th percentile are given in minutes; a dash means no incident got that far.'),
    chartAndTable({
      id: 'response-times', title: 'Response times per partner and period',
      chart: groupedBars({
        rows: rows.map((x) => ({ label: nameOf(x.partner), note: label(x.period), values: [mins(x.ackMeanSeconds), mins(x.resolveMeanSeconds)] })),
        series, format: (v) => `${v} min`, labelWidth: 250,
        title: `Mean time to acknowledge and to resolve, ${span}`,
        desc: `${incidents} incidents in ${rows.length} partner ${rows.length === 1 ? 'period' : 'periods'}. The table beside it gives medians and the 90th percentile too.`,
      }),
      head: ['Partner', 'Period', 'Incidents', 'Acknowledged', 'Resolved', 'MTTA (min)', 'Median to acknowledge (min)', '90th percentile to acknowledge (min)',
        'MTTR (min)', 'Median to resolve (min)', '90th percentile to resolve (min)'],
      rows: rows.map((x) => [nameOf(x.partner), label(x.period), x.incidents, x.acknowledged, x.resolved, mins(x.ackMeanSeconds), mins(x.ackMedianSeconds),
        mins(x.ackP90Seconds), mins(x.resolveMeanSeconds), mins(x.resolveMedianSeconds), mins(x.resolveP90Seconds)]),
      cells: (c) => c.map((v, i) => (i >= 5 ? (v === null ? '–' : String(v)) : v)),
      numeric: [2, 3, 4, 5, 6, 7, 8, 9, 10], fileName: `response-times-${period.toLowerCase()}-${stamp}.csv`,
      empty: 'No incidents were raised in this period.',
    }),
    rows.length ? null : inset('Incidents raised through the Incidents page, by monitoring or by API keys all count.'),
  ];
}
