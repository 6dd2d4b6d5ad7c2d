// Swap requests: a member asks another to exchange rotation periods; the other accepts or declines
// (here or from the links in the e-mail), the asker may cancel while it is pending, and a manager
// of a covered partner may impose it. Each request carries the actions the caller may take, so
// only those are offered.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, button, form, select, textInput, scrolling, dateTime, success, backLink, inset, tag } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { LAYERS, sectionNav } from './rota-common.js';

const WEEKS_AHEAD = 12;

const STATES = {
  PENDING: ['Waiting for an answer', 'blue'],
  ACCEPTED: ['Accepted', 'green'],
  DECLINED: ['Declined', 'grey'],
  CANCELLED: ['Cancelled', 'grey'],
  EXPIRED: ['Expired', 'grey'],
  IMPOSED: ['Imposed by a manager', 'purple'],
};

const ACTIONS = {
  ACCEPT: ['Accept', 'accept', {}, 'You accepted the swap: your shifts have changed.'],
  DECLINE: ['Decline', 'decline', { warning: true }, 'You declined the swap.'],
  CANCEL: ['Cancel request', 'cancel', { warning: true }, 'Your request is cancelled.'],
  IMPOSE: ['Impose swap', 'impose', { secondary: true }, 'The swap is imposed and recorded as imposed by you.'],
};

function stateTag(r) {
  const [text, colour] = STATES[r.status] || [r.status, 'grey'];
  return tag(text, colour);
}

function period(side) {
  return `${dateTime(side.from)} to ${dateTime(side.until)}`;
}

function decided(r) {
  return r.decidedBy ? `${r.decidedBy}, ${dateTime(r.decidedAt)}` : `expires ${dateTime(r.expiresAt)}`;
}

/** A rota's upcoming rotation periods on one layer, one entry per run of shifts scheduled for one person. */
function periodsOf(shifts, layer) {
  const runs = [];
  shifts.filter((x) => x.layer === layer).forEach((x) => {
    const last = runs[runs.length - 1];
    if (last && last.personId === x.scheduledPersonId) {
      last.end = x.end;
    } else {
      runs.push({ personId: x.scheduledPersonId, name: x.scheduledName || `Person ${x.scheduledPersonId}`, start: x.start, end: x.end });
    }
  });
  // A shift that has begun is no longer asked about; any instant inside names the period (a minute in).
  return runs.filter((r) => Date.parse(r.start) > Date.now())
    .map((r) => ({ ...r, at: new Date(Date.parse(r.start) + 60000).toISOString() }));
}

async function askForm(ctx, me, errors) {
  const rotas = (await api.get('/api/rotas?size=100')).items
    .filter((r) => r.layers.some((l) => l.members.some((m) => m.personId === me)));
  if (!rotas.length) {
    return inset('You are not a member of any rota, so you have no shifts to swap.');
  }
  const from = new Date();
  const to = new Date(from.getTime() + WEEKS_AHEAD * 7 * 86400000);
  const rota = select({ name: 'rotaId', label: 'Rota', options: rotas.map((r) => [r.id, r.name]) });
  const layer = select({ name: 'layer', label: 'Layer', options: [] });
  const first = select({ name: 'first', label: 'Your shift', hint: 'You would hand this one over', options: [] });
  const second = select({ name: 'second', label: 'Their shift', hint: 'You would take this one; the member scheduled for it is asked', options: [] });
  const reason = textInput({ name: 'reason', label: 'Reason (optional)', hint: 'For example: a family wedding', width: 'full' });
  let periods = [];
  const fill = () => {
    const mine = periods.filter((x) => x.personId === me);
    const theirs = periods.filter((x) => x.personId !== me);
    replace(first.input, mine.map((x) => h('option', { value: x.at }, `${dateTime(x.start)} to ${dateTime(x.end)}`)));
    replace(second.input, theirs.map((x) => h('option', { value: x.at }, `${dateTime(x.start)} to ${dateTime(x.end)}: ${x.name}`)));
  };
  const load = async () => {
    const r = rotas.find((x) => String(x.id) === rota.input.value);
    const layers = r.layers.filter((l) => l.members.some((m) => m.personId === me)).map((l) => l.layer);
    if (!layers.includes(layer.input.value)) {
      replace(layer.input, layers.map((l) => h('option', { value: l }, LAYERS[l])));
    }
    const shifts = await api.get(`/api/rotas/${r.id}/shifts${api.query({ from: from.toISOString(), to: to.toISOString() })}`);
    periods = periodsOf(shifts, layer.input.value);
    fill();
  };
  rota.input.addEventListener('change', () => load().catch((err) => showError(errors, err)));
  layer.input.addEventListener('change', () => load().catch((err) => showError(errors, err)));
  await load();
  const ask = form(async () => {
    try {
      const made = await api.post('/api/rotas/swap-requests', {
        rotaId: Number(rota.input.value), layer: layer.input.value, first: first.input.value, second: second.input.value, reason: reason.input.value.trim() || null,
      });
      clearError(errors, ask);
      ctx.navigate(`#/swap-requests?done=${encodeURIComponent(`Your request is sent to ${made.responder.name || 'the other member'}. Nothing changes unless they accept.`)}`);
    } catch (err) {
      showError(errors, err, ask);
    }
  }, h('div', { class: 'app-filters' }, rota, layer), first, second, reason, button('Ask for the swap', { type: 'submit', id: 'ask-swap' }));
  return [p(`Choose one of your shifts in the next ${WEEKS_AHEAD} weeks and the shift you would take instead. The member scheduled for it is e-mailed and answers here or from the e-mail.`), ask];
}

