// Admin: the skill taxonomy (skills-service) — categories, and in each the skills with their other
// names (aliases, which search and import understand) and SFIA codes. Only admins change it.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import { p, h2, h3, table, link, button, buttonGroup, form, select, textInput, textarea, scrolling, details } from '../components/govuk.js';
import { showError, clearError } from '../core/errors.js';

function v(el) {
  const t = el.input.value.trim();
  return t === '' ? null : t;
}

/** One alias a line (commas also separate them), blanks dropped. */
function aliasesOf(text) {
  return text.split(/[\n,]/).map((a) => a.trim()).filter(Boolean);
}

export default async function taxonomy(ctx, errors) {
  const categories = (await api.get('/api/skills/categories?size=500&sort=name')).items;
  const current = categories.find((c) => c.code === ctx.query.get('category')) || categories[0];
  const skills = current ? (await api.get(`/api/skills${api.query({ category: current.code, size: 500, sort: 'name' })}`)).items : [];
  const done = (message, category) => ctx.navigate(`#/admin/taxonomy${api.query({ category: category || (current && current.code), done: message })}`);

  // --- skills of the chosen category: add, change, remove ---
  let editing = null;
  const skillFields = {
    code: textInput({ name: 'code', label: 'Code', hint: '2 to 40 letters, digits or underscores, for example CITRIX_NETSCALER. It never changes.', width: 20, spellcheck: 'false' }),
    name: textInput({ name: 'name', label: 'Name', hint: 'As people know it, for example Citrix NetScaler (ADC)', width: 'full' }),
    category: select({ name: 'category', label: 'Skill area', value: current && current.code, options: categories.map((c) => [c.code, c.name]) }),
    aliases: textarea({ name: 'aliases', label: 'Other names (aliases)', hint: 'One a line. Search and the CSV import understand them; no name may belong to two skills.', rows: 3 }),
    sfiaCode: textInput({ name: 'sfiaCode', label: 'SFIA code (optional)', hint: 'Four letters, for example ITOP', width: 4, spellcheck: 'false' }),
    description: textarea({ name: 'description', label: 'Description (optional)', rows: 2 }),
  };
  const skillTitle = h3('Add a skill', { id: 'skill-form-heading', tabindex: '-1' });
  const saveSkill = button('Add skill', { type: 'submit', id: 'save-skill' });
  const cancelSkill = button('Cancel', { secondary: true, on: { click: () => editSkill(null) } });
  cancelSkill.hidden = true;
  const skillForm = form(async () => {
    const body = {
      name: v(skillFields.name), category: skillFields.category.input.value, description: v(skillFields.description),
      aliases: aliasesOf(skillFields.aliases.input.value), sfiaCode: v(skillFields.sfiaCode) && v(skillFields.sfiaCode).toUpperCase(),
    };
    try {
      if (editing) {
        await api.put(`/api/skills/${encodeURIComponent(editing.code)}`, { ...body, version: editing.version });
      } else {
        await api.post('/api/skills', { code: v(skillFields.code), ...body });
      }
      clearError(errors, skillForm);
      done(`${body.name} is ${editing ? 'saved' : 'added'}.`, body.category);
    } catch (err) {
      showError(errors, err, skillForm);
    }
  }, skillFields.code, skillFields.name, skillFields.category, skillFields.aliases, skillFields.sfiaCode, skillFields.description, buttonGroup(saveSkill, cancelSkill));

  function editSkill(s) {
    editing = s;
    clearError(errors, skillForm);
    skillFields.code.hidden = Boolean(s);
    skillFields.code.input.value = s ? s.code : '';
    skillFields.name.input.value = s ? s.name : '';
    skillFields.category.input.value = s ? s.category : current.code;
    skillFields.aliases.input.value = s ? s.aliases.join('\n') : '';
    skillFields.sfiaCode.input.value = s ? s.sfiaCode || '' : '';
    skillFields.description.input.value = s ? s.description || '' : '';
    replace(skillTitle, s ? `Change ${s.name}` : 'Add a skill');
    saveSkill.textContent = s ? 'Save skill' : 'Add skill';
    cancelSkill.hidden = !s;
    if (s) {
      skillPanel.open = true;
      skillTitle.focus();
    }
  }

  const removeSkill = async (s) => {
    try {
      await api.del(`/api/skills/${encodeURIComponent(s.code)}`, { ifMatch: s.version });
      done(`${s.name} is removed.`);
    } catch (err) {
      if (err.status === 409 && err.problem && err.problem.holders !== undefined) {
        err.message = `${s.name} cannot be removed while ${err.problem.holders} ${err.problem.holders === 1 ? 'person holds' : 'people hold'} it. Remove it from their profiles first, or keep it.`;
      }
      showError(errors, err);
    }
  };

  const skillPanel = details('Add or change a skill', skillTitle, skillForm);
  skillPanel.id = 'skill-panel';

  // --- categories: add, rename, remove an empty one ---
  const catFields = {
    code: textInput({ name: 'code', label: 'Code', hint: 'For example NETWORKS. It never changes.', width: 20, spellcheck: 'false' }),
    name: textInput({ name: 'name', label: 'Name', width: 'full' }),
    description: textarea({ name: 'description', label: 'Description (optional)', rows: 2 }),
  };
  let editingCategory = null;
  const catTitle = h3('Add a skill area', { id: 'category-form-heading', tabindex: '-1' });
  const saveCat = button('Add skill area', { type: 'submit', id: 'save-category' });
  const catForm = form(async () => {
    const body = { name: v(catFields.name), description: v(catFields.description) };
    try {
      if (editingCategory) {
        await api.put(`/api/skills/categories/${encodeURIComponent(editingCategory.code)}`, { ...body, version: editingCategory.version });
      } else {
        await api.post('/api/skills/categories', { code: v(catFields.code), ...body });
      }
      clearError(errors, catForm);
      done(`${body.name} is ${editingCategory ? 'saved' : 'added'}.`, editingCategory ? editingCategory.code : v(catFields.code) && v(catFields.code).toUpperCase());
    } catch (err) {
      showError(errors, err, catForm);
    }
  }, catFields.code, catFields.name, catFields.description, saveCat);
  const catPanel = details('Add or rename a skill area', catTitle, catForm);
  const editCategory = (c) => {
    editingCategory = c;
    catFields.code.hidden = true;
    catFields.name.input.value = c.name;
    catFields.description.input.value = c.description || '';
    replace(catTitle, `Rename ${c.name}`);
    saveCat.textContent = 'Save skill area';
    catPanel.open = true;
    catTitle.focus();
  };
  const removeCategory = async (c) => {
    try {
      await api.del(`/api/skills/categories/${encodeURIComponent(c.code)}`, { ifMatch: c.version });
      done(`${c.name} is removed.`, categories.find((x) => x.code !== c.code)?.code);
    } catch (err) {
      showError(errors, err);
    }
  };

  const hidden = (text) => h('span', { class: 'govuk-visually-hidden' }, ` ${text}`);
  return [
    p('Skills are grouped in skill areas. Each has a name people know, other names that search and the CSV import understand, and optionally its SFIA code.'),
    h('div', { class: 'app-taxonomy' },
      h('nav', { class: 'app-taxonomy__areas', 'aria-labelledby': 'areas-heading' },
        h2('Skill areas', { id: 'areas-heading' }),
        h('ul', { class: 'govuk-list' }, categories.map((c) => h('li', {},
          link(`#/admin/taxonomy?category=${encodeURIComponent(c.code)}`, `${c.name} (${c.skills})`,
            { 'aria-current': current && c.code === current.code ? 'page' : null }))))),
      h('section', { class: 'app-taxonomy__skills', 'aria-labelledby': 'skills-heading' },
        h2(current ? current.name : 'No skill areas yet', { id: 'skills-heading' }),
        current ? [
          current.description ? p(current.description) : null,
          buttonGroup(
            button(['Rename', hidden(current.name)], { secondary: true, small: true, on: { click: () => editCategory(current) } }),
            current.skills === 0 ? button(['Remove', hidden(current.name)], { warning: true, small: true, on: { click: () => removeCategory(current) } }) : null),
          scrolling(table({
            caption: `${skills.length} ${skills.length === 1 ? 'skill' : 'skills'}`, captionSize: 's', id: 'taxonomy-skills',
            head: ['Skill', 'Other names', 'SFIA', ''],
            rows: skills.map((s) => [h('span', {}, s.name, h('br'), h('span', { class: 'govuk-hint app-code' }, s.code)),
              s.aliases.length ? s.aliases.join(', ') : 'None', s.sfiaCode || '',
              buttonGroup(
                button(['Change', hidden(s.name)], { secondary: true, small: true, on: { click: () => editSkill(s) } }),
                button(['Remove', hidden(s.name)], { warning: true, small: true, on: { click: () => removeSkill(s) } }))]),
          }), `Skills in ${current.name}`),
          skillPanel,
        ] : null)),
    catPanel,
  ];
}
