// Browser tests (node --test, Debian's Chromium through Playwright).
// <gov-report compare-src>: a series of 平潭's disclosure reports. Changes
// on the figures, reused sentences and the switch that dims them, the
// changes panel by keyboard with CSV, the charts with their table view,
// axe and 320 px.
import { test, base } from './harness.mjs';
import assert from 'node:assert/strict';

const compared = (page) => page.waitForFunction(() => window.__compared, null, { timeout: 20000 });

test('a series: changes, reuse, the changes panel and charts', async (page, errors) => {
  await page.goto(`${base}test/compare.html`);
  await compared(page);
  const state = await page.evaluate(() => {
    const r = document.getElementById('r');
    const s = r.shadowRoot;
    const c = r.viewer.comparison;
    const reusedText = [...s.querySelectorAll('span.reused')].map((x) => x.textContent).join('');
    return {
      sameObject: c === window.__compared,
      cells: c.cells.length,
      share: c.reuse.share,
      spans: c.reuse.spans.length,
      // Every reused span's text is wrapped, character for character.
      wrapped: reusedText.length,
      spanChars: c.reuse.spans.reduce((n, x) => n + (x.newer[1] - x.newer[0]), 0),
      margin: s.querySelectorAll('.has-reused').length,
      deltas: [...s.querySelectorAll('span.delta')].map((d) => [d.textContent, d.querySelector('.sr-only').textContent]),
      rows: s.querySelectorAll('.panel.compare tbody tr').length,
      charts: [...s.querySelectorAll('figure.chart svg')].map((svg) => [svg.getAttribute('role'), svg.querySelector('title').textContent, svg.querySelector('desc').textContent]),
      tableViews: s.querySelectorAll('figure.chart details table tbody tr').length,
    };
  });
  assert.ok(state.sameObject);
  assert.ok(state.cells >= 190);
  assert.ok(state.share > 0.1 && state.share < 0.9, String(state.share));
  assert.equal(state.wrapped, state.spanChars, 'the reused spans are wrapped exactly');
  assert.ok(state.margin > 5);
  // ▲/▼ with the difference, the previous value in words.
  for (const [text, label] of state.deltas) assert.match(label, /上一份：/, text);
  assert.ok(state.rows >= 8, `rows ${state.rows}`);
  assert.ok(state.charts.length >= 3);
  for (const [role, title, desc] of state.charts) {
    assert.equal(role, 'img');
    assert.ok(title && /2019：.*2020：.*2021：/.test(desc), desc);
  }
  assert.equal(state.tableViews, state.charts.length * 3);

  // The switch dims the reused text.
  await page.locator('#r #gr-dim-reused').check();
  const dimmed = await page.evaluate(() => {
    const s = document.getElementById('r').shadowRoot;
    return [s.querySelector('.gr').classList.contains('dim-reused'), getComputedStyle(s.querySelector('span.reused')).opacity];
  });
  assert.deepEqual(dimmed, [true, '0.45']);

  // Sorting by keyboard, and the CSV.
  const sort = page.locator('#r .panel.compare th button[data-csort="difference"]');
  await sort.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const order = await page.evaluate(() => {
    const s = document.getElementById('r').shadowRoot;
    return [s.querySelector('.panel.compare th:has(button[data-csort="difference"])').getAttribute('aria-sort'), ...[...s.querySelectorAll('.panel.compare tbody tr td:nth-child(4)')].map((td) => td.textContent)];
  });
  assert.equal(order[0], 'descending');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#r .panel.compare button:has-text("导出 CSV")').click()]);
  assert.match(download.suggestedFilename(), /changes\.csv$/);
  const csv = await page.evaluate(() => document.getElementById('r').viewer.changesCsv());
  assert.equal(csv.split('\r\n').filter(Boolean).length, 1 + order.length - 1);
  assert.deepEqual(errors, []);
});

test('the comparison passes axe and fits 320 px', async (page) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${base}test/compare.html`);
  await compared(page);
  await page.addScriptTag({ path: new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`);
  });
  assert.deepEqual(violations, []);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${width} px`);
});