export default async function swapRequests(ctx) {
  const u = session.user();
  const me = u.person || null;
  const errors = errorArea();
  const all = await api.get('/api/rotas/swap-requests');
  const act = async (r, action) => {
    const [, path, , done] = ACTIONS[action];
    try {
      await api.post(`/api/rotas/swap-requests/${r.id}/${path}`);
      ctx.navigate(`#/swap-requests?done=${encodeURIComponent(done)}`);
    } catch (err) {
      showError(errors, err);
    }
  };
  // Only the actions the service says the caller may take; each button names its request for screen readers.
  const buttons = (r, only) => h('div', { class: 'govuk-button-group' },
    r.actions.filter((a) => only.includes(a)).map((a) => {
      const [text, , style] = ACTIONS[a];
      return h('button', {
        type: 'button', class: `govuk-button app-button--small${style.warning ? ' govuk-button--warning' : ''}${style.secondary ? ' govuk-button--secondary' : ''}`,
        'data-action': a.toLowerCase(), on: { click: () => act(r, a) },
      }, text, h('span', { class: 'govuk-visually-hidden' }, ` request ${r.id} from ${r.requester.name || 'a member'}`));
    }));
  const incoming = all.filter((r) => me && r.responder.personId === me);
  const outgoing = all.filter((r) => me && r.requester.personId === me);
  const managed = all.filter((r) => r.requester.personId !== me && r.responder.personId !== me);
  const section = (title, list, id, head, row) => [h2(title),
    list.length ? scrolling(table({ head, rows: list.map(row), id }), title) : h('p', { class: 'govuk-body', id }, 'None.')];

  return {
    title: 'Swap requests',
    content: [
      backLink('#/oncall', 'On call now'),
      ctx.query.get('done') ? success(ctx.query.get('done')) : null,
      errors,
      heading('Swap requests', 'On call'),
      sectionNav('swaps'),
      p('A swap changes who is on call only when the other member accepts it, or a manager imposes it. A request still waiting when the first of its shifts starts expires.'),
      me ? [
        ...section('Asked of you', incoming, 'incoming-requests', ['Asked by', 'You would take', 'They would take', 'Rota', 'State', 'Action'],
          (r) => [r.requester.name || `Person ${r.requester.personId}`, period(r.requester), period(r.responder),
            `${r.rotaName} (${LAYERS[r.layer]})${r.reason ? `: ${r.reason}` : ''}`, h('span', {}, stateTag(r), ` ${decided(r)}`), buttons(r, ['ACCEPT', 'DECLINE'])]),
        ...section('Your requests', outgoing, 'outgoing-requests', ['Asked of', 'Your shift', 'Their shift', 'Rota', 'State', 'Action'],
          (r) => [r.responder.name || `Person ${r.responder.personId}`, period(r.requester), period(r.responder),
            `${r.rotaName} (${LAYERS[r.layer]})${r.reason ? `: ${r.reason}` : ''}`, h('span', {}, stateTag(r), ` ${decided(r)}`), buttons(r, ['CANCEL'])]),
        h2('Ask for a swap'),
        await askForm(ctx, me, errors),
      ] : inset('Your sign-in is not linked to a person on the rotas, so you have no shifts to swap.'),
      managed.length || session.hasRole('manager') || session.isAdmin() ? [
        ...section('On rotas you manage', managed, 'managed-requests', ['Asked by', 'Asked of', 'Periods', 'Rota', 'State', 'Action'],
          (r) => [r.requester.name || `Person ${r.requester.personId}`, r.responder.name || `Person ${r.responder.personId}`,
            `${period(r.requester)}; ${period(r.responder)}`, `${r.rotaName} (${LAYERS[r.layer]})`, h('span', {}, stateTag(r), ` ${decided(r)}`), buttons(r, ['IMPOSE'])]),
        p('Imposing makes the swap without waiting for an answer; it is recorded as imposed by you. To impose a swap nobody asked for, use the rota’s own page.'),
      ] : null,
    ],
  };
}
