// The working-hours calendar: the working day (weekdays), the bank holidays of a year, and the
// out-of-hours windows they leave, which out-of-hours rotas cover. Everyone signed in reads it;
// partnership admins change it (the API allows only them).
import { h, replace, announce } from '../core/dom.js';
import * as api from '../core/api.js';
import { heading, p, h2, h3, table, button, buttonGroup, form, textInput, scrolling, dateTime, date, success, backLink, summaryList, inset } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { wallClock, londonFormat } from '../core/london.js';
import { mayEditCalendar, sectionNav } from './rota-common.js';

const WEEKDAY = londonFormat({ weekday: 'long' });

export default async function calendar(ctx) {
  const thisYear = wallClock(new Date()).year;
  const asked = Number(ctx.query.get('year'));
  const year = Number.isInteger(asked) && asked >= 1970 && asked <= 2999 ? asked : thisYear;
  const [cal, holidays, windows] = await Promise.all([
    api.get('/api/calendar'),
    api.get(`/api/calendar/bank-holidays?year=${year}`),
    api.get('/api/calendar/out-of-hours'),
  ]);
  const errors = errorArea();
  const may = mayEditCalendar();
  const hhmm = (t) => (t || '').slice(0, 5);
  const again = (done, y = year) => ctx.navigate(`#/calendar${api.query({ year: y === thisYear ? undefined : y, done })}`);

  let hoursForm = null;
  let holidayForm = null;
  let holidayTitle = null;
  if (may) {
    const dayStart = textInput({ name: 'dayStart', label: 'Working day starts', hint: 'UK time', type: 'time', value: hhmm(cal.dayStart), width: 10 });
    const dayEnd = textInput({ name: 'dayEnd', label: 'Working day ends', hint: 'UK time', type: 'time', value: hhmm(cal.dayEnd), width: 10 });
    hoursForm = form(async () => {
      try {
        await api.put('/api/calendar', { dayStart: dayStart.input.value, dayEnd: dayEnd.input.value, version: cal.version }, { ifMatch: cal.version });
        clearError(errors, hoursForm);
        again(`Working hours are now ${dayStart.input.value} to ${dayEnd.input.value}.`);
      } catch (err) {
        showError(errors, err, hoursForm);
      }
    }, h('div', { class: 'app-filters' }, dayStart, dayEnd), button('Save working hours', { type: 'submit', secondary: true, id: 'save-hours' }));

    let editing = null;
    const formTitle = h3('Add a bank holiday', { id: 'holiday-form-title' });
    holidayTitle = formTitle;
    const day = textInput({ name: 'date', label: 'Date', type: 'date', width: 10 });
    const name = textInput({ name: 'name', label: 'Name', hint: 'For example: Early May bank holiday', width: 20 });
    const submit = button('Add bank holiday', { type: 'submit', secondary: true, id: 'save-holiday' });
    const cancel = button('Cancel the change', { secondary: true, id: 'cancel-holiday' });
    cancel.hidden = true;
    const setMode = (hol) => {
      editing = hol;
      replace(formTitle, hol ? `Change ${hol.name}` : 'Add a bank holiday');
      day.input.value = hol ? hol.date : '';
      name.input.value = hol ? hol.name : '';
      submit.textContent = hol ? 'Save bank holiday' : 'Add bank holiday';
      cancel.hidden = !hol;
      clearError(errors, holidayForm);
    };
    cancel.addEventListener('click', () => { setMode(null); announce('Change cancelled.'); day.input.focus(); });
    holidayForm = form(async () => {
      const body = { date: day.input.value || null, name: name.input.value.trim(), version: editing ? editing.version : null };
      try {
        const saved = editing
          ? await api.put(`/api/calendar/bank-holidays/${editing.id}`, body, { ifMatch: editing.version })
          : await api.post('/api/calendar/bank-holidays', body);
        clearError(errors, holidayForm);
        again(`${saved.name} on ${date(saved.date)} is ${editing ? 'saved' : 'added'}.`, Number(saved.date.slice(0, 4)));
      } catch (err) {
        showError(errors, err, holidayForm);
      }
    }, h('div', { class: 'app-filters' }, day, name), buttonGroup(submit, cancel));
    holidayForm.setMode = (hol) => { setMode(hol); name.input.focus(); announce(`Changing ${hol.name}: the form is below the list.`); };
  }

  const remove = async (hol) => {
    try {
      await api.del(`/api/calendar/bank-holidays/${hol.id}`);
      again(`${hol.name} on ${date(hol.date)} is removed.`);
    } catch (err) {
      showError(errors, err);
    }
  };
  const action = (text, hol, handler, warn) => h('button', {
    type: 'button', class: ['govuk-button', warn ? 'govuk-button--warning' : 'govuk-button--secondary', 'app-button--small'], on: { click: handler },
  }, text, h('span', { class: 'govuk-visually-hidden' }, ` ${hol.name} ${date(hol.date)}`));

  const outOfHours = windows.reduce((n, w) => n + w.hours, 0);
  return {
    title: 'Working hours and bank holidays',
    content: [
      backLink('#/oncall', 'On call now'),
      ctx.query.get('done') ? success(ctx.query.get('done')) : null,
      errors,
      heading('Working hours and bank holidays', 'On call'),
      sectionNav('calendar'),
      p('Out-of-hours rotas cover the time outside working hours: weekday evenings and nights, weekends and bank holidays. The on-call hours reports count the out-of-hours part from the same calendar.'),
      h2('Working hours'),
      summaryList([
        ['Working day', `${hhmm(cal.dayStart)} to ${hhmm(cal.dayEnd)}, Monday to Friday`],
        ['Time zone', cal.zone === 'Europe/London' ? 'UK time (GMT, or BST in summer)' : cal.zone],
      ]),
      hoursForm ? [h3('Change the working day'), hoursForm] : null,
      h2(`Bank holidays in ${year}`, { id: 'bank-holidays' }),
      h('nav', { class: 'govuk-pagination govuk-pagination--block', 'aria-label': 'Years' },
        h('div', { class: 'govuk-pagination__prev' }, h('a', { class: 'govuk-link govuk-pagination__link', href: `#/calendar?year=${year - 1}`, rel: 'prev' },
          h('span', { class: 'govuk-pagination__link-title' }, `${year - 1}`), h('span', { class: 'govuk-visually-hidden' }, ' bank holidays'))),
        h('div', { class: 'govuk-pagination__next' }, h('a', { class: 'govuk-link govuk-pagination__link', href: `#/calendar?year=${year + 1}`, rel: 'next' },
          h('span', { class: 'govuk-pagination__link-title' }, `${year + 1}`), h('span', { class: 'govuk-visually-hidden' }, ' bank holidays')))),
      holidays.length ? scrolling(table({
        id: 'holidays-table', firstCellIsHeader: true,
        head: ['Date', 'Bank holiday', ...(may ? ['Actions'] : [])],
        rows: holidays.map((hol) => [h('span', {}, date(hol.date), h('br'), h('span', { class: 'app-weekday' }, WEEKDAY(`${hol.date}T12:00:00Z`))), hol.name,
          ...(may ? [h('span', { class: 'app-actions' }, action('Change', hol, () => holidayForm.setMode(hol)), ' ', action('Remove', hol, () => remove(hol), true))] : [])]),
      }), `Bank holidays in ${year}`) : p(`No bank holidays are recorded for ${year}.`),
      holidayForm ? [holidayTitle, holidayForm] : null,
      may ? null : inset('Only partnership admins can change the working hours and bank holidays.'),
      h2('Out of hours in the next 7 days'),
      windows.length ? [
        p(`${windows.length} ${windows.length === 1 ? 'period' : 'periods'}, ${Math.round(outOfHours)} hours in all.`),
        scrolling(table({
          head: ['From', 'Until', 'Hours'], numeric: [2],
          rows: windows.map((w) => [dateTime(w.start), dateTime(w.end), w.hours.toFixed(1)]),
        }), 'Out of hours in the next 7 days')] : p('None: the next 7 days are all working hours.'),
    ],
  };
}
