// Form fields bound to a plain object (what the screen sends), each in a GOV.UK form group whose
// data-field is the API's name for it (content.activities[2].rtoMinutes), so that a refusal is
// shown at the field it names (core/errors.js).
import { h, uid } from '../core/dom.js';
import { wholeNumber, keyList } from './customisation.js';

/**
 * kind: 'text' | 'number' (whole minutes, tiers) | 'keys' (a list typed with commas) | 'textarea' | 'select' (options [[v, t]]).
 * obj[key] follows what is typed; onChange runs after.
 */
export function bound({ obj, key, label, hint, path, kind = 'text', options, width, onChange }) {
  const id = uid(String(key));
  const value = obj[key];
  const set = (e) => {
    const v = e.target.value;
    obj[key] = kind === 'number' ? wholeNumber(v) : kind === 'keys' ? keyList(v) : kind === 'select' ? v : (v.trim() ? v : null);
    if (onChange) {
      onChange(obj[key]);
    }
  };
  const describedBy = hint ? `${id}-hint` : null;
  let input;
  if (kind === 'textarea') {
    input = h('textarea', { class: 'govuk-textarea', id, name: key, rows: 3, 'aria-describedby': describedBy, on: { input: set, change: set } });
    input.value = value ?? '';
  } else if (kind === 'select') {
    input = h('select', { class: 'govuk-select', id, name: key, 'aria-describedby': describedBy, on: { change: set } },
      options.map(([v, t]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, t)));
  } else {
    input = h('input', {
      class: ['govuk-input', width && `govuk-input--width-${width}`], id, name: key, type: 'text',
      inputmode: kind === 'number' ? 'numeric' : null, spellcheck: kind === 'text' ? null : false,
      value: kind === 'keys' ? (value || []).join(', ') : value ?? '', 'aria-describedby': describedBy, on: { input: set, change: set },
    });
  }
  const group = h('div', { class: 'govuk-form-group', 'data-field': path },
    h('label', { class: 'govuk-label', for: id }, label), hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null, input);
  group.input = input;
  return group;
}

/** Opens every closed <details> that holds a field in error, so the error summary's links lead somewhere visible. */
export function openErrors(root) {
  root.querySelectorAll('.govuk-form-group--error').forEach((g) => {
    for (let d = g.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
      d.open = true;
    }
  });
}
