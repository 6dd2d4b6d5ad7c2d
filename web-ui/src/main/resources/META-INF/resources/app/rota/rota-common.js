import { tag } from '../components/govuk.js';

export const REASONS = {
  SCHEDULED: ['Scheduled', 'grey'],
  OVERRIDE: ['Override', 'purple'],
  LEAVE_COVER: ['Covering leave', 'orange'],
  SWAP: ['Swap', 'turquoise'],
};

export function reasonTag(reason) {
  const [text, colour] = REASONS[reason] || [reason, 'grey'];
  return tag(text, colour);
}

export const LAYERS = { PRIMARY: 'Primary', SECONDARY: 'Secondary' };
