// A manager edits their own staff (details, availability) and their skills (levels, verification);
// people may edit their own profile but never verify their own skills.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, h2, p, textInput, select, checkbox, button, buttonGroup, form, backLink, success, LEVELS, table, scrolling, tag } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { canEditPerson } from './person.js';
import { certificationsEditor } from './certifications.js';

const LEVEL_OPTIONS = [1, 2, 3, 4, 5].map((l) => [String(l), `${l} – ${LEVELS[l]}`]);

function value(el) {
  const v = el.input.value.trim();
  return v === '' ? null : v;
}

export default async function personEdit(ctx) {
  const creating = !ctx.params.id;
  const user = session.user();
  const partners = await api.get('/api/partners?size=500&sort=name');
  let x = creating ? { partner: user.partner || '', helpOtherPartners: true, outOfHours: false, helpHoursPerMonth: 0 } : await api.get(`/api/people/${encodeURIComponent(ctx.params.id)}`);
  if (!creating && !canEditPerson(x)) {
    return {
      title: 'You cannot change this person',
      content: [heading('You cannot change this person'), p(`Only an ICT manager at ${x.partnerName} or a partnership admin can change ${x.name}'s details.`),
        h('a', { class: 'govuk-link', href: `#/people/${x.id}` }, `Back to ${x.name}`)],
    };
  }
  const errors = errorArea();
  const banner = h('div');
  const partnerOptions = partners.items
    .filter((pt) => session.isAdmin() || pt.code === user.partner || pt.code === x.partner)
    .map((pt) => [pt.code, pt.name]);
  const fields = {
    partner: select({ name: 'partner', label: 'Organisation', value: x.partner, options: partnerOptions }),
    name: textInput({ name: 'name', label: 'Full name', value: x.name, autocomplete: 'off', width: 20 }),
    email: textInput({ name: 'email', label: 'Email address', value: x.email, type: 'email', spellcheck: 'false', autocomplete: 'off' }),
    jobTitle: textInput({ name: 'jobTitle', label: 'Job title', value: x.jobTitle }),
    team: textInput({ name: 'team', label: 'Team', value: x.team, width: 20 }),
    site: textInput({ name: 'site', label: 'Site', value: x.site, width: 20 }),
    workPhone: textInput({ name: 'workPhone', label: 'Work phone', value: x.workPhone, type: 'tel', width: 20 }),
    mobile: textInput({ name: 'mobile', label: 'Mobile', hint: 'Shown only to signed-in people in the partnership', value: x.mobile, type: 'tel', width: 20 }),
    manager: checkbox({ name: 'manager', label: 'ICT manager of this organisation', checked: x.manager }),
    helpOtherPartners: checkbox({ name: 'helpOtherPartners', label: 'Offers help to other partners', checked: x.helpOtherPartners }),
    helpHoursPerMonth: textInput({ name: 'helpHoursPerMonth', label: 'Hours a month for other partners', value: x.helpHoursPerMonth ?? '', inputmode: 'numeric', width: 3 }),
    outOfHours: checkbox({ name: 'outOfHours', label: 'Willing to work out of hours', checked: x.outOfHours }),
    unavailableUntil: textInput({ name: 'unavailableUntil', label: 'Away until', hint: 'Leave empty if not away. Available again on this date.', value: x.unavailableUntil, type: 'date', width: 10 }),
    unavailableReason: textInput({ name: 'unavailableReason', label: 'Reason for being away', value: x.unavailableReason, width: 20 }),
  };
  const save = button(creating ? 'Add person' : 'Save details', { type: 'submit', id: 'save-person' });
  const details = form(async () => {
    const hours = value(fields.helpHoursPerMonth);
    const body = {
      partner: fields.partner.input.value, name: value(fields.name), email: value(fields.email), jobTitle: value(fields.jobTitle),
      team: value(fields.team), site: value(fields.site), workPhone: value(fields.workPhone), mobile: value(fields.mobile),
      manager: fields.manager.input.checked, helpOtherPartners: fields.helpOtherPartners.input.checked,
      helpHoursPerMonth: hours === null ? null : Number(hours), outOfHours: fields.outOfHours.input.checked,
      unavailableUntil: value(fields.unavailableUntil), unavailableReason: value(fields.unavailableReason),
    };
    if (hours !== null && !/^\d+$/.test(hours)) {
      showError(errors, { message: 'Hours a month must be a whole number.', fieldErrors: [{ field: 'helpHoursPerMonth', message: 'must be a whole number, like 8' }] }, details);
      return;
    }
    save.disabled = true;
    try {
      if (creating) {
        const made = await api.post('/api/people', body);
        ctx.navigate(`#/people/${made.id}/edit?added=1`);
        return;
      }
      x = await api.put(`/api/people/${x.id}`, { ...body, version: x.version });
      clearError(errors, details);
      replace(banner, success(`${x.name}'s details are saved.`));
      banner.firstChild.focus();
    } catch (err) {
      showError(errors, err, details);
    } finally {
      save.disabled = false;
    }
  },
  h('fieldset', { class: 'govuk-fieldset' }, h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, 'Details'),
    fields.partner, fields.name, fields.email, fields.jobTitle, fields.team, fields.site, fields.workPhone, fields.mobile,
    session.canEditPartner(x.partner || user.partner, 'manager') ? fields.manager : null),
  h('fieldset', { class: 'govuk-fieldset' }, h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, 'Availability'),
    fields.helpOtherPartners, fields.helpHoursPerMonth, fields.outOfHours, fields.unavailableUntil, fields.unavailableReason),
  save);

  const content = [
    backLink(creating ? '#/people' : `#/people/${x.id}`, creating ? 'All people' : `Back to ${x.name}`),
    banner, errors,
    heading(creating ? 'Add a person' : `Change ${x.name}`, creating ? 'People' : x.partnerName),
  ];
  if (ctx.query.get('added')) {
    banner.append(success(`${x.name} is added. Now add their skills.`));
  }
  content.push(details);
  if (!creating) {
    content.push(await skillsEditor(x, errors), await certificationsEditor(x, errors));
  }
  return { title: creating ? 'Add a person' : `Change ${x.name}`, content };
}

