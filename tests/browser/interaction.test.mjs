// Browser tests (node --test, Debian's Chromium through Playwright).
// What a reader does: sections opened and closed by mouse and keyboard, figures revealed, a user's indicator rules shown, the narrow screen, printing.
import { test, ready, base, SEED, OUT, ROOT } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';

test('sections collapse and expand by mouse and keyboard', async (page) => {
  await page.goto(base);
  await ready(page, '#seed');
  // Toggle events reach the page. Checked first, on a section nothing else
  // has touched: the browser coalesces a toggle still queued (say, from
  // expand-all) with the next one, and the viewer reports only a change of
  // state, so after close-open-close in one task there is nothing to report.
  const detail = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('gov-report-toggle', (e) => { if (e.detail.section.id === 's3') resolve({ id: 's3', open: e.detail.open }); });
    document.getElementById('seed').shadowRoot.querySelector('details[data-section="s3"] > summary').click();
  }));
  assert.deepEqual(detail, { id: 's3', open: false });
  const summary = page.locator('#seed details.section[data-section="s2"] > summary');
  const isOpen = () => page.locator('#seed details.section[data-section="s2"]').evaluate((d) => d.open);
  assert.equal(await isOpen(), true);
  await summary.click();
  assert.equal(await isOpen(), false);
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(), true);
  await page.keyboard.press('Space');
  assert.equal(await isOpen(), false);
  // Toolbar: collapse all, expand all.
  await page.locator('#seed button[data-action="collapse-all"]').click();
  assert.equal(await page.locator('#seed details.section[open]').count(), 0);
  await page.locator('#seed button[data-action="expand-all"]').click();
  assert.equal(await page.locator('#seed details.section[open]').count(), 13);
});

test('choosing a metric in the panel reveals it in a collapsed section', async (page) => {
  await page.goto(base);
  await ready(page, '#seed');
  await page.locator('#seed button[data-action="collapse-all"]').click();
  const row = page.locator('#seed tbody tr[data-metric="m38"]');
  await row.scrollIntoViewIfNeeded();
  await row.click();
  const state = await page.evaluate(() => {
    const s = document.getElementById('seed').shadowRoot;
    const mark = s.querySelector('article mark[data-metric="m38"]');
    const r = mark.getBoundingClientRect();
    return {
      text: mark.textContent,
      parentsOpen: [mark.closest('details'), mark.closest('details').parentElement.closest('details')].every((d) => d.open),
      visible: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight,
      flashing: mark.classList.contains('flash'),
      focused: s.activeElement === mark,
    };
  });
  assert.deepEqual(state, { text: '50.63%', parentsOpen: true, visible: true, flashing: true, focused: true });
  // Still in view once the sections around it have been laid out (those
  // off screen are not, until they near the viewport).
  const settled = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const r = document.getElementById('seed').shadowRoot.querySelector('article mark[data-metric="m38"]').getBoundingClientRect();
    resolve(r.width > 0 && r.top >= 0 && r.bottom <= innerHeight);
  }))));
  assert.ok(settled, 'the revealed figure stays in view');
  // Tooltip on keyboard focus, with value, unit, qualifier and subject.
  const tip = await page.evaluate(() => {
    const t = document.getElementById('seed').shadowRoot.getElementById('gr-tooltip');
    return { hidden: t.hidden, text: t.textContent };
  });
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /50\.63 %/);
  assert.match(tip.text, /纠错率/);
  // And by keyboard from the table.
  await page.locator('#seed button[data-action="collapse-all"]').click();
  await page.locator('#seed tbody tr[data-metric="m23"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.getElementById('seed').shadowRoot.activeElement?.textContent), '2.4万余人次');
});

test('indicator rules of a user\'s: mount() marks the metrics and the tooltip names the rule', async (page, errors) => {
  await page.goto(base);
  await ready(page, '#seed');
  const state = await page.evaluate(async (seed) => {
    const { mount } = await import('/govreport/govreport.js');
    const host = document.createElement('div');
    document.body.append(host);
    const rules = [{ id: 'user.reconsideration', name: '我的复议指标', pattern: '行政复议.{0,8}案件', unit: '件' }];
    const viewer = await mount(host, seed, { indicators: rules });
    const ruled = viewer.report.metrics.filter((m) => m.indicator === 'user.reconsideration');
    viewer.reveal(ruled[0].id);
    const tip = host.shadowRoot.getElementById('gr-tooltip');
    let bad = null;
    try { await mount(document.createElement('div'), seed, { indicators: [{ id: 'x', pattern: '(' }] }); } catch (e) { bad = e.message; }
    return { ruled: ruled.map((m) => m.text), tip: tip.hidden ? null : tip.textContent, bad };
  }, SEED);
  assert.ok(state.ruled.length > 0 && state.ruled.every((t) => t.endsWith('件')), JSON.stringify(state.ruled));
  assert.match(state.tip ?? '', /我的复议指标/);
  assert.match(state.bad, /indicator rule 0 \("x"\): invalid pattern at character 0/);
  assert.deepEqual(errors, []);
});

