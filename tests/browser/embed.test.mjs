// Browser tests (node --test, Debian's Chromium through Playwright).
// The embed as a portal uses it: the script tag, <gov-report src>, inline text and articles, the package's files, the warm-up, the fallbacks when the wasm cannot load, the page's language.
import { test, ready, base, SEED, OUT, ROOT } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';

test('the embed upgrades <gov-report> on the demo page', async (page, errors) => {
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

test('the entry and its chunks, then the wasm fetched alongside the report text', async (page, errors) => {
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

test('the idle warm-up leaves no trace in the page', async (page, errors) => {
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

test('the bundle carries the same stylesheet, minified', async (page) => {
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

test('existing article markup upgrades, keeping the light DOM as fallback', async (page) => {
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

test('the page\'s own content stays on screen while the wasm loads', async (page, errors) => {
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

test('a browser that cannot load the wasm shows the message and the whole text', async (page) => {
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

test('English labels when the page says lang="en"', async (page) => {
  await page.goto(`${base}test/english.html`);
  await ready(page);
  const text = await page.evaluate(() => document.querySelector('gov-report').shadowRoot.querySelector('.toolbar').textContent);
  assert.match(text, /Expand all/);
  const check = await page.evaluate(() => document.querySelector('gov-report').report.checks[0].message);
  assert.match(check, /[A-Za-z]/);
});
