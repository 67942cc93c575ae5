// A real headless Chromium for the console tests, driven over the DevTools protocol by
// puppeteer-core (no bundled browser: Debian's chromium, installed by scripts/ci-chromium.sh, or
// $AIMESH_CHROMIUM). launchBrowser() says why when there is none, so a test can skip saying so.
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser } from 'puppeteer-core';

export type { Browser, Page } from 'puppeteer-core';

function chromiumPath(): string | undefined {
  if (process.env.AIMESH_CHROMIUM) return process.env.AIMESH_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {}
  }
  return undefined;
}

/** A started browser, or the reason there is none. */
export async function launchBrowser(): Promise<{ browser: Browser } | { skip: string }> {
  const executablePath = chromiumPath();
  if (!executablePath)
    return { skip: 'no chromium on PATH (run scripts/ci-chromium.sh, or set AIMESH_CHROMIUM)' };
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      // Root in a container: no user namespaces for the sandbox; no GPU; /dev/shm may be tiny.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=en-US'],
      timeout: 60_000,
    });
    return { browser };
  } catch (err) {
    return { skip: `chromium (${executablePath}) did not start: ${(err as Error).message.split('\n')[0]}` };
  }
}
