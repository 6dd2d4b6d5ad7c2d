// Find an expert: skills with suggestions (aliases and small typos are understood by the search),
// minimum level, other partners only, availability; ranked results with how to get in touch.
import { h, clear, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, tag, button, form, select, checkbox, radios, pagination, LEVELS, date, loading } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';

const PAGE_SIZE = 10;

function contact(person) {
  const items = [];
  if (person.workPhone) {
    items.push(h('li', {}, 'Work: ', h('a', { class: 'govuk-link', href: `tel:${person.workPhone.replace(/\s/g, '')}` }, person.workPhone)));
  }
  if (person.mobile) {
    items.push(h('li', {}, 'Mobile: ', h('a', { class: 'govuk-link', href: `tel:${person.mobile.replace(/\s/g, '')}` }, person.mobile)));
  }
  if (person.email) {
    items.push(h('li', {}, 'Email: ', h('a', { class: 'govuk-link app-break', href: `mailto:${person.email}` }, person.email)));
  }
  return h('ul', { class: 'govuk-list app-contact' }, items);
}

function skillLine(m) {
  return h('li', { class: 'app-skill-line' },
    h('span', { class: 'app-skill-line__name' }, m.name), ' ',
    h('span', { class: 'app-level', 'data-level': m.level }, `level ${m.level} (${m.levelName || LEVELS[m.level]})`), ' ',
    m.verified ? tag('Verified', 'green') : tag('Self-assessed', 'grey'), ' ',
    m.certificationValid ? tag('Certified', 'blue') : null, ' ',
    m.stale ? tag('Not confirmed recently', 'yellow') : null);
}

/** Managers (and admins) ask another partner's expert for help on the mutual-aid screen: a link, not an import. */
function askLink(person, item) {
  const u = session.user();
  if (!session.hasRole('manager', 'admin') || (u.partner && u.partner === person.partner)) {
    return null;
  }
  const q = new URLSearchParams({ person: person.id, partner: person.partner });
  item.matched.forEach((m) => q.append('skill', m.skill));
  return h('p', { class: 'govuk-body' }, h('a', { class: 'govuk-link', href: `#/aid/ask?${q}`, 'data-ask': person.id }, `Ask ${person.name} for help`));
}

function resultCard(item, index, page, skillNames = {}) {
  const person = item.person;
  const available = item.available
    ? tag('Available to help', 'green')
    : tag(person.unavailableUntil ? `Away until ${date(person.unavailableUntil)}` : 'Not offering help', 'grey');
  return h('li', { class: 'govuk-summary-card app-expert', 'data-person': person.id },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' },
        h('span', { class: 'app-rank' }, `${page * PAGE_SIZE + index + 1}. `),
        h('a', { class: 'govuk-link', href: `#/people/${person.id}` }, person.name),
        h('span', { class: 'app-expert__partner' }, ` — ${person.partnerName || person.partner}`)),
      h('div', { class: 'app-expert__score' }, `Match ${item.score} of 100`)),
    h('div', { class: 'govuk-summary-card__content' },
      h('p', { class: 'govuk-body app-expert__job' }, [person.jobTitle, person.team, person.site].filter(Boolean).join(' · ')),
      h('div', { class: 'app-expert__cols' },
        h('div', {},
          h('h4', { class: 'govuk-heading-s' }, 'Skills'),
          h('ul', { class: 'govuk-list' }, item.matched.map(skillLine)),
          item.missing && item.missing.length
            ? p(`Does not hold: ${item.missing.map((m) => m.name || skillNames[m.skill || m] || m.skill || m).join(', ')}`) : null,
          h('p', { class: 'govuk-body' }, available, ' ',
            person.helpHoursPerMonth ? `${person.helpHoursPerMonth} hours a month for other partners` : null,
            person.outOfHours ? ' · works out of hours' : '')),
        h('div', {},
          h('h4', { class: 'govuk-heading-s' }, 'Contact'),
          contact(person),
          askLink(person, item))),
      h('details', { class: 'govuk-details app-reasons' },
        h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, `Why ${person.name} is ranked here`)),
        h('div', { class: 'govuk-details__text' }, h('ul', { class: 'govuk-list govuk-list--bullet' }, item.reasons.map((r) => h('li', {}, r)))))));
}

