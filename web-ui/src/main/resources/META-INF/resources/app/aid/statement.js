// The statement between two partners for a period (netted, with the out-of-hours rota cover each
// gave the other, per rota and priced, "unknown" when rota-service did not answer) and every partner's position, as a chart and a
// table; the statement also as CSV or PDF from the service.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, select, textInput, button, form, summaryList, table, scrolling, date, backLink, warning } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { chartAndTable } from '../components/report.js';
import { groupedBars } from '../components/charts/grouped-bars.js';
import { hours, pounds, subNav } from './aid-common.js';

const SERIES = [
  { name: 'help given', short: 'given', fill: '#1d70b8' },
  { name: 'help received', short: 'received', fill: '#912b88' },
];

function defaultFrom() {
  const d = new Date();
  d.setMonth(d.getMonth() - 3);
  return d.toISOString().slice(0, 10);
}

export default async function statement(ctx) {
  const q = ctx.query;
  const user = session.user();
  const partners = await api.get('/api/partners?size=500&sort=name');
  const nameOf = (code) => (partners.items.find((x) => x.code === code) || {}).name || code;
  const partner = q.get('partner') || user.partner || (partners.items[0] || {}).code || '';
  const counterparty = q.get('with') || '';
  const from = q.get('from') || defaultFrom();
  const to = q.get('to') || '';
  const period = { from, to: to || undefined };
  const errors = errorArea();
  const ledger = await api.get(`/api/aid/ledger${api.query(period)}`);
  const options = partners.items.map((x) => [x.code, x.name]);
  const a = select({ name: 'partner', label: 'Organisation', value: partner, options });
  const b = select({ name: 'with', label: 'With', value: counterparty, options: [['', 'Choose an organisation'], ...options.filter((o) => o[0] !== partner)] });
  const f1 = textInput({ name: 'from', label: 'From', type: 'date', value: from, field: 'from' });
  const f2 = textInput({ name: 'to', label: 'To', type: 'date', value: to, field: 'to', hint: 'Empty: today' });
  const f = form(() => ctx.navigate(`#/aid/statement${api.query({ partner: a.input.value, with: b.input.value, from: f1.input.value, to: f2.input.value })}`),
    h('div', { class: 'app-filters' }, a, b, f1, f2), button('Show', { type: 'submit', secondary: true, id: 'show-statement' }));

  let details = null;
  if (counterparty) {
    const s = await api.get(`/api/aid/statements/${encodeURIComponent(partner)}/${encodeURIComponent(counterparty)}${api.query(period)}`);
    const status = h('p', { class: 'govuk-body', role: 'status' });
    const fetchFile = (format) => async () => {
      try {
        const file = await api.download(`/api/aid/statements/${encodeURIComponent(partner)}/${encodeURIComponent(counterparty)}${api.query({ ...period, format })}`, `aid-statement.${format}`);
        clearError(errors);
        replace(status, `Downloaded ${file.fileName}.`);
      } catch (err) {
        showError(errors, err);
      }
    };
    const net = s.payer ? `${nameOf(s.payer)} pays ${nameOf(s.payee)} ${pounds(Math.abs(s.netPence))}` : 'Even: nothing to pay';
    details = h('section', { 'aria-labelledby': 'statement-heading', id: 'statement' },
      h('h2', { class: 'govuk-heading-m', id: 'statement-heading' }, `${nameOf(s.partner)} and ${nameOf(s.counterparty)}, ${date(s.from)} to ${date(s.to)}`),
      summaryList([
        [`Help given by ${s.partner}`, `${hours(s.given.hours)} (${hours(s.given.outOfHoursHours)} out of hours), ${pounds(s.given.chargePence)}${Number(s.given.unconfirmedHours) ? `; ${hours(s.given.unconfirmedHours)} awaiting confirmation` : ''}`],
        [`Help received from ${s.counterparty}`, `${hours(s.received.hours)} (${hours(s.received.outOfHoursHours)} out of hours), ${pounds(s.received.chargePence)}${Number(s.received.unconfirmedHours) ? `; ${hours(s.received.unconfirmedHours)} awaiting confirmation` : ''}`],
        [s.netting ? 'Netted' : 'Balance (not netted: each direction is invoiced)', net],
        ['Out-of-hours rota cover', s.cover.status === 'KNOWN'
          ? `${s.partner} covered ${s.counterparty} ${hours(s.cover.givenHours)} (${pounds(s.cover.givenChargePence)}); ${s.counterparty} covered ${s.partner} ${hours(s.cover.receivedHours)} (${pounds(s.cover.receivedChargePence)})`
          : `Unknown: ${s.cover.reason}`],
        ['Help alone, net', `${pounds(Math.abs(s.helpNetPence))} ${s.helpNetPence >= 0 ? `owed to ${s.partner}` : `owed by ${s.partner}`}`],
      ]),
      s.cover.status === 'KNOWN' ? null : warning('Rota cover unavailable: the on-call service did not answer just now, so the net above is the help alone. The cover is not zero; try again shortly.'),
      scrolling(table({
        caption: `Time records (${s.lines.length})`,
        head: ['Date', 'Helper', 'Asker', 'Request', 'Hours', 'Out of hours', 'State', 'Amount'],
        numeric: [4, 7],
        rows: s.lines.map((l) => [date(l.workedOn), l.helper, l.requester, `#${l.requestId} ${l.title}`, hours(l.hours), l.outOfHours ? 'Yes' : 'No', l.confirmed ? 'Confirmed' : 'Awaiting confirmation', pounds(l.chargePence)]),
      }), 'Time records'),
      s.cover.status === 'KNOWN' ? scrolling(table({
        caption: `Out-of-hours rota cover (${s.cover.lines.length})`,
        head: ['Rota', 'Covered by', 'Covered for', 'Hours', 'Amount'],
        numeric: [3, 4],
        rows: s.cover.lines.map((c) => [c.rota, nameOf(c.giver), nameOf(c.receiver), hours(c.hours), pounds(c.chargePence)]),
      }), 'Out-of-hours rota cover') : null,
      h('div', { class: 'govuk-button-group' },
        button('Download as CSV', { secondary: true, id: 'statement-csv', on: { click: fetchFile('csv') } }),
        button('Download as PDF', { secondary: true, id: 'statement-pdf', on: { click: fetchFile('pdf') } })),
      status);
  }
  const rows = ledger.partners;
  return {
    title: 'Mutual aid statements',
    content: [
      backLink('#/aid', 'Help requests'), errors,
      heading('Statements', 'Mutual aid'),
      subNav('statement'),
      p('Help given and received between two organisations, and the out-of-hours rota cover each gave the other, priced by the partnership agreement. Only confirmed time is charged.'),
      f,
      details,
      chartAndTable({
        id: 'positions', title: 'Positions',
        intro: `Hours of help given and received, and what each is owed (positive) or owes for help and rota cover${ledger.cover === 'KNOWN' ? '' : ' (rota cover unavailable just now: help only)'}, from ${date(ledger.from)} to ${date(ledger.to)}.`,
        chart: groupedBars({
          rows: rows.map((x) => ({ label: nameOf(x.partner), values: [Number(x.givenHours), Number(x.receivedHours)] })),
          series: SERIES, format: (v) => `${Math.round(v * 10) / 10} h`, labelWidth: 210,
          title: 'Help given and received per organisation', desc: `${rows.length} organisations. The table beside it gives every figure.`,
        }),
        head: ['Organisation', 'Given (hours)', 'Received (hours)', 'Owed to it (£)', 'Owes (£)', 'Net (£)'],
        rows: rows.map((x) => [nameOf(x.partner), Number(x.givenHours), Number(x.receivedHours), x.owedToItPence / 100, x.owesPence / 100, x.netPence / 100]),
        numeric: [1, 2, 3, 4, 5], fileName: `aid-positions-${ledger.from}-${ledger.to}.csv`,
        empty: 'No help was given between partners in this period.',
      }),
    ],
  };
}
