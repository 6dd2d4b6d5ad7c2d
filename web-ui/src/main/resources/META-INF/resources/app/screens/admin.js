import { heading, p } from '../components.js';

export default async function screen() {
  return { title: 'admin', content: [heading('admin'), p('Coming soon.')] };
}
