// The window's side of the picture worker: hands it a downloaded picture (the bytes are moved, not
// copied) and waits for the copy to save, so decoding and scaling never run on the UI thread.
import type { ShrunkPicture } from './shrinkPicture.worker';
import type { ResizeAnswer, ResizeRequest } from './pictureResizeWorker';

/** `haste`: many pictures wait, so the faster encoding is used (shrinkPicture.worker.ts). */
export type ShrinkPicture = (bytes: Uint8Array<ArrayBuffer>, contentType: string, haste: boolean) => Promise<ShrunkPicture | null>;

export const createPictureResizer = (): ShrinkPicture => {
  let worker: Worker | null = null;
  const waiting = new Map<number, (picture: ShrunkPicture | null) => void>();
  let nextId = 1;
  const start = (): Worker => {
    const started = new Worker(new URL('./pictureResizeWorker.ts', import.meta.url), { type: 'module', name: 'field-news-pictures' });
    started.addEventListener('message', (event: MessageEvent<ResizeAnswer>) => {
      waiting.get(event.data.id)?.(event.data.picture);
      waiting.delete(event.data.id);
    });
    started.addEventListener('error', (event) => {
      // A worker that died answers nothing more: its pictures stay unsaved, and the next one starts a new worker.
      event.preventDefault();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
      started.terminate();
      worker = null;
    });
    return started;
  };
  return (bytes, contentType, haste) =>
    new Promise((resolve) => {
      worker ??= start();
      const id = nextId++;
      waiting.set(id, resolve);
      const request: ResizeRequest = { id, bytes, contentType, haste };
      worker.postMessage(request, [bytes.buffer]);
    });
};
