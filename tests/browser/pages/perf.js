// Timing page for benches/js/browser.mjs: ?src=/fixtures/seed.txt
// Marks: from navigation start (and from the request for govreport.js) to
// the viewer rendered (the text is fetched by the element), and the
// render alone; then, once the page is idle, a second render of the same
// text (warm: the wasm and the JavaScript already compiled). Logs
// "gov-report-perf" when window.__perf is set.
performance.mark('perf-script');
const el = document.getElementById('r');
el.addEventListener('gov-report-ready', () => {
  performance.mark('gov-report-ready');
  const now = performance.now();
  const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/govreport/govreport.js'));
  const perf = {
    toReady: now,
    // From the request for the script tag's file to the viewer ready.
    fromScript: script ? now - script.startTime : null,
    render: performance.getEntriesByName('gov-report-render').at(-1)?.duration ?? null,
    metrics: el.report.metrics.length,
  };
  setTimeout(async () => {
    const { mount } = await import('/govreport/govreport.js');
    const text = await (await fetch(el.getAttribute('src'))).text();
    const again = document.createElement('div');
    document.body.append(again);
    const t0 = performance.now();
    await mount(again, text);
    perf.warmMetrics = again.shadowRoot.querySelectorAll('mark.metric').length;
    perf.warm = performance.now() - t0;
    again.remove();
    window.__perf = perf;
    // The bench waits for this message rather than polling the page:
    // polling runs the driver's own script in the page while it loads.
    console.log('gov-report-perf');
  }, 500);
}, { once: true });
el.setAttribute('src', new URLSearchParams(location.search).get('src') ?? '/fixtures/seed.txt');