test('revealing a figure far down a long report lands on it', async (page) => {
  // Sections off screen are laid out only as they near the viewport: the
  // scroll must end on the figure all the same, right after mounting too.
  await page.goto(`${base}test/after-ready.html?src=/fixtures/long/gzbg-2026-11.txt`);
  await page.waitForFunction(() => window.__afterReady);
  for (const at of [0.3, 0.6, 0.95]) {
    const r = await page.evaluate(async (at) => {
      const { mount } = await import('/govreport/govreport.js');
      const text = await (await fetch('/fixtures/long/gzbg-2026-11.txt')).text();
      const el = document.createElement('div');
      document.body.append(el);
      const viewer = await mount(el, text);
      const id = viewer.report.metrics[Math.floor(viewer.report.metrics.length * at)].id;
      viewer.reveal(id);
      for (let i = 0; i < 8; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const box = el.shadowRoot.querySelector(`article mark[data-metric="${id}"]`).getBoundingClientRect();
      el.remove();
      return { id, top: box.top, bottom: box.bottom, height: innerHeight };
    }, at);
    assert.ok(r.top >= 0 && r.bottom <= r.height, JSON.stringify(r));
  }
});

test('on a narrow screen the panels below the report still work once scrolled to', async (page) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(base);
  await ready(page, '#seed');
  const wrap = page.locator('#seed .table-wrap');
  await wrap.scrollIntoViewIfNeeded();
  await wrap.evaluate((w) => { w.scrollTop = w.scrollHeight; });
  await page.waitForFunction(() => document.getElementById('seed').shadowRoot.querySelectorAll('.metrics tbody tr').length === 56);
  // The checks panel is drawn and its buttons work.
  await page.locator('#seed .checks button.link').first().click();
  assert.ok(await page.evaluate(() => document.getElementById('seed').shadowRoot.activeElement?.matches('summary')));
});

test('printing opens every section, then restores them', async (page) => {
  await page.goto(base);
  await ready(page, '#seed');
  await page.locator('#seed button[data-action="collapse-all"]').click();
  await page.evaluate(() => {
    const open = () => document.getElementById('seed').shadowRoot.querySelectorAll('details.section[open]').length;
    addEventListener('beforeprint', () => { window.__duringPrint = [open(), document.getElementById('seed').shadowRoot.querySelector('.metrics tbody').rows.length]; });
    addEventListener('afterprint', () => setTimeout(() => { window.__afterPrint = open(); }));
  });
  await page.pdf({ path: new URL('demo-print.pdf', OUT).pathname });
  await page.waitForFunction(() => window.__afterPrint !== undefined);
  // Every section open and every row of the metrics table attached.
  assert.deepEqual(await page.evaluate(() => [window.__duringPrint, window.__afterPrint]), [[13, 56], 0]);
});

test('a report collapsed into one line shows its outline, every character kept', async (page, errors) => {
  await page.goto(base);
  await ready(page, '#seed');
  const state = await page.evaluate(async () => {
    const text = await (await fetch('/fixtures/fazhi-long/fazhi-05.txt')).text();
    const el = document.createElement('gov-report');
    // The ready event of this text (appending the element first renders
    // its empty content).
    const shown = new Promise((resolve) => el.addEventListener('gov-report-ready', (e) => {
      // The element's report is this one already for the page's listeners.
      if (e.detail.report.length === text.length) resolve([e.detail.report, el.report === e.detail.report]);
    }));
    document.body.append(el);
    el.text = text;
    const [report, duringEvent] = await shown;
    const s = el.shadowRoot;
    const count = (list) => list.reduce((n, x) => n + 1 + count(x.children), 0);
    return {
      lines: text.split('\n').length,
      sections: count(report.sections),
      property: el.report === report && duringEvent,
      shown: s.querySelectorAll('details.section').length,
      first: s.querySelector('details.section summary')?.textContent ?? '',
      whole: s.querySelector('article').textContent.replace(/\s/g, '') === text.replace(/\s/g, ''),
    };
  });
  assert.equal(state.lines, 1);
  assert.ok(state.sections >= 20, JSON.stringify(state));
  assert.equal(state.shown, state.sections);
  assert.equal(state.property, true, 'el.report is the report shown');
  assert.match(state.first, /一、党对法治政府建设领导全面加强/);
  assert.equal(state.whole, true);
  assert.deepEqual(errors, []);
});
