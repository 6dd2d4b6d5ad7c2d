// Lifecycle webhooks: a partner's systems told, in signed calls, when its incidents are triggered,
// acknowledged, escalated or resolved. ICT managers keep their own partner's; admins any partner's.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, button, buttonGroup, form, select, textInput, checkbox, scrolling, dateTime, success, warning, inset, backLink, tag } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';

export const EVENTS = [
  ['incident.triggered', 'Triggered', 'A new incident is raised'],
  ['incident.acknowledged', 'Acknowledged', 'Someone takes it on; escalation stops'],
  ['incident.escalated', 'Escalated', 'Nobody acknowledged in time, or someone asked: the next step is paged'],
  ['incident.resolved', 'Resolved', 'The incident is closed'],
];

const STATUS = { PENDING: ['Trying', 'blue'], SENT: ['Delivered', 'green'], FAILED: ['Gave up', 'red'] };

export function mayKeepWebhooks() {
  return session.isAdmin() || (session.hasRole('manager') && Boolean((session.user() || {}).partner));
}

function eventWords(e) {
  const known = EVENTS.find(([name]) => name === e);
  return known ? known[1].toLowerCase() : e;
}

function attemptsTable(sub, attempts) {
  if (!attempts.length) {
    return p('No calls yet.');
  }
  return scrolling(table({
    caption: 'Last calls', captionSize: 's',
    head: ['Event', 'Queued', 'Attempts', 'Outcome', 'Last answer'],
    rows: attempts.map((a) => {
      const [text, colour] = STATUS[a.status] || [a.status, 'grey'];
      return [a.incidentId ? `${a.event} (incident #${a.incidentId})` : 'test call', dateTime(a.createdAt), String(a.attempts), tag(text, colour),
        a.lastError || (a.lastStatus ? `HTTP ${a.lastStatus}` : '—')];
    }),
  }), `Calls to subscription ${sub.id}`);
}

function card(sub, names, errors, reload) {
  const id = `webhook-${sub.id}`;
  const calls = h('div', { id: `${id}-calls` });
  const confirm = h('div');
  const showCalls = async () => replace(calls, attemptsTable(sub, await api.get(`/api/webhooks/${sub.id}/attempts`)));
  const test = button('Send a test call', {
    secondary: true, small: true, id: `${id}-test`,
    on: {
      click: async () => {
        try {
          await api.post(`/api/webhooks/${sub.id}/test`);
          announce('A signed test call is on its way');
          await showCalls();
        } catch (err) {
          showError(errors, err);
        }
      },
    },
  });
  const remove = button('Delete', {
    warning: true, small: true, id: `${id}-delete`,
    on: {
      click: () => {
        replace(confirm, warning(`Stop calling ${sub.url}? Calls not yet made are dropped.`), buttonGroup(
          button('Yes, delete this subscription', {
            warning: true, small: true,
            on: {
              click: async () => {
                try {
                  await api.del(`/api/webhooks/${sub.id}`);
                  announce('Subscription deleted');
                  await reload();
                } catch (err) {
                  showError(errors, err);
                }
              },
            },
          }),
          button('Keep it', { secondary: true, small: true, on: { click: () => { replace(confirm); remove.focus(); } } })));
        confirm.querySelector('button').focus();
      },
    },
  });
  const editArea = h('div', { id: `${id}-edit-area` });
  const edit = button('Edit', { secondary: true, small: true, id: `${id}-edit`, on: { click: () => openEdit() } });
  function openEdit() {
    const url = textInput({ name: `${id}-url`, field: 'url', label: 'Address to call', hint: 'An https:// address that accepts a JSON POST', value: sub.url, width: 'full', type: 'url', spellcheck: false });
    const description = textInput({ name: `${id}-description`, field: 'description', label: 'Name (optional)', value: sub.description || '', width: 'two-thirds' });
    const boxes = EVENTS.map(([name, label, hint]) => checkbox({ name: `${id}-event-${name}`, label, hint, checked: sub.events.includes(name), field: 'events' }));
    const enabled = checkbox({ name: `${id}-enabled`, field: 'enabled', label: 'Send events to this address', hint: 'Unticked: nothing is sent, and calls not yet made are dropped; the secret stays', checked: sub.enabled });
    const cancel = button('Cancel', { secondary: true, on: { click: () => { replace(editArea); edit.focus(); } } });
    const editForm = form(async () => {
      try {
        await api.put(`/api/webhooks/${sub.id}`, {
          url: url.input.value.trim(),
          description: description.input.value.trim() || null,
          events: EVENTS.filter((_, i) => boxes[i].input.checked).map(([name]) => name),
          enabled: enabled.input.checked,
          version: sub.version,
        });
        announce('Subscription saved');
        await reload();
      } catch (err) {
        showError(errors, err, editForm);
      }
    }, h('h4', { class: 'govuk-heading-s' }, 'Change this subscription'), url, description,
    h('div', { class: 'govuk-form-group', 'data-field': 'events' },
      h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Events to send'),
        boxes)),
    enabled,
    buttonGroup(button('Save changes', { type: 'submit', id: `${id}-save` }), cancel));
    replace(editArea, editForm);
    url.input.focus();
  }
  const rotate = button('New secret', {
    secondary: true, small: true, id: `${id}-rotate`,
    on: {
      click: () => {
        replace(confirm, warning('Calls will be signed with a new secret from now on, and the receiver must be given it: the old secret stops working at once.'), buttonGroup(
          button('Yes, make a new secret', {
            warning: true, small: true, id: `${id}-rotate-confirm`,
            on: {
              click: async () => {
                try {
                  const made = await api.post(`/api/webhooks/${sub.id}/rotate-secret`);
                  const banner = success('New secret',
                    h('span', { class: 'app-break' }, `Calls to ${made.url} are now signed with this secret. Copy it now: it is not shown again.`),
                    h('code', { class: 'app-code app-break', id: `${id}-secret` }, made.secret));
                  replace(confirm, banner);
                  sub.version = made.version;
                  banner.focus();
                } catch (err) {
                  showError(errors, err);
                }
              },
            },
          }),
          button('Keep the secret', { secondary: true, small: true, on: { click: () => { replace(confirm); rotate.focus(); } } })));
        confirm.querySelector('button').focus();
      },
    },
  });
  showCalls().catch((err) => showError(errors, err));
  return h('div', { class: 'govuk-summary-card', id },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title app-break' }, sub.description || sub.url)),
    h('div', { class: 'govuk-summary-card__content' },
      h('dl', { class: 'govuk-summary-list' },
        h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, 'Address'), h('dd', { class: 'govuk-summary-list__value app-break' }, sub.url)),
        h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, 'Partner'), h('dd', { class: 'govuk-summary-list__value' }, names[sub.partner] || sub.partner)),
        h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, 'Events'), h('dd', { class: 'govuk-summary-list__value' }, sub.events.map(eventWords).join(', '))),
        h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, 'Sending'), h('dd', { class: 'govuk-summary-list__value', id: `${id}-state` }, sub.enabled === false ? tag('Off', 'grey') : tag('On', 'green'))),
        h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, 'Added'), h('dd', { class: 'govuk-summary-list__value' }, `${dateTime(sub.createdAt)} by ${sub.createdBy}`))),
      buttonGroup(edit, test, rotate, remove), confirm, editArea, calls));
}

