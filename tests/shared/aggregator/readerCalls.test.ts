import { describe, expect, it } from 'vitest';
import { longItemId, readerCallSchema, readerRequestOf, signInRequest } from '../../../shared/aggregator/readerCalls';

const freshRss = 'https://rss.example.org/api/greader.php';

describe('Reader API calls as HTTP requests', () => {
  it('signs in with a form, FreshRSS at …/api/greader.php and Miniflux at its root alike', () => {
    expect(signInRequest(freshRss, 'fieldnews', 'p&ss=1')).toEqual({ url: `${freshRss}/accounts/ClientLogin`, method: 'POST', body: 'Email=fieldnews&Passwd=p%26ss%3D1' });
    expect(signInRequest('https://reader.example.org/', 'a', 'b').url).toBe('https://reader.example.org/accounts/ClientLogin');
  });

  it('asks for new ids since a time, without read items, from where the last page ended', () => {
    const request = readerRequestOf(freshRss, { kind: 'item-ids', stream: 'user/-/state/com.google/reading-list', since: 1_796_584_898, exclude: 'user/-/state/com.google/read', continuation: '1796584899161279' });
    expect(request).toEqual({
      url: `${freshRss}/reader/api/0/stream/items/ids?output=json&s=user%2F-%2Fstate%2Fcom.google%2Freading-list&n=1000&ot=1796584898&xt=user%2F-%2Fstate%2Fcom.google%2Fread&c=1796584899161279`,
      method: 'GET',
      body: null,
    });
    expect(readerRequestOf(freshRss, { kind: 'item-ids', stream: 'feed/3', since: null, exclude: null, continuation: null }).url).toBe(`${freshRss}/reader/api/0/stream/items/ids?output=json&s=feed%2F3&n=1000`);
  });

  it('posts contents, edit-tag and subscription edits as forms, item ids in the long form every server reads', () => {
    const contents = readerRequestOf(freshRss, { kind: 'item-contents', itemIds: ['1796584899161281', '2'] });
    expect(contents.url).toBe(`${freshRss}/reader/api/0/stream/items/contents?output=json`);
    expect(decodeURIComponent(contents.body ?? '')).toBe('i=tag:google.com,2005:reader/item/000661fc04b92cc1&i=tag:google.com,2005:reader/item/0000000000000002');
    expect(decodeURIComponent(readerRequestOf(freshRss, { kind: 'edit-tag', itemIds: ['7'], tag: 'user/-/state/com.google/starred', add: false, token: 'T1' }).body ?? '')).toBe(
      'i=tag:google.com,2005:reader/item/0000000000000007&r=user/-/state/com.google/starred&T=T1',
    );
    // A signed id (old Google Reader) is the same 64 bits.
    expect(longItemId('-1')).toBe('tag:google.com,2005:reader/item/ffffffffffffffff');
    expect(readerRequestOf(freshRss, { kind: 'edit-subscription', streamId: 'feed/3', action: 'edit', title: null, folder: 'Frontera sur', token: 'T1' }).body).toBe('ac=edit&s=feed%2F3&T=T1&a=user%2F-%2Flabel%2FFrontera%20sur');
    expect(readerRequestOf(freshRss, { kind: 'subscribe', feedUrl: 'https://a.example/feed?x=1&y=2', token: 'T1' }).body).toBe('quickadd=https%3A%2F%2Fa.example%2Ffeed%3Fx%3D1%26y%3D2&T=T1');
  });

  it('accepts only the calls Field News makes, within bounds (what the main process checks on the port)', () => {
    expect(readerCallSchema.safeParse({ kind: 'unread-counts' }).success).toBe(true);
    expect(readerCallSchema.safeParse({ kind: 'item-contents', itemIds: [] }).success).toBe(false);
    expect(readerCallSchema.safeParse({ kind: 'item-contents', itemIds: ['feed/1'] }).success).toBe(false);
    expect(readerCallSchema.safeParse({ kind: 'item-contents', itemIds: Array.from({ length: 251 }, String) }).success).toBe(false);
    expect(readerCallSchema.safeParse({ kind: 'edit-tag', itemIds: ['1'], tag: 'user/-/label/Anything', add: true, token: 'T' }).success).toBe(false);
    expect(readerCallSchema.safeParse({ kind: 'fetch', url: 'http://169.254.169.254/' }).success).toBe(false);
  });
});
