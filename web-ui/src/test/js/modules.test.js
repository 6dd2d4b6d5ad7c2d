// The walls between the app's folders, kept as the services' ArchUnit tests keep theirs: a feature
// (experts, people, rota, incidents, monitoring, webhooks, contacts, aid, dr, admin, auth, about) uses core/, components/ and itself, never
// another feature; components/ uses only core/; core/ only itself. Only routes.js and main.js know
// every feature. And every module but main.js loads without a browser, so Node can test it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const APP = fileURLToPath(new URL('../../main/resources/META-INF/resources/app/', import.meta.url));
const FEATURES = ['experts', 'people', 'rota', 'incidents', 'monitoring', 'webhooks', 'contacts', 'aid', 'dr', 'admin', 'auth', 'about'];

function modules(dir = APP) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []))
    .sort();
}

/** The folder under app/ a module sits in ('' for app/ itself). */
const folderOf = (file) => relative(APP, file).split('/').slice(0, -1)[0] || '';

function importsOf(file) {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/\bimport\s[^'"]*['"](\.[^'"]+)['"]/g)]
    .map((m) => resolve(dirname(file), m[1]))
    .filter((target) => target.startsWith(APP));
}

test('every module is in core/, components/ or a feature folder, but for main.js and routes.js', () => {
  const known = new Set(['core', 'components', ...FEATURES]);
  const stray = modules().filter((f) => !known.has(folderOf(f)) && !['main.js', 'routes.js'].includes(relative(APP, f)));
  assert.deepEqual(stray.map((f) => relative(APP, f)), []);
});

test('features use core/, components/ and themselves; components/ uses core/; core/ itself', () => {
  const allowed = {
    core: ['core'],
    components: ['core', 'components'],
    ...Object.fromEntries(FEATURES.map((f) => [f, ['core', 'components', f]])),
  };
  const problems = [];
  for (const file of modules()) {
    const from = folderOf(file);
    if (!allowed[from]) {
      continue; // main.js and routes.js wire the features together
    }
    for (const target of importsOf(file)) {
      if (!allowed[from].includes(folderOf(target))) {
        problems.push(`${relative(APP, file)} imports ${relative(APP, target)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('every module but main.js loads without a browser', async () => {
  const failures = [];
  for (const file of modules().filter((f) => relative(APP, f) !== 'main.js')) {
    try {
      await import(pathToFileURL(file));
    } catch (e) {
      failures.push(`${relative(APP, file)}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, []);
});
