// What every browser test file shares: the demo server and one Chromium
// (Debian's, through playwright-core), started when a file imports this
// and stopped after its last test; and `test(name, fn)`, which gives each
// test a fresh browser context and page and the page's uncaught errors.
//
//   node --test --test-concurrency=1 tests/browser/    (after scripts/build-wasm.sh)
import { test as nodeTest, after } from 'node:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

/** Where screenshots and the print PDF go. */
export const OUT = new URL('../output/', import.meta.url);
mkdirSync(OUT, { recursive: true });
/** The repository. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The seed report's text. */
export const SEED = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8');

const { server, url } = await startServer({ port: 0 });
const browser = await launch();
/** The demo server's address (www/ at /, pkg/ at /govreport/, the test pages at /test/). */
export const base = url;

after(async () => {
  await browser.close();
  server.close();
});

/**
 * A browser test: `fn(page, errors)` with a fresh context (1280 × 900), its
 * page, and the page's uncaught errors so far. A test that waits for
 * something that never comes fails after 60 s instead of holding the run.
 */
export function test(name, fn) {
  return nodeTest(name, { timeout: 60000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await fn(page, errors);
    } finally {
      await context.close();
    }
  });
}

/** Waits until every element matching `selector` on the page is ready or failed. */
export async function ready(page, selector = 'gov-report') {
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((el) => el.report || el.shadowRoot?.querySelector('.error')), selector, { timeout: 15000 });
}
