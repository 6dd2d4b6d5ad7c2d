import { heading, p } from '../components.js';

export default async function screen() {
  return { title: 'rota', content: [heading('rota'), p('Coming soon.')] };
}
