// Admin: partners (skills-service), users and API keys (gateway). Each section is its own route.
import { h, replace } from '../core/dom.js';
import * as api from '../core/api.js';
import * as session from '../core/session.js';
import { heading, p, h2, table, link, tag, button, buttonGroup, form, select, textInput, checkbox, scrolling, dateTime, success, details, backLink, enumText, inset, summaryList } from '../components/govuk.js';
import { showError, errorArea, clearError } from '../core/errors.js';
import { ROLE_NAMES } from '../core/session.js';
import { endOfDay } from '../core/london.js';
import taxonomy from './taxonomy.js';
import audit from './audit.js';

// [route, title, roles that may open it] — as the APIs allow: managers handle their own partner's
// users and API keys and read its audit trail; the taxonomy and adding partners are admins' alone.
const SECTIONS = [
  ['partners', 'Partners', ['admin', 'manager']],
  ['users', 'Users', ['admin', 'manager']],
  ['api-keys', 'API keys', ['admin', 'manager']],
  ['taxonomy', 'Skills taxonomy', ['admin']],
  ['audit', 'Audit trail', ['admin', 'manager']],
];
const PARTNER_TYPES = [['COUNTY_COUNCIL', 'County council'], ['DISTRICT_COUNCIL', 'District council'], ['BOROUGH_COUNCIL', 'Borough council'],
  ['CITY_COUNCIL', 'City council'], ['UNITARY_COUNCIL', 'Unitary council'], ['POLICE', 'Police'], ['FIRE', 'Fire and rescue'], ['NHS', 'NHS'], ['OTHER', 'Other']];
const PARTNER_TYPE = Object.fromEntries(PARTNER_TYPES);
const PERMISSIONS = { 'incidents:write': 'Raise and update incidents' };

const allowed = () => SECTIONS.filter(([, , roles]) => session.hasRole(...roles));

function nav(current) {
  return h('nav', { class: 'app-subnav', 'aria-label': 'Admin sections' },
    h('ul', { class: 'app-subnav__list' }, allowed().map(([key, text]) => h('li', { class: 'app-subnav__item' },
      h('a', { class: 'govuk-link app-subnav__link', href: `#/admin/${key}`, 'aria-current': key === current ? 'page' : null }, text)))));
}

export default async function admin(ctx) {
  const section = ctx.params.section || 'partners';
  const found = SECTIONS.find(([k]) => k === section);
  if (!found) {
    throw Object.assign(new Error('There is no such admin section.'), { status: 404 });
  }
  if (!session.hasRole(...found[2])) {
    return {
      title: `Admin: ${found[1]}`,
      content: [heading(found[1], 'Admin'), p(found[2].includes('manager')
        ? 'Only partnership admins and ICT managers can see this.' : 'Only partnership admins can see and change this.'), p(link('#/experts', 'Go to Find an expert'))],
    };
  }
  const errors = errorArea();
  const banner = h('div');
  const done = ctx.query.get('done');
  if (done) {
    banner.append(success(done));
  }
  const body = await ({ partners, users, 'api-keys': apiKeys, taxonomy, audit })[section](ctx, errors);
  return {
    title: `Admin: ${found[1]}`,
    content: [banner, errors, heading(found[1], 'Admin'), nav(section), body],
  };
}

async function partners(ctx, errors) {
  const list = await api.get('/api/partners?size=500&sort=name');
  const fields = {
    code: textInput({ name: 'code', label: 'Code', hint: '2 to 16 letters or digits, for example BBC', width: 5, spellcheck: 'false' }),
    name: textInput({ name: 'name', label: 'Name', width: 'full' }),
    type: select({ name: 'type', label: 'Type', options: PARTNER_TYPES }),
    serviceDeskPhone: textInput({ name: 'serviceDeskPhone', label: 'Service desk phone', type: 'tel', width: 20 }),
    outOfHoursPhone: textInput({ name: 'outOfHoursPhone', label: 'Out-of-hours phone', type: 'tel', width: 20 }),
    email: textInput({ name: 'email', label: 'Service desk email', type: 'email', width: 'full', spellcheck: 'false' }),
  };
  const add = form(async () => {
    const v = (k) => fields[k].input.value.trim() || null;
    try {
      await api.post('/api/partners', { code: v('code'), name: v('name'), type: v('type'), serviceDeskPhone: v('serviceDeskPhone'), outOfHoursPhone: v('outOfHoursPhone'), email: v('email') });
      clearError(errors, add);
      ctx.navigate(`#/admin/partners?done=${encodeURIComponent(`${v('name')} is added.`)}`);
    } catch (err) {
      showError(errors, err, add);
    }
  }, Object.values(fields), button('Add partner', { type: 'submit', id: 'add-partner' }));
  return [
    scrolling(table({
      caption: `${list.totalItems} partners`, captionSize: 'm',
      head: ['Code', 'Name', 'Type', 'Service desk', 'Out of hours'],
      rows: list.items.map((x) => [x.code, x.name, PARTNER_TYPE[x.type] || enumText(x.type), x.serviceDeskPhone || '', x.outOfHoursPhone || '']),
    }), 'Partners'),
    session.isAdmin() ? details('Add a partner', add) : null,
  ];
}

