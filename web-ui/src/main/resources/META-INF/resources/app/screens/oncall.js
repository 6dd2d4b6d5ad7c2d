import { heading, p } from '../components.js';

export default async function screen() {
  return { title: 'oncall', content: [heading('oncall'), p('Coming soon.')] };
}
