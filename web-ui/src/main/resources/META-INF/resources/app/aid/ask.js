// Ask another partner for help: what (skills), why, when, how long, how urgent, where, and whom.
// The experts screen links here with ?person=&partner=&skill= for the person found.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, select, textInput, textarea, radios, checkbox, button, form, backLink } from '../components/govuk.js';
import { showError, errorArea } from '../core/errors.js';
import { subNav } from './aid-common.js';

export default async function ask(ctx) {
  const q = ctx.query;
  const user = session.user();
  const personId = q.get('person') || '';
  const [partners, skills, person] = await Promise.all([
    api.get('/api/partners?size=500&sort=name'),
    api.get('/api/skills?size=500&sort=name'),
    personId ? api.get(`/api/people/${encodeURIComponent(personId)}`) : null,
  ]);
  const errors = errorArea();
  const wanted = new Set(q.getAll('skill'));
  const others = partners.items.filter((x) => x.code !== user.partner);
  const requester = user.partner ? null : select({ name: 'requesterPartner', label: 'Asking organisation', field: 'requesterPartner', options: partners.items.map((x) => [x.code, x.name]) });
  const helper = select({
    name: 'helperPartner', label: 'Organisation asked', field: 'helperPartner',
    value: person ? person.partner : q.get('partner') || '', options: [['', 'Choose an organisation'], ...others.map((x) => [x.code, x.name])],
  });
  // The skills the expert search was for come ticked; another may be added from the taxonomy.
  const boxes = skills.items.filter((s) => wanted.has(s.code)).map((s) => {
    const box = checkbox({ name: 'skills', label: s.name, checked: true, field: `skill-${s.code}` });
    box.input.value = s.code;
    return box;
  });
  const skillBoxes = h('div', {}, boxes);
  const more = select({ name: 'extraSkill', label: wanted.size ? 'Another skill (optional)' : 'Skill needed', field: 'skills', options: [['', 'Choose a skill'], ...skills.items.map((s) => [s.code, s.name])] });
  const title = textInput({ name: 'title', label: 'What do you need help with?', field: 'title', hint: 'A short title, for example "Firewall rules for the new housing system"' });
  const reason = textarea({ name: 'reason', label: 'Why', field: 'reason', hint: 'Why your own team cannot do it now' });
  const from = textInput({ name: 'neededFrom', label: 'Needed from (optional)', type: 'date', field: 'neededFrom', hint: 'Leave both dates empty for as soon as possible' });
  const to = textInput({ name: 'neededTo', label: 'Needed until (optional)', type: 'date', field: 'neededTo' });
  const expected = textInput({ name: 'expectedHours', label: 'Expected hours', inputmode: 'decimal', width: 5, field: 'expectedHours', value: '7.5', hint: 'In hours; 0.25 is a quarter of an hour' });
  const urgency = radios({ name: 'urgency', legend: 'How urgent', field: 'urgency', inline: true, small: true, value: 'ROUTINE', options: [['ROUTINE', 'Routine'], ['URGENT', 'Urgent']] });
  const ooh = checkbox({ name: 'outOfHours', label: 'Out of hours', hint: 'Evenings, nights, weekends or bank holidays' });
  const onSite = checkbox({ name: 'onSite', label: 'On site', hint: 'Leave unticked for remote help' });
  const f = form(async () => {
    const chosen = [...skillBoxes.querySelectorAll('input:checked')].map((i) => i.value);
    if (more.input.value) {
      chosen.push(more.input.value);
    }
    const body = {
      requesterPartner: requester ? requester.input.value : undefined,
      helperPartner: helper.input.value || null,
      helperPersonId: person ? person.id : null,
      skills: chosen,
      title: title.input.value,
      reason: reason.input.value,
      neededFrom: from.input.value || null,
      neededTo: to.input.value || null,
      expectedHours: Number(expected.input.value) || null,
      urgency: urgency.value(),
      outOfHours: ooh.input.checked,
      onSite: onSite.input.checked,
    };
    try {
      const r = await api.post('/api/aid/requests', body);
      ctx.navigate(`#/aid/requests/${r.id}`);
    } catch (err) {
      showError(errors, err, f);
    }
  },
  requester, helper,
  person ? p(`You are asking for ${person.name} (${person.jobTitle || 'ICT staff'}) by name; their manager decides, or they may accept an urgent or out-of-hours request themselves.`) : null,
  h('div', { class: 'govuk-form-group', 'data-field': 'skills' }, h('fieldset', { class: 'govuk-fieldset' },
    h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Skills needed'), skillBoxes, more)),
  title, reason, h('div', { class: 'app-filters' }, from, to), expected, urgency, ooh, onSite,
  button('Send the request', { type: 'submit', id: 'send-request' }));
  return {
    title: 'Ask for help',
    content: [backLink('#/aid', 'Help requests'), errors, heading('Ask another partner for help', 'Mutual aid'), subNav('ask'),
      p('The partner you ask decides. Everyone concerned is e-mailed at each step.'), f],
  };
}
