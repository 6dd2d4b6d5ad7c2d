// A plan's customisation (overrides, additions, exclusions: the dr-planner README) changed the
// way the screens change it, as plain data: no DOM, so Node's test runner checks each rule.

const same = (a, b) => (a ?? null) === (b ?? null) || (a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b));
const sameTarget = (o, t) => o.activityKey === t.activityKey && (o.stepKey || null) === (t.stepKey || null) && o.field === t.field;

/** An empty customisation, or a deep copy of one (the screens never change the plan they were given). */
export function copy(custom) {
  const c = custom ? JSON.parse(JSON.stringify(custom)) : {};
  return {
    overrides: c.overrides || [],
    additions: { activities: [], steps: [], dependencies: [], ...(c.additions || {}) },
    exclusions: c.exclusions || [],
  };
}

/**
 * Sets the partner's value for one field of a template activity or step: an override when it
 * differs from the template's value, none when it is the template's value again.
 * target: {activityKey, stepKey?, field}.
 */
export function setOverride(custom, target, value, templateValue) {
  custom.overrides = custom.overrides.filter((o) => !sameTarget(o, target));
  if (!same(value, templateValue)) {
    custom.overrides.push({ activityKey: target.activityKey, stepKey: target.stepKey || null, field: target.field, value });
  }
  return custom;
}

/** The partner's override of a field, or undefined when the template's value stands. */
export function overrideOf(custom, target) {
  const o = custom.overrides.find((x) => sameTarget(x, target));
  return o ? o.value : undefined;
}

/** Leaves a whole template activity out, with the reason (reason null: takes it back in). */
export function exclude(custom, activityKey, reason) {
  custom.exclusions = custom.exclusions.filter((x) => !(x.activityKey === activityKey && !x.stepKey && !x.dependsOn));
  if (reason !== null && reason !== undefined) {
    custom.exclusions.push({ activityKey, stepKey: null, dependsOn: null, reason });
  }
  return custom;
}

export function exclusionOf(custom, activityKey) {
  return custom.exclusions.find((x) => x.activityKey === activityKey && !x.stepKey && !x.dependsOn) || null;
}

export function addActivity(custom, activity) {
  custom.additions.activities = [...custom.additions.activities, activity];
  return custom;
}

/** Removes a partner-added activity and whatever the partner added to it or hung on it. */
export function removeActivity(custom, key) {
  custom.additions.activities = custom.additions.activities.filter((a) => a.key !== key);
  custom.additions.steps = custom.additions.steps.filter((s) => s.activityKey !== key);
  custom.additions.dependencies = custom.additions.dependencies.filter((d) => d.activityKey !== key && d.dependsOn !== key);
  return custom;
}

/** "a, b ,c" → ['a', 'b', 'c']: keys typed into one field. */
export function keyList(text) {
  return String(text || '').split(/[\s,]+/).map((k) => k.trim()).filter(Boolean);
}

/** The whole number typed into a field, null when empty, the text itself when it is no number (the API names it). */
export function wholeNumber(text) {
  const t = String(text ?? '').trim();
  if (!t) {
    return null;
  }
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/**
 * A rebase's conflicts resolved, one decision each, on the customisation the rebase kept.
 * decisions: [{conflict, choice: 'mine' | 'template' | 'edit', value}]. Only an overridden field
 * the template also changed can be decided: the partner's value stays (mine), goes (template: the
 * new template value stands) or becomes what was typed (edit). The rest the rebase has already said.
 */
export function resolve(custom, decisions) {
  const out = copy(custom);
  for (const { conflict: c, choice, value } of decisions) {
    if (c.kind !== 'OVERRIDDEN_FIELD_CHANGED' || choice === 'mine') {
      continue;
    }
    const target = { activityKey: c.activityKey, stepKey: c.stepKey, field: c.field };
    if (choice === 'template') {
      out.overrides = out.overrides.filter((o) => !sameTarget(o, target));
    } else if (choice === 'edit') {
      setOverride(out, target, value, c.templateAfter);
    }
  }
  return out;
}

/** Conflicts a person decides (the others are told, not asked). */
export const decidable = (conflict) => conflict.kind === 'OVERRIDDEN_FIELD_CHANGED';

/**
 * A dependency cycle ["power","email","directory","power"] (each needs the next) as field errors
 * at the "Needs first" field of each activity on it, for a form whose activities are in `keys` order.
 */
export function cycleErrors(cycle, keys, path = 'content.activities', names = {}) {
  const n = (k) => names[k] || k;
  const errors = [];
  for (let i = 0; i < cycle.length - 1; i++) {
    const at = keys.indexOf(cycle[i]);
    if (at >= 0 && !errors.some((e) => e.key === cycle[i])) {
      errors.push({ key: cycle[i], field: `${path}[${at}].dependsOn`, message: `${n(cycle[i])} needs ${n(cycle[i + 1])}, which needs it again: a dependency cycle (${cycle.map(n).join(' → ')})` });
    }
  }
  return errors.map(({ field, message }) => ({ field, message }));
}
