// Before any end-to-end test: the system Chromium and the web build must exist, or the run fails
// here with a message saying what to do — never a silent skip.
import { existsSync } from 'node:fs';
import { chromiumPath, missingChromiumMessage, webBuildDir } from './chromium';

export default function checkPrerequisites(): void {
  if (!existsSync(chromiumPath)) throw new Error(missingChromiumMessage);
  if (!existsSync(`${webBuildDir}/index.html`)) {
    throw new Error('The web build is missing: run `npm run build` before `npm run test:e2e` (npm test does both).');
  }
}
