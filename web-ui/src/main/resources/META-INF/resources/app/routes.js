// Every screen and its address. nav: which menu item is marked as the current one.
import signIn from './auth/sign-in.js';
import experts from './experts/experts.js';
import people from './people/people.js';
import person from './people/person.js';
import personEdit from './people/person-edit.js';
import skillsMap from './people/skills-map.js';
import peopleCsv from './people/people-csv.js';
import stale from './people/stale.js';
import onCall from './rota/oncall.js';
import rota from './rota/rota.js';
import myShifts from './rota/my-shifts.js';
import rotaEdit from './rota/rota-edit.js';
import leave from './rota/leave.js';
import swapRequests from './rota/swap-requests.js';
import escalation from './rota/escalation.js';
import escalationEdit from './rota/escalation-edit.js';
import calendar from './rota/calendar.js';
import reports from './rota/reports.js';
import incidents from './incidents/incidents.js';
import incident from './incidents/incident.js';
import monitoring from './monitoring/monitoring.js';
import webhooks from './webhooks/webhooks.js';
import contacts from './contacts/contacts.js';
import drPlans from './dr/dr-plans.js';
import drPlan from './dr/dr-plan.js';
import invocation from './dr/invocation.js';
import drTemplates, { template as drTemplate } from './dr/templates.js';
import drTemplateVersion from './dr/template-version.js';
import drPlanCustomise from './dr/plan-customise.js';
import drPlanRebase from './dr/plan-rebase.js';
import aidRequests from './aid/requests.js';
import aidAsk from './aid/ask.js';
import aidRequest from './aid/request.js';
import aidStatement from './aid/statement.js';
import aidBenefits from './aid/benefits.js';
import aidAgreement from './aid/agreement.js';
import admin from './admin/admin.js';
import accessibility from './about/accessibility.js';

export const ROUTES = [
  { path: '/sign-in', screen: signIn, public: true },
  { path: '/accessibility', screen: accessibility, public: true },
  { path: '/experts', screen: experts, nav: 'experts' },
  { path: '/people', screen: people, nav: 'people' },
  { path: '/people/new', screen: personEdit, nav: 'people' },
  { path: '/people/csv', screen: peopleCsv, nav: 'people' },
  { path: '/people/stale', screen: stale, nav: 'people' },
  { path: '/people/:id', screen: person, nav: 'people' },
  { path: '/people/:id/edit', screen: personEdit, nav: 'people' },
  { path: '/skills-map', screen: skillsMap, nav: 'skills-map' },
  { path: '/oncall', screen: onCall, nav: 'oncall' },
  { path: '/rotas/new', screen: rotaEdit, nav: 'oncall' },
  { path: '/rotas/:id', screen: rota, nav: 'oncall' },
  { path: '/rotas/:id/edit', screen: rotaEdit, nav: 'oncall' },
  { path: '/my-shifts', screen: myShifts, nav: 'oncall' },
  { path: '/leave', screen: leave, nav: 'oncall' },
  { path: '/swap-requests', screen: swapRequests, nav: 'oncall' },
  { path: '/escalation', screen: escalation, nav: 'oncall' },
  { path: '/escalation/new', screen: escalationEdit, nav: 'oncall' },
  { path: '/escalation/:id/edit', screen: escalationEdit, nav: 'oncall' },
  { path: '/calendar', screen: calendar, nav: 'oncall' },
  { path: '/reports', screen: reports, nav: 'reports' },
  { path: '/reports/:report', screen: reports, nav: 'reports' },
  { path: '/incidents', screen: incidents, nav: 'incidents' },
  { path: '/incidents/:id', screen: incident, nav: 'incidents' },
  { path: '/monitoring', screen: monitoring, nav: 'incidents' },
  { path: '/webhooks', screen: webhooks, nav: 'incidents' },
  { path: '/contacts', screen: contacts, nav: 'oncall' },
  { path: '/contacts/:id', screen: contacts, nav: 'oncall' },
  { path: '/dr/plans', screen: drPlans, nav: 'dr' },
  { path: '/dr/plans/:id', screen: drPlan, nav: 'dr' },
  { path: '/dr/plans/:id/customise', screen: drPlanCustomise, nav: 'dr' },
  { path: '/dr/plans/:id/rebase', screen: drPlanRebase, nav: 'dr' },
  { path: '/dr/plans/:id/:tab', screen: drPlan, nav: 'dr' },
  { path: '/dr/templates', screen: drTemplates, nav: 'dr' },
  { path: '/dr/templates/:id', screen: drTemplate, nav: 'dr' },
  { path: '/dr/templates/:id/versions/:number', screen: drTemplateVersion, nav: 'dr' },
  { path: '/dr/invocations/:id', screen: invocation, nav: 'dr' },
  { path: '/aid', screen: aidRequests, nav: 'aid' },
  { path: '/aid/ask', screen: aidAsk, nav: 'aid' },
  { path: '/aid/requests/:id', screen: aidRequest, nav: 'aid' },
  { path: '/aid/statement', screen: aidStatement, nav: 'aid' },
  { path: '/aid/benefits', screen: aidBenefits, nav: 'aid' },
  { path: '/aid/agreement', screen: aidAgreement, nav: 'aid' },
  { path: '/admin', screen: admin, nav: 'admin' },
  { path: '/admin/:section', screen: admin, nav: 'admin' },
];
