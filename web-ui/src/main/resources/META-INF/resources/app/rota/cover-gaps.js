// Cover gaps (GET /api/oncall/gaps): the periods in the coming weeks in which nobody would be paged,
// shown as a warning on the on-call and rota screens. Everyone who may read a partner's on-call answer
// may read its gaps, so the warning is shown to every signed-in role.
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import { notice, link, dateTime } from '../components/govuk.js';
import { LAYERS } from './rota-common.js';

export const GAP_REASONS = {
  ROTA_NO_MEMBERS: 'nobody is on the rota',
  LAYER_ON_LEAVE: 'everyone on the layer is on leave',
  NOT_COVERED: 'no rota covers these hours',
  POLICY_STEP_EMPTY_LAYER: 'an escalation step pages a layer with no members',
};

/** The gaps of each partner, or null for a partner whose gaps could not be read (the screen still shows). */
export function gapsOf(codes) {
  return Promise.all(codes.map((code) => api.get(`/api/oncall/gaps${api.query({ partner: code })}`)
    .then((a) => ({ partner: code, gaps: a.gaps }))
    .catch(() => ({ partner: code, gaps: null }))));
}

/**
 * One line per gap, however many partners share it (a rota covering eight councils has one gap, not
 * eight), in order of start; {@code onlyRota} keeps the gaps of one rota.
 */
export function groupGaps(found, onlyRota = null) {
  const lines = new Map();
  found.filter((f) => f.gaps).forEach((f) => f.gaps
    .filter((g) => onlyRota === null || g.rotaId === onlyRota)
    .forEach((g) => {
      const key = [g.reason, g.rotaId, g.layer, g.policyId, g.step, g.start, g.end].join('|');
      if (!lines.has(key)) {
        lines.set(key, { gap: g, partners: [] });
      }
      lines.get(key).partners.push(f.partner);
    }));
  return [...lines.values()].sort((a, b) => Date.parse(a.gap.start) - Date.parse(b.gap.start));
}

/** What a gap is, in words: "Secondary layer of “Police and NHS”: everyone on the layer is on leave". */
export function gapWords(g) {
  const where = g.reason === 'POLICY_STEP_EMPTY_LAYER'
    ? `Step ${g.step} of “${g.policyName}” pages the ${(LAYERS[g.layer] || '').toLowerCase()} layer of “${g.rotaName}”`
    : g.rotaName ? `${LAYERS[g.layer] || 'Primary'} layer of “${g.rotaName}”` : 'Out of hours';
  return `${where}: ${GAP_REASONS[g.reason] || g.reason}`;
}

const SHOWN = 12;

/** The warning, or null when there is no gap; {@code withPartners} names who each gap leaves uncovered. */
export function coverGapWarning(lines, { withPartners = true, days = 28 } = {}) {
  if (!lines.length) {
    return null;
  }
  const items = lines.slice(0, SHOWN).map(({ gap, partners }) => h('li', {},
    h('strong', {}, `${dateTime(gap.start)} to ${dateTime(gap.end)}`), ' — ', gapWords(gap),
    withPartners ? ` (${partners.join(', ')})` : '',
    gap.rotaId && withPartners ? [' · ', link(`#/rotas/${gap.rotaId}`, 'the rota')] : null));
  const more = lines.length > SHOWN ? h('p', { class: 'govuk-body' }, `And ${lines.length - SHOWN} more.`) : null;
  const title = `Nobody would be paged in ${lines.length === 1 ? '1 period' : `${lines.length} periods`} in the next ${days} days`;
  return h('div', { id: 'cover-gaps' }, notice(title, h('ul', { class: 'govuk-list govuk-list--bullet' }, items), ...(more ? [more] : [])));
}
