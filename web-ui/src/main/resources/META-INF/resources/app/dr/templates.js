// The partnership's generic DR models (templates) and their numbered versions. Everyone reads them;
// only partnership admins create a template or start a version (the dr-planner README's table).
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, link, button, form, textInput, textarea, scrolling, tag, dateTime, backLink, details, pagination } from '../components/govuk.js';
import { showError, errorArea } from '../core/errors.js';
import { versionStatus } from './dr-common.js';

export default async function templates(ctx) {
  const pageNo = Number(ctx.query.get('page') || 0);
  const list = await api.get(`/api/dr/templates${api.query({ page: pageNo, size: 25, sort: 'name' })}`);
  const errors = errorArea();
  let create = null;
  if (session.isAdmin()) {
    const code = textInput({ name: 'code', label: 'Code', hint: '2 to 40 letters, digits, “-” or “_”, for example LINCS-COUNCIL', width: 20, spellcheck: false });
    const name = textInput({ name: 'name', label: 'Name', width: 'full' });
    const description = textarea({ name: 'description', label: 'What it covers (optional)', rows: 3 });
    const f = form(async () => {
      try {
        const t = await api.post('/api/dr/templates', { code: code.input.value.trim(), name: name.input.value.trim(), description: description.input.value.trim() || null });
        ctx.navigate(`#/dr/templates/${t.id}`);
      } catch (err) {
        showError(errors, err, f);
      }
    }, code, name, description, button('Create the template', { type: 'submit', id: 'create-template' }));
    create = details('Create a template', f);
  }
  return {
    title: 'DR templates',
    content: [
      backLink('#/dr/plans', 'DR plans'),
      errors,
      heading('DR templates'),
      p('A template is the partnership’s generic recovery model: activities in priority order, their recovery targets, what each needs first and the steps to take. Partners derive their plans from a published version.'),
      create,
      scrolling(table({
        caption: `${list.totalItems} ${list.totalItems === 1 ? 'template' : 'templates'}`,
        head: ['Template', 'Code', 'Latest published version', 'Versions'],
        numeric: [2, 3],
        rows: list.items.map((t) => [link(`#/dr/templates/${t.id}`, t.name), t.code,
          t.latestPublishedVersion ? String(t.latestPublishedVersion) : tag('None yet', 'grey'), String(t.versions.length)]),
      }), 'DR templates'),
      pagination(list, (n) => `#/dr/templates${api.query({ page: n })}`),
    ],
  };
}

/** One template: its versions, and for admins a new draft version. */
export async function template(ctx) {
  const t = await api.get(`/api/dr/templates/${encodeURIComponent(ctx.params.id)}`);
  const errors = errorArea();
  const draft = t.versions.find((v) => v.status === 'DRAFT');
  let start = null;
  if (session.isAdmin() && !draft) {
    start = button(t.versions.length ? `Start version ${t.versions.length + 1} from version ${t.versions.length}` : 'Start the first version', {
      id: 'new-version',
      on: {
        click: async () => {
          try {
            const v = await api.post(`/api/dr/templates/${t.id}/versions`, t.versions.length ? {} : { notes: null, content: { activities: [] } });
            ctx.navigate(`#/dr/templates/${t.id}/versions/${v.number}`);
          } catch (err) {
            showError(errors, err);
          }
        },
      },
    });
  }
  return {
    title: t.name,
    content: [
      backLink('#/dr/templates', 'All DR templates'),
      errors,
      heading(t.name, `DR template ${t.code}`),
      t.description ? p(t.description) : null,
      h2('Versions'),
      draft && session.isAdmin() ? p(`Version ${draft.number} is a draft: `, link(`#/dr/templates/${t.id}/versions/${draft.number}`, 'edit and publish it'), '.') : null,
      start,
      scrolling(table({
        head: ['Version', 'Status', 'Activities', 'Notes', 'Published'],
        numeric: [0, 2],
        rows: t.versions.map((v) => [link(`#/dr/templates/${t.id}/versions/${v.number}`, `Version ${v.number}`), versionStatus(v.status), String(v.activityCount),
          v.notes || '', v.publishedAt ? `${dateTime(v.publishedAt)} by ${v.publishedBy}` : h('span', {}, 'Not yet')]),
      }), 'Template versions'),
    ],
  };
}
