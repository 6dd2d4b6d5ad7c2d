import { heading, p } from '../components.js';

export default async function screen() {
  return { title: 'my-shifts', content: [heading('my-shifts'), p('Coming soon.')] };
}
