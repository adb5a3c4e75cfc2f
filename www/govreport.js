// govreport: the embeddable viewer of Chinese government annual reports.
// The browser entry: importing it defines <gov-report> and upgrades the
// [data-gov-report] articles of the page.
//
// One script tag, no build step:
//
//   <script type="module" src="/static/govreport/govreport.js"></script>
//   <gov-report src="report.txt"></gov-report>
//   <article data-gov-report> <p>…the report already on the page…</p> </article>
//
// or from JavaScript:
//
//   import init, { parse, mount } from '/static/govreport/govreport.js';
//   await init();
//   const report = parse(text);          // the contract's plain object
//   const viewer = await mount(element, text, { lang: 'en' });
//
// The wasm file is loaded from next to this file (import.meta.url), never
// from another host. For no side effects import 'govreport/element' (the
// same class) or, without a DOM, 'govreport/core'.

import { GovReportElement, upgradeMarkup } from './element.js';

export { init, initSync, parse, parseDocument, compare, labels, indicatorName, indicatorIds, __test } from './core.js';
export { GovReportElement, articleOf, documentFromHtml, documentOf, mount, showError, textOfMarkup, upgradeMarkup } from './element.js';
export { init as default } from './core.js';

GovReportElement.define();
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => upgradeMarkup(), { once: true });
} else {
  upgradeMarkup();
}
