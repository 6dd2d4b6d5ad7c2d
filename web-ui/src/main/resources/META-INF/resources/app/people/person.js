// A person's profile: contact, availability, skills with levels and verification, certifications.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, tag, summaryList, date, dateTime, backLink, scrolling } from '../components/govuk.js';

export function canEditPerson(person) {
  const u = session.user();
  return session.canEditPartner(person.partner, 'manager') || (u.person && u.person === person.id);
}

function phone(n) {
  return n ? h('a', { class: 'govuk-link', href: `tel:${n.replace(/\s/g, '')}` }, n) : null;
}

export default async function person(ctx) {
  const id = ctx.params.id;
  const [x, skills, certs, away] = await Promise.all([
    api.get(`/api/people/${encodeURIComponent(id)}`),
    api.get(`/api/people/${encodeURIComponent(id)}/skills`),
    api.get(`/api/people/${encodeURIComponent(id)}/certifications`),
    // skills-service keeps the one record of leave, whichever screen it was booked on.
    api.get(`/api/people/leave${api.query({ person: id, from: new Date().toISOString() })}`),
  ]);
  const skillItems = skills.items || skills;
  const certItems = certs.items || certs;
  const editable = canEditPerson(x);
  return {
    title: x.name,
    content: [
      backLink('#/people', 'All people'),
      heading(x.name, x.partnerName),
      p([x.jobTitle, x.team, x.site].filter(Boolean).join(' · '), x.manager ? [' ', tag('ICT manager', 'purple')] : null),
      editable ? h('a', { class: 'govuk-button', href: `#/people/${x.id}/edit`, id: 'edit-person' }, 'Change details and skills') : null,
      editable ? p(h('a', { class: 'govuk-link', href: `#/contacts/${x.id}`, id: 'person-contacts' }, 'How to reach them when paged')) : null,
      h2('Contact'),
      summaryList([
        ['Email', x.email ? h('a', { class: 'govuk-link app-break', href: `mailto:${x.email}` }, x.email) : null],
        ['Work phone', phone(x.workPhone)],
        ['Mobile', phone(x.mobile)],
        ['Site', x.site],
      ]),
      h2('Helping other partners'),
      summaryList([
        ['Offers help', x.helpOtherPartners ? `Yes, ${x.helpHoursPerMonth || 0} hours a month` : 'No'],
        ['Out of hours', x.outOfHours ? 'Willing to work out of hours' : 'No'],
        ['Away', x.unavailableUntil ? `Until ${date(x.unavailableUntil)}${x.unavailableReason ? ` (${x.unavailableReason})` : ''}` : 'No'],
        ['Profile confirmed', x.lastConfirmed ? [date(x.lastConfirmed), x.stale ? [' ', tag('Needs confirming', 'yellow')] : null] : null],
      ]),
      scrolling(table({
        caption: `Leave (${away.length})`,
        head: ['When', 'Reason', 'Booked by'],
        rows: away.map((l) => [`${dateTime(l.start)} to ${dateTime(l.end)}`, l.reason || '', l.createdBy]),
        id: 'person-leave',
      }), 'Leave'),
      away.length ? null : p('No leave booked.'),
      p('Leave booked here (', h('em', {}, 'Away until'), ') or on the rota leave screen is one record: their rotas skip them while away. ',
        h('a', { class: 'govuk-link', href: '#/leave', id: 'person-leave-link' }, 'Book or cancel leave on the rota leave screen'), '.'),
      scrolling(table({
        caption: `Skills (${skillItems.length})`,
        head: ['Skill', 'Level', 'Verified', 'Last confirmed'],
        rows: skillItems.map((s) => [s.name, `${s.level} – ${s.levelName}`,
          s.verified ? tag('Verified', 'green') : tag('Self-assessed', 'grey'),
          [date(s.lastConfirmed), s.stale ? [' ', tag('Stale', 'yellow')] : null]]),
      }), 'Skills'),
      skillItems.length ? null : p('No skills recorded yet.'),
      scrolling(table({
        caption: `Certifications (${certItems.length})`,
        head: ['Certification', 'Issuer', 'For skill', 'Expires', 'State'],
        rows: certItems.map((c) => [c.name, c.issuer || '', c.skillName || '', c.expires ? date(c.expires) : 'Does not expire',
          c.valid ? tag('Valid', 'green') : tag('Expired', 'red')]),
      }), 'Certifications'),
      certItems.length ? null : p('No certifications recorded.'),
    ],
  };
}
