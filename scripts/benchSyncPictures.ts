// The pictures rows of npm run bench:sync: 10,000 items with one 200 KB picture each (2,400 × 1,600
// JPEG, made once in Chromium), synced with "Save pictures" on (the first picture, the default) beside
// off; the item sync's speed both ways, how long until every picture is saved, and MB per 1,000 stored.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { PictureMode } from '../shared/pictures/pictureSettings';

export const pictureBenchItems = 10_000;
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

/** The pictures table's count, and with `withBytes` the space they take (a cursor over the records, no blob read). */
const storedPictures = (page: Page, withBytes: boolean): Promise<{ count: number; bytes: number }> =>
  page.evaluate(
    (sum) =>
      new Promise<{ count: number; bytes: number }>((resolve, reject) => {
        const opening = indexedDB.open('field-news');
        opening.onerror = () => reject(new Error('cannot open field-news'));
        opening.onsuccess = () => {
          const store = opening.result.transaction('pictures').objectStore('pictures');
          const counting = store.count();
          counting.onsuccess = () => {
            if (!sum) {
              opening.result.close();
              resolve({ count: counting.result, bytes: 0 });
              return;
            }
            let bytes = 0;
            const cursor = store.openCursor();
            cursor.onsuccess = () => {
              const at = cursor.result;
              if (at === null) {
                opening.result.close();
                resolve({ count: counting.result, bytes });
                return;
              }
              bytes += (at.value as { bytes: number }).bytes;
              at.continue();
            };
          };
        };
      }),
    withBytes,
  );

export interface PictureStorage {
  /** Pictures stored when the item sync said "Updated". */
  atSyncEnd: number;
  saved: number;
  bytes: number;
  /** Seconds from the end of the item sync to the last picture saved (or to the end of the wait). */
  lastSavedSeconds: number;
  /** Seconds during which pictures were being saved: from the first one stored (or the sync's end) to the last. */
  savingSeconds: number;
}

/** After the item sync: waits (at most `waitMs`) until every picture is saved, then reads what they take. */
export const measurePictureStorage = async (page: Page, waitMs: number): Promise<PictureStorage> => {
  const atSyncEnd = (await storedPictures(page, false)).count;
  const started = Date.now();
  let count = atSyncEnd;
  let lastChangeAt = started;
  let firstAt: number | null = null;
  while (count < pictureBenchItems && Date.now() - started < waitMs) {
    await page.waitForTimeout(1_000);
    const now = (await storedPictures(page, false)).count;
    if (now !== count) {
      firstAt ??= Date.now();
      lastChangeAt = Date.now();
      count = now;
    }
  }
  const stored = await storedPictures(page, true);
  const savingFrom = atSyncEnd > 0 ? started : (firstAt ?? started);
  return { atSyncEnd, saved: stored.count, bytes: stored.bytes, lastSavedSeconds: (lastChangeAt - started) / 1000, savingSeconds: Math.max(0.001, (lastChangeAt - savingFrom) / 1000) };
};

/** What the pictures row needs of one sync run in the app (scripts/benchSync.ts syncInApp). */
interface ItemSyncRun {
  stored: number;
  longest: number;
  record: { doneAt: number | null };
}
interface RowHooks {
  setUp?: (page: Page) => Promise<void>;
  inspect?: (page: Page) => Promise<void>;
}

interface PictureRowsInput<B extends Browser> {
  browser: B;
  appUrl: string;
  /** The bench's items, the first `pictureBenchItems` of which get a picture each. */
  feedItems: readonly object[];
  pageSize: number;
  title: string;
  longestTaskTargetMs: number;
  syncInApp: (browser: B, appUrl: string, feedUrl: string, hooks: RowHooks) => Promise<ItemSyncRun>;
  startFeedServer: (options: { items: unknown[]; pageSize: number; title: string }) => Promise<{ url: string; requests: unknown[]; close(): Promise<void> }>;
}

/**
 * The item sync's own speed, pictures off and on: items stored per second from the first page
 * request the feed server saw to the status "Updated" (the last page stored), so the time to open
 * the page and add the feed is left out both ways.
 */