async function skillsEditor(person, errors) {
  const mayVerify = session.canEditPartner(person.partner, 'manager') && session.user().person !== person.id;
  const area = h('div', { id: 'skills-editor' });
  const status = h('div');

  async function refresh(message) {
    const held = await api.get(`/api/people/${person.id}/skills`);
    replace(area, held.length ? scrolling(table({
      caption: 'Skills held',
      head: ['Skill', 'Level', mayVerify ? 'Verified by a manager' : 'Verified', ''],
      rows: held.map((s) => {
        const level = h('select', { class: 'govuk-select', id: `level-${s.skill}`, 'aria-label': `Level of ${s.name}` },
          LEVEL_OPTIONS.map(([v, t]) => h('option', { value: v, selected: Number(v) === s.level }, t)));
        const verified = h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `verified-${s.skill}`, checked: s.verified });
        const verifyCell = mayVerify
          ? h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, h('div', { class: 'govuk-checkboxes__item' }, verified,
            h('label', { class: 'govuk-label govuk-checkboxes__label', for: `verified-${s.skill}` }, h('span', { class: 'govuk-visually-hidden' }, `${s.name} `), 'Verified')))
          : (s.verified ? tag('Verified', 'green') : tag('Self-assessed', 'grey'));
        return [s.name, level, verifyCell, buttonGroup(
          button('Save', { secondary: true, small: true, on: { click: () => change(s, { level: Number(level.value), verified: mayVerify ? verified.checked : undefined, version: s.version }) } }),
          button('Remove', { warning: true, small: true, on: { click: () => remove(s) } }))];
      }),
    }), 'Skills held') : p('No skills recorded yet.'));
    if (message) {
      replace(status, success(message));
      announce(message);
    }
  }

  async function change(s, body) {
    try {
      await api.put(`/api/people/${person.id}/skills/${encodeURIComponent(s.skill)}`, { ...body, lastUsed: s.lastUsed, notes: s.notes });
      clearError(errors);
      await refresh(`${s.name} saved.`);
    } catch (err) {
      showError(errors, err);
    }
  }

  async function remove(s) {
    try {
      await api.del(`/api/people/${person.id}/skills/${encodeURIComponent(s.skill)}`);
      clearError(errors);
      await refresh(`${s.name} removed.`);
    } catch (err) {
      showError(errors, err);
    }
  }

  const newSkill = textInput({ name: 'skill', label: 'Skill', hint: 'Its code, name or another name for it, exactly, for example CITRIX or MS SQL', width: 20, spellcheck: 'false' });
  const newLevel = select({ name: 'level', label: 'Level', value: '3', options: LEVEL_OPTIONS });
  const newVerified = checkbox({ name: 'verified', label: 'Verified by me as their manager', checked: false });
  const add = form(async () => {
    try {
      await api.post(`/api/people/${person.id}/skills`, {
        skill: newSkill.input.value.trim(), level: Number(newLevel.input.value), verified: mayVerify ? newVerified.input.checked : undefined,
      });
      clearError(errors, add);
      const name = newSkill.input.value.trim();
      newSkill.input.value = '';
      await refresh(`${name} added.`);
    } catch (err) {
      showError(errors, err, add);
    }
  }, h('div', { class: 'app-filters' }, newSkill, newLevel, mayVerify ? newVerified : null), button('Add skill', { type: 'submit', secondary: true, id: 'add-person-skill' }));

  await refresh();
  return h('section', { 'aria-labelledby': 'skills-heading' },
    h2('Skills', { id: 'skills-heading' }), status, area, h('h3', { class: 'govuk-heading-s' }, 'Add a skill'), add);
}
