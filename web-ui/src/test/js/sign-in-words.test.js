// What the sign-in page says when a council's sign-in did not work (the gateway's councilError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { councilErrorText } from '../../main/resources/META-INF/resources/app/auth/sign-in.js';

test('each reason the gateway gives is said in words, naming the council', () => {
  assert.match(councilErrorText('not-signed-in', 'Lincolnshire County Council'), /^Lincolnshire County Council did not sign you in/);
  assert.match(councilErrorText('no-access', 'Lincolnshire County Council'), /not in a group that gives access/);
  assert.match(councilErrorText('username-taken', 'X'), /already has the username/);
  assert.match(councilErrorText('expired', 'X'), /took too long/);
  assert.match(councilErrorText('something-new', 'Lincolnshire County Council'), /Signing in with Lincolnshire County Council is not working/);
  for (const code of ['not-signed-in', 'no-access', 'username-taken', 'expired', 'unavailable']) {
    assert.doesNotMatch(councilErrorText(code, 'X'), /\b40\d\b|oidc|callback|problem/i, 'no developer words');
  }
});
