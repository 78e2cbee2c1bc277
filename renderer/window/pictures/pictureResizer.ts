// The window's side of the picture worker: hands it a downloaded picture (the bytes are moved, not
// copied) and waits for the copy to save, so decoding and scaling never run on the UI thread.
import type { PicturesCalls, ShrunkPicture } from '../../threads/picturesContract';
import { createWorkerThread, type WorkerLike } from '../../threads/workerThread';

/** `haste`: many pictures wait, so the faster encoding is used (workers/pictures/shrinkPicture.ts). */
export type ShrinkPicture = (bytes: Uint8Array<ArrayBuffer>, contentType: string, haste: boolean) => Promise<ShrunkPicture | null>;

export interface PictureResizerOptions {
  start: () => WorkerLike;
  log: (level: 'warn', message: string) => void;
}

export const createPictureResizer = (options: PictureResizerOptions): ShrinkPicture => {
  // A worker that died answers nothing more: its pictures stay unsaved, and the next one starts a new worker.
  const thread = createWorkerThread<PicturesCalls>({ start: options.start, onStopped: (detail) => options.log('warn', `The picture worker stopped: ${detail}`) });
  return async (bytes, contentType, haste) => {
    const shrunk = await thread.channel().call('shrink', { bytes, contentType, haste }, { transfer: [bytes.buffer] });
    if (shrunk.ok) return shrunk.value;
    options.log('warn', `A picture was not resized (${shrunk.error.reason}: ${shrunk.error.detail})`);
    return null;
  };
};
