// Who is on call now for each partner, and the rotas behind it.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, link, tag, scrolling, dateTime, enumText, success } from '../components/govuk.js';
import { reasonTag, period, sectionNav, mayCreateRota } from './rota-common.js';
import { gapsOf, groupGaps, coverGapWarning } from './cover-gaps.js';

function person(x) {
  if (!x) {
    return 'Nobody';
  }
  return h('span', {},
    h('strong', {}, x.name), x.partner ? ` (${x.partner})` : '', h('br'),
    x.phone ? h('a', { class: 'govuk-link', href: `tel:${x.phone.replace(/\s/g, '')}` }, x.phone) : null, x.phone ? ' ' : null,
    reasonTag(x.reason), h('br'),
    h('span', { class: 'govuk-body-s' }, `until ${dateTime(x.shiftEnd)}`, x.rotaId ? [' · ', link(`#/rotas/${x.rotaId}`, x.rotaName)] : null));
}

export default async function onCall(ctx) {
  const [partners, rotas] = await Promise.all([api.get('/api/partners?size=500&sort=name'), api.get('/api/rotas?size=100')]);
  const [answers, gaps] = await Promise.all([
    Promise.all(partners.items.map((pt) => api.get(`/api/oncall?partner=${encodeURIComponent(pt.code)}`)
      .then((a) => ({ partner: pt, answer: a }))
      .catch((err) => ({ partner: pt, error: err })))),
    gapsOf(partners.items.map((pt) => pt.code)),
  ]);
  const failures = answers.filter((a) => a.error);
  if (failures.length === answers.length && failures.length) {
    throw failures[0].error;
  }
  const u = session.user();
  const uncovered = answers.filter((a) => a.answer && !a.answer.covered).length;
  return {
    title: 'On call now',
    content: [
      ctx.query.get('done') ? success(ctx.query.get('done')) : null,
      heading('On call now'),
      sectionNav('oncall'),
      coverGapWarning(groupGaps(gaps)),
      p(`Checked at ${dateTime(new Date().toISOString())}. `, uncovered ? `${uncovered} ${uncovered === 1 ? 'partner has' : 'partners have'} no rota covering them at this moment (for example, during working hours).` : 'Every partner is covered.'),
      u.person ? p(link('#/my-shifts', 'Your upcoming shifts and calendar feed')) : null,
      scrolling(table({
        caption: 'Primary and secondary on call for each partner', captionSize: 'm', firstCellIsHeader: true,
        head: ['Partner', 'Primary', 'Secondary', 'Out-of-hours number'],
        rows: answers.map((a) => [
          a.partner.name,
          a.error ? h('span', { class: 'govuk-error-message' }, a.error.message) : a.answer.covered ? person(a.answer.primary) : tag('Not covered now', 'grey'),
          a.answer && a.answer.covered ? person(a.answer.secondary) : '',
          a.partner.outOfHoursPhone ? h('a', { class: 'govuk-link', href: `tel:${a.partner.outOfHoursPhone.replace(/\s/g, '')}` }, a.partner.outOfHoursPhone) : '',
        ]),
      }), 'On call now'),
      h2('Rotas'),
      mayCreateRota() ? h('a', { class: 'govuk-button govuk-button--secondary', href: '#/rotas/new', id: 'new-rota' }, 'Create a rota') : null,
      rotas.items.length ? scrolling(table({
        head: ['Rota', 'Partners', 'Covers', 'Handover'],
        rows: rotas.items.map((r) => [link(`#/rotas/${r.id}`, r.name), [...r.partners].sort().join(', '),
          r.coverage === 'ALWAYS' ? 'Every hour' : 'Out of hours', `${r.handoffDay ? `${enumText(r.handoffDay)}s ` : 'Daily '}at ${r.handoffTime.slice(0, 5)}, every ${period(r.rotationLength)}`]),
      }), 'Rotas') : p('No rotas yet.'),
    ],
  };
}
