// Launches Debian's Chromium through playwright-core for the end-to-end tests (no browser download).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The web build the tests drive: `npm run build` writes dist/renderer; WEB_BUILD_DIR points elsewhere (a second checkout's build). */
export const webBuildDir = process.env.WEB_BUILD_DIR ?? 'dist/renderer';

export const missingChromiumMessage = `Chromium was not found at ${chromiumPath}. The end-to-end tests drive the system Chromium:
install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.`;

/** The flags every end-to-end browser runs with, also a persistent profile (launchPersistentContext). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const launchChromium = (): Promise<Browser> => {
  if (!existsSync(chromiumPath)) throw new Error(missingChromiumMessage);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
};