async function users(ctx, errors) {
  const [list, partnerList] = await Promise.all([api.get('/api/users?size=200&sort=username'), api.get('/api/partners?size=500&sort=name')]);
  const me = session.user();
  const partnerNames = Object.fromEntries(partnerList.items.map((x) => [x.code, x.name]));
  // A manager adds users of their own partner, with any role but admin (the gateway's rule).
  const grantable = Object.keys(ROLE_NAMES).filter((r) => r !== 'integration' && (session.isAdmin() || r !== 'admin'));
  const roleBoxes = grantable.map((r) => checkbox({ name: `role-${r}`, field: 'roles', label: ROLE_NAMES[r] }));
  const fields = {
    username: textInput({ name: 'username', label: 'Username', width: 20, spellcheck: 'false', autocomplete: 'off' }),
    displayName: textInput({ name: 'displayName', label: 'Name', width: 20 }),
    email: textInput({ name: 'email', label: 'Email', type: 'email', width: 'full', spellcheck: 'false' }),
    partner: select({
      name: 'partner', label: 'Partner', hint: session.isAdmin() ? 'None for a partnership admin' : null, value: me.partner || '',
      options: session.isAdmin() ? [['', 'None (the whole partnership)'], ...partnerList.items.map((x) => [x.code, x.name])] : [[me.partner, partnerNames[me.partner] || me.partner]],
    }),
    personId: textInput({ name: 'personId', label: 'Person ID in the skills directory (optional)', hint: 'Links the sign-in to their shifts and calendar feed', width: 5, inputmode: 'numeric' }),
    password: textInput({ name: 'password', label: 'First password', hint: 'At least 12 characters. Tell them to change it.', type: 'password', width: 20, autocomplete: 'new-password' }),
  };
  const add = form(async () => {
    const v = (k) => fields[k].input.value.trim() || null;
    const roles = grantable.filter((r, i) => roleBoxes[i].input.checked);
    try {
      await api.post('/api/users', {
        username: v('username'), displayName: v('displayName'), email: v('email'), partner: v('partner'),
        personId: v('personId') ? Number(v('personId')) : null, roles, password: fields.password.input.value, enabled: true,
      });
      clearError(errors, add);
      ctx.navigate(`#/admin/users?done=${encodeURIComponent(`${v('username')} is added.`)}`);
    } catch (err) {
      showError(errors, err, add);
    }
  }, fields.username, fields.displayName, fields.email, fields.partner, fields.personId,
  h('div', { class: 'govuk-form-group', 'data-field': 'roles' }, h('fieldset', { class: 'govuk-fieldset' },
    h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Roles'), roleBoxes)),
  fields.password, button('Add user', { type: 'submit', id: 'add-user' }));
  const toggle = async (u) => {
    try {
      await api.put(`/api/users/${u.id}`, { displayName: u.displayName, email: u.email, partner: u.partner, personId: u.personId, roles: u.roles, enabled: !u.enabled, version: u.version });
      ctx.navigate(`#/admin/users?done=${encodeURIComponent(`${u.username} is ${u.enabled ? 'disabled' : 'enabled'}.`)}`);
    } catch (err) {
      showError(errors, err);
    }
  };
  // Failed sign-ins delay further attempts (from the guesser's address, or from addresses the user
  // never signed in from); clearing them lets the user try again at once from anywhere.
  const clearDelays = async (u) => {
    try {
      await api.post(`/api/users/${u.id}/unlock`);
      ctx.navigate(`#/admin/users?done=${encodeURIComponent(`${u.username} can sign in again at once.`)}`);
    } catch (err) {
      showError(errors, err);
    }
  };
  return [
    scrolling(table({
      caption: `${list.totalItems} users`, captionSize: 'm',
      head: ['Username', 'Name', 'Partner', 'Roles', 'Last signed in', 'State', ''],
      rows: list.items.map((u) => [h('span', { class: 'app-break' }, u.username), u.displayName, u.partner ? partnerNames[u.partner] || u.partner : 'Partnership', u.roles.map((r) => ROLE_NAMES[r] || r).join(', '),
        u.lastSignInAt ? dateTime(u.lastSignInAt) : 'Never',
        u.signInsDelayedUntil ? tag(`Sign-ins delayed until ${dateTime(u.signInsDelayedUntil)}`, 'red')
          : u.enabled ? tag('Enabled', 'green') : tag('Disabled', 'grey'),
        // Managers cannot touch admins, and nobody disables themselves here.
        session.isAdmin() || !u.roles.includes('admin') ? buttonGroup(
          u.username !== me.username ? button([u.enabled ? 'Disable' : 'Enable', h('span', { class: 'govuk-visually-hidden' }, ` ${u.username}`)], { secondary: true, small: true, on: { click: () => toggle(u) } }) : null,
          u.failedSignIns > 0 ? button(`Clear ${u.failedSignIns} failed ${u.failedSignIns === 1 ? 'sign-in' : 'sign-ins'}`, { secondary: true, small: true, on: { click: () => clearDelays(u) } }) : null) : '']),
    }), 'Users'),
    details('Add a user', add),
  ];
}

async function apiKeys(ctx, errors) {
  const [list, partnerList] = await Promise.all([api.get('/api/api-keys?size=200'), api.get('/api/partners?size=500&sort=name')]);
  const partnerNames = Object.fromEntries(partnerList.items.map((x) => [x.code, x.name]));
  const shown = h('div');
  const fields = {
    name: textInput({ name: 'name', label: 'Name', hint: 'What uses it, for example: Boston network monitoring', width: 'full' }),
    partner: select({ name: 'partner', label: 'Partner it raises incidents for', value: session.user().partner || '', options: partnerList.items.filter((x) => session.isAdmin() || x.code === session.user().partner).map((x) => [x.code, x.name]) }),
    expiresAt: textInput({ name: 'expiresAt', label: 'Expires on (optional)', type: 'date', width: 10 }),
  };
  const add = form(async () => {
    try {
      const expires = endOfDay(fields.expiresAt.input.value);
      const made = await api.post('/api/api-keys', { name: fields.name.input.value.trim(), partner: fields.partner.input.value, permissions: ['incidents:write'], expiresAt: expires });
      clearError(errors, add);
      replace(shown, success(`Key “${made.apiKey.name}” is made. Copy it now: it is not shown again.`),
        h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'new-key' }, 'The key'),
          h('input', { class: 'govuk-input', id: 'new-key', readonly: true, value: made.key, spellcheck: 'false' })),
        made.note ? inset(made.note) : null);
      shown.querySelector('input').focus();
    } catch (err) {
      showError(errors, err, add);
    }
  }, fields.name, fields.partner, fields.expiresAt, p('Permission: raise and update incidents.'), button('Make API key', { type: 'submit', id: 'add-key' }));
  const revoke = async (k) => {
    try {
      await api.del(`/api/api-keys/${k.id}`);
      ctx.navigate(`#/admin/api-keys?done=${encodeURIComponent(`${k.name} is revoked.`)}`);
    } catch (err) {
      showError(errors, err);
    }
  };
  const items = list.items || list;
  return [
    p('Monitoring systems raise incidents with an API key sent as the X-Api-Key header.'),
    shown,
    scrolling(table({
      caption: `${items.length} ${items.length === 1 ? 'API key' : 'API keys'}`, captionSize: 'm',
      head: ['Name', 'Partner', 'Starts with', 'Permissions', 'Last used', 'State', ''],
      rows: items.map((k) => [k.name, partnerNames[k.partner] || k.partner, h('code', {}, k.prefix), k.permissions.map((x) => PERMISSIONS[x] || x).join(', '), k.lastUsedAt ? dateTime(k.lastUsedAt) : 'Never',
        k.revoked ? tag('Revoked', 'grey') : tag('Active', 'green'),
        k.revoked ? '' : button(['Revoke', h('span', { class: 'govuk-visually-hidden' }, ` ${k.name}`)], { warning: true, small: true, on: { click: () => revoke(k) } })]),
    }), 'API keys'),
    details('Make an API key', add),
  ];
}
