// Timing page for benches/js/browser.mjs: ?src=/fixtures/seed.txt
// Marks: from navigation start (and from the request for govreport.js) to
// the viewer ready (the gov-report-ready event: the DOM built and wired)
// and to the viewer painted (the browser's style, layout and paint of that
// DOM done: the next frame after ready); the render alone, to ready and to
// painted. Then, once the page is idle, a second render of the same text
// (warm: the wasm and the JavaScript already compiled, the fonts loaded).
// Logs "gov-report-perf" when window.__perf is set.
import { painted } from './painted.js';

performance.mark('perf-script');

const el = document.getElementById('r');
el.addEventListener('gov-report-ready', async () => {
  performance.mark('gov-report-ready');
  const now = performance.now();
  const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/govreport/govreport.js'));
  const render = performance.getEntriesByName('gov-report-render').at(-1);
  const done = await painted();
  const perf = {
    toReady: now,
    toPainted: done,
    // From the request for the script tag's file to the viewer ready / painted.
    fromScript: script ? now - script.startTime : null,
    fromScriptPainted: script ? done - script.startTime : null,
    render: render?.duration ?? null,
    renderPainted: render ? done - render.startTime : null,
    metrics: el.report.metrics.length,
  };
  setTimeout(async () => {
    const { mount } = await import('/govreport/govreport.js');
    const text = await (await fetch(el.getAttribute('src'))).text();
    const again = document.createElement('div');
    // On screen, above the first viewer: sections and panels off screen
    // are not laid out, so a viewer below the fold would show little of
    // the layout a reader waits for.
    document.body.prepend(again);
    scrollTo(0, 0);
    const t0 = performance.now();
    await mount(again, text);
    perf.warm = performance.now() - t0;
    perf.warmPainted = (await painted()) - t0;
    perf.warmMetrics = again.shadowRoot.querySelectorAll('mark.metric').length;
    again.remove();
    window.__perf = perf;
    // The bench waits for this message rather than polling the page:
    // polling runs the driver's own script in the page while it loads.
    console.log('gov-report-perf');
  }, 500);
}, { once: true });
el.setAttribute('src', new URLSearchParams(location.search).get('src') ?? '/fixtures/seed.txt');
