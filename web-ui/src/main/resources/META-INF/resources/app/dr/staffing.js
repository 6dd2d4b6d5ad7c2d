// Who can do a plan's steps: for each skill the steps need, who holds it at the plan's partner and
// at the other partners (skills-service), and who is on call at the partner now (rota-service),
// both asked by dr-planner. When one of those services cannot answer, its part says so in words
// and the rest stands.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import { p, h2, h3, table, scrolling, tag, warning, LEVELS, summaryList, inset, dateTime } from '../components/govuk.js';

/** The words for a part dr-planner could not find out (status UNKNOWN: a service did not answer). */
export function unknownPart(what, reason) {
  const service = /rota/i.test(reason || '') ? 'The rota service' : /skills/i.test(reason || '') ? 'The skills service' : 'A service this screen needs';
  return `${service} is not answering just now, so ${what} cannot be shown. Try again in a few minutes; the rest of this page is up to date.`;
}

function person(x) {
  if (!x) {
    return 'Nobody';
  }
  return h('span', {}, x.name, x.rotaName ? ` (${x.rotaName}${x.until ? `, until ${dateTime(x.until)}` : ''})` : '',
    x.phone ? [' — ', h('a', { class: 'govuk-link', href: `tel:${x.phone}` }, x.phone)] : '');
}

function onCall(now) {
  if (now.status === 'UNKNOWN') {
    return warning(unknownPart('who is on call now', now.reason));
  }
  if (now.status === 'NOT_FOUND') {
    return p('The partner has no on-call rota.');
  }
  return summaryList([
    ['Covered now', now.covered ? tag('Yes', 'green') : tag('Nobody on call', 'red')],
    ['Primary', person(now.primary)],
    ['Secondary', person(now.secondary)],
  ]);
}

function candidates(list, caption, skillName) {
  if (list.status === 'UNKNOWN') {
    return warning(unknownPart(`who holds ${skillName}`, list.reason));
  }
  if (!list.candidates.length) {
    return p(`${caption}: nobody.`);
  }
  return scrolling(table({
    caption: `${caption}: ${list.total ?? list.candidates.length}`, captionSize: 's',
    head: ['Name', 'Partner', 'Level', 'Job title', 'Contact'],
    rows: list.candidates.map((c) => [c.name, c.partnerName || c.partner, c.level ? `${c.level} (${LEVELS[c.level] || ''})` : '',
      c.jobTitle || '', c.mobile || c.workPhone || c.email || '']),
  }), `${caption} holding ${skillName}`);
}

export async function staffing(plan) {
  const [view, skills] = await Promise.all([
    api.get(`/api/dr/plans/${plan.id}/staffing`),
    // Only for the skills' names: without them the codes are shown, and the staffing answer says whether skills-service answers.
    api.get('/api/skills?size=500&sort=name').then((r) => r.items).catch(() => []),
  ]);
  const names = Object.fromEntries(skills.map((s) => [s.code, s.name]));
  const nameOf = (code) => names[code] || code;
  return ['Staffing', [
    p('Who can carry out each step of the plan: the people who hold the skill a step needs, at this partner first, then at the partners who help others; and who is on call now.'),
    h2('On call now'),
    h('div', { id: 'staffing-on-call' }, onCall(view.onCallNow)),
    h2('By skill needed'),
    view.skills.length ? view.skills.map((s) => h('section', { class: 'app-staffing-skill', 'data-skill': s.skill, 'aria-labelledby': `skill-${s.skill}` },
      h3(nameOf(s.skill), { id: `skill-${s.skill}` }),
      p(`Needed by ${s.steps.length} ${s.steps.length === 1 ? 'step' : 'steps'}:`),
      h('ul', { class: 'govuk-list govuk-list--bullet' }, s.steps.map((st) => h('li', {}, `${st.activityName}: ${st.title}`))),
      candidates(s.ownPartner, 'At this partner', nameOf(s.skill)),
      s.ownPartner.status !== 'UNKNOWN' ? candidates(s.otherPartners, 'At other partners', nameOf(s.skill)) : null))
      : p('No step of the plan names a skill.'),
    view.stepsWithoutSkill.length ? [h2('Steps that name no skill'), inset(`${view.stepsWithoutSkill.length} steps name no skill, so nobody can be suggested for them.`),
      h('ul', { class: 'govuk-list govuk-list--bullet' }, view.stepsWithoutSkill.map((st) => h('li', {}, `${st.activityName}: ${st.title}`)))] : null,
  ]];
}
