// The picture worker's entry: one message per downloaded picture, answered with the copy to save.
import { shrinkPicture, type ShrunkPicture } from './shrinkPicture.worker';

export interface ResizeRequest {
  id: number;
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Many pictures wait: the faster encoding (JPEG) rather than the smaller one (WebP). */
  haste: boolean;
}

export interface ResizeAnswer {
  id: number;
  picture: ShrunkPicture | null;
}

interface WorkerScope {
  postMessage(message: ResizeAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ResizeRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, bytes, contentType, haste } = event.data;
  void shrinkPicture(bytes, contentType, haste)
    .catch(() => null) // A failure to draw or encode leaves the picture unsaved, as an unreadable one.
    .then((picture) => scope.postMessage({ id, picture }));
});
