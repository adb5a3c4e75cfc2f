// End-to-end tests of the embed in Debian's Chromium through Playwright:
// the served demo and host pages under tests/browser/pages.
//   node tests/browser/e2e.mjs            (after scripts/build-wasm.sh)
import { startServer } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const OUT = new URL('../output/', import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(OUT, { recursive: true });
const SEED = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8');

const { server, url: base } = await startServer({ port: 0 });
const browser = await launch();
const results = [];

async function test(name, fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = performance.now();
  let timer;
  try {
    // A test that waits for something that never comes fails instead of
    // holding the run (page.evaluate has no timeout of its own).
    await Promise.race([
      fn(page, errors),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('no result after 60 s')), 60000); }),
    ]);
    results.push({ name, ok: true, ms: performance.now() - t0 });
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push({ name, ok: false, ms: performance.now() - t0 });
    console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

/** Waits until every <gov-report> on the page is ready or failed. */
async function ready(page, selector = 'gov-report') {
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((el) => el.report || el.shadowRoot?.querySelector('.error')), selector, { timeout: 15000 });
}

await test('the embed upgrades <gov-report> on the demo page', async (page, errors) => {
  await page.goto(base);
  await ready(page, '#seed');
  const info = await page.evaluate(() => {
    const el = document.getElementById('seed');
    const s = el.shadowRoot;
    return {
      title: s.querySelector('.title').textContent,
      sections: s.querySelectorAll('details.section').length,
      marks: s.querySelectorAll('mark.metric').length,
      metrics: el.report.metrics.length,
    };
  });
  assert.equal(info.title, '淄博市2021年度法治政府建设工作的报告');
  // The report is there for the page's own ready listeners.
  const atReady = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement('gov-report');
    el.addEventListener('gov-report-ready', () => resolve(el.report?.metrics.length ?? null), { once: true });
    el.textContent = '一、总体情况\n共办理12件。';
    document.body.append(el);
  }));
  assert.equal(atReady, 1);
  assert.equal(info.sections, 13);
  assert.equal(info.marks, info.metrics);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: new URL('demo-desktop.png', OUT).pathname, fullPage: false });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: new URL('demo-375.png', OUT).pathname, fullPage: false });
  // Readable at 320 px: nothing wider than the screen.
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => {
    const gr = document.getElementById('seed').shadowRoot.querySelector('.gr');
    return { page: document.documentElement.scrollWidth, viewer: gr.scrollWidth - gr.clientWidth };
  });
  assert.ok(overflow.page <= 320 && overflow.viewer <= 1, JSON.stringify(overflow));
});

