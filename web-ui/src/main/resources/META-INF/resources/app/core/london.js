// Europe/London wall-clock time, which rotas and forms speak, against the UTC instants the API
// speaks. Intl knows the zone's rules, so daylight saving needs no table here.

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short',
});

/** {year, month, day, hour, minute, weekday (0 = Monday)} of an instant in London. */
export function wallClock(instant) {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday),
  };
}

/** The instant at which London's clocks show the given wall time (the later one in the autumn's repeated hour). */
export function fromWallClock(year, month, day, hour = 0, minute = 0) {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  for (let i = 0; i < 3; i += 1) {
    const w = wallClock(guess);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** "2026-11-22T23:00" (a datetime-local value, London time) → ISO instant; null if empty or unreadable. */
export function inputToInstant(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  return m ? fromWallClock(+m[1], +m[2], +m[3], +m[4], +m[5]).toISOString() : null;
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
  const monday = new Date(Date.UTC(w.year, w.month - 1, w.day - w.weekday));
  return fromWallClock(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

/** London midnight `days` calendar days after the London midnight `start`. */
export function addDays(start, days) {
  const w = wallClock(start);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return fromWallClock(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
