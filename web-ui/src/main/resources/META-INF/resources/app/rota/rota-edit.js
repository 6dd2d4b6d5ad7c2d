// Create or edit a rota: its name, the partners it covers, when it covers them, how long each turn
// is and when it is handed over, and its members in turn order for each layer (moved up and down
// with buttons, so the keyboard alone will do, every move said to screen readers). Delete it too.
import { h, replace, announce, uid } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, button, buttonGroup, form, select, textInput, radios, backLink, enumText, warning } from '../components/govuk.js';
import { personSearch } from '../components/person-search.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { LAYERS, DAYS, mayCreateRota, mayEditRota, sectionNav } from './rota-common.js';

/** A fieldset of checkboxes; options: [[value, text]]. el.values() reads the ticked ones. */
function checkboxes({ name, legend, hint, options, values, field }) {
  const id = uid(name);
  const inputs = [];
  const el = h('div', { class: 'govuk-form-group', 'data-field': field || name },
    h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': hint ? `${id}-hint` : null },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small app-checkbox-columns', 'data-module': 'govuk-checkboxes' },
        options.map(([v, t], i) => {
          const input = h('input', { class: 'govuk-checkboxes__input', id: `${id}-${i}`, name, type: 'checkbox', value: v, checked: values.includes(v) });
          inputs.push(input);
          return h('div', { class: 'govuk-checkboxes__item' }, input, h('label', { class: 'govuk-label govuk-checkboxes__label', for: `${id}-${i}` }, t));
        }))));
  el.input = inputs[0];
  el.values = () => inputs.filter((i) => i.checked).map((i) => i.value);
  return el;
}

/** "P14D" → [14, 'D'], "P2W" → [2, 'W']; a whole number of weeks is shown in weeks. */
function splitPeriod(iso) {
  const m = /^P(\d+)([DW])$/.exec(iso || '');
  if (!m) {
    return ['1', 'W'];
  }
  const n = Number(m[1]);
  return m[2] === 'D' && n % 7 === 0 ? [String(n / 7), 'W'] : [String(n), m[2]];
}

/**
 * One layer's members in turn order: a list with Move up, Move down and Remove for each, and a
 * person to add. index: the layer's place in the request (its errors are named layers[index]…).
 */
