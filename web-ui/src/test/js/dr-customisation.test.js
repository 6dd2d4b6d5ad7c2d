// The DR screens' changes to a plan's customisation and their reading of a rebase's conflicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copy, setOverride, overrideOf, exclude, exclusionOf, removeActivity, addActivity, keyList, wholeNumber, resolve, decidable, cycleErrors }
  from '../../main/resources/META-INF/resources/app/dr/customisation.js';
import { unknownPart } from '../../main/resources/META-INF/resources/app/dr/staffing.js';
import { exportName } from '../../main/resources/META-INF/resources/app/dr/dr-plan.js';

const email = { activityKey: 'email', field: 'rtoMinutes' };

test('a value different from the template is an override; the template value again is none', () => {
  const c = copy(null);
  setOverride(c, email, 720, 240);
  assert.deepEqual(c.overrides, [{ activityKey: 'email', stepKey: null, field: 'rtoMinutes', value: 720 }]);
  setOverride(c, email, 600, 240);
  assert.equal(c.overrides.length, 1, 'one override per field');
  assert.equal(overrideOf(c, email), 600);
  setOverride(c, email, 240, 240);
  assert.deepEqual(c.overrides, []);
  assert.equal(overrideOf(c, email), undefined);
  setOverride(c, { activityKey: 'email', stepKey: 'restore', field: 'title' }, null, null);
  assert.deepEqual(c.overrides, [], 'an empty field the template leaves empty is no change');
});

test('a step override is apart from the activity’s', () => {
  const c = copy({ overrides: [{ activityKey: 'email', stepKey: 'restore', field: 'durationMinutes', value: 90 }] });
  setOverride(c, { activityKey: 'email', field: 'durationMinutes' }, 5, 10);
  assert.equal(c.overrides.length, 2);
  assert.equal(overrideOf(c, { activityKey: 'email', stepKey: 'restore', field: 'durationMinutes' }), 90);
});

test('copy leaves the plan’s own customisation alone', () => {
  const original = { overrides: [{ activityKey: 'a', stepKey: null, field: 'tier', value: 2 }], additions: { activities: [] }, exclusions: [] };
  const c = copy(original);
  setOverride(c, { activityKey: 'a', field: 'tier' }, 1, 1);
  assert.equal(original.overrides.length, 1);
  assert.deepEqual(c.additions, { activities: [], steps: [], dependencies: [] });
});

test('leaving an activity out keeps its step and dependency exclusions; taking it back removes only the activity’s', () => {
  const c = copy({ exclusions: [{ activityKey: 'fax', stepKey: 'tone', dependsOn: null, reason: 'gone' }] });
  exclude(c, 'fax', 'No fax service');
  assert.equal(exclusionOf(c, 'fax').reason, 'No fax service');
  exclude(c, 'fax', 'We never had one');
  assert.equal(c.exclusions.length, 2);
  exclude(c, 'fax', null);
  assert.equal(exclusionOf(c, 'fax'), null);
  assert.equal(c.exclusions.length, 1);
});

test('removing a local activity removes what hangs on it', () => {
  const c = copy({ additions: { activities: [], steps: [{ activityKey: 'cctv', after: null, step: {} }], dependencies: [{ activityKey: 'cctv', dependsOn: 'net' }, { activityKey: 'email', dependsOn: 'cctv' }, { activityKey: 'email', dependsOn: 'net' }] } });
  addActivity(c, { key: 'cctv' });
  removeActivity(c, 'cctv');
  assert.deepEqual(c.additions.activities, []);
  assert.deepEqual(c.additions.steps, []);
  assert.deepEqual(c.additions.dependencies, [{ activityKey: 'email', dependsOn: 'net' }]);
});

test('typed keys and numbers', () => {
  assert.deepEqual(keyList(' power, network  email,'), ['power', 'network', 'email']);
  assert.deepEqual(keyList(''), []);
  assert.equal(wholeNumber(' 240 '), 240);
  assert.equal(wholeNumber(''), null);
  assert.equal(wholeNumber('4 hours'), '4 hours', 'left for the service to refuse at the field');
});

test('a rebase’s decisions: keep mine, take the template’s, or another value', () => {
  const changed = (activityKey, planValue, templateAfter) => ({ kind: 'OVERRIDDEN_FIELD_CHANGED', blocking: false, activityKey, stepKey: null, field: 'rtoMinutes', templateBefore: 960, templateAfter, planValue });
  const kept = { overrides: [
    { activityKey: 'website', stepKey: null, field: 'rtoMinutes', value: 1440 },
    { activityKey: 'email', stepKey: null, field: 'rtoMinutes', value: 720 },
    { activityKey: 'payroll', stepKey: null, field: 'rtoMinutes', value: 60 },
  ] };
  const out = resolve(kept, [
    { conflict: changed('website', 1440, 480), choice: 'template' },
    { conflict: changed('email', 720, 480), choice: 'mine', value: 720 },
    { conflict: changed('payroll', 60, 120), choice: 'edit', value: 90 },
    { conflict: { kind: 'TARGET_REMOVED', activityKey: 'fax' }, choice: 'told' },
  ]);
  assert.deepEqual(out.overrides.map((o) => [o.activityKey, o.value]), [['email', 720], ['payroll', 90]]);
  assert.equal(kept.overrides.length, 3, 'the kept customisation is not changed in place');
  const same = resolve(kept, [{ conflict: changed('payroll', 60, 120), choice: 'edit', value: 120 }]);
  assert.equal(same.overrides.some((o) => o.activityKey === 'payroll'), false, 'edited to the template’s new value: no override');
  assert.equal(decidable({ kind: 'KEY_CLASH' }), false);
  assert.equal(decidable({ kind: 'OVERRIDDEN_FIELD_CHANGED' }), true);
});

test('a dependency cycle is shown at the “Needs first” field of each activity on it', () => {
  const errors = cycleErrors(['power', 'email', 'directory', 'power'], ['network', 'power', 'directory', 'email']);
  assert.deepEqual(errors.map((e) => e.field), ['content.activities[1].dependsOn', 'content.activities[3].dependsOn', 'content.activities[2].dependsOn']);
  assert.match(errors[0].message, /^power needs email, which needs it again: a dependency cycle \(power → email → directory → power\)$/);
  const named = cycleErrors(['power', 'email', 'power'], ['power', 'email'], 'content.activities', { power: 'Server room power', email: 'Email' });
  assert.equal(named[1].message, 'Email needs Server room power, which needs it again: a dependency cycle (Server room power → Email → Server room power)');
});

test('a service that is down is said in words, not its error', () => {
  assert.match(unknownPart('who is on call now', 'rota-service did not answer (timed out)'), /^The rota service is not answering just now, so who is on call now cannot be shown/);
  assert.match(unknownPart('who holds Citrix', 'skills-service did not answer'), /^The skills service/);
});

test('an export names the partner once', () => {
  assert.equal(exportName({ name: 'COL ICT disaster recovery plan', partner: 'COL', revision: 2 }, 'pdf'), 'col-ict-disaster-recovery-plan-revision-2.pdf');
  assert.equal(exportName({ name: 'ICT disaster recovery plan', partner: 'COL', revision: 1 }, 'md'), 'col-ict-disaster-recovery-plan-revision-1.md');
});
