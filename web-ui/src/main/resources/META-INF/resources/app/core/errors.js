// Showing what went wrong, in words, as the GOV.UK error summary (and, for a form, the error
// message at each field the API named). Every failed call ends up here; none is swallowed. The words
// themselves, request ID included for server faults only, come from problems.js.
import { h, clear } from './dom.js';
import { fieldWords } from './problems.js';

function groupFor(form, field) {
  if (!form || !field) {
    return null;
  }
  const candidates = [field, field.replace(/\[\d+\]$/, ''), field.replace(/\[\d+\]/g, ''), field.split('.')[0], field.split('[')[0]];
  for (const name of candidates) {
    const el = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (el) {
      return el;
    }
  }
  return null;
}

function focusable(groupEl) {
  return groupEl.querySelector('input, select, textarea, button');
}

/** Removes field error messages from a form. */
export function clearFieldErrors(form) {
  if (!form) {
    return;
  }
  form.querySelectorAll('.govuk-form-group--error').forEach((g) => g.classList.remove('govuk-form-group--error'));
  form.querySelectorAll('.app-field-error').forEach((m) => m.remove());
  form.querySelectorAll('.govuk-input--error, .govuk-select--error, .govuk-textarea--error').forEach((i) => {
    i.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error');
    i.removeAttribute('aria-invalid');
  });
}

function markField(groupEl, message) {
  groupEl.classList.add('govuk-form-group--error');
  const input = focusable(groupEl);
  const id = `${input ? input.id : 'field'}-error`;
  const msg = h('p', { class: 'govuk-error-message app-field-error', id },
    h('span', { class: 'govuk-visually-hidden' }, 'Error: '), message);
  const label = groupEl.querySelector('.govuk-label, legend');
  const hint = groupEl.querySelector(':scope > .govuk-hint, fieldset > .govuk-hint');
  (hint || label || groupEl.firstChild).after(msg);
  if (input) {
    const cls = input.tagName === 'SELECT' ? 'govuk-select--error' : input.tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error';
    if (input.type !== 'checkbox' && input.type !== 'radio') {
      input.classList.add(cls);
    }
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  }
  return input;
}

function fieldLabel(form, field) {
  const g = groupFor(form, field);
  const label = g && g.querySelector('.govuk-label, legend');
  return label ? label.textContent.trim() : field;
}

/**
 * Puts an error summary into `where` (replacing what was there) and focuses it.
 * err: an ApiError, an Error, or {message, fieldErrors}. form: the form whose fields the API named.
 */
export function showError(where, err, form) {
  clearFieldErrors(form);
  const fieldErrors = (err && err.fieldErrors) || [];
  const items = [];
  for (const fe of fieldErrors) {
    const g = groupFor(form, fe.field);
    const message = fe.message ? `${fe.message}` : 'is not valid';
    const text = g ? `${fieldLabel(form, fe.field)}: ${message}` : /^row \d+/.test(fe.field) ? `${fe.field.charAt(0).toUpperCase()}${fe.field.slice(1)}: ${message}` : `${fieldWords(fe.field)}: ${message}`;
    if (g) {
      const input = markField(g, text);
      items.push(h('li', {}, h('a', {
        href: `#${input ? input.id : ''}`,
        on: { click: (e) => { e.preventDefault(); if (input) { input.focus(); input.scrollIntoView({ block: 'center' }); } } },
      }, text)));
    } else {
      items.push(h('li', {}, text));
    }
  }
  const extras = [];
  const problem = (err && err.problem) || {};
  if (problem.suggestions && typeof problem.suggestions === 'object') {
    for (const [term, list] of Object.entries(problem.suggestions)) {
      if (Array.isArray(list) && list.length) {
        extras.push(h('p', { class: 'govuk-body' }, `For “${term}”, did you mean ${list.map((s) => s.name || s.code).join(' or ')}?`));
      }
    }
  }
  if (Array.isArray(problem.cycle)) {
    extras.push(h('p', { class: 'govuk-body' }, `Dependency cycle: ${problem.cycle.join(' → ')}`));
  }
  if (Array.isArray(problem.conflicts)) {
    extras.push(h('ul', { class: 'govuk-list govuk-list--bullet' }, problem.conflicts.map((c) => h('li', {}, c.detail || c.kind))));
  }
  const summary = h('div', { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary', tabindex: '-1' },
    h('div', { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      h('div', { class: 'govuk-error-summary__body' },
        // A refusal that names its fields is said by the list alone; anything else in a sentence.
        (err && err.message) || !items.length ? h('p', { class: 'govuk-body' }, (err && err.message) || String(err)) : null,
        items.length ? h('ul', { class: 'govuk-list govuk-error-summary__list' }, items) : null,
        extras)));
  clear(where).append(summary);
  summary.focus();
  if (!document.title.startsWith('Error: ')) {
    document.title = `Error: ${document.title}`;
  }
  return summary;
}

/** Clears an error area (and the "Error:" prefix of the page title) after a success. */
export function clearError(where, form) {
  clearFieldErrors(form);
  if (where) {
    clear(where);
  }
  document.title = document.title.replace(/^Error: /, '');
}

/** An empty place for an error summary, at the top of a page or form. */
export function errorArea() {
  return h('div', { class: 'app-errors' });
}