function layerEditor({ layer, index, members, people, hint }) {
  const order = [...members];
  const byId = new Map(people.map((x) => [x.id, x]));
  const headingId = uid(`layer-${layer}`);
  const list = h('ol', { class: 'app-members', 'aria-labelledby': headingId });
  const adder = h('select', { class: 'govuk-select', id: uid(`add-${layer}`), name: `add-${layer}` });
  const who = (id) => {
    const x = byId.get(id);
    return x ? `${x.name} (${x.partner})` : `Person ${id}`;
  };

  let matches = null; // the people a name search found, or null: everyone loaded
  const partnerNames = new Map(people.map((x) => [x.partner, x.partnerName]));
  function fillAdder() {
    const taken = new Set(order);
    const groups = new Map();
    (matches || people).filter((x) => !taken.has(x.id)).forEach((x) => {
      byId.set(x.id, byId.get(x.id) || x);
      const g = x.partnerName || x.partner;
      if (!groups.has(g)) {
        groups.set(g, []);
      }
      groups.get(g).push(x);
    });
    replace(adder, h('option', { value: '' }, 'Choose a person'),
      [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([g, xs]) => h('optgroup', { label: g },
        xs.map((x) => h('option', { value: x.id }, `${x.name}${x.jobTitle ? `, ${x.jobTitle}` : ''}`)))));
  }

  function draw(focus) {
    replace(list, order.map((id, i) => {
      const name = who(id);
      const act = (text, hidden, handler, disabled) => h('button', {
        type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', 'data-action': text.toLowerCase().replace(' ', '-'),
        disabled, 'aria-disabled': disabled ? 'true' : null, on: { click: handler },
      }, text, h('span', { class: 'govuk-visually-hidden' }, ` ${hidden}`));
      return h('li', { class: 'app-members__item govuk-form-group', 'data-field': `layers[${index}].members[${i}]`, 'data-person': id },
        h('span', { class: 'app-members__name' }, h('span', { class: 'app-members__turn' }, `${i + 1}.`), ' ', name),
        h('span', { class: 'app-members__actions' },
          act('Move up', name, () => move(i, -1, 'move-up'), i === 0),
          act('Move down', name, () => move(i, 1, 'move-down'), i === order.length - 1),
          act('Remove', `${name} from the ${LAYERS[layer].toLowerCase()} layer`, () => remove(i))));
    }));
    if (!order.length) {
      list.append(h('li', { class: 'app-members__empty' }, 'Nobody yet.'));
    }
    fillAdder();
    if (focus) {
      focus();
    }
  }

  function move(i, by, action) {
    const j = i + by;
    if (j < 0 || j >= order.length) {
      return;
    }
    [order[i], order[j]] = [order[j], order[i]];
    draw(() => {
      const item = list.children[j];
      const again = item.querySelector(`[data-action="${action}"]:not([disabled])`) || item.querySelector('[data-action="remove"]');
      again.focus();
    });
    announce(`${who(order[j])} moved to turn ${j + 1} of ${order.length} in the ${LAYERS[layer].toLowerCase()} layer.`);
  }

  function remove(i) {
    const [gone] = order.splice(i, 1);
    draw(() => {
      const next = list.children[Math.min(i, order.length - 1)];
      (next && next.querySelector('button:not([disabled])') || adder).focus();
    });
    announce(`${who(gone)} removed from the ${LAYERS[layer].toLowerCase()} layer; ${order.length} ${order.length === 1 ? 'member' : 'members'} left.`);
  }

  const addButton = button(`Add to the ${LAYERS[layer].toLowerCase()} layer`, {
    secondary: true,
    id: `add-member-${layer.toLowerCase()}`,
    on: {
      click: () => {
        const id = Number(adder.value);
        if (!id) {
          adder.focus();
          announce('Choose a person to add first.');
          return;
        }
        order.push(id);
        draw(() => adder.focus());
        announce(`${who(id)} added to the ${LAYERS[layer].toLowerCase()} layer at turn ${order.length}.`);
      },
    },
  });
  draw();
  const el = h('div', { class: 'govuk-form-group app-layer', 'data-field': `layers[${index}]`, id: `layer-${layer.toLowerCase()}` },
    h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m', id: headingId }, `${LAYERS[layer]} layer: members in turn order`),
      hint ? h('div', { class: 'govuk-hint' }, hint) : null,
      h('div', { 'data-field': `layers[${index}].members` }, list),
      h('div', { class: 'app-picker' },
        personSearch({ controls: adder.id, label: `Find a person for the ${LAYERS[layer].toLowerCase()} layer`, onResults: (found) => { matches = found && found.map((x) => ({ ...x, partnerName: partnerNames.get(x.partner) || x.partner })); fillAdder(); } }),
        h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: adder.id }, `Add a person to the ${LAYERS[layer].toLowerCase()} layer`), adder),
        addButton)));
  el.members = () => [...order];
  el.input = adder;
  return el;
}

