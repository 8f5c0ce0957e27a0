/** Debian's chromium through playwright-core, headless, with a context set up as a user in Cần Thơ sees the app. */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Closes the context and the browser, ignoring errors (for afterAll). */
  close(): Promise<void>;
}

/** Launches chromium and opens a context on baseURL; `options` add to (or override) the context's defaults. */
export async function launchBrowser(baseURL: string, options: BrowserContextOptions = {}): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let context: BrowserContext;
  try {
    // reduced motion: the app then turns its animations off (as for a user who asks for it), so a click never lands
    // on a dialog still zooming in, where antd drops it
    context = await browser.newContext({
      baseURL,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
      ...options,
    });
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw err;
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
  };
  return { browser, context, close };
}
