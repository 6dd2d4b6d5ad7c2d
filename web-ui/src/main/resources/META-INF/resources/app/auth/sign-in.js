import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, textInput, button, form, p, inset } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';

export default async function signIn(ctx) {
  const errors = errorArea();
  const reason = sessionStorage.getItem('sharedict.signedOutReason');
  sessionStorage.removeItem('sharedict.signedOutReason');
  const username = textInput({ name: 'username', label: 'Username', autocomplete: 'username', spellcheck: 'false', width: 20 });
  const password = textInput({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', width: 20 });
  const submit = button('Sign in', { type: 'submit', id: 'sign-in-button' });
  const f = form(async () => {
    const missing = [];
    if (!username.input.value.trim()) {
      missing.push({ field: 'username', message: 'Enter your username' });
    }
    if (!password.input.value) {
      missing.push({ field: 'password', message: 'Enter your password' });
    }
    if (missing.length) {
      showError(errors, { message: 'Enter your username and password.', fieldErrors: missing }, f);
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api.post('/api/auth/login',
        { username: username.input.value.trim(), password: password.input.value }, { anonymous: true });
      session.start(answer);
      clearError(errors, f);
      ctx.signedIn();
      const back = sessionStorage.getItem('sharedict.return');
      sessionStorage.removeItem('sharedict.return');
      ctx.navigate(back && !back.startsWith('#/sign-in') ? back : '#/experts');
    } catch (err) {
      if (err.status === 401) {
        err.message = 'The username or password is not right. Check them and try again.';
      }
      showError(errors, err, f);
    } finally {
      submit.disabled = false;
    }
  }, username, password, submit);

  if (session.signedIn()) {
    const u = session.user();
    return {
      title: 'Signed in',
      content: [heading('You are signed in'), p(`You are signed in as ${u.name}.`),
        h('a', { class: 'govuk-button', href: '#/experts' }, 'Continue')],
    };
  }
  return {
    title: 'Sign in',
    content: h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' },
      errors,
      reason ? inset(reason) : null,
      heading('Sign in to Shared ICT Support'),
      p('Find ICT experts across the partner organisations, see who is on call, handle incidents and keep disaster recovery plans current.'),
      f,
      p('Your account is set up by your partnership administrator. Ask them if you have forgotten your password.'))),
  };
}
