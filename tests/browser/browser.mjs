// Launches Debian's Chromium (or $CHROME) through playwright-core: never a
// downloaded browser.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function chromePath() {
  const candidates = [process.env.CHROME, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('no Chromium found: run scripts/setup.sh or set CHROME=/path/to/chrome');
  return found;
}

export async function launch() {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'govreport-chrome-'))}`,
    ].filter((a) => !a.startsWith('--user-data-dir')),
  });
}
