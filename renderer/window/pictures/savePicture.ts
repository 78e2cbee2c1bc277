// One picture of the queue: downloaded unless its host is backing off, kept byte for byte when it
// fits or shrunk by the resize worker, and handed to the writes.
import type { PictureFetchResult, PictureRequest } from '../../../shared/pictures/fetchPicture';
import { englishText } from '../../../shared/i18n/formatMessages';
import { storableAsServed } from '../../../shared/pictures/pictureHeader';
import { maxPictureSide } from '../../../shared/pictures/pictureBudget';
import type { PictureFailures } from './pictureFailures';
import type { ShrinkPicture } from './pictureResizer';
import type { PictureWrites } from './pictureWrites';

export interface SavePictureOptions {
  fetchPicture: (request: PictureRequest) => Promise<PictureFetchResult>;
  shrink: ShrinkPicture;
  whenSyncsQuiet: () => Promise<void>;
  /** With more pictures than this still waiting, the resize worker writes the faster format. */
  hasteAbove: number;
}

/** A picture to download: the feed that named it first, and the items that name it. */
export interface PendingPicture {
  feedUrl: string;
  itemKeys: Set<string>;
}

/** Downloads one picture and makes it ready to write; true when it was, false when it failed or waits for its host. */
export type SavePicture = (url: string, job: PendingPicture) => Promise<boolean>;

/** Bytes that can be moved to the worker: the picture's own buffer when it holds nothing else. */
const movable = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();

/** `backlog` says how many pictures still wait, read when the picture is shrunk. */
export const createPictureSaver = (options: SavePictureOptions, failures: PictureFailures, writes: Pick<PictureWrites, 'add'>, backlog: () => number): SavePicture =>
  async (url, job) => {
    if (failures.hostWaits(url)) return false; // Tried at the next round after the wait.
    const result = await options.fetchPicture({ url, feedUrl: job.feedUrl });
    if (!result.ok) {
      failures.failed(url, result.reason, englishText(result.error), result.status);
      return false;
    }
    failures.hostAnswered(url);
    // A still picture that fits is kept byte for byte, without the worker (no decode, no quality lost).
    const header = storableAsServed(result.value.bytes, maxPictureSide);
    await options.whenSyncsQuiet();
    const picture = header !== null ? { blob: new Blob([movable(result.value.bytes)], { type: header.type }), width: header.width, height: header.height } : await options.shrink(movable(result.value.bytes), result.value.contentType, backlog() > options.hasteAbove);
    if (picture === null) {
      failures.failed(url, 'unreadable', 'the picture could not be decoded');
      return false;
    }
    writes.add({ url, ...picture }, [...job.itemKeys]);
    return true;
  };
