// Timing page for benches/js/browser.mjs: ?src=/fixtures/seed.txt
// Marks: from navigation start to the viewer rendered (the text is
// fetched by the element), and the render alone.
performance.mark('perf-script');
const el = document.getElementById('r');
el.addEventListener('gov-report-ready', () => {
  performance.mark('gov-report-ready');
  window.__perf = {
    toReady: performance.now(),
    render: performance.getEntriesByName('gov-report-render').at(-1)?.duration ?? null,
    metrics: el.report.metrics.length,
  };
}, { once: true });
el.setAttribute('src', new URLSearchParams(location.search).get('src') ?? '/fixtures/seed.txt');
