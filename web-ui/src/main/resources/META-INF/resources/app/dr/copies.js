// A plan's copy-holder register: who keeps an offline copy, of which revision, who has not said
// they have it, and who holds a superseded one. The partner's DR lead adds and removes holders; an
// approval e-mails each holder the PDF with a link to acknowledge it (dr-planner, "Copy holders").
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { p, h2, tag, summaryList, button, form, textInput, dateTime, success, inset } from '../components/govuk.js';
import { showError, clearError } from '../core/errors.js';
import { mayEditPlan } from './dr-common.js';

const STATES = {
  CURRENT: ['Acknowledged', 'green'],
  AWAITING_ACKNOWLEDGEMENT: ['Not acknowledged', 'orange'],
  NO_COPY: ['No copy yet', 'grey'],
};

function state(holder) {
  const [text, colour] = STATES[holder.state] || [holder.state, 'grey'];
  return [tag(text, colour), holder.holdsSuperseded ? [' ', tag(`Holds superseded revision ${holder.heldRevision}`, 'red')] : null];
}

function copiesText(holder) {
  if (!holder.copies.length) {
    return 'None sent';
  }
  return h('ul', { class: 'govuk-list' }, holder.copies.map((c) => h('li', {},
    `Revision ${c.revision}${c.superseded ? ' (superseded)' : ''}: sent ${dateTime(c.sentAt)}`,
    c.acknowledgedAt ? `, acknowledged ${dateTime(c.acknowledgedAt)}` : c.reminders ? `, reminded ${c.reminders} ${c.reminders === 1 ? 'time' : 'times'}` : '')));
}

function addForm(plan, register, errors, ctx) {
  const name = textInput({ name: 'name', label: 'Name', hint: 'For example: Dana Lead, or Boston\u2019s DR lead', width: 20, autocomplete: 'off' });
  const email = textInput({ name: 'email', label: 'E-mail address', hint: 'Where the copy goes: a work address, a home address, a partner\u2019s', type: 'email', width: 20, autocomplete: 'off', spellcheck: 'false' });
  const note = textInput({ name: 'note', label: 'Where the copy is kept (optional)', hint: 'For example: printed, at home', width: 20 });
  const f = form(async () => {
    try {
      await api.post(`/api/dr/plans/${plan.id}/copy-holders`, {
        name: name.input.value.trim(), email: email.input.value.trim(), note: note.input.value.trim() || null,
      });
      clearError(errors, f);
      const sent = register.approvedRevision ? ` Revision ${register.approvedRevision} is e-mailed to them now.` : '';
      ctx.navigate(`#/dr/plans/${plan.id}/copies?done=${encodeURIComponent(`${name.input.value.trim()} holds a copy.${sent}`)}`);
    } catch (err) {
      showError(errors, err, f);
    }
  }, h2('Add a copy holder'), name, email, note, button('Add the copy holder', { type: 'submit', id: 'add-copy-holder' }));
  return f;
}

export async function copyHolders(plan, etag, { errors, banner, ctx }) {
  if (!session.canEditPartner(plan.partner, 'viewer', 'engineer', 'manager', 'dr-lead')) {
    return ['Copy holders', [p(`Only users of ${plan.partner} see who holds its plan: the register holds personal addresses.`)]];
  }
  const register = await api.get(`/api/dr/plans/${plan.id}/copy-holders`);
  if (ctx.query.get('done')) {
    banner.append(success(ctx.query.get('done')));
  }
  const editable = mayEditPlan(plan);
  const remove = (holder) => button(`Remove ${holder.name}`, {
    secondary: true, small: true, id: `remove-holder-${holder.id}`,
    on: {
      click: async () => {
        try {
          await api.del(`/api/dr/plans/${plan.id}/copy-holders/${holder.id}`);
          clearError(errors);
          ctx.navigate(`#/dr/plans/${plan.id}/copies?done=${encodeURIComponent(`${holder.name} no longer holds a copy.`)}`);
        } catch (err) {
          showError(errors, err);
        }
      },
    },
  });
  return ['Copy holders', [
    p('The people who keep an offline copy of this plan, to read when the council\u2019s systems are down. Each approval e-mails them the PDF of the approved revision with a link to confirm they have it; those who do not confirm are reminded every week.'),
    summaryList([
      ['Revision in force', register.approvedRevision ? String(register.approvedRevision) : 'none approved yet'],
      ['Copy holders', String(register.holders)],
      ['Not acknowledged', register.approvedRevision ? [String(register.unacknowledged), register.unacknowledged ? [' ', tag('Chase', 'orange')] : null] : 'nothing sent yet'],
      ['Holding a superseded revision', String(register.holdingSuperseded)],
    ]),
    register.items.length
      // One card per holder, not a table: it reads down a phone's screen without scrolling sideways.
      ? [h2('Register'), h('ul', { class: 'govuk-list', id: 'copy-register' }, register.items.map((x) => h('li', { class: 'govuk-summary-card', 'data-holder': x.id },
        h('div', { class: 'govuk-summary-card__title-wrapper' },
          h('h3', { class: 'govuk-summary-card__title' }, x.name),
          editable ? h('div', { class: 'govuk-summary-card__actions' }, remove(x)) : null),
        h('div', { class: 'govuk-summary-card__content' }, summaryList([
          ['E-mail address', h('span', { class: 'app-break' }, x.email)],
          ['Kept', x.note || 'not said'],
          ['State', state(x)],
          ['Copies', copiesText(x)],
        ])))))]
      : inset('Nobody holds a copy yet.'),
    editable ? addForm(plan, register, errors, ctx) : null,
  ]];
}
