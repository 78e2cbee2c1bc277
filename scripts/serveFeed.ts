// `npm run feed:serve -- --articles`: a teaser-only RSS feed whose items link to the 45 real article
// pages of ../shared/data/article-pages, on 127.0.0.1, to watch Field News save full articles.
// `npm run feed:serve -- [FILE] [--port N] [--page-size N] [--format json|rss|atom]`: serves a feed on
// 127.0.0.1 with ETag, Last-Modified, optional pagination and CORS, to watch a sync in the app or in
// web mode. A JSON Feed file is served as JSON Feed, RSS and Atom; an RSS or Atom file as it stands
// (its format read from its content). /feeds.opml lists the feeds; / announces them for discovery.
import { resolve } from 'node:path';
import { writtenFeedFormats, type WrittenFeedFormat } from '../shared/listing/writeFeed';
import { startFeedServer } from './feedServer';
import { startArticleServer } from './articleServer';
import { readCorpus } from './articleCorpus';

const usage = 'Usage: npm run feed:serve -- [FILE] [--port N] [--page-size N] [--format json|rss|atom], or npm run feed:serve -- --articles';

interface ServeArguments {
  file: string;
  port: number;
  pageSize: number | undefined;
  format: WrittenFeedFormat;
}

const isFormat = (value: unknown): value is WrittenFeedFormat => writtenFeedFormats.some((format) => format === value);

const parseArguments = (args: string[]): ServeArguments | string => {
  let file = 'renderer/public/feeds/iom-regional-news-2021.json';
  let port = 8787;
  let pageSize: number | undefined;
  let format: WrittenFeedFormat = 'json';
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index] ?? '';
    if (argument === '--port' || argument === '--page-size') {
      const value = Number(args[index + 1]);
      index += 1;
      if (!Number.isInteger(value) || value < (argument === '--port' ? 0 : 1)) return `${argument} needs a whole number. ${usage}`;
      if (argument === '--port') port = value;
      else pageSize = value;
    } else if (argument === '--format') {
      const value = args[index + 1];
      index += 1;
      if (!isFormat(value)) return `--format takes json, rss or atom. ${usage}`;
      format = value;
    } else if (argument.startsWith('-')) {
      return `Unknown option ${argument}. ${usage}`;
    } else {
      file = argument;
    }
  }
  return { file: resolve(file), port, pageSize, format };
};

if (process.argv.includes('--articles')) {
  const names = readCorpus().map((page) => page.name);
  const articles = await startArticleServer({ items: names.map((name) => ({ page: `/articles/${name}/`, title: `Article page: ${name}`, teaser: 'Two lines of the story, and a link to the rest.' })) });
  console.log(`Serving a teaser feed of ${names.length} article pages. Paste this into Feed URL and press Add feed: ${articles.feedUrl}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void articles.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}

const parsed = parseArguments(process.argv.slice(2));
if (typeof parsed === 'string') {
  console.error(parsed);
  process.exit(2);
}
try {
  const server = await startFeedServer({ file: parsed.file, port: parsed.port, pageSize: parsed.pageSize, format: parsed.format });
  console.log(`Serving ${parsed.file}${parsed.pageSize ? ` in pages of ${parsed.pageSize}` : ''}.`);
  console.log(`Paste this address into Field News's Feed URL field and press Add feed: ${server.url}`);
  const others = server.feeds.filter((feed) => feed.url !== server.url);
  if (others.length > 0) console.log(`The same news in other formats: ${others.map((feed) => feed.url).join(', ')}`);
  console.log(`All feeds as OPML: ${server.origin}/feeds.opml · a page announcing them (for discovery): ${server.origin}/`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Could not serve ${parsed.file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
