// Command line: turn a plain-text news listing into a JSON Feed 1.1 document on standard output.
//   npm run feed:from-listing -- INPUT.txt [--title "Feed title"] [--home-page-url URL] [--feed-url URL] > feed.json
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listingToFeed } from '../shared/listing/listingToFeed';

const usage = 'Usage: npm run feed:from-listing -- INPUT.txt [--title TITLE] [--home-page-url URL] [--feed-url URL] > feed.json';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    'home-page-url': { type: 'string' },
    'feed-url': { type: 'string' },
    language: { type: 'string' },
  },
});

const [input] = positionals;
if (input === undefined || positionals.length > 1) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

let listing: string;
try {
  listing = readFileSync(input, 'utf8');
} catch (error) {
  process.stderr.write(`Cannot read ${input}: ${(error as Error).message}\n`);
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
process.stdout.write(`${JSON.stringify(feed.value, null, 2)}\n`);
