// Timing script of the article page benches/js/browser.mjs builds: the
// report already on the page as paragraphs (<article data-gov-report>),
// upgraded by the script tag. Records when the page's text was first
// painted (first-contentful-paint), and from navigation start and from the
// request for govreport.js to the viewer ready and painted.
// Logs "gov-report-perf" when window.__perf is set.
import { painted } from './painted.js';

const el = document.getElementById('r');
el.addEventListener('gov-report-ready', async () => {
  const now = performance.now();
  const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/govreport/govreport.js'));
  const done = await painted();
  // The first paint with content: the article's text, or, when the browser
  // painted nothing before the viewer was ready, the viewer itself.
  const first = await new Promise((resolve) => {
    const seen = performance.getEntriesByName('first-contentful-paint')[0];
    if (seen) return resolve(seen.startTime);
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      resolve(list.getEntries()[0].startTime);
    }).observe({ type: 'paint', buffered: true });
  });
  window.__perf = {
    firstPaint: first,
    toReady: now,
    toPainted: done,
    fromScript: now - script.startTime,
    fromScriptPainted: done - script.startTime,
    metrics: el.shadowRoot.querySelectorAll('mark.metric').length,
  };
  console.log('gov-report-perf');
}, { once: true });
