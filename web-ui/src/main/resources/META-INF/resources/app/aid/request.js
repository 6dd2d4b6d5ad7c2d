// One help request: what was asked, where it has got to, the actions the signed-in user may take
// (the service lists them), and the time given, which the asking partner confirms or queries.
import { h, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, h2, table, summaryList, date, dateTime, backLink, scrolling, button, buttonGroup, form, textInput, textarea, checkbox, tag } from '../components/govuk.js';
import { showError, errorArea } from '../core/errors.js';
import { statusTag, hours, subNav } from './aid-common.js';

const ACTIONS = {
  approve: ['Approve', false],
  accept: ['Accept it myself', false],
  decline: ['Decline', true],
  start: ['Start the work', false],
  complete: ['Mark as done', false],
  withdraw: ['Withdraw the request', true],
};

const TIME_STATUS = { LOGGED: ['Awaiting confirmation', 'yellow'], CONFIRMED: ['Confirmed', 'green'], QUERIED: ['Queried', 'red'] };

function londonToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

export default async function request(ctx) {
  const id = ctx.params.id;
  const [r, time] = await Promise.all([
    api.get(`/api/aid/requests/${encodeURIComponent(id)}`),
    api.get(`/api/aid/requests/${encodeURIComponent(id)}/time`),
  ]);
  const errors = errorArea();
  const reload = () => ctx.navigate(`#/aid/requests/${r.id}`, { replace: true });
  const answers = r.actions.includes('answer-time');
  const note = textarea({ name: 'reason', label: 'Reason or note', hint: 'Required to decline or to query a time record; optional otherwise', rows: 2 });
  const decisions = r.actions.filter((a) => ACTIONS[a]);
  const act = async (action) => {
    try {
      await api.post(`/api/aid/requests/${r.id}/${action}`, note.input.value.trim() ? { reason: note.input.value.trim() } : undefined);
      announce(`Request ${ACTIONS[action][0].toLowerCase()}: done.`);
      reload();
    } catch (err) {
      showError(errors, err);
    }
  };
  const actions = decisions.length
    ? h('section', { 'aria-labelledby': 'actions-heading' }, h2('What you can do', { id: 'actions-heading' }),
      ['approve', 'decline', 'withdraw'].some((a) => decisions.includes(a)) && !answers ? note : null,
      buttonGroup(...decisions.map((a) => button(ACTIONS[a][0], { id: `action-${a}`, secondary: ACTIONS[a][1], on: { click: () => act(a) } }))))
    : null;

  let logForm = null;
  if (r.actions.includes('log-time')) {
    const worked = textInput({ name: 'workedOn', label: 'Date worked', type: 'date', value: londonToday(), field: 'workedOn' });
    const hrs = textInput({ name: 'hours', label: 'Hours', inputmode: 'decimal', width: 5, field: 'hours', hint: '1.5 is an hour and a half' });
    const ooh = checkbox({ name: 'outOfHours', label: 'Out of hours' });
    const what = textInput({ name: 'note', label: 'Note (optional)', field: 'note' });
    logForm = form(async () => {
      try {
        await api.post(`/api/aid/requests/${r.id}/time`, { workedOn: worked.input.value || null, hours: Number(hrs.input.value) || null, outOfHours: ooh.input.checked, note: what.input.value || null });
        announce('Time logged.');
        reload();
      } catch (err) {
        showError(errors, err, logForm);
      }
    }, h2('Log time'), h('div', { class: 'app-filters' }, worked, hrs), ooh, what, button('Log time', { type: 'submit', id: 'log-time' }));
  }
  const answer = async (t, how) => {
    try {
      const reason = how === 'query' ? note.input.value.trim() : null;
      await api.post(`/api/aid/requests/${r.id}/time/${t.id}/${how}`, reason ? { reason } : undefined);
      reload();
    } catch (err) {
      showError(errors, err);
    }
  };
  return {
    title: `Help request ${r.id}`,
    content: [
      backLink('#/aid', 'Help requests'),
      errors,
      heading(r.title, `Help request #${r.id}`),
      subNav('requests'),
      p(statusTag(r.status), r.urgency === 'URGENT' ? [' ', tag('Urgent', 'red')] : null),
      summaryList([
        ['Asked by', `${r.requesterPartner} (${r.requestedBy})`],
        ['Asked of', r.helperName ? `${r.helperName}, ${r.helperPartner}` : `${r.helperPartner} (anyone with the skills)`],
        ['Skills', r.skills.join(', ')],
        ['Why', r.reason],
        ['When', r.asSoonAsPossible ? 'As soon as possible' : `${date(r.neededFrom)}${r.neededTo && r.neededTo !== r.neededFrom ? ` to ${date(r.neededTo)}` : ''}`],
        ['Expected', `${hours(r.expectedHours)}${r.outOfHours ? ', out of hours' : ''}, ${r.onSite ? 'on site' : 'remote'}`],
        ['Decision', r.decidedBy ? `${r.decidedBy}, ${dateTime(r.decidedAt)}${r.decisionReason ? `: ${r.decisionReason}` : ''}` : 'Not yet'],
        ['Time given', hours(r.loggedHours)],
      ]),
      actions,
      answers ? note : null,
      scrolling(table({
        caption: `Time given (${time.length})`,
        head: ['Date', 'Hours', 'Out of hours', 'Note', 'Logged by', 'State', answers ? 'Answer' : ''],
        rows: time.map((t) => [date(t.workedOn), hours(t.hours), t.outOfHours ? 'Yes' : 'No', t.note || '', t.loggedBy,
          [tag(...(TIME_STATUS[t.status] || [t.status, 'grey'])), t.queryReason ? ` ${t.queryReason}` : ''],
          answers && t.status !== 'CONFIRMED'
            ? buttonGroup(
              button('Confirm', { small: true, id: `confirm-${t.id}`, on: { click: () => answer(t, 'confirm') } }),
              t.status === 'LOGGED' ? button('Query', { small: true, secondary: true, id: `query-${t.id}`, on: { click: () => answer(t, 'query') } }) : null)
            : '']),
      }), 'Time given'),
      time.length ? null : p('No time logged yet.'),
      logForm,
    ],
  };
}
