// The key a picture is stored under: a hash of its address, so items naming the same picture share
// one stored copy. Not collision-proof (FNV-1a), so a stored record also keeps its address and a
// lookup checks it: a collision then costs a missing picture, never a wrong one.
import { contentHash } from '../contentHash';

export const pictureKey = (url: string): string => `picture:${contentHash(url)}`;

/** A stored picture belongs to `url` only when it was saved from that very address. */
export const isPictureOf = (record: { url: string } | undefined, url: string): boolean => record !== undefined && record.url === url;