export default async function webhooks(ctx) {
  if (!mayKeepWebhooks()) {
    return {
      title: 'Lifecycle webhooks',
      content: [backLink('#/incidents', 'Incidents'), heading('Lifecycle webhooks', 'Incidents'),
        inset('Only ICT managers, for their own partner, and partnership admins keep webhook subscriptions.')],
    };
  }
  const u = session.user();
  const partners = await api.get('/api/partners?size=500&sort=name');
  const names = Object.fromEntries(partners.items.map((x) => [x.code, x.name]));
  const errors = errorArea();
  const list = h('div', { id: 'webhooks' });
  const created = h('div', { id: 'webhook-created' });

  async function reload() {
    const subs = await api.get('/api/webhooks');
    replace(list, h2(`${subs.length} ${subs.length === 1 ? 'subscription' : 'subscriptions'}`),
      subs.length ? subs.map((s) => card(s, names, errors, reload)) : p('No subscriptions yet.'));
  }

  const partnerField = session.isAdmin()
    ? select({ name: 'partner', label: 'Partner', value: u.partner || '', options: partners.items.map((x) => [x.code, x.name]) })
    : null;
  const url = textInput({ name: 'url', label: 'Address to call', hint: 'An https:// address that accepts a JSON POST', width: 'full', type: 'url', spellcheck: false });
  const description = textInput({ name: 'description', label: 'Name (optional)', hint: 'For example: Service desk ticketing', width: 'two-thirds' });
  const events = EVENTS.map(([name, label, hint]) => checkbox({ name: `event-${name}`, label, hint, checked: name !== 'incident.escalated', field: 'events' }));
  const subscribe = form(async () => {
    try {
      const made = await api.post('/api/webhooks', {
        partner: partnerField ? partnerField.input.value : undefined,
        url: url.input.value.trim(),
        description: description.input.value.trim() || null,
        events: EVENTS.filter((_, i) => events[i].input.checked).map(([name]) => name),
      });
      clearError(errors, subscribe);
      url.input.value = '';
      description.input.value = '';
      const banner = success('Subscribed',
        h('span', { class: 'app-break' }, `Calls to ${made.url} are signed with this secret. Copy it now: it is not shown again.`),
        h('code', { class: 'app-code app-break', id: 'webhook-secret' }, made.secret));
      replace(created, banner);
      await reload();
      banner.focus();
    } catch (err) {
      showError(errors, err, subscribe);
    }
  }, partnerField, url, description,
  h('div', { class: 'govuk-form-group', 'data-field': 'events' },
    h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Events to send'),
      events)),
  button('Subscribe', { type: 'submit', id: 'subscribe' }));

  await reload();
  return {
    title: 'Lifecycle webhooks',
    content: [
      backLink('#/incidents', 'Incidents'),
      errors,
      heading('Lifecycle webhooks', 'Incidents'),
      p('A subscription tells another system, such as a service desk, when an incident of its partner changes. Each call is signed: the API documentation says how to check it.'),
      created,
      list,
      h2('Add a subscription'),
      subscribe,
    ],
  };
}
