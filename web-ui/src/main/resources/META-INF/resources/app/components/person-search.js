// Search as you type for a list of people too long for one <select> (the API pages at 500): a
// search field above the select asks skills-service for the people whose name matches, and the
// screen then offers those in its select; cleared, the select offers its first list again. The
// select stays the control chosen from (keyboard and screen readers know it), and how many match
// is announced.
import { h, uid, announce } from '../core/dom.js';
import * as api from '../core/api.js';

const WAIT_MS = 250;

/**
 * controls: the id of the select it narrows; query: more parameters of GET /api/people (a
 * partner); onResults(people): the people who match, or null when the search is cleared.
 * Returns the form group of the search field.
 */
export function personSearch({ controls, onResults, query = {}, label = 'Search by name', hint = 'Type part of a name: the list then offers only the people who match' }) {
  const id = uid('person-search');
  let timer = null;
  let pending = null;

  async function run(text) {
    if (pending) {
      pending.abort();
    }
    if (text.length < 2) {
      onResults(null);
      return;
    }
    pending = new AbortController();
    try {
      const page = await api.get(`/api/people${api.query({ ...query, q: text, size: 50, sort: 'name' })}`, { signal: pending.signal });
      onResults(page.items);
      announce(page.totalItems === 0 ? `Nobody’s name matches ${text}.`
        : `${page.totalItems} ${page.totalItems === 1 ? 'person matches' : 'people match'}${page.totalItems > page.items.length ? `; the first ${page.items.length} are offered` : ''}.`);
    } catch (err) {
      if (err.name !== 'AbortError') {
        // The first list is still there to choose from; say why the search did not narrow it.
        onResults(null);
        announce(`The search did not work: ${err.message}`);
      }
    }
  }

  const input = h('input', {
    class: 'govuk-input govuk-input--width-20', id, type: 'search', name: `search-${controls}`, autocomplete: 'off', spellcheck: false,
    'aria-describedby': `${id}-hint`, 'aria-controls': controls,
    on: {
      input: (e) => {
        clearTimeout(timer);
        const text = e.target.value.trim();
        timer = setTimeout(() => run(text), WAIT_MS);
      },
      // Enter in the search field must not submit the form around it.
      keydown: (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
        }
      },
    },
  });
  return h('div', { class: 'govuk-form-group app-person-search' },
    h('label', { class: 'govuk-label', for: id }, label),
    h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint),
    input);
}
