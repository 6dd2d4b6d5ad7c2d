import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, h2, textInput, button, form, p, inset } from '../components/govuk.js';
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
  const providers = await councilProviders();
  const councilError = ctx.query && ctx.query.get('councilError');
  if (councilError) {
    const council = providers.list.find((x) => x.name === ctx.query.get('provider'));
    showError(errors, { message: councilErrorText(councilError, council ? council.displayName : 'your council') });
  }
  return {
    title: 'Sign in',
    content: h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' },
      errors,
      reason ? inset(reason) : null,
      heading('Sign in to Shared ICT Support'),
      p('Find ICT experts across the partner organisations, see who is on call, handle incidents and keep disaster recovery plans current.'),
      providers.list.length ? h('section', { 'aria-labelledby': 'council-sign-in' },
        h2('Sign in with your council', { id: 'council-sign-in' }),
        p('Use the account you sign in to your own organisation with.'),
        h('div', { class: 'govuk-button-group app-providers' }, providers.list.map((x) => h('a', {
          class: 'govuk-button govuk-button--secondary', role: 'button', draggable: 'false', 'data-provider': x.name,
          href: `${x.startUrl}?returnTo=${encodeURIComponent(`/${returnHash()}`)}`,
        }, `Sign in with ${x.displayName}`))),
        h2('Or with a username and password')) : null,
      providers.failed ? inset('Signing in through your council is not available at the moment. You can still sign in with a username and password.') : null,
      f,
      p('Your account is set up by your partnership administrator. Ask them if you have forgotten your password.'))),
  };
}

/** Why signing in at a council's provider did not work (the gateway's councilError), for the person at the screen. */
export function councilErrorText(code, council) {
  const texts = {
    'not-signed-in': `${council} did not sign you in. Try again, or sign in with a username and password.`,
    'no-access': `Your ${council} account is not in a group that gives access to Shared ICT Support. Ask your ICT manager or the partnership administrator to give you access.`,
    'username-taken': 'Another account here already has the username your council gives you. Ask the partnership administrator to sort out the two accounts.',
    expired: 'That sign-in took too long or was already used. Start again.',
  };
  return texts[code] || `Signing in with ${council} is not working at the moment. Try again in a few minutes, or sign in with a username and password.`;
}

/** Where to come back to after signing in at a council's provider: the page that asked for sign-in. */
function returnHash() {
  const back = sessionStorage.getItem('sharedict.return');
  return back && back.startsWith('#/') && !back.startsWith('#/sign-in') ? back : '#/experts';
}

/** The OpenID Connect providers the gateway is configured with ({list, failed}). */
async function councilProviders() {
  try {
    const list = await api.get('/api/auth/providers', { anonymous: true });
    return { list: Array.isArray(list) ? list : [], failed: false };
  } catch {
    return { list: [], failed: true };
  }
}
