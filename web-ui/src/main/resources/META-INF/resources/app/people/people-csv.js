// Importing people from CSV with a preview first: the file is checked by the service without
// writing (dryRun), every row error is listed before anything is written, and what each row would
// add or change is shown; only then is it imported, all or nothing. And the export, in the same
// format.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { csvRecords, changedColumns } from '../core/csv.js';
import { heading, p, h2, table, link, select, button, buttonGroup, form, scrolling, success, backLink, inset, tag, details } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';

/** The import's columns in words, in the order a preview lists changes. */
const COLUMNS = [
  ['partner', 'Organisation'], ['name', 'Name'], ['job_title', 'Job title'], ['team', 'Team'], ['work_phone', 'Work phone'],
  ['mobile', 'Mobile'], ['site', 'Site'], ['manager', 'ICT manager'], ['help_other_partners', 'Helps other partners'],
  ['help_hours_per_month', 'Hours a month for other partners'], ['out_of_hours', 'Out of hours'], ['unavailable_until', 'Away until'],
  ['unavailable_reason', 'Reason for being away'], ['last_confirmed', 'Profile confirmed'], ['skills', 'Skills'], ['certifications', 'Certifications'],
];
const COLUMN_NAME = Object.fromEntries(COLUMNS);
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const mayImport = () => session.isAdmin() || session.hasRole('manager');

