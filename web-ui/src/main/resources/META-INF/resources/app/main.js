// The application shell: hash routes (#/experts, #/people/12 …), the header with who is signed
// in, the service navigation, and what every route change does for accessibility: a page title,
// focus on the main heading, the active menu item marked.
import { ServiceNavigation } from '../webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';
import { h, replace } from './core/dom.js';
import * as session from './core/session.js';
import * as api from './core/api.js';
import { heading, loading, p, link } from './components/govuk.js';
import { showError, errorArea } from './core/errors.js';
import { ApiError } from './core/problems.js';
import { ROUTES } from './routes.js';
import { createRouter } from './core/router.js';

const SERVICE = 'Shared ICT Support';
const main = document.getElementById('main-content');
const router = createRouter(ROUTES);
let cleanups = [];
let partnerNames = null;
// On the first page of a visit focus stays at the top, so the skip link is the first stop.
let firstRender = true;

document.body.classList.add('js-enabled', 'govuk-frontend-supported');

export function navigate(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function markNav(key) {
  document.querySelectorAll('#navigation [data-nav]').forEach((li) => {
    const active = li.dataset.nav === key;
    li.classList.toggle('govuk-service-navigation__item--active', active);
    const a = li.querySelector('a');
    if (active) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
}

async function partnerName(code) {
  if (!code) {
    return null;
  }
  if (!partnerNames) {
    partnerNames = api.get('/api/partners?size=500&sort=name')
      .then((page) => Object.fromEntries(page.items.map((x) => [x.code, x.name])))
      .catch(() => ({}));
  }
  return (await partnerNames)[code] || code;
}

async function showAccount() {
  const account = document.getElementById('account');
  const nav = document.getElementById('service-nav');
  const u = session.user();
  account.hidden = !u;
  nav.hidden = !u;
  document.querySelectorAll('#navigation [data-role]').forEach((li) => {
    li.hidden = !session.hasRole(...li.dataset.role.split(' '));
  });
  if (!u) {
    return;
  }
  const who = document.getElementById('account-who');
  const roles = u.roles.map((r) => session.ROLE_NAMES[r] || r).join(', ');
  const line = (partner) => replace(who, h('span', { class: 'app-header__name' }, u.name), ' · ', partner, ` (${roles})`);
  line(u.partner || 'the whole partnership');
  if (u.partner) {
    const name = await partnerName(u.partner);
    if (session.user() && session.user().username === u.username) {
      line(name);
    }
  }
}

function done(title, content) {
  document.title = `${title} – ${SERVICE}`;
  replace(main, content);
  // A screen that arrives with a refusal to put right (a filter the service refused, a council
  // sign-in that failed) leads with it, as the GOV.UK error summary does after a submit.
  const summary = main.querySelector('.govuk-error-summary');
  if (summary) {
    document.title = `Error: ${document.title}`;
    summary.focus({ preventScroll: false });
  } else if (!firstRender) {
    const h1 = main.querySelector('h1');
    (h1 || main).focus({ preventScroll: false });
  }
  firstRender = false;
  window.scrollTo(0, 0);
}

export async function render() {
  cleanups.forEach((fn) => { try { fn(); } catch { /* a screen's own cleanup */ } });
  cleanups = [];
  const visit = router.begin();
  const { route, path } = visit;
  if (!route) {
    if (path === '/' || path === '') {
      navigate(session.signedIn() ? '#/experts' : '#/sign-in');
      return;
    }
    markNav(null);
    done('Page not found', [heading('Page not found'), p('If you typed the address, check it is correct. '), p(link('#/experts', 'Go to Find an expert'))]);
    return;
  }
  if (!route.public && !session.signedIn()) {
    sessionStorage.setItem('sharedict.return', location.hash);
    navigate('#/sign-in');
    return;
  }
  markNav(route.nav);
  replace(main, loading());
  const ctx = {
    navigate,
    onLeave: (fn) => cleanups.push(fn),
    partnerName,
    signedIn: () => { partnerNames = null; showAccount(); },
  };
  try {
    // null when another rendering began meanwhile: its page would be out of date.
    const page = await router.render(visit, ctx);
    if (page) {
      done(page.title, page.content);
    }
  } catch (err) {
    if (err.status === 401) {
      return;
    }
    const area = errorArea();
    done('Sorry, there is a problem', [heading('Sorry, there is a problem'), area]);
    showError(area, err);
    if (!(err instanceof ApiError)) {
      console.error(err);
    }
  }
}

api.whenSignedOut(() => {
  if (!location.hash.startsWith('#/sign-in')) {
    sessionStorage.setItem('sharedict.return', location.hash);
    sessionStorage.setItem('sharedict.signedOutReason', 'Your session has ended. Sign in again to carry on.');
    navigate('#/sign-in');
  }
});

session.onChange(() => showAccount());

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await api.call('POST', '/api/auth/logout', { body: {} });
  } catch {
    // Signing out locally is what matters; the access token expires on its own.
  }
  session.end();
  sessionStorage.setItem('sharedict.signedOutReason', 'You have signed out.');
  navigate('#/sign-in');
});

document.getElementById('skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
  main.scrollIntoView();
});

window.addEventListener('hashchange', render);
new ServiceNavigation(document.getElementById('service-nav'));
// Without an access token, the gateway's refresh cookie may still hold a session (a sign-in at a
// council's provider lands here with only the cookie): try it once before showing the sign-in page.
api.resume().finally(() => {
  document.getElementById('boot-message')?.remove();
  showAccount();
  render();
});
