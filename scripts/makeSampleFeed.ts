// Regenerates the bundled sample feed from the team's listing (npm run feed:sample).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { listingToFeed } from '../shared/listing/listingToFeed';
import { listingCopyPath, sampleFeedPath, sampleListingOptions, teamListingPath } from './sampleFeed';

if (existsSync(teamListingPath)) copyFileSync(teamListingPath, listingCopyPath);
const feed = listingToFeed(readFileSync(listingCopyPath, 'utf8'), sampleListingOptions);
if (!feed.ok) {
  process.stderr.write(`${listingCopyPath}: ${feed.error}\n`);
  process.exit(1);
}
writeFileSync(sampleFeedPath, `${JSON.stringify(feed.value, null, 2)}\n`);
process.stdout.write(`Wrote ${feed.value.items.length} items to ${sampleFeedPath}\n`);
