// GOV.UK Design System components, built as nodes (markup as in the Design System's examples).
import { h, uid } from '../core/dom.js';
import { londonFormat } from '../core/london.js';

export function heading(text, caption) {
  return h('h1', { class: 'govuk-heading-l', tabindex: '-1', id: 'page-heading' },
    caption ? h('span', { class: 'govuk-caption-l' }, caption) : null, text);
}

export function p(...children) {
  return h('p', { class: 'govuk-body' }, ...children);
}

export function lead(...children) {
  return h('p', { class: 'govuk-body-l' }, ...children);
}

export function h2(text, attrs = {}) {
  return h('h2', { class: 'govuk-heading-m', ...attrs }, text);
}

export function h3(text, attrs = {}) {
  return h('h3', { class: 'govuk-heading-s', ...attrs }, text);
}

export function link(href, text, attrs = {}) {
  return h('a', { class: 'govuk-link', href, ...attrs }, text);
}

export function backLink(href, text = 'Back') {
  return h('a', { class: 'govuk-back-link', href }, text);
}

export function button(text, { secondary, warning, type = 'button', on, id, disabled, small } = {}) {
  return h('button', {
    type, id, disabled,
    class: ['govuk-button', secondary && 'govuk-button--secondary', warning && 'govuk-button--warning', small && 'app-button--small'],
    'data-module': 'govuk-button', on,
  }, text);
}

export function buttonGroup(...buttons) {
  return h('div', { class: 'govuk-button-group' }, ...buttons);
}

const TAG_COLOURS = new Set(['grey', 'green', 'turquoise', 'blue', 'light-blue', 'purple', 'pink', 'red', 'orange', 'yellow']);
export function tag(text, colour) {
  return h('strong', { class: ['govuk-tag', TAG_COLOURS.has(colour) && `govuk-tag--${colour}`] }, text);
}

export function inset(...children) {
  return h('div', { class: 'govuk-inset-text' }, ...children);
}

export function warning(text) {
  return h('div', { class: 'govuk-warning-text' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'), text));
}

export function success(title, ...body) {
  return h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert', 'aria-labelledby': 'success-title', tabindex: '-1' },
    h('div', { class: 'govuk-notification-banner__header' },
      h('h2', { class: 'govuk-notification-banner__title', id: 'success-title' }, 'Success')),
    h('div', { class: 'govuk-notification-banner__content' },
      h('p', { class: 'govuk-notification-banner__heading' }, title), ...body.map((b) => p(b))));
}

export function notice(title, ...body) {
  const id = uid('notice');
  return h('div', { class: 'govuk-notification-banner', role: 'region', 'aria-labelledby': id },
    h('div', { class: 'govuk-notification-banner__header' },
      h('h2', { class: 'govuk-notification-banner__title', id }, 'Important')),
    h('div', { class: 'govuk-notification-banner__content' },
      h('p', { class: 'govuk-notification-banner__heading' }, title), ...body.map((b) => (b instanceof Node ? b : p(b)))));
}

export function details(summary, ...content) {
  return h('details', { class: 'govuk-details' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, summary)),
    h('div', { class: 'govuk-details__text' }, ...content));
}

/** rows: [[key, value, action?]]; value may be a node or text; empty values read "Not recorded". */
export function summaryList(rows, { noBorder } = {}) {
  return h('dl', { class: ['govuk-summary-list', noBorder && 'govuk-summary-list--no-border'] },
    rows.filter(Boolean).map(([key, value, action]) => h('div', { class: 'govuk-summary-list__row' },
      h('dt', { class: 'govuk-summary-list__key' }, key),
      h('dd', { class: 'govuk-summary-list__value' }, value === null || value === undefined || value === '' ? 'Not recorded' : value),
      action ? h('dd', { class: 'govuk-summary-list__actions' }, action) : null)));
}

/** head: column titles; rows: arrays of cells (text or nodes); numeric: indexes of numeric columns. */
export function table({ caption, head, rows, numeric = [], captionSize = 'm', firstCellIsHeader = false, id, className }) {
  const num = new Set(numeric);
  return h('table', { class: ['govuk-table', className], id },
    caption ? h('caption', { class: `govuk-table__caption govuk-table__caption--${captionSize}` }, caption) : null,
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      head.map((t, i) => h('th', { scope: 'col', class: ['govuk-table__header', num.has(i) && 'govuk-table__header--numeric'] }, t)))),
    h('tbody', { class: 'govuk-table__body' }, rows.map((row) => h('tr', { class: 'govuk-table__row' },
      row.map((cell, i) => (firstCellIsHeader && i === 0
        ? h('th', { scope: 'row', class: 'govuk-table__header' }, cell)
        : h('td', { class: ['govuk-table__cell', num.has(i) && 'govuk-table__cell--numeric'] }, cell)))))));
}