export default async function experts(ctx) {
  const user = session.user();
  const q = ctx.query;
  const terms = q.getAll('skill');
  const errors = errorArea();
  const results = h('div', { id: 'results' });

  // --- the skill picker: typed terms are kept as typed; suggestions come from the taxonomy ---
  const chosen = h('ul', { class: 'app-chosen', id: 'chosen-skills', 'aria-label': 'Skills to search for' });
  const termInput = h('input', {
    class: 'govuk-input govuk-input--width-20', id: 'skill-term', name: 'skill', type: 'text', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'skill-term-hint', 'aria-controls': 'skill-suggestions',
  });
  const suggestions = h('ul', { class: 'app-suggestions', id: 'skill-suggestions', 'aria-label': 'Suggested skills' });
  const addButton = button('Add skill', { secondary: true, id: 'add-skill', small: true });

  function renderChosen() {
    replace(chosen, terms.map((t, i) => h('li', { class: 'app-chosen__item' },
      h('span', {}, t), ' ',
      h('button', {
        type: 'button', class: 'app-chosen__remove', 'aria-label': `Remove ${t}`,
        on: { click: () => { terms.splice(i, 1); renderChosen(); termInput.focus(); announce(`${t} removed`); } },
      }, 'Remove'))));
    chosen.hidden = terms.length === 0;
  }

  function addTerm(t) {
    const term = (t || '').trim();
    if (term && !terms.some((x) => x.toLowerCase() === term.toLowerCase())) {
      terms.push(term);
      announce(`${term} added`);
    }
    termInput.value = '';
    clear(suggestions);
    renderChosen();
  }

  let timer = null;
  let controller = null;
  termInput.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = termInput.value.trim();
    if (typed.length < 2) {
      clear(suggestions);
      return;
    }
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const page = await api.get(`/api/skills${api.query({ q: typed, size: 8, sort: 'name' })}`, { signal: controller.signal });
        replace(suggestions, page.items.map((skill) => h('li', {},
          h('button', { type: 'button', class: 'app-suggestion', on: { click: () => { addTerm(skill.code); termInput.focus(); } } },
            h('span', { class: 'app-suggestion__name' }, skill.name),
            skill.aliases && skill.aliases.length ? h('span', { class: 'app-suggestion__alias' }, ` (also: ${skill.aliases.slice(0, 3).join(', ')})`) : null))));
        announce(page.items.length ? `${page.items.length} skills suggested below` : 'No skill suggested; the search still tries what you typed');
      } catch (err) {
        if (err.name !== 'AbortError') {
          showError(errors, err);
        }
      }
    }, 250);
  });
  termInput.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && suggestions.querySelector('button')) {
      e.preventDefault();
      suggestions.querySelector('button').focus();
    }
  });
  suggestions.addEventListener('keydown', (e) => {
    const buttons = [...suggestions.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && i < buttons.length - 1) { e.preventDefault(); buttons[i + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? buttons[i - 1] : termInput).focus(); }
    if (e.key === 'Escape') { clear(suggestions); termInput.focus(); }
  });
  addButton.addEventListener('click', () => { addTerm(termInput.value); termInput.focus(); });

  const minLevel = select({
    name: 'minLevel', label: 'Minimum level', value: q.get('minLevel') || '1',
    options: [['1', 'Any level'], ...[2, 3, 4, 5].map((l) => [String(l), `${l} – ${LEVELS[l]} or above`])],
  });
  const match = radios({
    name: 'match', legend: 'With more than one skill', value: q.get('match') || 'all', inline: true, small: true,
    options: [['all', 'Holds every skill'], ['any', 'Holds any of them']],
  });
  const others = user.partner ? checkbox({ name: 'excludePartner', label: 'Other partners only', hint: 'Leave out people at your own organisation', checked: q.get('others') !== '0' }) : null;
  const available = checkbox({ name: 'available', label: 'Available to help other partners now', checked: q.get('available') === '1' });
  const outOfHours = checkbox({ name: 'outOfHours', label: 'Willing to work out of hours', checked: q.get('outOfHours') === '1' });

  async function search(pageNo = 0, focusResults = true) {
    const params = {
      skill: terms, minLevel: minLevel.input.value, match: match.value(),
      excludePartner: others && others.input.checked ? user.partner : undefined,
      available: available.input.checked ? 'true' : undefined,
      outOfHours: outOfHours.input.checked ? 'true' : undefined,
      page: pageNo, size: PAGE_SIZE,
    };
    const address = api.query({
      skill: terms, minLevel: params.minLevel !== '1' ? params.minLevel : undefined, match: params.match !== 'all' ? params.match : undefined,
      others: others && !others.input.checked ? '0' : undefined, available: params.available ? '1' : undefined,
      outOfHours: params.outOfHours ? '1' : undefined, page: pageNo || undefined,
    });
    ctx.remember(`#/experts${address}`);
    replace(results, loading('Searching…'));
    try {
      const answer = await api.get(`/api/experts${api.query(params)}`);
      clearError(errors, f);
      showResults(answer, pageNo, focusResults);
    } catch (err) {
      clear(results);
      showError(errors, err, f);
    }
  }

  function showResults(answer, pageNo, focusResults) {
    const understood = (answer.skills || []).map((s) => (s.matchedBy === 'code' || s.matchedBy === 'name'
      ? s.name : `“${s.term}” as ${s.name}${s.matchedBy === 'typo' ? ' (spelling corrected)' : ' (another name for it)'}`));
    const heading2 = h2(answer.totalItems === 1 ? '1 person found' : `${answer.totalItems} people found`, { id: 'results-heading', tabindex: '-1' });
    replace(results,
      heading2,
      understood.length ? p(`Searched for ${understood.join(answer.match === 'any' ? ' or ' : ' and ')}`,
        answer.minLevel > 1 ? ` at level ${answer.minLevel} or above` : '', others && others.input.checked ? ', at other partners' : '', '.') : null,
      answer.items.length
        ? h('ol', { class: 'app-results', 'aria-labelledby': 'results-heading' }, answer.items.map((it, i) => resultCard(it, i, pageNo, Object.fromEntries((answer.skills || []).map((x) => [x.skill, x.name])))))
        : p('Nobody matches. Try a lower minimum level, fewer skills, or include your own organisation.'),
      pagination(answer, (n) => `#/experts${api.query({ skill: terms, page: n })}`));
    results.querySelectorAll('.govuk-pagination a').forEach((a) => a.addEventListener('click', (e) => {
      e.preventDefault();
      search(a.rel === 'next' ? pageNo + 1 : pageNo - 1);
    }));
    if (focusResults) {
      heading2.focus();
    }
    announce(heading2.textContent);
  }

  const f = form(() => {
    if (termInput.value.trim()) {
      addTerm(termInput.value);
    }
    if (!terms.length) {
      showError(errors, { message: 'Add at least one skill to search for.', fieldErrors: [{ field: 'skill', message: 'Enter a skill, for example Citrix or MS SQL' }] }, f);
      termInput.focus();
      return;
    }
    search(0);
  },
  h('div', { class: 'govuk-form-group', 'data-field': 'skill' },
    h('label', { class: 'govuk-label govuk-label--s', for: 'skill-term' }, 'Skill'),
    h('div', { class: 'govuk-hint', id: 'skill-term-hint' }, 'A skill, product or another name for it, for example Citrix, MS SQL or Jadu. Add as many as you need.'),
    h('div', { class: 'app-picker' }, termInput, addButton),
    suggestions, chosen),
  h('div', { class: 'app-filters' }, minLevel, match, others, available, outOfHours),
  button('Search', { type: 'submit', id: 'search-button' }));

  renderChosen();
  if (terms.length) {
    search(Number(q.get('page') || 0), false);
  }
  return {
    title: 'Find an expert',
    content: [errors, heading('Find an expert', 'Skills across the partnership'),
      p('Search the ICT staff of every partner organisation by skill. The best match comes first: people who hold every skill, at a higher level, verified by their manager, with an in-date certification and time to help.'),
      f, results],
  };
}
