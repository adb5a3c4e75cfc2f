// Browser tests (node --test, Debian's Chromium through Playwright).
// Hostile pages and input: the host's CSS, markup and script in a report, a strict CSP, panics, encodings, bad arguments, browsers without constructable stylesheets.
import { test, ready, base, SEED, OUT, ROOT } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';

test('hostile host CSS does not change the viewer', async (page) => {
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

test('markup in a report renders as text and runs nothing', async (page, errors) => {
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

test('a strict Content-Security-Policy page still works', async (page, errors) => {
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto(`${base}?csp`);
  assert.match(response.headers()['content-security-policy'], /wasm-unsafe-eval/);
  await ready(page, '#seed');
  assert.equal(await page.evaluate(() => document.getElementById('seed').shadowRoot.querySelectorAll('mark.metric').length), 56);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});

test('a panic becomes an Error and other viewers keep working', async (page) => {
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

test('a report served as GBK or as UTF-16 reads as the same text', async (page) => {
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

test('bad input shows a readable error with the original text', async (page) => {
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

test('without constructable stylesheets the viewer and its errors are still styled', async (page, errors) => {
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
