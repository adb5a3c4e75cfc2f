// Browser tests (node --test, Debian's Chromium through Playwright).
// 政府信息公开工作年度报告 with their tables: the same page gives the same
// report in the browser (the DOM, src/html.rs's rules in www/blocks.js) as
// on the command line (html5ever); the tables as tables, their checks on
// their cells, the keyboard, axe, 320 px.
import { test, ready, base, ROOT } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

// The command line, built first (a fresh clone has none yet).
execFileSync('cargo', ['build', '--quiet', '--bin', 'govreport'], { cwd: ROOT, stdio: 'inherit' });
const BIN = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'debug', 'govreport');
const cli = (file) => JSON.parse(execFileSync(BIN, ['parse', file], { maxBuffer: 1 << 28 }).toString());
/** Waits for the page's upgraded article. */
const upgraded = (page) => page.waitForFunction(() => document.querySelector('[data-gov-report]')?.dataset.govReportState === 'ready', null, { timeout: 15000 });
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'xxgk');
// The portal pages, and a page's article saved as text (xxgk-11.txt starts with a tag).
const PAGES = readdirSync(FIXTURES).filter((f) => f.endsWith('.page.html') || f === 'xxgk-11.txt');

test('every corpus page gives the same report from the DOM as from the command line', async (page) => {
  await page.goto(`${base}test/markup.html`);
  await upgraded(page);
  assert.ok(PAGES.length >= 4);
  for (const f of PAGES) {
    const want = cli(join(FIXTURES, f));
    const got = await page.evaluate(async (url) => {
      const g = await import('/govreport/govreport.js');
      const html = await (await fetch(url)).text();
      return g.parseDocument(g.documentFromHtml(html));
    }, `/fixtures/xxgk/${f}`);
    assert.equal(got.text, want.text, `${f}: the document's text`);
    assert.deepEqual(got, want, f);
    assert.ok(got.tables.filter((t) => t.kind).length >= 3, f);
  }
});

test('an upgraded portal article shows its tables, and its failing checks on their cells', async (page, errors) => {
  await page.goto(`${base}test/disclosure.html`);
  await upgraded(page);
  const state = await page.evaluate(() => {
    const s = document.querySelector('[data-gov-report]').shadowRoot;
    const figures = [...s.querySelectorAll('figure.table')];
    return {
      tables: figures.map((f) => f.querySelector('figcaption').textContent),
      colHeads: s.querySelectorAll('table.cells th[scope="col"]').length,
      rowHeads: s.querySelectorAll('table.cells th[scope="row"]').length,
      cell: s.querySelector('td[data-cell="requests.new.total"] .value')?.textContent,
      failing: [...s.querySelectorAll('td.flag-fail')].map((td) => td.dataset.cell),
      flagWords: s.querySelector('td.flag-fail button.flag')?.textContent,
      // The text of every table is in the DOM, folded under it.
      sources: figures.map((f) => f.querySelector('details.table-source .body').textContent.length > 0),
    };
  });
  assert.equal(state.tables.length, 3, JSON.stringify(state.tables));
  assert.ok(state.tables[1].startsWith('收到和处理政府信息公开申请情况'), state.tables[1]);
  assert.ok(state.colHeads >= 7 + 5 && state.rowHeads >= 23);
  assert.equal(state.cell, '21');
  // 平潭 2020 prints result rows that add up to more than （七）总计.
  assert.ok(state.failing.includes('requests.results_total.natural'), JSON.stringify(state.failing));
  // Told in words and by an icon, not by colour alone.
  assert.match(state.flagWords, /✗核对未通过/);
  assert.deepEqual(state.sources, [true, true, true]);

  // From the cell to its check, and back, by keyboard.
  const flag = page.locator('[data-gov-report] td[data-cell="requests.results_total.natural"] button.flag').first();
  await flag.focus();
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => {
    const a = document.querySelector('[data-gov-report]').shadowRoot.activeElement;
    return { id: a?.dataset.check, status: a?.className };
  });
  assert.equal(focused.id, 'arith.requests.results_sum.natural');
  assert.match(focused.status, /status-fail/);
  await page.keyboard.press('Tab'); // the check's button to its cells
  await page.keyboard.press('Enter');
  const back = await page.evaluate(() => document.querySelector('[data-gov-report]').shadowRoot.activeElement?.dataset.cell);
  assert.equal(back, 'requests.results_total.natural');
  assert.deepEqual(errors, []);
});

