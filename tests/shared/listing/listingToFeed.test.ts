import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listingToFeed } from '../../../shared/listing/listingToFeed';
import { parseJsonFeed } from '../../../shared/feed/parseJsonFeed';
import { listingCopyPath, sampleFeedPath, sampleListingOptions } from '../../../scripts/sampleFeed';

const options = { title: 'Test news' };
const sharedListing = readFileSync(listingCopyPath, 'utf8');

const errorOf = (listing: string): string => {
  const result = listingToFeed(listing, options);
  if (result.ok) throw new Error('expected the listing to be refused');
  return result.error;
};

describe('listingToFeed over the shared IOM listing', () => {
  const result = listingToFeed(sharedListing, sampleListingOptions);
  if (!result.ok) throw new Error(result.error);
  const feed = result.value;

  it('gives ten items with the right dates and titles, in listing order', () => {
    expect(feed.items).toHaveLength(10);
    expect(feed.items.map((item) => [item.date_published.slice(0, 10), item.title.slice(0, 40)])).toEqual([
      ['2021-07-07', 'Costa Rica: General Directorate of Migra'],
      ['2021-07-02', 'Salvadoran Municipalities Receive Traini'],
      ['2021-07-01', 'IOM Installs Three New Psychosocial Care'],
      ['2021-06-28', 'IOM presents roadmap for improving integ'],
      ['2021-06-28', 'Costa Rica includes the issue of mobilit'],
      ['2021-06-25', 'Honduras: COPECO AND SINAGER Better Prep'],
      ['2021-06-23', 'The Regional Conference on Migration Lau'],
      ['2021-06-21', 'IOM Panama launches training sessions on'],
      ['2021-06-21', 'IOM Participates in The Launch of the Ne'],
      ['2021-06-18', 'Migrants Will Have Access to Reliable In'],
    ]);
  });

  it('keeps whole paragraphs and trims trailing spaces', () => {
    const tapachula = feed.items[2];
    expect(tapachula?.content_text).toMatch(/^During the month of June, .*Tapachula, Ciudad Juárez and Tijuana/);
    expect(tapachula?.content_text.endsWith('involved.')).toBe(true);
  });

  it('gives the same ids every time, all distinct', () => {
    const again = listingToFeed(sharedListing, sampleListingOptions);
    expect(again.ok && again.value.items.map((item) => item.id)).toEqual(feed.items.map((item) => item.id));
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(10);
  });

  it('writes a document that our own JSON Feed parser accepts whole', () => {
    const parsed = parseJsonFeed(JSON.parse(JSON.stringify(feed)));
    expect(parsed.ok && parsed.value.items).toHaveLength(10);
  });

  it('is what the committed sample feed holds (npm run feed:sample regenerates it)', () => {
    expect(JSON.parse(readFileSync(sampleFeedPath, 'utf8'))).toEqual(feed);
  });
});

describe('listingToFeed on malformed listings', () => {
  it('refuses an empty file', () => {
    expect(errorOf('')).toMatch(/empty/);
    expect(errorOf('\n  \n\t\n')).toMatch(/empty/);
  });

  it('names the line of text before the first date', () => {
    expect(errorOf('\n\nPress releases\n\n7 July, 2021\nTitle\n\nBody.\n')).toMatch(/^Line 3: text before the first date/);
  });

  it('names the line of a date that does not exist', () => {
    expect(errorOf('7 July, 2021\nTitle\n\nBody.\n\n31 June, 2021\nTitle two\n\nBody.')).toMatch(/^Line 6: "31 June, 2021"/);
    expect(errorOf('7 Juli, 2021\nTitle\n\nBody.')).toMatch(/^Line 1: "7 Juli, 2021"/);
  });

  it('names the title line of an entry with no body', () => {
    expect(errorOf('7 July, 2021\n\nA title alone\n\n2 July, 2021\nOther\n\nBody.')).toMatch(/^Line 3: the entry titled/);
    expect(errorOf('7 July, 2021\nTitle\n\nBody.\n\n2 July, 2021\nLast title\n')).toMatch(/^Line 7: the entry titled/);
  });

  it('names the date line of an entry with no title', () => {
    expect(errorOf('7 July, 2021\n\n\n2 July, 2021\nTitle\n\nBody.')).toMatch(/^Line 1: the entry dated/);
  });

  it('accepts Windows line ends, a byte-order mark and ragged blank lines', () => {
    const result = listingToFeed('\uFEFF7 July, 2021  \r\n\r\n\r\nTitle  \r\nFirst line\r\ncontinues.\r\n\r\n\r\nSecond.   \r\n', options);
    expect(result.ok && result.value.items[0]?.content_text).toBe('First line continues.\n\nSecond.');
  });

  it('escapes markup in the HTML it writes', () => {
    const result = listingToFeed('7 July, 2021\nTitle\n\n<script>alert(1)</script> & more', options);
    expect(result.ok && result.value.items[0]?.content_html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>');
  });

  it('gives any text either a feed or one line-numbered error, and never throws', () => {
    const lines = fc.oneof(fc.string(), fc.constantFrom('', '7 July, 2021', '31 June, 2021', 'A title', 'Body text.'));
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 30 }), (parts) => {
        const result = listingToFeed(parts.join('\n'), options);
        if (result.ok) expect(result.value.items.length).toBeGreaterThan(0);
        else expect(result.error).toMatch(/^(Line \d+: |The listing is empty)/);
      }),
    );
  });
});
