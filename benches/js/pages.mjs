// What benches/js/browser.mjs and browser-ab.mjs share: the texts they
// load and how they wait for a timing page.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The file name of the longest report in tests/fixtures/long. */
export function longestLongReport() {
  const dir = `${ROOT}/tests/fixtures/long`;
  const longs = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  return longs.sort((a, b) => statSync(`${dir}/${b}`).size - statSync(`${dir}/${a}`).size)[0];
}

/** The middle value (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Opens a timing page and waits for its "gov-report-perf" console message.
 * Not page.waitForFunction: Playwright would inject and run its own script
 * in the page while it loads, on the main thread the page is timing (about
 * 25 ms of script parsing in a Chromium trace; script request → viewer
 * medians 40–100 ms worse, side by side).
 */
export async function loadTimingPage(page, address) {
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'gov-report-perf', timeout: 20000 });
  await page.goto(address);
  await done;
}
