// Browser tests (node --test, Debian's Chromium through Playwright).
// Accessibility: axe-core on the demo page, with the sections open and closed (keyboard use is tested with each feature).
import { test, ready, base, SEED, OUT, ROOT } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';

test('axe-core finds no serious or critical violations, sections open and closed', async (page) => {
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
