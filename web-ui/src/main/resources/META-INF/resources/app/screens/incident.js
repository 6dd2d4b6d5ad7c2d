import { heading, p } from '../components.js';

export default async function screen() {
  return { title: 'incident', content: [heading('incident'), p('Coming soon.')] };
}
