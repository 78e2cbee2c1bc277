// The pictures row of npm run bench:sync: 10,000 items with one 200 KB picture each (2,400 × 1,600
// JPEG, made once in Chromium), synced with "Save pictures" on (the first picture, the default) beside
// off; item sync speed of both, and MB stored per 1,000 pictures after the worker scaled them to 1,600 px.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { PictureMode } from '../shared/pictures/pictureSettings';

export const pictureBenchItems = 10_000;
/** Longest wait after the item sync for pictures to be saved, to measure their stored size. */
const pictureWaitMs = 90_000;

type Browser = { newContext(): Promise<{ newPage(): Promise<Page>; close(): Promise<void> }> };

/** A photo-like 2,400 × 1,600 JPEG of about 200 KB, drawn and encoded by Chromium itself. */
export const makeBenchPicture = async (browser: Browser, appUrl: string): Promise<Buffer> => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${appUrl}bench-picture`);
    const base64 = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(2400, 1600);
      const draw = canvas.getContext('2d');
      if (draw === null) throw new Error('no 2d context');
      // No named function in here: tsx would wrap it in a helper the page does not have.
      let seed = 7;
      const draws: number[] = [];
      for (let index = 0; index < 900 * 5; index += 1) draws.push((seed = (seed * 16807) % 2147483647) / 2147483647);
      let next = 0;
      const sky = draw.createLinearGradient(0, 0, 0, 1600);
      sky.addColorStop(0, '#7fb2e5');
      sky.addColorStop(1, '#e8d9b0');
      draw.fillStyle = sky;
      draw.fillRect(0, 0, 2400, 1600);
      for (let index = 0; index < 900; index += 1) {
        draw.fillStyle = `hsla(${Math.floor((draws[next++] ?? 0) * 360)}, 45%, ${30 + Math.floor((draws[next++] ?? 0) * 40)}%, 0.5)`;
        draw.beginPath();
        draw.arc((draws[next++] ?? 0) * 2400, (draws[next++] ?? 0) * 1600, 4 + (draws[next++] ?? 0) * 60, 0, Math.PI * 2);
        draw.fill();
      }
      let best: Blob | null = null;
      for (const quality of [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]) {
        best = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        if (best.size <= 210_000) break;
      }
      if (best === null) throw new Error('no picture');
      const bytes = new Uint8Array(await best.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
    return Buffer.from(base64, 'base64');
  } finally {
    await context.close();
  }
};

/** Serves the same picture under `pictureBenchItems` addresses (/p/N.jpg), with CORS for web mode. */
export const servePicture = async (picture: Buffer) => {
  let served = 0;
  const server = createServer((request, response) => {
    served += 1;
    response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(picture.length), 'Access-Control-Allow-Origin': '*' }).end(picture);
    void request;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Writes "Save pictures" straight into the page's database, before a feed is added (the bench and the end-to-end test). */
export const setPictureMode = (page: Page, mode: PictureMode): Promise<void> =>
  page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('field-news');
        opening.onerror = () => reject(new Error('cannot open field-news'));
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('settings', 'readwrite');
          transaction.objectStore('settings').put({ key: 'pictures.mode', value });
          transaction.oncomplete = () => {
            opening.result.close();
            resolve();
          };
        };
      }),
    mode,
  );

const storedPictures = (page: Page): Promise<{ count: number; bytes: number }> =>
  page.evaluate(
    () =>
      new Promise<{ count: number; bytes: number }>((resolve, reject) => {
        const opening = indexedDB.open('field-news');
        opening.onerror = () => reject(new Error('cannot open field-news'));
        opening.onsuccess = () => {
          const reading = opening.result.transaction('pictures').objectStore('pictures').getAll();
          reading.onsuccess = () => {
            const records = reading.result as { bytes: number }[];
            opening.result.close();
            resolve({ count: records.length, bytes: records.reduce((sum, record) => sum + record.bytes, 0) });
          };
        };
      }),
  );

export interface PictureStorage {
  /** Pictures stored when the item sync said "Updated", and when the wait ended. */
  atSyncEnd: number;
  saved: number;
  bytes: number;
  /** Seconds from the end of the item sync to the end of the wait. */
  waitedSeconds: number;
}

/** After the item sync: waits (at most pictureWaitMs) for pictures to be saved, then reads what they take. */
export const measurePictureStorage = async (page: Page): Promise<PictureStorage> => {
  const atSyncEnd = (await storedPictures(page)).count;
  const started = Date.now();
  let stored = await storedPictures(page);
  while (stored.count < pictureBenchItems && Date.now() - started < pictureWaitMs) {
    await page.waitForTimeout(5_000);
    stored = await storedPictures(page);
  }
  return { atSyncEnd, saved: stored.count, bytes: stored.bytes, waitedSeconds: (Date.now() - started) / 1000 };
};
