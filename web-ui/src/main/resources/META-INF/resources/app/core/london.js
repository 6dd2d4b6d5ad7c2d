// Europe/London wall-clock time, which rotas and forms speak, against the UTC instants the API
// speaks: the app's one conversion, in the services' terms (java.time, Europe/London). British
// Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October, the rule in force since 1996; the rule is written out here rather than asked
// of Intl, so that a time the clocks skip or show twice is read as the server reads it, and Node's
// test runner can check every edge. No DOM here.

const MINUTE = 60000;
const HOUR = 60 * MINUTE;

/** The day of the month of the last Sunday of `month` (1–12) in `year`. */
function lastSunday(year, month) {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month: this month's last day
  return last.getUTCDate() - last.getUTCDay();
}

/** [start, end) of British Summer Time in `year`, in epoch milliseconds. */
export function summerTime(year) {
  return [Date.UTC(year, 2, lastSunday(year, 3), 1), Date.UTC(year, 9, lastSunday(year, 10), 1)];
}

/** London's offset from UTC at an instant, in milliseconds: an hour in summer time, else none. */
export function offsetAt(instant) {
  const t = new Date(instant).getTime();
  const [start, end] = summerTime(new Date(t).getUTCFullYear());
  return t >= start && t < end ? HOUR : 0;
}

/** The instant moved by London's offset, so that its UTC fields read as London's clock. */
function shifted(instant) {
  const t = new Date(instant).getTime();
  return new Date(t + offsetAt(t));
}

/** {year, month, day, hour, minute, weekday (0 = Monday)} of an instant in London. */
export function wallClock(instant) {
  const d = shifted(instant);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(),
    weekday: (d.getUTCDay() + 6) % 7,
  };
}

/**
 * The instant at which London's clocks show the given wall time, read as java.time reads it: in the
 * autumn's repeated hour the first (summer-time) one; in the spring's missing hour the time an hour
 * later (01:30 → 02:30 BST). Fields outside their range roll over (day 32 is the next month's 1st).
 */
export function fromWallClock(year, month, day, hour = 0, minute = 0) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (offsetAt(wall - HOUR) === HOUR) {
    return new Date(wall - HOUR);
  }
  // Winter time, or the missing hour: read with the offset before the change (GMT), which is the
  // wall time moved later by the gap.
  return new Date(wall);
}

/** "2026-11-22T23:00" (a datetime-local value, London time) → ISO instant; null if empty or unreadable. */
export function inputToInstant(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  return m ? fromWallClock(+m[1], +m[2], +m[3], +m[4], +m[5]).toISOString() : null;
}

/** "2026-06-30" (a date value, a London day) → the ISO instant of that day's last second; null if empty or unreadable. */
export function endOfDay(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  return m ? new Date(fromWallClock(+m[1], +m[2], +m[3] + 1).getTime() - 1000).toISOString() : null;
}

/** ISO instant → a datetime-local value in London time. */
export function instantToInput(instant) {
  const w = wallClock(instant);
  const two = (n) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** Midnight in London at the start of the Monday of the week holding `instant`. */
export function weekStart(instant) {
  const w = wallClock(instant);
  return fromWallClock(w.year, w.month, w.day - w.weekday);
}

/** London midnight `days` calendar days after the London midnight `start`. */
export function addDays(start, days) {
  const w = wallClock(start);
  return fromWallClock(w.year, w.month, w.day + days);
}

/**
 * Formats instants as London's clock shows them, in Intl's en-GB words: options as
 * Intl.DateTimeFormat's, without timeZone (the offset comes from this module, not from Intl).
 */
export function londonFormat(options) {
  const format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  return (instant) => format.format(shifted(instant));
}
