// `npm run web`: serves the renderer's web build on 127.0.0.1 for a person to try in a browser.
import { existsSync } from 'node:fs';
import { startStaticServer } from './staticServer';

const folder = 'dist/renderer';
if (!existsSync(`${folder}/index.html`)) {
  process.stderr.write('No web build found. Run `npm run build:renderer` first (npm run web does it for you).\n');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 5173);
const server = await startStaticServer(folder, port);
process.stdout.write(`Field News (web mode) is at ${server.url}\nPress Ctrl+C to stop.\n`);