export default async function rotaEdit(ctx) {
  const creating = !ctx.params.id;
  const user = session.user();
  const [partners, people, policies, r] = await Promise.all([
    api.get('/api/partners?size=500&sort=name'),
    api.get('/api/people?size=500&sort=name'),
    api.get('/api/escalation-policies'),
    creating ? null : api.get(`/api/rotas/${encodeURIComponent(ctx.params.id)}`),
  ]);
  const title = creating ? 'Create a rota' : `Edit ${r.name}`;
  if (creating ? !mayCreateRota() : !mayEditRota(r.partners)) {
    return {
      title: creating ? 'You cannot create rotas' : 'You cannot change this rota',
      content: [backLink(creating ? '#/oncall' : `#/rotas/${r.id}`, 'Back'),
        heading(creating ? 'You cannot create rotas' : 'You cannot change this rota'),
        p('Only ICT managers of a partner the rota covers, and partnership admins, can create and change rotas.')],
    };
  }
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const staff = people.items.map((x) => ({ ...x, partnerName: names[x.partner] || x.partner }));
  const x = r || {
    name: '', partners: user.partner ? [user.partner] : [], coverage: 'OUT_OF_HOURS', rotationLength: 'P1W', handoffTime: '09:00:00',
    handoffDay: 'MONDAY', startDate: '', layers: [], escalationPolicyId: null,
  };
  const membersOf = (layer) => ((x.layers.find((l) => l.layer === layer) || { members: [] }).members.map((m) => m.personId));
  const errors = errorArea();
  const [length, unit] = splitPeriod(x.rotationLength);
  const lengthId = uid('rotation');
  const lengthInput = h('input', { class: 'govuk-input govuk-input--width-3', id: lengthId, name: 'rotationCount', type: 'text', inputmode: 'numeric', value: length, 'aria-describedby': `${lengthId}-hint` });
  const unitSelect = h('select', { class: 'govuk-select', id: `${lengthId}-unit`, name: 'rotationUnit' },
    [['D', 'days'], ['W', 'weeks']].map(([v, t]) => h('option', { value: v, selected: v === unit }, t)));
  const fields = {
    name: textInput({ name: 'name', label: 'Name', hint: 'For example: Lincolnshire councils out of hours', value: x.name, width: 'full', autocomplete: 'off' }),
    partners: checkboxes({
      name: 'partners', legend: 'Partners it covers', options: partners.items.map((pt) => [pt.code, pt.name]), values: [...x.partners],
      hint: session.isAdmin() ? 'Incidents of these partners page whoever is on call.' : `Incidents of these partners page whoever is on call. It must include ${names[user.partner] || user.partner}, your own.`,
    }),
    coverage: radios({
      name: 'coverage', legend: 'When it covers them', value: x.coverage, small: true,
      options: [['OUT_OF_HOURS', 'Out of hours', 'Weekday evenings and nights, weekends and bank holidays, as the working-hours calendar says'], ['ALWAYS', 'Every hour of the week', 'Round the clock, for services that never close']],
    }),
    rotationLength: h('div', { class: 'govuk-form-group', 'data-field': 'rotationLength' },
      h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': `${lengthId}-hint`, role: 'group' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Each person’s turn lasts'),
        h('div', { class: 'govuk-hint', id: `${lengthId}-hint` }, 'From 1 day to 8 weeks'),
        h('div', { class: 'app-inline-fields' },
          h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: lengthId }, 'Number'), lengthInput),
          h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: unitSelect.id }, 'Days or weeks'), unitSelect)))),
    handoffDay: select({
      name: 'handoffDay', label: 'Hand-over day', value: x.handoffDay || '', hint: 'A turn of whole weeks is usually handed over on the same weekday',
      options: [['', 'Any day (turns follow on from the start date)'], ...DAYS.map((d) => [d, enumText(d)])],
    }),
    handoffTime: textInput({ name: 'handoffTime', label: 'Hand-over time', hint: 'UK time, for example 09:00', type: 'time', value: (x.handoffTime || '').slice(0, 5), width: 10 }),
    startDate: textInput({ name: 'startDate', label: 'First turn starts on', hint: 'The first hand-over is on this date, or on the first hand-over day after it', type: 'date', value: x.startDate, width: 10 }),
    escalationPolicyId: select({
      name: 'escalationPolicyId', label: 'Escalation policy (optional)', value: x.escalationPolicyId ?? '',
      hint: 'Followed by the incidents of a partner it covers that has no default policy of its own',
      options: [['', 'None'], ...policies.map((pol) => [pol.id, `${pol.name}${pol.partner ? ` (${names[pol.partner] || pol.partner})` : ''}`])],
    }),
  };
  fields.rotationLength.input = lengthInput;
  const primary = layerEditor({ layer: 'PRIMARY', index: 0, members: membersOf('PRIMARY'), people: staff, hint: 'The first person in the list takes the first turn. A rota needs at least one.' });
  const secondary = layerEditor({ layer: 'SECONDARY', index: 1, members: membersOf('SECONDARY'), people: staff, hint: 'Optional: a second person on call, paged if the primary does not answer. Leave it empty for none.' });

  const save = button(creating ? 'Create rota' : 'Save rota', { type: 'submit', id: 'save-rota' });
  const editForm = form(async () => {
    const count = lengthInput.value.trim();
    const problems = [];
    if (!/^\d{1,3}$/.test(count) || Number(count) < 1) {
      problems.push({ field: 'rotationLength', message: 'Enter how many days or weeks a turn lasts, as a whole number such as 1' });
    }
    if (!fields.startDate.input.value) {
      problems.push({ field: 'startDate', message: 'Enter the date the first turn starts' });
    }
    if (!fields.handoffTime.input.value) {
      problems.push({ field: 'handoffTime', message: 'Enter the hand-over time, for example 09:00' });
    }
    if (problems.length) {
      showError(errors, { message: '', fieldErrors: problems }, editForm);
      return;
    }
    const layers = [{ layer: 'PRIMARY', members: primary.members() }];
    if (secondary.members().length) {
      layers.push({ layer: 'SECONDARY', members: secondary.members() });
    }
    const policy = fields.escalationPolicyId.input.value;
    const body = {
      name: fields.name.input.value.trim(),
      partners: fields.partners.values(),
      coverage: fields.coverage.value(),
      rotationLength: `P${Number(count)}${unitSelect.value}`,
      handoffTime: fields.handoffTime.input.value,
      handoffDay: fields.handoffDay.input.value || null,
      startDate: fields.startDate.input.value,
      layers,
      escalationPolicyId: policy ? Number(policy) : null,
      version: creating ? null : r.version,
    };
    save.disabled = true;
    try {
      const saved = creating ? await api.post('/api/rotas', body) : await api.put(`/api/rotas/${r.id}`, body, { ifMatch: r.version });
      clearError(errors, editForm);
      ctx.navigate(`#/rotas/${saved.id}?done=${creating ? 'created' : 'saved'}`);
    } catch (err) {
      showError(errors, err, editForm);
    } finally {
      save.disabled = false;
    }
  },
  fields.name, fields.partners, fields.coverage,
  h2('Turns and hand-over'), fields.rotationLength, fields.handoffDay, fields.handoffTime, fields.startDate,
  h2('Members'), primary, secondary,
  h2('Escalation'), fields.escalationPolicyId,
  buttonGroup(save, h('a', { class: 'govuk-link', href: creating ? '#/oncall' : `#/rotas/${r.id}` }, 'Cancel')));

  let deletion = null;
  if (!creating) {
    const confirmArea = h('div', { id: 'delete-confirm' });
    const askButton = button('Delete this rota', {
      warning: true, id: 'delete-rota',
      on: {
        click: () => {
          replace(confirmArea,
            warning(`Deleting ${r.name} removes its overrides and swaps, and nobody is on call through it any more. This cannot be undone.`),
            buttonGroup(
              button('Yes, delete it', {
                warning: true, id: 'confirm-delete',
                on: {
                  click: async () => {
                    try {
                      await api.del(`/api/rotas/${r.id}`, { ifMatch: r.version });
                      ctx.navigate(`#/oncall?done=${encodeURIComponent(`${r.name} is deleted.`)}`);
                    } catch (err) {
                      showError(errors, err);
                    }
                  },
                },
              }),
              button('Keep it', { secondary: true, on: { click: () => { replace(confirmArea); askButton.focus(); } } })));
          confirmArea.querySelector('#confirm-delete').focus();
        },
      },
    });
    deletion = [h2('Delete the rota'), askButton, confirmArea];
  }

  return {
    title,
    content: [
      backLink(creating ? '#/oncall' : `#/rotas/${r.id}`, creating ? 'On call now' : r.name),
      errors,
      heading(title, 'Rota'),
      sectionNav('oncall'),
      editForm,
      deletion,
    ],
  };
}
