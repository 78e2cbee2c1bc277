// Where the bundled sample news comes from and goes to, shared by the script that makes it and its test.
import { fileURLToPath } from 'node:url';
import type { ListingOptions } from '../shared/listing/listingToFeed';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The team material beside the repo; only this script reads it. */
export const teamListingPath = fromRoot('../shared/data/iom-regional-news-2021.txt');
/** The in-repo copy, so tests and later regenerations do not depend on the team folder. */
export const listingCopyPath = fromRoot('tests/fixtures/iom-regional-news-2021.txt');
export const sampleFeedPath = fromRoot('renderer/public/feeds/iom-regional-news-2021.json');
export const sampleListingOptions: ListingOptions = {
  title: 'IOM Regional News',
  language: 'en',
};
