// The printable plan in a tab of its own, styled as dr-planner wrote it. Opening the HTML as a blob:
// address would give it this app's Content-Security-Policy (style-src 'self'), which refuses the
// export's own <style>, so it printed unstyled. Instead the tab is opened at once (while the click
// still counts, so no pop-up blocker stops it), the export is read with the user's token, and its
// body and styles are put into the tab: the styles as a constructed style sheet, which the policy
// allows, since it governs style elements and attributes, not the CSS object model.

/** Opens a new tab for the HTML load() resolves to; resolves to {size}. */
export function openPrintable(load) {
  const tab = window.open('', '_blank');
  if (!tab) {
    return Promise.reject(new Error('Your browser stopped the new tab from opening. Allow pop-ups for this site, or download the PDF instead.'));
  }
  tab.document.title = 'Preparing the printable plan…';
  tab.document.body.textContent = 'Preparing the printable plan…';
  return load().then((html) => {
    const source = new DOMParser().parseFromString(html, 'text/html');
    const css = [...source.querySelectorAll('style')].map((el) => el.textContent).join('\n');
    source.querySelectorAll('style, script, link, meta[http-equiv]').forEach((el) => el.remove());
    const doc = tab.document;
    doc.documentElement.lang = source.documentElement.lang || 'en-GB';
    doc.title = source.title;
    doc.body.replaceWith(doc.importNode(source.body, true));
    const sheet = new tab.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
    return { size: html.length };
  }, (err) => {
    tab.close();
    throw err;
  });
}
