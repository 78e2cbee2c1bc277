// The pictures of a round on their way to the database, and the round's progress: pictures are
// written in batches, one write after another, each once no item sync is running; a picture counts
// as saved when it is written, or at once when it failed.
import type { PictureRepository, PictureToStore } from '../../db/pictureRepository';
import { failureText, type PictureFailures } from './pictureFailures';

export interface PictureProgress {
  saved: number;
  total: number;
}

export interface PictureWriteOptions {
  repository: Pick<PictureRepository, 'storePictures'>;
  whenSyncsQuiet: () => Promise<void>;
  /** Pictures written to the database in one transaction. */
  storeBatch: number;
  onProgress: (progress: PictureProgress | null) => void;
}

export interface PictureWrites {
  /** Pictures newly waiting: the round's total grows. */
  counted(added: number): void;
  /** Pictures done with, written or failed. */
  advance(count: number): void;
  /** The round is over: no progress to show until the next. */
  ended(): void;
  /** A picture ready to write, with the items that name it; a full batch is written at once. */
  add(picture: PictureToStore, itemKeys: string[]): void;
  /** Writes the pictures ready so far; resolves when every write asked for so far has ended. */
  flush(): Promise<void>;
}

export const createPictureWrites = (options: PictureWriteOptions, failed: PictureFailures['failed']): PictureWrites => {
  let ready: { picture: PictureToStore; itemKeys: string[] }[] = [];
  let writing: Promise<void> = Promise.resolve();
  let progress: PictureProgress = { saved: 0, total: 0 };

  const report = () => options.onProgress(progress.total === 0 ? null : progress);
  const advance = (count: number) => {
    progress = { ...progress, saved: progress.saved + count };
    report();
  };

  /** Writes the pictures ready so far in one transaction, one write after another. */
  const flush = (): Promise<void> => {
    const batch = ready;
    ready = [];
    if (batch.length === 0) return writing;
    writing = writing.then(async () => {
      await options.whenSyncsQuiet();
      try {
        await options.repository.storePictures(batch);
      } catch (error) {
        for (const { picture } of batch) failed(picture.url, 'not-saved', failureText(error));
      }
      advance(batch.length);
    });
    return writing;
  };

  return {
    counted(added) {
      progress = { ...progress, total: progress.total + added };
      report();
    },
    advance,
    ended() {
      progress = { saved: 0, total: 0 };
      report();
    },
    add(picture, itemKeys) {
      ready.push({ picture, itemKeys });
      if (ready.length >= options.storeBatch) void flush();
    },
    flush,
  };
};