export default async function peopleCsv(ctx) {
  const user = session.user();
  const partners = await api.get('/api/partners?size=500&sort=name');
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const errors = errorArea();
  const content = [backLink('#/people', 'All people'), errors, heading('Import and export people', 'People')];

  // --- export: anyone signed in may read everyone ---
  const exportPartner = select({ name: 'exportPartner', label: 'Whose people', value: user.partner || '', options: [['', 'Every partner'], ...partners.items.map((x) => [x.code, x.name])] });
  const exported = h('div', { role: 'status', class: 'govuk-body' });
  const exportForm = form(async () => {
    const code = exportPartner.input.value;
    try {
      const name = `people${code ? `-${code.toLowerCase()}` : ''}.csv`;
      const file = await api.download(`/api/people/export${api.query({ partner: code })}`, name, { name });
      clearError(errors);
      replace(exported, `Downloaded ${file.fileName}.`);
    } catch (err) {
      showError(errors, err);
    }
  }, exportPartner, button('Download as CSV', { type: 'submit', secondary: true, id: 'export-people' }), exported);
  content.push(h('section', { 'aria-labelledby': 'export-heading' }, h2('Export', { id: 'export-heading' }),
    p('One row per person with their skills and certifications, in the format the import reads. Open it in a spreadsheet, change it and import it again.'),
    exportForm));

  // --- import: managers (their own partner's people) and admins ---
  if (!mayImport()) {
    content.push(h('section', { 'aria-labelledby': 'import-heading' }, h2('Import', { id: 'import-heading' }),
      p('Only ICT managers (for their own organisation) and partnership admins can import people.')));
    return { title: 'Import and export people', content };
  }
  const fileId = 'people-file';
  const fileInput = h('input', { class: 'govuk-file-upload', id: fileId, name: 'file', type: 'file', accept: '.csv,text/csv', 'aria-describedby': `${fileId}-hint` });
  const fileGroup = h('div', { class: 'govuk-form-group', 'data-field': 'body' },
    h('label', { class: 'govuk-label govuk-label--s', for: fileId }, 'CSV file'),
    h('div', { class: 'govuk-hint', id: `${fileId}-hint` },
      user.partner && !session.isAdmin() ? `People of ${names[user.partner] || user.partner} only. ` : '',
      'A header row names the columns; a row whose email matches someone updates them, any other row adds a person. Nothing is written until you confirm.'),
    fileInput);
  const preview = h('div', { id: 'import-preview' });
  const check = button('Check the file', { type: 'submit', id: 'check-import' });
  let bytes = null;
  let fileName = '';

  const importForm = form(async () => {
    replace(preview);
    const file = fileInput.files && fileInput.files[0];
    if (!file) {
      showError(errors, { message: 'Choose a CSV file to import.', fieldErrors: [{ field: 'body', message: 'Choose a CSV file' }] }, importForm);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      showError(errors, { message: 'The file is larger than 5 MB. Split it into smaller files.', fieldErrors: [{ field: 'body', message: 'must be 5 MB or smaller' }] }, importForm);
      return;
    }
    check.disabled = true;
    try {
      bytes = await file.arrayBuffer();
      fileName = file.name;
      const answer = await api.post('/api/people/import?dryRun=true', bytes, { contentType: 'text/csv' });
      clearError(errors, importForm);
      await showPreview(answer);
    } catch (err) {
      showRowErrors(err);
    } finally {
      check.disabled = false;
    }
  }, fileGroup, check);

  function showRowErrors(err) {
    const rows = Array.isArray(err.problem && err.problem.rows) ? err.problem.rows : [];
    if (!rows.length) {
      showError(errors, err, importForm);
      return;
    }
    // The summary says it once; every problem is in the table, row by row, in the file's order.
    showError(errors, { message: `${err.problem.detail || `${rows.length} problems`}. Correct the file and check it again.` });
    replace(preview, scrolling(table({
      caption: `Problems in ${fileName}`, captionSize: 'm', id: 'import-problems', numeric: [0],
      head: ['Row', 'Column', 'Problem', 'Value in the file'],
      rows: rows.map((r) => [String(r.row), COLUMN_NAME[r.column] || r.column, r.message, r.rejected ? h('span', { class: 'app-break' }, r.rejected) : '']),
    }), 'Problems in the file'));
    announce(`${rows.length} problems found. Nothing was imported.`);
  }

  async function showPreview(answer) {
    const text = new TextDecoder(answer.encoding || 'utf-8').decode(bytes);
    const uploaded = Object.fromEntries(csvRecords(text).map((r) => [r.row, r]));
    // What is stored now, in the same columns, to say what each update changes.
    const updates = answer.people.filter((x) => x.action === 'update');
    let stored = {};
    if (updates.length) {
      const csv = (await api.call('GET', '/api/people/export', { accept: 'text/csv' })).data;
      stored = Object.fromEntries(csvRecords(csv).map((r) => [(r.email || '').toLowerCase(), r]));
    }
    const columns = COLUMNS.map(([c]) => c);
    const rows = answer.people.map((x) => {
      const up = uploaded[x.row] || {};
      const before = stored[(x.email || '').toLowerCase()];
      const changes = x.action === 'create' ? null : changedColumns(up, before, columns);
      return [String(x.row), up.name || '', h('span', { class: 'app-break' }, x.email), names[up.partner] || up.partner || '',
        x.action === 'create' ? tag('Add', 'green') : changes.length ? tag('Change', 'blue') : tag('No change', 'grey'),
        x.action === 'create' ? 'A new person' : changes.length ? h('ul', { class: 'govuk-list app-changes' }, changes.map(([c, was, now]) => h('li', {},
          h('span', { class: 'govuk-!-font-weight-bold' }, `${COLUMN_NAME[c] || c}: `),
          c === 'skills' || c === 'certifications' ? `listed: ${now || 'none'} (others kept)` : [was || 'empty', ' → ', now || 'empty']))) : 'Nothing'];
    });
    const unchanged = rows.filter((r) => r[4].textContent === 'No change').length;
    const confirm = button(`Import ${answer.rows} ${answer.rows === 1 ? 'row' : 'rows'}`, { id: 'confirm-import' });
    const again = button('Choose another file', { secondary: true, on: { click: () => { replace(preview); fileInput.value = ''; fileInput.focus(); } } });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const done = await api.post('/api/people/import', bytes, { contentType: 'text/csv' });
        clearError(errors);
        const message = `Imported ${fileName}: ${done.created} ${done.created === 1 ? 'person' : 'people'} added, ${done.updated} updated, ${done.skillsSet} skills and ${done.certificationsSet} certifications set.`;
        replace(preview, success(message), scrolling(table({
          caption: 'Imported', captionSize: 's', numeric: [0],
          head: ['Row', 'Person', 'What happened'],
          rows: done.people.map((x) => [String(x.row), x.id ? link(`#/people/${x.id}`, uploaded[x.row] && uploaded[x.row].name ? uploaded[x.row].name : x.email) : x.email,
            x.action === 'created' ? 'Added' : 'Updated']),
        }), 'Imported people'));
        preview.querySelector('.govuk-notification-banner').focus();
        announce(message);
        bytes = null;
        fileInput.value = '';
      } catch (err) {
        confirm.disabled = false;
        showRowErrors(err);
      }
    });
    const summary = `${fileName} has ${answer.rows} ${answer.rows === 1 ? 'row' : 'rows'}: ${answer.created} ${answer.created === 1 ? 'person' : 'people'} to add, `
      + `${answer.updated} to update${unchanged ? ` (${unchanged} with no change)` : ''}, ${answer.skillsSet} skills and ${answer.certificationsSet} certifications to set.`;
    replace(preview,
      h2('Check what will change', { id: 'preview-heading', tabindex: '-1' }),
      p(summary),
      inset(`Nothing has been written yet. The file was read as ${answer.encoding}; if names with accents look wrong below, save it as “CSV UTF-8” and check it again.`),
      scrolling(table({ caption: 'Each row of the file', captionSize: 's', numeric: [0], head: ['Row', 'Name', 'Email', 'Organisation', 'Action', 'What changes'], rows }), 'What will change'),
      buttonGroup(confirm, again));
    preview.querySelector('#preview-heading').focus();
    announce(summary);
  }

  content.push(h('section', { 'aria-labelledby': 'import-heading' }, h2('Import', { id: 'import-heading' }),
    p('Add and update many people at once. The file is checked first and you see every problem and every change before anything is written. Either every row is imported or none is.'),
    details('Columns the file may have', table({
      caption: 'Columns', captionSize: 's', head: ['Column', 'What it holds'],
      rows: [['partner, name, email', 'Required. The email decides whether a row adds or updates someone.'],
        ['job_title, team, work_phone, mobile, site', 'Text'],
        ['manager, help_other_partners, out_of_hours', 'yes or no'],
        ['help_hours_per_month', '0 to 160'],
        ['unavailable_until, last_confirmed', 'A date: 2026-11-22 or 22/11/2026'],
        ['skills', 'skill:level, separated by ; — for example CITRIX:4:verified; MS SQL:3'],
        ['certifications', 'name|issuer|number|expires|skill|obtained, separated by ;']],
    })),
    importForm, preview));
  return { title: 'Import and export people', content };
}