await test('one script file, then the wasm fetched alongside the report text', async (page, errors) => {
  await page.goto(`${base}test/perf.html?src=/fixtures/seed.txt`);
  await page.waitForFunction(() => window.__perf, null, { timeout: 15000 });
  const starts = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .map((e) => [e.name.replace(/.*\//, ''), { start: e.startTime, end: e.responseEnd }])));
  // The entry and the chunks it imports (all requested at once, as the
  // entry names them), then the wasm: nothing else of the package.
  const widget = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/govreport/')).sort());
  const entry = execFileSync('node', ['scripts/entry-files.mjs', 'pkg', 'govreport.js'], { cwd: ROOT, encoding: 'utf8' })
    .trim().split('\n').map((f) => `/govreport/${f}`);
  assert.ok(entry.length <= 3, `the browser entry loads ${entry.length} files`);
  assert.deepEqual(widget, [...entry, '/govreport/govreport_core_bg.wasm'].sort());
  const wasm = starts['govreport_core_bg.wasm'];
  const text = starts['seed.txt'];
  assert.ok(wasm && text, JSON.stringify(starts));
  // The wasm request goes out before the text's response is in.
  assert.ok(wasm.start <= text.end, JSON.stringify({ wasm, text }));
  assert.deepEqual(errors, []);
});

await test('the idle warm-up leaves no trace in the page', async (page, errors) => {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['gov-report-ready', 'gov-report-error', 'gov-report-toggle']) {
      document.addEventListener(type, () => window.__events.push(type), true);
    }
    // The warm-up lays its report out for one frame (so that the browser
    // finds the viewer's fonts): what the page could see of it meanwhile.
    window.__warm = [];
    addEventListener('DOMContentLoaded', () => {
      const page = () => [document.documentElement.scrollWidth, document.documentElement.scrollHeight, scrollX, scrollY];
      const before = page();
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n.nodeType !== 1 || n.id === 'r' || n.tagName === 'SCRIPT') continue;
            const style = getComputedStyle(n);
            const box = n.getBoundingClientRect();
            window.__warm.push({
              added: true,
              marks: n.shadowRoot?.querySelectorAll('mark.metric').length ?? 0,
              hidden: style.visibility === 'hidden' && n.inert && n.getAttribute('aria-hidden') === 'true',
              fixed: style.position === 'fixed' && box.top === 0 && box.left === 0,
              pageUnchanged: JSON.stringify(page()) === JSON.stringify(before),
              focus: n.contains(document.activeElement) || n.shadowRoot?.activeElement != null,
            });
          }
          for (const n of r.removedNodes) if (n.nodeType === 1) window.__warm.push({ removed: true });
        }
      }).observe(document.body, { childList: true });
    });
  });
  await page.goto(`${base}test/after-ready.html?src=/fixtures/seed.txt`);
  await page.waitForFunction(() => window.__afterReady, null, { timeout: 15000 });
  const state = await page.evaluate(() => ({
    events: window.__events,
    body: [...document.body.children].map((e) => e.id || e.tagName),
    metrics: window.__afterReady.metrics,
  }));
  // Only the page's own render: one ready event, nothing left in the page.
  assert.deepEqual(state.events, ['gov-report-ready']);
  assert.deepEqual(state.body, ['r', 'SCRIPT']);
  // The warm-up's report was laid out for a frame, hidden, inert, fixed
  // to the viewport and without changing the page's size or scroll, then
  // removed.
  const warm = await page.evaluate(() => window.__warm);
  assert.deepEqual(warm, [
    { added: true, marks: 6 * 12, hidden: true, fixed: true, pageUnchanged: true, focus: false },
    { removed: true },
  ]);
  assert.equal(state.metrics, 56);
  assert.deepEqual(errors, []);
});

