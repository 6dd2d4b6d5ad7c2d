// What mutual aid saved: agency days avoided and their cost at the agency rate, requests answered
// and how fast, skills only available at another partner; per organisation and the partnership.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, textInput, button, form, summaryList, date, backLink } from '../components/govuk.js';
import { chartAndTable } from '../components/report.js';
import { groupedBars } from '../components/charts/grouped-bars.js';
import { hours, pounds, subNav } from './aid-common.js';

function defaultFrom() {
  const d = new Date();
  d.setMonth(d.getMonth() - 3);
  return d.toISOString().slice(0, 10);
}

export default async function benefits(ctx) {
  const q = ctx.query;
  const from = q.get('from') || defaultFrom();
  const to = q.get('to') || '';
  const [r, partners] = await Promise.all([
    api.get(`/api/aid/benefits${api.query({ from, to })}`),
    api.get('/api/partners?size=500&sort=name'),
  ]);
  const nameOf = (code) => (partners.items.find((x) => x.code === code) || {}).name || code;
  const f1 = textInput({ name: 'from', label: 'From', type: 'date', value: from, field: 'from' });
  const f2 = textInput({ name: 'to', label: 'To', type: 'date', value: to, field: 'to', hint: 'Empty: today' });
  const f = form(() => ctx.navigate(`#/aid/benefits${api.query({ from: f1.input.value, to: f2.input.value })}`),
    h('div', { class: 'app-filters' }, f1, f2), button('Show', { type: 'submit', secondary: true }));
  const all = r.partnership;
  const rows = r.partners;
  const skills = rows.flatMap((x) => x.skillsOnlyElsewhere.map((s) => ({ ...s, partner: x.scope })));
  return {
    title: 'Mutual aid benefits',
    content: [
      backLink('#/aid', 'Help requests'),
      heading('What sharing saved', 'Mutual aid'),
      subNav('benefits'),
      p(`From ${date(r.from)} to ${date(r.to)}. Help received is counted as agency days avoided at ${pounds(r.agencyDayRatePence)} a day: the cashable savings the partnership reports to its members.`),
      f,
      h('h2', { class: 'govuk-heading-m' }, 'The partnership'),
      summaryList([
        ['Cashable savings', pounds(all.cashableSavingsPence)],
        ['Agency days avoided', String(all.agencyDaysAvoided)],
        ['Help given between partners', hours(all.helpReceivedHours)],
        ['Requests made', `${all.requestsMade}, of which ${all.requestsAnswered} answered and ${all.requestsAccepted} accepted`],
        ['Median time to an answer', all.medianHoursToAnswer === null ? 'No answers yet' : hours(all.medianHoursToAnswer)],
        ['Charged between partners', pounds(all.chargedPence)],
      ]),
      chartAndTable({
        id: 'savings', title: 'Savings per organisation',
        chart: groupedBars({
          rows: rows.map((x) => ({ label: nameOf(x.scope), values: [Number(x.helpReceivedHours), Number(x.helpGivenHours)] })),
          series: [{ name: 'help received', short: 'received', fill: '#00703c' }, { name: 'help given', short: 'given', fill: '#1d70b8' }],
          format: (v) => `${Math.round(v * 10) / 10} h`, labelWidth: 210,
          title: 'Help received and given per organisation', desc: `${rows.length} organisations. The table beside it gives every figure.`,
        }),
        head: ['Organisation', 'Requests made', 'Requests received', 'Answered', 'Median hours to answer', 'Help received (hours)', 'Agency days avoided', 'Cashable savings (£)', 'Charged (£)'],
        rows: rows.map((x) => [nameOf(x.scope), x.requestsMade, x.requestsReceived, x.requestsAnswered, x.medianHoursToAnswer ?? '', Number(x.helpReceivedHours), Number(x.agencyDaysAvoided), x.cashableSavingsPence / 100, x.chargedPence / 100]),
        numeric: [1, 2, 3, 4, 5, 6, 7, 8], fileName: `aid-benefits-${r.from}-${r.to}.csv`,
        empty: 'No requests in this period.',
      }),
      chartAndTable({
        id: 'elsewhere', title: 'Skills only available elsewhere',
        intro: 'Skills an organisation asked for that none of its own staff hold; "one person" where the whole partnership has a single holder (the key-person risk).',
        chart: groupedBars({
          rows: skills.map((s) => ({ label: `${s.name} (${s.partner})`, values: [s.timesAsked] })),
          series: [{ name: 'times asked', short: 'asked', fill: '#912b88' }], format: (v) => String(v), labelWidth: 260,
          title: 'Times each skill was asked of another partner', desc: `${skills.length} skills.`,
        }),
        head: ['Skill', 'Asked by', 'Times asked', 'Held at', 'Key-person risk'],
        rows: skills.map((s) => [s.name, nameOf(s.partner), s.timesAsked, s.heldBy.join(', '), s.singlePersonInPartnership ? 'One person' : '']),
        numeric: [2], fileName: `aid-skills-elsewhere-${r.from}-${r.to}.csv`,
        empty: 'Every skill asked for is also held at the asking organisation.',
      }),
    ],
  };
}
