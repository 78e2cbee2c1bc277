// Command line: turn a plain-text news listing into a feed on standard output: JSON Feed 1.1 (the
// default), RSS 2.0 or Atom 1.0.
//   npm run feed:from-listing -- INPUT.txt [--format json|rss|atom] [--title "Feed title"] [--home-page-url URL] [--feed-url URL] > feed.json
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listingToFeed } from '../shared/listing/listingToFeed';
import { writeAtom, writeRss, writtenFeedFormats, type WrittenFeedFormat } from '../shared/listing/writeFeed';

const usage = 'Usage: npm run feed:from-listing -- INPUT.txt [--format json|rss|atom] [--title TITLE] [--home-page-url URL] [--feed-url URL] [--language CODE] > feed.json';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'json' },
    title: { type: 'string' },
    'home-page-url': { type: 'string' },
    'feed-url': { type: 'string' },
    language: { type: 'string' },
  },
});

const isFormat = (value: unknown): value is WrittenFeedFormat => writtenFeedFormats.some((format) => format === value);

const [input] = positionals;
if (input === undefined || positionals.length > 1 || !isFormat(values.format)) {
  if (!isFormat(values.format)) process.stderr.write(`Unknown --format "${values.format}": choose json, rss or atom.\n`);
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const format = values.format;

let listing: string;
try {
  listing = readFileSync(input, 'utf8');
} catch (error) {
  process.stderr.write(`Cannot read ${input}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const feed = listingToFeed(listing, {
  title: values.title ?? 'News',
  ...(values['home-page-url'] ? { homePageUrl: values['home-page-url'] } : {}),
  ...(values['feed-url'] ? { feedUrl: values['feed-url'] } : {}),
  ...(values.language ? { language: values.language } : {}),
});
if (!feed.ok) {
  process.stderr.write(`${input}: ${feed.error}\n`);
  process.exit(1);
}
// JSON keeps today's readable, indented output; the XML writers indent on their own.
const output = format === 'rss' ? writeRss(feed.value) : format === 'atom' ? writeAtom(feed.value) : `${JSON.stringify(feed.value, null, 2)}\n`;
process.stdout.write(output);