await test('sections collapse and expand by mouse and keyboard', async (page) => {
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

await test('choosing a metric in the panel reveals it in a collapsed section', async (page) => {
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

await test('indicator rules of a user\'s: mount() marks the metrics and the tooltip names the rule', async (page, errors) => {
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

await test('the keyboard moves past the last attached row when a sort left hidden rows at its end', async (page) => {
  // The longest long report: 345 rows. A filter that keeps about half of
  // them, then a sort: the rows attached are the first of the new order,
  // and the last of them may be filtered out.
  await page.goto(`${base}test/after-ready.html?src=/fixtures/long/gzbg-2026-11.txt`);
  await page.waitForFunction(() => window.__afterReady);
  assert.equal(await page.evaluate(() => document.getElementById('r').shadowRoot.querySelectorAll('.metrics tbody tr').length), 40);
  const state = await page.evaluate(async () => {
    const s = document.getElementById('r').shadowRoot;
    const filter = s.querySelector('input.filter');
    // Try characters until one leaves the last attached row hidden after a sort.
    for (const c of ['1', '2', '0', '5', '3', '件', '人', '个']) {
      filter.value = c;
      filter.dispatchEvent(new Event('input'));
      for (const col of ['value', 'unit', 'subject']) {
        s.querySelector(`th button[data-sort="${col}"]`).click();
        const rows = [...s.querySelectorAll('.metrics tbody tr')];
        const shown = rows.filter((r) => !r.hidden);
        // Rows the filter keeps that are not attached yet: aria-rowcount
        // counts them (with the header row).
        const kept = Number(s.querySelector('.metrics table').getAttribute('aria-rowcount')) - 1;
        if (rows.at(-1).hidden && shown.length && shown.length < kept) {
          const last = shown.at(-1);
          last.focus();
          last.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
          const now = s.activeElement;
          return { char: c, col, moved: now !== last && now?.matches('tr[data-metric]:not([hidden])'), later: rows.indexOf(now) === -1 };
        }
      }
    }
    return null;
  });
  assert.ok(state, 'some filter and sort left a hidden row last');
  assert.deepEqual({ moved: state.moved, later: state.later }, { moved: true, later: true }, JSON.stringify(state));
});

await test('revealing a figure far down a long report lands on it', async (page) => {
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

await test('the metrics table sorts, filters and exports CSV', async (page) => {
  await page.goto(base);
  await ready(page, '#seed');
  const sortValue = page.locator('#seed th button[data-sort="value"]');
  await sortValue.click();
  await sortValue.click(); // descending
  const firstRow = await page.locator('#seed tbody tr').first().getAttribute('data-metric');
  const firstValue = await page.evaluate((id) => document.getElementById('seed').report.metrics.find((m) => m.id === id).value, firstRow);
  assert.equal(firstValue, 470000, '47万次 is the largest figure');
  assert.equal(await page.locator('#seed th:has(button[data-sort="value"])').getAttribute('aria-sort'), 'descending');
  await page.locator('#seed input.filter').fill('纠错');
  const visible = await page.locator('#seed tbody tr:not([hidden])').count();
  assert.equal(visible, 2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#seed button[data-action="export-csv"]').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(lines[0], 'subject,value,upper,unit,qualifier,section,text,change,indicator');
  assert.equal(lines.length, 3);
  assert.ok(lines.some((l) => l.startsWith('纠错率,50.63,,%,exact,(六)依法化解社会矛盾,50.63%,false,admin_reconsideration_correction_rate.comprehensive')), lines.join('\n'));
});

await test('the table and the exported CSV write values as the command line does: no exponent, ranges whole', async (page) => {
  // JavaScript prints 9e21 and 1e-7 with an exponent; a spreadsheet or a
  // diff against `govreport metrics --format csv` needs the digits. A
  // range (3至5件) is value 3, upper 5: the table shows 3–5, the CSV has
  // both, as the command line's.
  await page.goto(base);
  await ready(page, '#seed');
  const got = await page.evaluate(async () => {
    const { mount } = await import('/govreport/govreport.js');
    const el = document.createElement('div');
    document.body.append(el);
    const viewer = await mount(el, '某市2021年度法治政府建设情况报告\n一、总体情况\n全年投资90000000000000亿元，比例为0.0000001%，每村配备3至5名。\n');
    const cells = [...el.shadowRoot.querySelectorAll('.metrics tbody td.value')].map((td) => td.textContent);
    const csv = viewer.metricsCsv();
    el.remove();
    return { cells, csv, values: viewer.report.metrics.map((m) => [m.value, m.upper]) };
  });
  assert.deepEqual(got.values, [[9e21, null], [1e-7, null], [3, 5]]);
  assert.deepEqual(got.cells, ['9000000000000000000000', '0.0000001', '3–5']);
  const lines = got.csv.trim().split('\r\n');
  assert.equal(lines.length, 4);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(1, 3)), [['9000000000000000000000', ''], ['0.0000001', ''], ['3', '5']]);
});

await test('each row of the metrics table shows its figure: subject, value, unit, qualifier, section', async (page) => {
  await page.goto(base);
  await ready(page, '#seed');
  const rows = await page.evaluate(async () => {
    const el = document.getElementById('seed');
    const { labels } = await import('/govreport/govreport.js');
    dispatchEvent(new Event('beforeprint')); // attaches every row
    const s = el.shadowRoot;
    const out = [...s.querySelectorAll('.metrics tbody tr')].map((tr) => ({
      id: tr.dataset.metric,
      tabindex: tr.getAttribute('tabindex'),
      cells: [...tr.cells].map((td) => [td.className, td.textContent]),
    }));
    dispatchEvent(new Event('afterprint'));
    return { out, metrics: el.report.metrics, sections: el.report.sections, labels: labels('zh') };
  });
  const sections = new Map();
  const walk = (list) => list.forEach((x) => { sections.set(x.id, x); walk(x.children); });
  walk(rows.sections);
  assert.equal(rows.out.length, rows.metrics.length);
  rows.out.forEach((row, i) => {
    const m = rows.metrics[i];
    const s = m.section ? sections.get(m.section) : null;
    assert.equal(row.id, m.id);
    assert.equal(row.tabindex, '0');
    assert.deepEqual(row.cells.map(([c]) => c), ['subject', 'value', 'unit', 'qualifier', 'section']);
    const [subject, value, unit, qualifier, section] = row.cells.map(([, t]) => t);
    assert.equal(subject, m.subject ?? m.text);
    assert.equal(value, m.upper == null ? String(m.value) : `${m.value}–${m.upper}`);
    assert.equal(unit, m.unit ?? '');
    assert.equal(section, s ? `${s.marker}${s.title}` : '');
    assert.equal(qualifier, rows.labels[`qualifier.${m.qualifier}`]);
  });
  const correction = rows.out.find((r) => r.cells[0][1] === '纠错率');
  assert.deepEqual(correction.cells.map(([, t]) => t), ['纠错率', '50.63', '%', '确数', '(六)依法化解社会矛盾']);
});

await test('the metrics table attaches its rows as they are needed, and counts them all', async (page) => {
  await page.goto(base);
  await ready(page, '#seed');
  const state = () => page.evaluate(() => {
    const s = document.getElementById('seed').shadowRoot;
    const rows = [...s.querySelectorAll('.metrics tbody tr')];
    return {
      attached: rows.length,
      rowcount: s.querySelector('.metrics table').getAttribute('aria-rowcount'),
      first: rows[0]?.getAttribute('aria-rowindex'),
      last: rows.at(-1)?.getAttribute('aria-rowindex'),
    };
  });
  // The seed has 56 figures: the first 40 rows are in the table, and the
  // table says it has 57 rows (the header row and 56).
  assert.deepEqual(await state(), { attached: 40, rowcount: '57', first: '2', last: '41' });
  const ids = await page.evaluate(() => document.getElementById('seed').report.metrics.map((m) => m.id));
  // The keyboard moves past the last attached row.
  await page.locator(`#seed tbody tr[data-metric="${ids[39]}"]`).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.getElementById('seed').shadowRoot.activeElement?.dataset.metric), ids[40]);
  // Built only now, and numbered in place.
  assert.deepEqual(await state(), { attached: 56, rowcount: '57', first: '2', last: '57' });
  // Scrolling the table to its end attaches the rest (a fresh page).
  await page.reload();
  await ready(page, '#seed');
  await page.evaluate(() => { const w = document.getElementById('seed').shadowRoot.querySelector('.table-wrap'); w.scrollTop = w.scrollHeight; });
  await page.waitForFunction(() => document.getElementById('seed').shadowRoot.querySelectorAll('.metrics tbody tr').length === 56);
  // A filter finds rows not yet attached; the CSV has every row.
  await page.reload();
  await ready(page, '#seed');
  const lastSubject = await page.evaluate((id) => document.getElementById('seed').report.metrics.find((m) => m.id === id).subject, ids[55]);
  await page.locator('#seed input.filter').fill(lastSubject);
  assert.ok(await page.locator(`#seed tbody tr[data-metric="${ids[55]}"]:not([hidden])`).isVisible());
  const numbered = await page.evaluate(() => {
    const s = document.getElementById('seed').shadowRoot;
    const shown = [...s.querySelectorAll('.metrics tbody tr:not([hidden])')];
    return { count: s.querySelector('.metrics table').getAttribute('aria-rowcount'), indexes: shown.map((tr) => tr.getAttribute('aria-rowindex')) };
  });
  assert.equal(numbered.count, String(numbered.indexes.length + 1));
  assert.deepEqual(numbered.indexes, numbered.indexes.map((_, i) => String(i + 2)));
  await page.locator('#seed input.filter').fill('');
  const csv = await page.evaluate(() => document.getElementById('seed').metricsCsv());
  assert.equal(csv.trim().split('\r\n').length, 57);
  // When the rows do not fill the table's box (here: no height limit, as a
  // large page font could leave), the rest are attached without a scroll.
  await page.reload();
  await ready(page, '#seed');
  await page.evaluate(() => {
    const s = document.getElementById('seed').shadowRoot;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.table-wrap { max-height: none !important; }');
    s.adoptedStyleSheets = [...s.adoptedStyleSheets, sheet];
  });
  await page.waitForFunction(() => document.getElementById('seed').shadowRoot.querySelectorAll('.metrics tbody tr').length === 56);
});

await test('on a narrow screen the panels below the report still work once scrolled to', async (page) => {
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

await test('the bundle carries the same stylesheet, minified', async (page) => {
  await page.goto(base);
  // The stylesheet is the one string literal that starts with a :host rule.
  const minified = readdirSync(new URL('../../pkg/', import.meta.url)).filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(new URL(`../../pkg/${f}`, import.meta.url), 'utf8').match(/(["'])(:host\{(?:(?!\1)[^\\]|\\.)*)\1/))
    .filter(Boolean)
    // The literal as JavaScript reads it (its escapes undone).
    .map((m) => new Function(`return ${m[0]}`)())[0];
  assert.ok(minified && !minified.includes('/*') && !minified.includes('\n'), 'minified stylesheet in the bundle');
  const rules = await page.evaluate(async (min) => {
    const { css } = await import('/styles.js');
    const text = (source) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(source);
      // Declarations with var() keep their text as written: the one
      // difference allowed is the space after a comma.
      return [...sheet.cssRules].map((r) => r.cssText.replace(/,\s+/g, ','));
    };
    return { original: text(css), minified: text(min) };
  }, minified);
  assert.ok(rules.original.length > 50);
  const differ = rules.original.map((r, i) => [r, rules.minified[i]]).filter(([a, b]) => a !== b);
  assert.deepEqual(differ, [], `${rules.original.length} vs ${rules.minified.length} rules`);
});

await test('hostile host CSS does not change the viewer', async (page) => {
  await page.goto(`${base}test/hostile-css.html`);
  await ready(page);
  const styles = await page.evaluate(() => {
    const s = document.querySelector('gov-report').shadowRoot;
    const mark = s.querySelector('mark.metric');
    const p = s.querySelector('.body p');
    return { markDisplay: getComputedStyle(mark).display, color: getComputedStyle(p).color, summaryDisplay: getComputedStyle(s.querySelector('details.section > summary')).display };
  });
  assert.equal(styles.markDisplay, 'inline');
  assert.notEqual(styles.color, 'rgb(255, 0, 0)');
  assert.equal(styles.summaryDisplay, 'flex');
});

await test('markup in a report renders as text and runs nothing', async (page, errors) => {
  await page.goto(`${base}test/injection.html`);
  await ready(page);
  const state = await page.evaluate(() => {
    const s = document.querySelector('gov-report').shadowRoot;
    return { scripts: s.querySelectorAll('script, img, iframe').length, text: s.querySelector('article').textContent, owned: window.__owned ?? false, title: document.title };
  });
  assert.equal(state.scripts, 0);
  assert.ok(state.text.includes('<script>window.__owned=true</script>'));
  assert.ok(state.text.includes('<img src=x onerror="window.__owned=true">'));
  assert.equal(state.owned, false);
  assert.deepEqual(errors, []);
});

await test('a strict Content-Security-Policy page still works', async (page, errors) => {
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto(`${base}?csp`);
  assert.match(response.headers()['content-security-policy'], /wasm-unsafe-eval/);
  await ready(page, '#seed');
  assert.equal(await page.evaluate(() => document.getElementById('seed').shadowRoot.querySelectorAll('mark.metric').length), 56);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});

await test('existing article markup upgrades, keeping the light DOM as fallback', async (page) => {
  await page.goto(`${base}test/markup.html`);
  await page.waitForFunction(() => document.querySelector('[data-gov-report]')?.dataset.govReportState === 'ready');
  const state = await page.evaluate(() => {
    const el = document.querySelector('[data-gov-report]');
    return { light: el.querySelectorAll('p').length, sections: el.shadowRoot.querySelectorAll('details.section').length, marks: el.shadowRoot.querySelectorAll('mark').length };
  });
  assert.ok(state.light >= 3);
  assert.equal(state.sections, 3);
  assert.ok(state.marks >= 2);
});

await test('a panic becomes an Error and other viewers keep working', async (page) => {
  await page.goto(`${base}test/two.html`);
  await ready(page);
  const result = await page.evaluate(async () => {
    const mod = await import('/govreport/govreport.js');
    let caught = null;
    try { mod.__test.panic(); } catch (e) { caught = e instanceof Error ? `${e.name}: ${e.message}` : String(e); }
    const again = mod.parse('一、总体情况\n共办理12件。').metrics.length;
    const el = document.getElementById('second');
    el.text = '（一）主动公开\n公开信息5994条。';
    await new Promise((r) => el.addEventListener('gov-report-ready', r, { once: true }));
    return { caught, again, marks: el.shadowRoot.querySelectorAll('mark').length, first: document.getElementById('first').report.metrics.length };
  });
  assert.ok(result.caught, 'the panic reached JavaScript');
  assert.equal(result.again, 1);
  assert.equal(result.marks, 1);
  assert.ok(result.first > 0);
});

await test('a report served as GBK or as UTF-16 reads as the same text', async (page) => {
  // Older portals serve text/plain; charset=gbk; Windows Notepad saved
  // "Unicode" as UTF-16 with a byte order mark. response.text() would read
  // both as UTF-8.
  const gbk = readFileSync(new URL('../fixtures/encodings/seed.gb18030', import.meta.url));
  const utf16 = Buffer.from(`\uFEFF${SEED}`, 'utf16le');
  await page.route('**/enc/gbk.txt', (route) => route.fulfill({ body: gbk, headers: { 'content-type': 'text/plain; charset=gbk' } }));
  await page.route('**/enc/utf16.txt', (route) => route.fulfill({ body: utf16, headers: { 'content-type': 'text/plain' } }));
  await page.route('**/enc/unknown.txt', (route) => route.fulfill({ body: Buffer.from(SEED), headers: { 'content-type': 'text/plain; charset=x-no-such-thing' } }));
  await page.goto(base);
  await ready(page, '#seed');
  const got = await page.evaluate(async () => {
    const read = (src) => new Promise((resolve) => {
      const el = document.createElement('gov-report');
      el.addEventListener('gov-report-ready', () => resolve({ title: el.report.title, metrics: el.report.metrics.length, m23: el.report.metrics[22]?.text ?? null }), { once: true });
      el.setAttribute('src', src);
      document.body.append(el);
    });
    return [await read('/enc/gbk.txt'), await read('/enc/utf16.txt'), await read('/enc/unknown.txt')];
  });
  const want = { title: '淄博市2021年度法治政府建设工作的报告', metrics: 56, m23: '2.4万余人次' };
  assert.deepEqual(got, [want, want, want]);
});

await test('bad input shows a readable error with the original text', async (page) => {
  await page.goto(`${base}test/two.html`);
  await ready(page);
  const state = await page.evaluate(async () => {
    const { mount } = await import('/govreport/govreport.js');
    const host = document.createElement('div');
    host.textContent = 'original';
    document.body.append(host);
    let threw = false;
    try { await mount(host, 42); } catch { threw = true; }
    const attempt = async () => { try { await mount(host, { text: '一、x', report: { nonsense: true } }); } catch { return true; } return false; };
    let badOption = null;
    try { (await import('/govreport/govreport.js')).parse('x', { langauge: 'en' }); } catch (e) { badOption = e.message; }
    return { threw, threwReport: await attempt(), badOption, alert: host.shadowRoot?.querySelector('[role=alert]')?.textContent ?? null };
  });
  assert.equal(state.threw, true);
  assert.match(state.badOption, /unknown field `langauge`, expected one of `lang`, `indicators`/);
  assert.equal(state.threwReport, true);
  assert.match(state.alert, /无法解析|could not/);
});

await test('the page\'s own content stays on screen while the wasm loads', async (page, errors) => {
  // The wasm is held back until the page has been looked at.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  // Released whatever happens, so that no request is left waiting.
  const timer = setTimeout(() => release(), 20000);
  await page.goto(`${base}test/markup.html`);
  await page.waitForFunction(() => document.querySelector('article').dataset.govReportState === 'loading');
  await page.evaluate(() => {
    const inline = document.createElement('gov-report');
    inline.id = 'inline';
    inline.textContent = '某区2023年法治政府建设情况报告 一、主要举措和成效 培训执法人员3500余人次。';
    document.body.append(inline);
  });
  const during = await page.evaluate(() => ['article', '#inline'].map((sel) => {
    const el = document.querySelector(sel);
    const slot = el.shadowRoot?.querySelector('slot');
    return { sel, height: el.getBoundingClientRect().height, shown: slot?.assignedNodes().length ?? 0, viewer: !!el.shadowRoot?.querySelector('.gr') };
  }));
  for (const d of during) {
    assert.ok(d.height > 0 && d.shown > 0 && !d.viewer, `${d.sel} while the wasm loads: ${JSON.stringify(d)}`);
  }
  release();
  clearTimeout(timer);
  await page.waitForFunction(() => document.querySelector('article').dataset.govReportState === 'ready');
  await ready(page, '#inline');
  const after = await page.evaluate(() => ['article', '#inline'].map((sel) => {
    const s = document.querySelector(sel).shadowRoot;
    return { slots: s.querySelectorAll('slot').length, marks: s.querySelectorAll('mark.metric').length };
  }));
  assert.deepEqual(after, [{ slots: 0, marks: 2 }, { slots: 0, marks: 1 }]);
  assert.deepEqual(errors, []);
});

await test('a browser that cannot load the wasm shows the message and the whole text', async (page) => {
  // As an engine without the module's wasm features would: compiling fails.
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 2, 3]) }));
  await page.goto(`${base}test/perf.html?src=/fixtures/seed.txt`);
  await page.waitForFunction(() => document.getElementById('r').shadowRoot?.querySelector('[role=alert]'));
  const shown = await page.evaluate(() => {
    const s = document.getElementById('r').shadowRoot;
    return { alert: s.querySelector('[role=alert] strong').textContent, text: s.querySelector('.fallback').textContent };
  });
  assert.equal(shown.alert, '无法加载报告查看器，下面显示原文。');
  assert.equal(shown.text, SEED);
  await page.goto(`${base}test/markup.html`);
  await page.waitForFunction(() => document.querySelector('article').dataset.govReportState === 'error');
  const article = await page.evaluate(() => {
    const a = document.querySelector('article');
    return { alert: !!a.shadowRoot.querySelector('[role=alert]'), shown: a.shadowRoot.querySelector('slot')?.assignedNodes().length ?? 0, height: a.getBoundingClientRect().height };
  });
  assert.ok(article.alert && article.shown > 0 && article.height > 100, JSON.stringify(article));
});

await test('without constructable stylesheets the viewer and its errors are still styled', async (page, errors) => {
  // As in Safari before 16.4 and Firefox before 101.
  await page.addInitScript(() => {
    delete Document.prototype.adoptedStyleSheets;
    delete ShadowRoot.prototype.adoptedStyleSheets;
  });
  await page.goto(`${base}test/perf.html?src=/fixtures/seed.txt`);
  await ready(page, '#r');
  const state = await page.evaluate(async () => {
    const s = document.getElementById('r').shadowRoot;
    const { mount } = await import('/govreport/govreport.js');
    const host = document.createElement('div');
    document.body.append(host);
    try { await mount(host, 42); } catch { /* shows the error */ }
    const e = host.shadowRoot;
    return {
      adopted: 'adoptedStyleSheets' in Document.prototype,
      styles: s.querySelectorAll('style[data-gov-report]').length,
      layout: getComputedStyle(s.querySelector('.layout')).display,
      errorStyles: e.querySelectorAll('style[data-gov-report]').length,
      errorAlert: !!e.querySelector('[role=alert]'),
    };
  });
  assert.deepEqual(state, { adopted: false, styles: 1, layout: 'grid', errorStyles: 1, errorAlert: true });
  assert.deepEqual(errors, []);
});

await test('English labels when the page says lang="en"', async (page) => {
  await page.goto(`${base}test/english.html`);
  await ready(page);
  const text = await page.evaluate(() => document.querySelector('gov-report').shadowRoot.querySelector('.toolbar').textContent);
  assert.match(text, /Expand all/);
  const check = await page.evaluate(() => document.querySelector('gov-report').report.checks[0].message);
  assert.match(check, /[A-Za-z]/);
});

await test('printing opens every section, then restores them', async (page) => {
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

await test('axe-core finds no serious or critical violations, sections open and closed', async (page) => {
  await page.goto(base);
  await ready(page, '#seed');
  await page.addScriptTag({ path: new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  for (const state of ['open', 'closed']) {
    if (state === 'closed') await page.locator('#seed button[data-action="collapse-all"]').click();
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, [], `sections ${state}`);
  }
});

await browser.close();
server.close();
const failed = results.filter((r) => !r.ok);
console.log(`\nbrowser e2e: ${results.length - failed.length} passed, ${failed.length} failed (${results.length} tests)`);
process.exit(failed.length ? 1 : 0);
