// The saved copies of some pictures, as blob: URLs by address, read live from storage: a picture
// saved while the item is open appears at once. Never a network request: what is not saved is absent.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { isPictureOf, pictureKey } from '../../../shared/pictures/pictureKey';
import { db } from '../database';
import { pictureSrc } from './blobUrls';

/** Address → blob: URL of each saved picture among `urls`; undefined while storage is being read. */
export const useSavedPictures = (urls: readonly string[]): ReadonlyMap<string, string> | undefined => {
  const joined = urls.join('\n');
  const records = useLiveQuery(async () => {
    const list = joined === '' ? [] : joined.split('\n');
    const found = await db.pictures.bulkGet(list.map(pictureKey));
    return list.flatMap((url, index) => {
      const record = found[index];
      return record !== undefined && isPictureOf(record, url) ? [{ url, record }] : [];
    });
  }, [joined]);
  return useMemo(() => (records === undefined ? undefined : new Map(records.map(({ url, record }) => [url, pictureSrc(record)]))), [records]);
};

/** The saved copy of one picture: a blob: URL, null when it is not saved, undefined while reading. */
export const usePictureUrl = (url: string | null): string | null | undefined => {
  const saved = useSavedPictures(url === null ? [] : [url]);
  if (url === null) return null;
  return saved === undefined ? undefined : (saved.get(url) ?? null);
};
