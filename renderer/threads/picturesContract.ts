// The calls the picture worker answers (workers/pictures/pictures.worker.ts), typed once for the
// window's picture queue that makes them and the worker that answers them.

export interface ShrunkPicture {
  blob: Blob;
  width: number;
  height: number;
}

export interface PictureToShrink {
  /** Moved to the worker, not copied: the caller keeps no use for them. */
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Many pictures wait: the faster encoding (JPEG) rather than the smaller one (WebP). */
  haste: boolean;
}

export type PicturesCalls = {
  /** The copy to save, or null for a picture that cannot be decoded or drawn. */
  shrink(picture: PictureToShrink): ShrunkPicture | null;
};