/** A table that scrolls sideways on a narrow screen instead of overflowing the page. */
export function scrolling(el, label) {
  return h('div', { class: 'app-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, el);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'govuk-body app-loading', role: 'status' }, text);
}

// --- forms ----------------------------------------------------------------------------------
// Each field is a govuk-form-group carrying data-field = the API's field name, so that the
// problem's errors[].field can be shown next to it (errors.js).

function group(field, ...children) {
  return h('div', { class: 'govuk-form-group', 'data-field': field }, ...children);
}

function hintOf(id, hint) {
  return hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null;
}

export function textInput({ name, label, hint, value, type = 'text', width, autocomplete, inputmode, spellcheck, required, field, labelClass, attrs = {} }) {
  const id = uid(name);
  const input = h('input', {
    class: ['govuk-input', width && `govuk-input--width-${width}`], id, name, type, value: value ?? '',
    autocomplete, inputmode, spellcheck, required, 'aria-describedby': hint ? `${id}-hint` : null, ...attrs,
  });
  const el = group(field || name, h('label', { class: ['govuk-label', labelClass], for: id }, label), hintOf(id, hint), input);
  el.input = input;
  return el;
}

export function textarea({ name, label, hint, value, rows = 4, field }) {
  const id = uid(name);
  const input = h('textarea', { class: 'govuk-textarea', id, name, rows, 'aria-describedby': hint ? `${id}-hint` : null });
  input.value = value ?? '';
  const el = group(field || name, h('label', { class: 'govuk-label', for: id }, label), hintOf(id, hint), input);
  el.input = input;
  return el;
}

/** options: [[value, text]] */
export function select({ name, label, hint, options, value, field, on }) {
  const id = uid(name);
  const input = h('select', { class: 'govuk-select', id, name, 'aria-describedby': hint ? `${id}-hint` : null, on },
    options.map(([v, t]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, t)));
  const el = group(field || name, h('label', { class: 'govuk-label', for: id }, label), hintOf(id, hint), input);
  el.input = input;
  return el;
}

export function checkbox({ name, label, hint, checked, field }) {
  const id = uid(name);
  const input = h('input', { class: 'govuk-checkboxes__input', id, name, type: 'checkbox', checked: Boolean(checked), 'aria-describedby': hint ? `${id}-hint` : null });
  const el = group(field || name, h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
    h('div', { class: 'govuk-checkboxes__item' }, input,
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: id }, label),
      hint ? h('div', { class: 'govuk-hint govuk-checkboxes__hint', id: `${id}-hint` }, hint) : null)));
  el.input = input;
  return el;
}

/** A fieldset of radios; options: [[value, text, hint?]]. el.value() reads the choice. */
export function radios({ name, legend, hint, options, value, inline, field, small }) {
  const id = uid(name);
  const inputs = [];
  const el = group(field || name, h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': hint ? `${id}-hint` : null },
    h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
    hintOf(id, hint),
    h('div', { class: ['govuk-radios', inline && 'govuk-radios--inline', small && 'govuk-radios--small'], 'data-module': 'govuk-radios' },
      options.map(([v, t, optionHint], i) => {
        const input = h('input', { class: 'govuk-radios__input', id: `${id}-${i}`, name, type: 'radio', value: v, checked: String(v) === String(value ?? '') });
        inputs.push(input);
        return h('div', { class: 'govuk-radios__item' }, input,
          h('label', { class: 'govuk-label govuk-radios__label', for: `${id}-${i}` }, t),
          optionHint ? h('div', { class: 'govuk-hint govuk-radios__hint' }, optionHint) : null);
      }))));
  el.input = inputs[0];
  el.value = () => (inputs.find((i) => i.checked) || {}).value;
  return el;
}

export function form(onSubmit, ...children) {
  return h('form', { novalidate: true, on: { submit: (e) => { e.preventDefault(); onSubmit(e); } } }, ...children);
}

/** "1 to 20 of 57" and previous/next links for an API page. */
export function pagination(page, hrefFor) {
  if (!page || page.totalPages <= 1) {
    return null;
  }
  const items = [];
  if (page.page > 0) {
    items.push(h('div', { class: 'govuk-pagination__prev' }, h('a', { class: 'govuk-link govuk-pagination__link', href: hrefFor(page.page - 1), rel: 'prev' },
      h('span', { class: 'govuk-pagination__link-title' }, 'Previous', h('span', { class: 'govuk-visually-hidden' }, ' page')))));
  }
  if (page.page < page.totalPages - 1) {
    items.push(h('div', { class: 'govuk-pagination__next' }, h('a', { class: 'govuk-link govuk-pagination__link', href: hrefFor(page.page + 1), rel: 'next' },
      h('span', { class: 'govuk-pagination__link-title' }, 'Next', h('span', { class: 'govuk-visually-hidden' }, ' page')))));
  }
  return h('nav', { class: 'govuk-pagination govuk-pagination--block', 'aria-label': 'Results pages' }, items,
    h('p', { class: 'govuk-body-s' }, `Page ${page.page + 1} of ${page.totalPages} (${page.totalItems} in all)`));
}

// --- formatting ------------------------------------------------------------------------------

// London's clock, by the app's one conversion (core/london.js), in Intl's en-GB words.
const DATE_TIME = londonFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const TIME = londonFormat({ hour: '2-digit', minute: '2-digit' });
const DATE = londonFormat({ day: 'numeric', month: 'long', year: 'numeric' });

export function dateTime(iso) {
  return iso ? DATE_TIME(iso) : '';
}

export function time(iso) {
  return iso ? TIME(iso) : '';
}

export function date(isoDate) {
  if (!isoDate) {
    return '';
  }
  // A plain date (2026-03-29) is that day in London; noon UTC is within it all year.
  return DATE(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00Z` : isoDate);
}

/** 90 → "1 h 30 min". */
export function minutes(m) {
  if (m === null || m === undefined) {
    return '';
  }
  const sign = m < 0 ? '−' : '';
  const a = Math.abs(m);
  const hours = Math.floor(a / 60);
  const rest = a % 60;
  if (hours === 0) {
    return `${sign}${rest} min`;
  }
  return `${sign}${hours} h${rest ? ` ${rest} min` : ''}`;
}

export function enumText(value) {
  return value ? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ') : '';
}

export const LEVELS = ['', 'awareness', 'working knowledge', 'practitioner', 'expert', 'authority'];
