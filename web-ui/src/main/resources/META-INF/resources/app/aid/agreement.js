// The partnership agreement on mutual aid: rates, the out-of-hours multiplier, the agency day rate,
// netting, and when the person asked may accept directly. Everyone reads it; admins change it.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, summaryList, textInput, radios, checkbox, button, form, backLink, success } from '../components/govuk.js';
import { showError, errorArea } from '../core/errors.js';
import { pounds, subNav } from './aid-common.js';

const money = (s) => (s === '' ? null : Math.round(Number(s) * 100));

export default async function agreement(ctx) {
  const [a, partners] = await Promise.all([api.get('/api/aid/agreement'), api.get('/api/partners?size=500&sort=name')]);
  const per = a.rateBasis === 'HOUR' ? 'an hour' : 'a day';
  const shown = summaryList([
    ['Rate', a.flatRatePence !== null ? `${pounds(a.flatRatePence)} ${per} for every partner` : `Each partner's own rate ${per}`],
    ...Object.entries(a.partnerRates).map(([code, pence]) => [`Rate of ${code}`, `${pounds(pence)} ${per}`]),
    ['Working day', `${a.minutesPerDay / 60} hours`],
    ['Out of hours', `× ${a.outOfHoursMultiplier}`],
    ['Agency day rate', pounds(a.agencyDayRatePence)],
    ['Netting', a.netting ? 'Charges are netted off between each pair' : 'Each direction is invoiced'],
    ['Direct acceptance', [a.directAcceptUrgent && 'urgent', a.directAcceptOutOfHours && 'out-of-hours'].filter(Boolean).join(' and ') || 'never: managers decide'],
  ]);
  let edit = null;
  const errors = errorArea();
  if (session.isAdmin()) {
    const basis = radios({ name: 'rateBasis', legend: 'Rates are per', value: a.rateBasis, inline: true, small: true, field: 'rateBasis', options: [['HOUR', 'Hour'], ['DAY', 'Day']] });
    const flat = textInput({ name: 'flatRate', label: 'One rate for every partner (£)', hint: 'Leave empty to use each partner’s own rate', inputmode: 'decimal', width: 10, field: 'flatRatePence', value: a.flatRatePence === null ? '' : a.flatRatePence / 100 });
    const rates = partners.items.map((x) => textInput({ name: `rate-${x.code}`, label: `${x.name} (£)`, inputmode: 'decimal', width: 10, field: 'partnerRates', value: a.partnerRates[x.code] === undefined ? '' : a.partnerRates[x.code] / 100 }));
    const day = textInput({ name: 'dayHours', label: 'Hours in a working day', inputmode: 'decimal', width: 4, field: 'minutesPerDay', value: a.minutesPerDay / 60 });
    const mult = textInput({ name: 'multiplier', label: 'Out-of-hours multiplier', inputmode: 'decimal', width: 4, field: 'outOfHoursMultiplier', value: a.outOfHoursMultiplier });
    const agency = textInput({ name: 'agency', label: 'Agency day rate (£)', inputmode: 'decimal', width: 10, field: 'agencyDayRatePence', value: a.agencyDayRatePence / 100 });
    const netting = checkbox({ name: 'netting', label: 'Net charges off between each pair of partners', checked: a.netting });
    const urgent = checkbox({ name: 'directAcceptUrgent', label: 'The person asked may accept urgent requests directly', checked: a.directAcceptUrgent });
    const ooh = checkbox({ name: 'directAcceptOutOfHours', label: 'The person asked may accept out-of-hours requests directly', checked: a.directAcceptOutOfHours });
    edit = form(async () => {
      const partnerRates = {};
      partners.items.forEach((x, i) => {
        if (rates[i].input.value !== '') {
          partnerRates[x.code] = money(rates[i].input.value);
        }
      });
      try {
        await api.put('/api/aid/agreement', {
          rateBasis: basis.value(), flatRatePence: money(flat.input.value), partnerRates,
          minutesPerDay: Math.round(Number(day.input.value) * 60), outOfHoursMultiplier: Number(mult.input.value),
          agencyDayRatePence: money(agency.input.value), netting: netting.input.checked,
          directAcceptUrgent: urgent.input.checked, directAcceptOutOfHours: ooh.input.checked, version: a.version,
        });
        ctx.navigate('#/aid/agreement?saved=1');
      } catch (err) {
        showError(errors, err, edit);
      }
    }, h('h2', { class: 'govuk-heading-m' }, 'Change the agreement'), basis, flat,
    h('details', { class: 'govuk-details' }, h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Each partner’s own rate')), h('div', { class: 'govuk-details__text' }, rates)),
    day, mult, agency, netting, urgent, ooh, button('Save the agreement', { type: 'submit', id: 'save-agreement' }));
  }
  return {
    title: 'Mutual aid agreement',
    content: [
      backLink('#/aid', 'Help requests'), errors,
      ctx.query.get('saved') ? success('Agreement saved') : null,
      heading('The partnership agreement', 'Mutual aid'),
      subNav('agreement'),
      p(`Last changed by ${a.updatedBy}.`),
      shown,
      edit,
    ],
  };
}
