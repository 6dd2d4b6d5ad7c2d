// "How to reach me": a person's contact methods for pages (add, verify by the code sent through
// the method, send a test, delete) and their rules per urgency. A manager opens it for their own
// partner's staff (#/contacts/{personId}); rota-service decides who may, the screen only follows.
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, h3, button, form, textInput, select, radios, table, scrolling, tag, inset, backLink, success } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { KINDS, kindText, addressHint, DELAYS, delayText, rulesBody } from './contact-words.js';

export default async function contacts(ctx) {
  const me = session.user().person;
  const personId = ctx.params.id ? Number(ctx.params.id) : me;
  const mine = personId === me;
  if (!personId) {
    return {
      title: 'How to reach me',
      content: [heading('How to reach me'),
        p('Your sign-in is not linked to a person on the rotas, so there is nobody to page. Ask your partnership administrator to link it.')],
    };
  }
  const base = `/api/contacts/${personId}`;
  const errors = errorArea();
  const banner = h('div', { role: 'status' });
  const list = h('div', { id: 'contact-methods' });
  const verifyArea = h('div', { id: 'verify-area' });
  const rulesArea = h('div', { id: 'contact-rules' });
  let methods = await api.get(`${base}/methods`);
  let rules = await api.get(`${base}/rules`);

  function said(message) {
    replace(banner, success(message));
    announce(message);
  }

  async function run(work, message) {
    try {
      await work();
      clearError(errors);
      methods = await api.get(`${base}/methods`);
      rules = await api.get(`${base}/rules`);
      draw();
      if (message) {
        said(message);
      }
    } catch (err) {
      showError(errors, err);
    }
  }

  function rowButton(text, hidden, onClick, attrs = {}) {
    return h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-button--small', 'data-module': 'govuk-button', on: { click: onClick }, ...attrs },
      text, h('span', { class: 'govuk-visually-hidden' }, ` ${hidden}`));
  }

  function showVerify(m) {
    const code = textInput({ name: 'code', label: `Code sent to ${kindText(m.kind)} ${m.address}`, hint: 'The 6 digits in the message. They work for 15 minutes.', width: 5, inputmode: 'numeric', autocomplete: 'one-time-code' });
    const f = form(async () => {
      try {
        await api.post(`${base}/methods/${m.id}/verify`, { code: code.input.value.trim() });
        clearError(errors, f);
        replace(verifyArea);
        await run(async () => {}, `${kindText(m.kind)} ${m.address} is verified: pages can reach you there.`);
      } catch (err) {
        showError(errors, err, f);
      }
    }, code, button('Verify', { type: 'submit', id: 'verify-code' }));
    replace(verifyArea, h3(`Verify ${kindText(m.kind)}`), f);
    code.input.focus();
  }

  function draw() {
    replace(list, methods.length
      ? scrolling(table({
        caption: 'Your contact methods', captionSize: 's', id: 'methods-table',
        head: ['Method', 'Address', 'State', 'Actions'],
        rows: methods.map((m) => {
          const what = `${kindText(m.kind)} ${m.address}`;
          return [
            kindText(m.kind) + (m.label ? ` (${m.label})` : ''),
            h('span', { class: 'app-break-anywhere' }, m.address),
            m.verified ? tag('Verified', 'green') : tag('Not verified', 'grey'),
            h('div', { class: 'govuk-button-group' },
              m.verified ? null : rowButton('Send code', `to ${what}`, () => run(async () => {
                await api.post(`${base}/methods/${m.id}/code`);
              }, `A code is on its way to ${what}.`).then(() => showVerify(m)), { 'data-action': 'send-code' }),
              m.codePending && !m.verified ? rowButton('Enter code', `for ${what}`, () => showVerify(m), { 'data-action': 'enter-code' }) : null,
              rowButton('Send test', `to ${what}`, () => run(() => api.post(`${base}/methods/${m.id}/test`), `A test message is on its way to ${what}.`), { 'data-action': 'send-test' }),
              rowButton('Delete', what, () => run(() => api.del(`${base}/methods/${m.id}`), `${what} is deleted.`), { 'data-action': 'delete' })),
          ];
        }),
      }), 'Your contact methods')
      : inset('No contact methods yet. Until one is verified, pages go by e-mail to the address in the skills directory.'));
    drawRules();
  }

  function drawRules() {
    const verified = methods.filter((m) => m.verified);
    if (!verified.length) {
      replace(rulesArea, p(rules.fallback));
      return;
    }
    const pickers = { high: [], low: [] };
    const fieldsets = ['high', 'low'].map((urgency) => {
      const inForce = rules[urgency];
      return h('fieldset', { class: 'govuk-fieldset govuk-!-margin-bottom-6' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' },
          urgency === 'high' ? 'High urgency (critical and high severity, unless the policy says otherwise)' : 'Low urgency'),
        rules[`${urgency}IsDefault`] ? p(urgency === 'high' ? 'Now: the defaults (every verified method at once, a call after 3 minutes).' : 'Now: the default (e-mail at once).') : null,
        verified.map((m) => {
          const rule = inForce.find((r) => r.methodId === m.id);
          const s = select({
            name: `${urgency}-${m.id}`, field: urgency,
            label: `${kindText(m.kind)} ${m.address}`,
            options: DELAYS.map((d) => [d === null ? '' : String(d), delayText(d)]),
            value: rule ? String(rule.delayMinutes) : '',
          });
          pickers[urgency].push([m.id, s]);
          return s;
        }));
    });
    const f = form(async () => {
      try {
        rules = await api.put(`${base}/rules`, rulesBody(pickers));
        clearError(errors, f);
        drawRules();
        said('Your rules are saved.');
      } catch (err) {
        showError(errors, err, f);
      }
    }, ...fieldsets, p(rules.fallback), button('Save rules', { type: 'submit', id: 'save-rules' }));
    replace(rulesArea, f);
  }

  const kind = radios({ name: 'kind', legend: 'How', options: KINDS.map(([v, t]) => [v, t, addressHint(v)]), value: 'SMS', small: true });
  const address = textInput({ name: 'address', label: 'Number, address or webhook URL', spellcheck: false, autocomplete: 'off' });
  const label = textInput({ name: 'label', label: 'Label (optional)', hint: 'For example: work mobile', width: 20 });
  const addForm = form(async () => {
    try {
      const m = await api.post(`${base}/methods`, { kind: kind.value(), address: address.input.value.trim(), label: label.input.value.trim() || null });
      clearError(errors, addForm);
      address.input.value = '';
      label.input.value = '';
      await run(async () => {}, `${kindText(m.kind)} ${m.address} is added. Send it a code to verify it.`);
    } catch (err) {
      showError(errors, err, addForm);
    }
  }, kind, address, label, button('Add', { type: 'submit', secondary: true, id: 'add-method' }));

  draw();
  const title = mine ? 'How to reach me' : 'How to reach them';
  return {
    title,
    content: [
      backLink(mine ? '#/my-shifts' : `#/people/${personId}`, mine ? 'Your shifts' : 'Their profile'),
      errors, banner,
      heading(title, mine ? session.user().name : `Person ${personId}`),
      p('When an incident pages you, it goes through your verified methods by your rules. A method is used only once you have typed back the code sent through it.'),
      h2('Contact methods'), list, verifyArea,
      h2('Add a method'), addForm,
      h2('Rules'), rulesArea,
    ],
  };
}