test('axe finds nothing serious on a report with tables, and at 320 px a table scrolls in its own box', async (page) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${base}test/disclosure.html`);
  await upgraded(page);
  await page.addScriptTag({ path: new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`);
  });
  assert.deepEqual(violations, []);
  const box = await page.evaluate(() => {
    const s = document.querySelector('[data-gov-report]').shadowRoot;
    const scroll = s.querySelectorAll('.table-scroll')[1];
    return {
      page: document.documentElement.scrollWidth,
      inner: scroll.scrollWidth,
      outer: scroll.clientWidth,
      focusable: scroll.tabIndex === 0 && scroll.getAttribute('role') === 'region' && !!scroll.getAttribute('aria-labelledby'),
    };
  });
  assert.ok(box.page <= 320, `the page is ${box.page} px wide`);
  assert.ok(box.inner > box.outer, 'the requests table scrolls inside its box');
  assert.ok(box.focusable, 'the scroll box is reachable by keyboard and named');
});

test('a src served as HTML is read as a page: its article, its tables, no script run', async (page, errors) => {
  await page.goto(`${base}test/src-html.html`);
  await ready(page, '#r');
  const got = await page.evaluate(() => {
    const r = document.getElementById('r');
    return {
      cells: r.report.tables.reduce((n, t) => n + t.cells.length, 0),
      text: r.text === r.report.text,
      title: document.title,
      figures: r.shadowRoot.querySelectorAll('figure.table').length,
    };
  });
  assert.equal(got.cells, 198);
  assert.ok(got.text, 'the element\'s text is the document\'s, which the spans index');
  // The page's own scripts (a title changer among them) never ran.
  assert.equal(got.title, 'a src served as HTML');
  assert.ok(got.figures >= 3);
  assert.deepEqual(errors, []);
});

test('a report converted from PDF reads each hard-wrapped paragraph as one, its figures across the breaks', async (page) => {
  // 上海市科委 2024: a line break every thirty or so characters.
  await page.goto(`${base}test/after-ready.html?src=/fixtures/xxgk/xxgk-09.txt`);
  await page.waitForFunction(() => window.__afterReady);
  const state = await page.evaluate(() => {
    const s = document.getElementById('r').shadowRoot;
    const mark = [...s.querySelectorAll('mark.metric')].find((m) => m.textContent.startsWith('294'));
    const p = mark?.closest('p');
    return {
      mark: mark?.textContent,
      // The paragraph holds the line before the break and the one after.
      para: p?.textContent.includes('共编发文章') && p?.textContent.includes('微信公众号目前关注人数'),
    };
  });
  assert.equal(state.mark, '294\n篇');
  assert.ok(state.para, 'the wrapped lines are one paragraph');
});

test('page numbers and running headers put back into a PDF text are shown apart, dimmed, not as report text', async (page) => {
  await page.goto(`${base}test/after-ready.html?src=/fixtures/xxgk/xxgk-09.txt`);
  await page.waitForFunction(() => window.__afterReady);
  const state = await page.evaluate(async () => {
    const { mount } = await import('/govreport/govreport.js');
    // As tests/pdf.rs: after every 38th line (not inside a table's rows),
    // the page's number and the running header.
    const text = await (await fetch('/fixtures/xxgk/xxgk-09.txt')).text();
    const added = [];
    let since = 0;
    const out = text.split(/(?<=\n)/).map((line) => {
      since += 1;
      if (since < 38 || line.startsWith('|')) return line;
      since = 0;
      const lines = [`— ${added.length / 2 + 1} —`, '2024 年上海市科委政府信息公开工作年度报告'];
      added.push(...lines);
      return `${line}${lines.join('\n')}\n`;
    }).join('');
    const el = document.createElement('div');
    document.body.append(el);
    const viewer = await mount(el, out);
    const s = el.shadowRoot;
    return {
      added,
      shown: [...s.querySelectorAll('details.section p.page-furniture')].map((p) => p.textContent.trim()),
      report: viewer.report.furniture.length,
      inText: [...s.querySelectorAll('.body p:not(.page-furniture)')].some((p) => added.some((a) => p.textContent.trim() === a)),
    };
  });
  assert.ok(state.added.length >= 6);
  // Those outside the tables are shown apart; those inside a table's text
  // are in the table's folded source.
  assert.ok(state.shown.length >= 2, JSON.stringify(state.shown));
  for (const t of state.shown) assert.ok(state.added.includes(t), t);
  assert.ok(state.report >= state.added.length);
  assert.equal(state.inText, false);
});
