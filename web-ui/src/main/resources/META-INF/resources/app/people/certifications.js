// A person's certifications, changed by whoever may change their skills (their manager, an admin,
// themselves): add, correct and remove, each change announced to screen readers.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { h2, h3, p, textInput, button, buttonGroup, form, success, table, scrolling, tag, date } from '../components/govuk.js';
import { showError, clearError } from '../core/errors.js';

function value(el) {
  const v = el.input.value.trim();
  return v === '' ? null : v;
}

/** The editor's section. errors: the page's error area. */
export async function certificationsEditor(person, errors) {
  const base = `/api/people/${person.id}/certifications`;
  const area = h('div', { id: 'certifications-editor' });
  const status = h('div');
  let editing = null;

  const fields = {
    name: textInput({ name: 'name', label: 'Certification', hint: 'For example: Citrix Certified Professional – Virtualization', width: 'full' }),
    issuer: textInput({ name: 'issuer', label: 'Issued by (optional)', width: 20 }),
    number: textInput({ name: 'number', label: 'Certificate number (optional)', width: 20, spellcheck: 'false' }),
    obtained: textInput({ name: 'obtained', label: 'Obtained on (optional)', type: 'date', width: 10 }),
    expires: textInput({ name: 'expires', label: 'Expires on (optional)', hint: 'Leave empty if it does not expire. It is valid up to and including this day.', type: 'date', width: 10 }),
    skill: textInput({ name: 'skill', label: 'Skill it proves (optional)', hint: 'The skill’s name or another name for it, for example Citrix or MS SQL', width: 20, spellcheck: 'false' }),
  };
  const formTitle = h3('Add a certification', { id: 'certification-form-heading', tabindex: '-1' });
  const save = button('Add certification', { type: 'submit', secondary: true, id: 'save-certification' });
  const cancel = button('Cancel', { secondary: true, on: { click: () => stopEditing() } });
  cancel.hidden = true;

  function fill(c) {
    for (const [k, el] of Object.entries(fields)) {
      el.input.value = c ? (k === 'skill' ? c.skillName || c.skill || '' : c[k] || '') : '';
    }
  }

  function stopEditing() {
    editing = null;
    fill(null);
    clearError(errors, certForm);
    replace(formTitle, 'Add a certification');
    save.textContent = 'Add certification';
    cancel.hidden = true;
  }

  function startEditing(c) {
    editing = c;
    fill(c);
    replace(formTitle, `Change ${c.name}`);
    save.textContent = 'Save certification';
    cancel.hidden = false;
    formTitle.focus();
  }

  async function refresh(message) {
    const list = await api.get(base);
    const items = list.items || list;
    replace(area, items.length ? scrolling(table({
      caption: 'Certifications held',
      head: ['Certification', 'Issued by', 'Number', 'Skill', 'Expires', 'State', ''],
      rows: items.map((c) => [c.name, c.issuer || '', c.number || '', c.skillName || '', c.expires ? date(c.expires) : 'Does not expire',
        c.valid ? tag('Valid', 'green') : tag('Expired', 'red'),
        buttonGroup(
          button(['Change', h('span', { class: 'govuk-visually-hidden' }, ` ${c.name}`)], { secondary: true, small: true, on: { click: () => startEditing(c) } }),
          button(['Remove', h('span', { class: 'govuk-visually-hidden' }, ` ${c.name}`)], { warning: true, small: true, on: { click: () => remove(c) } }))]),
    }), 'Certifications held') : p('No certifications recorded yet.'));
    if (message) {
      replace(status, success(message));
      announce(message);
    }
  }

  async function remove(c) {
    try {
      await api.del(`${base}/${c.id}`, { ifMatch: c.version });
      clearError(errors);
      if (editing && editing.id === c.id) {
        stopEditing();
      }
      await refresh(`${c.name} removed.`);
    } catch (err) {
      showError(errors, err);
    }
  }

  const certForm = form(async () => {
    const body = {
      name: value(fields.name), issuer: value(fields.issuer), number: value(fields.number),
      obtained: value(fields.obtained), expires: value(fields.expires), skill: value(fields.skill),
    };
    save.disabled = true;
    try {
      if (editing) {
        await api.put(`${base}/${editing.id}`, { ...body, version: editing.version });
      } else {
        await api.post(base, body);
      }
      const message = `${body.name} ${editing ? 'saved' : 'added'}.`;
      stopEditing();
      await refresh(message);
    } catch (err) {
      showError(errors, err, certForm);
    } finally {
      save.disabled = false;
    }
  }, h('div', { class: 'app-filters' }, fields.name), h('div', { class: 'app-filters' }, fields.issuer, fields.number),
  h('div', { class: 'app-filters' }, fields.obtained, fields.expires), fields.skill, buttonGroup(save, cancel));

  await refresh();
  return h('section', { 'aria-labelledby': 'certifications-heading' },
    h2('Certifications', { id: 'certifications-heading' }), status, area, formTitle, certForm);
}
