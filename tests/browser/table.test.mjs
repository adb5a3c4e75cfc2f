// Browser tests (node --test, Debian's Chromium through Playwright).
// The metrics table and its CSV: sorting, filtering, export, values as the command line writes them, rows attached as needed.
import { test, ready, base, SEED, OUT, ROOT } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';

test('the keyboard moves past the last attached row when a sort left hidden rows at its end', async (page) => {
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

test('the metrics table sorts, filters and exports CSV', async (page) => {
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

test('the table and the exported CSV write values as the command line does: no exponent, ranges whole', async (page) => {
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

test('each row of the metrics table shows its figure: subject, value, unit, qualifier, section', async (page) => {
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

test('the metrics table attaches its rows as they are needed, and counts them all', async (page) => {
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
