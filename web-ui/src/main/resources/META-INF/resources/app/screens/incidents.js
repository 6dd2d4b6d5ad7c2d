import { heading, p } from '../components.js';

export default async function screen() {
  return { title: 'incidents', content: [heading('incidents'), p('Coming soon.')] };
}
