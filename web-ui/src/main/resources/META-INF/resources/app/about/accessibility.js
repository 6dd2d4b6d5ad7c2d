// The accessibility statement a UK public-sector service publishes (PSBAR 2018).
import { heading, p, h2, link } from '../components/govuk.js';
import { h } from '../core/dom.js';

export default async function accessibility() {
  return {
    title: 'Accessibility statement',
    content: [
      heading('Accessibility statement for Shared ICT Support'),
      p('This service is run by the partnership for the ICT staff of its partner organisations. We want as many people as possible to be able to use it. You should be able to:'),
      h('ul', { class: 'govuk-list govuk-list--bullet' },
        h('li', {}, 'use every screen with a keyboard alone, with a visible focus'),
        h('li', {}, 'zoom in up to 400% without the text spilling off the screen, and use it on a phone'),
        h('li', {}, 'use it with a screen reader: every chart has a text description and the same figures as a table'),
        h('li', {}, 'understand every error: what went wrong is said in words next to the field concerned')),
      h2('How we test it'),
      p('Every screen is checked in a real browser with axe-core on each build, against WCAG 2.2 level AA, and must show no serious or critical failure.'),
      h2('Reporting a problem'),
      p('Tell your partnership administrator about any problem you meet, so that it can be fixed.'),
      p(link('#/experts', 'Back to the service')),
    ],
  };
}