const timedItemSync = async <B extends Browser>(input: PictureRowsInput<B>, feedUrl: string, requests: readonly unknown[], mode: PictureMode, waitMs: number) => {
  let firstRequestAt: number | null = null;
  const watch = setInterval(() => (firstRequestAt ??= requests.length > 0 ? Date.now() : null), 2);
  let timeOrigin = 0;
  let storage: PictureStorage | null = null;
  try {
    const run = await input.syncInApp(input.browser, input.appUrl, feedUrl, {
      setUp: (page) => setPictureMode(page, mode),
      inspect: async (page) => {
        timeOrigin = await page.evaluate(() => performance.timeOrigin);
        if (mode !== 'none') storage = await measurePictureStorage(page, waitMs);
      },
    });
    const doneAt = timeOrigin + (run.record.doneAt ?? 0);
    const seconds = (doneAt - (firstRequestAt ?? doneAt)) / 1000;
    return { run, seconds, rate: run.stored / seconds, storage: storage as PictureStorage | null };
  } finally {
    clearInterval(watch);
  }
};

/** The pictures rows of the bench table (Markdown cells: metric, value, target, result). */
export const pictureRows = async <B extends Browser>(input: PictureRowsInput<B>): Promise<string[][]> => {
  const waitMs = Number(process.env.BENCH_PICTURE_WAIT_S ?? 600) * 1000;
  const picture = await makeBenchPicture(input.browser, input.appUrl);
  const pictures = await servePicture(picture);
  const items = input.feedItems.slice(0, pictureBenchItems).map((item, index) => ({ ...item, image: `${pictures.origin}/p/${index}.jpg` }));
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const count = (value: number) => Math.round(value).toLocaleString('en');
  // A fresh server per run, so that its request log starts empty.
  const syncWith = async (mode: PictureMode) => {
    const feed = await input.startFeedServer({ items, pageSize: input.pageSize, title: input.title });
    try {
      return await timedItemSync(input, feed.url, feed.requests, mode, waitMs);
    } finally {
      await feed.close();
    }
  };
  try {
    const off = await syncWith('none');
    const on = await syncWith('first');
    const storage = on.storage ?? { atSyncEnd: 0, saved: 0, bytes: 0, lastSavedSeconds: 0, savingSeconds: 1 };
    const servedMegabytes = (picture.length * 1000) / (1024 * 1024);
    const perThousand = storage.saved === 0 ? 0 : ((storage.bytes / storage.saved) * 1000) / (1024 * 1024);
    const ratio = on.rate / off.rate;
    const allSaved = storage.saved === pictureBenchItems;
    return [
      ['Pictures: item sync, Save pictures off (first page request → last page stored)', `${count(off.rate)} items/s (${off.seconds.toFixed(1)} s for ${count(off.run.stored)})`, '', ''],
      ['Pictures: item sync, first picture of each item saved', `${count(on.rate)} items/s (${on.seconds.toFixed(1)} s for ${count(on.run.stored)})`, `≥ ${count(off.rate * 0.8)}`, met(on.run.stored === off.run.stored && on.rate >= off.rate * 0.8)],
      ['Pictures: item sync on ÷ off', `${ratio.toFixed(2)} (${Math.abs((1 - ratio) * 100).toFixed(0)}% ${ratio <= 1 ? 'slower' : 'faster: the load varied'})`, '≥ 0.80 (at most 20% slower)', met(ratio >= 0.8)],
      ['Pictures: longest main-thread task, pictures on (off)', `${Math.round(on.run.longest)} ms (${Math.round(off.run.longest)} ms)`, `≤ ${input.longestTaskTargetMs} ms`, met(on.run.longest <= input.longestTaskTargetMs)],
      [
        'Pictures saved: at the item sync\'s end / in all; last one saved after the sync',
        `${count(storage.atSyncEnd)} / ${count(storage.saved)} of ${count(pictureBenchItems)}; ${allSaved ? '' : 'wait ended '}${storage.lastSavedSeconds.toFixed(0)} s (${count(pictures.served())} downloads, ${Math.round(picture.length / 1024)} KB each)`,
        'all',
        met(allSaved),
      ],
      ['Pictures saved per second (download, resize, store)', (storage.saved / storage.savingSeconds).toFixed(1), '', ''],
      ['Pictures: MB stored per 1,000 after resizing (2,400 × 1,600 JPEG → 1,600 × 1,067 JPEG in a backlog, else WebP)', perThousand.toFixed(1), `< ${servedMegabytes.toFixed(0)} as served`, met(storage.saved > 0 && perThousand < servedMegabytes)],
    ];
  } finally {
    await pictures.close();
  }
};
