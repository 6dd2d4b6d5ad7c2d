// London time against UTC, checked at every edge of both clock changes against the services' rule
// (java.time, Europe/London): BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  summerTime, offsetAt, wallClock, fromWallClock, inputToInstant, instantToInput, endOfDay, weekStart, addDays, londonFormat,
} from '../../main/resources/META-INF/resources/app/core/london.js';

const iso = (d) => new Date(d).toISOString();
const HOUR = 3600000;

test('summer time starts and ends at 01:00 UTC on the last Sundays of March and October', () => {
  // Years where the last Sunday is the 31st, the 25th (earliest) and in between.
  assert.deepEqual(summerTime(2024).map(iso), ['2024-03-31T01:00:00.000Z', '2024-10-27T01:00:00.000Z']);
  assert.deepEqual(summerTime(2026).map(iso), ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']);
  assert.deepEqual(summerTime(2027).map(iso), ['2027-03-28T01:00:00.000Z', '2027-10-31T01:00:00.000Z']);
  assert.deepEqual(summerTime(2029).map(iso), ['2029-03-25T01:00:00.000Z', '2029-10-28T01:00:00.000Z']);
});

test('UTC → London across the spring change: 00:59 GMT is followed by 02:00 BST', () => {
  assert.equal(instantToInput('2026-03-29T00:59:59.999Z'), '2026-03-29T00:59');
  assert.equal(instantToInput('2026-03-29T01:00:00Z'), '2026-03-29T02:00');
  assert.equal(instantToInput('2026-03-29T01:30:00Z'), '2026-03-29T02:30');
  assert.equal(offsetAt('2026-03-29T00:59:59.999Z'), 0);
  assert.equal(offsetAt('2026-03-29T01:00:00Z'), HOUR);
});

test('UTC → London across the autumn change: 01:00–01:59 is shown twice, first in BST then in GMT', () => {
  assert.equal(instantToInput('2026-10-25T00:00:00Z'), '2026-10-25T01:00');
  assert.equal(instantToInput('2026-10-25T00:59:59Z'), '2026-10-25T01:59');
  assert.equal(instantToInput('2026-10-25T01:00:00Z'), '2026-10-25T01:00');
  assert.equal(instantToInput('2026-10-25T01:59:00Z'), '2026-10-25T01:59');
  assert.equal(instantToInput('2026-10-25T02:00:00Z'), '2026-10-25T02:00');
  assert.equal(offsetAt('2026-10-25T00:59:59.999Z'), HOUR);
  assert.equal(offsetAt('2026-10-25T01:00:00Z'), 0);
});

test('London → UTC in the missing March hour: moved an hour later, as java.time does (01:30 is 02:30 BST)', () => {
  assert.equal(inputToInstant('2026-03-29T00:59'), '2026-03-29T00:59:00.000Z');
  assert.equal(inputToInstant('2026-03-29T01:00'), '2026-03-29T01:00:00.000Z');
  assert.equal(inputToInstant('2026-03-29T01:30'), '2026-03-29T01:30:00.000Z');
  assert.equal(inputToInstant('2026-03-29T01:59'), '2026-03-29T01:59:00.000Z');
  assert.equal(inputToInstant('2026-03-29T02:00'), '2026-03-29T01:00:00.000Z');
  assert.equal(inputToInstant('2026-03-29T02:30'), '2026-03-29T01:30:00.000Z');
  assert.equal(instantToInput(inputToInstant('2026-03-29T01:30')), '2026-03-29T02:30');
});

test('London → UTC in the doubled October hour: the first of the two, in BST, as java.time does', () => {
  assert.equal(inputToInstant('2026-10-25T00:59'), '2026-10-24T23:59:00.000Z');
  assert.equal(inputToInstant('2026-10-25T01:00'), '2026-10-25T00:00:00.000Z');
  assert.equal(inputToInstant('2026-10-25T01:30'), '2026-10-25T00:30:00.000Z');
  assert.equal(inputToInstant('2026-10-25T01:59'), '2026-10-25T00:59:00.000Z');
  assert.equal(inputToInstant('2026-10-25T02:00'), '2026-10-25T02:00:00.000Z');
});

test('every quarter hour of both change days goes there and back, but for the hours that cannot', () => {
  for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
    const spring = day.slice(5, 7) === '03';
    for (let m = 0; m < 24 * 60; m += 15) {
      const wall = `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const missing = spring && m >= 60 && m < 120;
      assert.equal(instantToInput(inputToInstant(wall)), missing ? wall.replace('T01:', 'T02:') : wall, wall);
    }
    const midnight = Date.parse(`${day}T00:00:00Z`);
    for (let t = midnight - 2 * HOUR; t < midnight + 26 * HOUR; t += 15 * 60000) {
      const secondReading = !spring && t >= midnight + HOUR && t < midnight + 2 * HOUR;
      assert.equal(Date.parse(inputToInstant(instantToInput(t))), secondReading ? t - HOUR : t, iso(t));
    }
  }
});

test('dates around midnight: the London date, month and year are the shifted ones', () => {
  assert.deepEqual(wallClock('2026-06-30T23:30:00Z'), { year: 2026, month: 7, day: 1, hour: 0, minute: 30, weekday: 2 });
  assert.deepEqual(wallClock('2026-06-30T22:59:00Z'), { year: 2026, month: 6, day: 30, hour: 23, minute: 59, weekday: 1 });
  assert.deepEqual(wallClock('2026-12-31T23:30:00Z'), { year: 2026, month: 12, day: 31, hour: 23, minute: 30, weekday: 3 });
  assert.deepEqual(wallClock('2027-01-01T00:00:00Z'), { year: 2027, month: 1, day: 1, hour: 0, minute: 0, weekday: 4 });
  assert.equal(inputToInstant('2026-07-01T00:00'), '2026-06-30T23:00:00.000Z');
  assert.equal(inputToInstant('2026-01-01T00:00'), '2026-01-01T00:00:00.000Z');
  assert.equal(inputToInstant('2026-04-01T00:30'), '2026-03-31T23:30:00.000Z');
  assert.equal(iso(fromWallClock(2026, 10, 26)), '2026-10-26T00:00:00.000Z', 'the first midnight in GMT');
  assert.equal(iso(fromWallClock(2026, 3, 30)), '2026-03-29T23:00:00.000Z', 'the first midnight in BST');
  assert.equal(iso(fromWallClock(2026, 2, 29)), '2026-03-01T00:00:00.000Z', 'a day past the month rolls over');
});

test('a week starts at London midnight on Monday, also in the weeks of the clock changes', () => {
  assert.equal(iso(weekStart('2026-03-29T12:00:00Z')), '2026-03-23T00:00:00.000Z', 'the Sunday the clocks go forward');
  assert.equal(iso(weekStart('2026-03-29T23:30:00Z')), '2026-03-29T23:00:00.000Z', 'Monday 00:30 BST');
  assert.equal(iso(weekStart('2026-04-01T10:00:00Z')), '2026-03-29T23:00:00.000Z');
  assert.equal(iso(weekStart('2026-10-25T23:59:00Z')), '2026-10-18T23:00:00.000Z', 'the Sunday the clocks go back');
  assert.equal(iso(weekStart('2026-10-26T00:00:00Z')), '2026-10-26T00:00:00.000Z');
  assert.equal(iso(weekStart('2026-07-05T22:59:00Z')), '2026-06-28T23:00:00.000Z', 'Sunday 23:59 BST is still the week before');
});

test('a week of days holds 167 hours in spring and 169 in autumn', () => {
  const spring = weekStart('2026-03-25T12:00:00Z');
  assert.equal(addDays(spring, 7) - spring, 167 * HOUR);
  const autumn = weekStart('2026-10-21T12:00:00Z');
  assert.equal(addDays(autumn, 7) - autumn, 169 * HOUR);
  assert.equal(iso(addDays(autumn, 6)), '2026-10-24T23:00:00.000Z', 'Sunday 25 October starts in BST');
  assert.equal(iso(addDays(autumn, -1)), '2026-10-17T23:00:00.000Z');
});

test('a London day ends at its last second in London (an API key that expires on a date)', () => {
  assert.equal(endOfDay('2026-06-30'), '2026-06-30T22:59:59.000Z');
  assert.equal(endOfDay('2026-12-31'), '2026-12-31T23:59:59.000Z');
  assert.equal(endOfDay('2026-03-29'), '2026-03-29T22:59:59.000Z', 'the day the clocks go forward has 23 hours');
  assert.equal(endOfDay('2026-10-25'), '2026-10-25T23:59:59.000Z', 'the day the clocks go back has 25 hours');
  assert.equal(endOfDay('2026-10-24'), '2026-10-24T22:59:59.000Z');
  assert.equal(endOfDay(''), null);
});

test('an empty or unreadable form value is no instant', () => {
  assert.equal(inputToInstant(''), null);
  assert.equal(inputToInstant(undefined), null);
  assert.equal(inputToInstant('29/03/2026 01:30'), null);
});

test('the rule agrees with the time-zone database (Intl) at every change, 1996 to 2100, and at random instants', () => {
  const tzdb = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const asInput = (t) => {
    const p = Object.fromEntries(tzdb.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  };
  const checked = [];
  for (let year = 1996; year <= 2100; year += 1) {
    for (const change of summerTime(year)) {
      for (const t of [change - HOUR, change - 60000, change - 1, change, change + 60000, change + HOUR]) {
        checked.push(t);
      }
    }
  }
  let seed = 20260329;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const from = Date.UTC(1996, 0, 1);
  const to = Date.UTC(2100, 0, 1);
  for (let i = 0; i < 20000; i += 1) {
    checked.push(Math.floor(from + random() * (to - from)));
  }
  for (const t of checked) {
    assert.equal(instantToInput(t), asInput(t), iso(t));
  }
});

test('formatted dates and times are London\'s, in the same words Intl uses', () => {
  const dateTime = londonFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const tzdb = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  for (const at of ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-06-30T23:30:00Z', '2026-12-31T23:59:00Z']) {
    assert.equal(dateTime(at), tzdb.format(new Date(at)), at);
  }
  assert.equal(londonFormat({ hour: '2-digit', minute: '2-digit' })('2026-06-30T23:05:00Z'), '00:05');
});
