import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../../shared/errorMessages';
import { intlFor } from '../../../../shared/i18n/formatMessages';
import type { SyncOutcome } from '../../../../renderer/threads/syncOutcome';
import { syncStatusText, timeAgo } from '../../../../renderer/window/sync/syncStatusText';

const nowMs = Date.parse('2026-11-27T18:00:00Z');
const outcome = (overrides: Partial<SyncOutcome>): SyncOutcome => ({
  feedUrl: 'https://news.example/feed.json',
  feedTitle: 'IOM Regional News',
  result: 'synced',
  newItems: 0,
  updatedItems: 0,
  droppedItems: 0,
  error: null,
  failureReason: null,
  nextAttemptAt: null,
  ...overrides,
});
const en = intlFor('en');
const es = intlFor('es');
const idle = { running: false, progress: null, lastRun: null, queue: null };

describe('the status line', () => {
  it('says offline first, whatever else happened', () => {
    expect(syncStatusText(en, { online: false, sync: idle, savedCount: 10, nowMs })).toBe('Offline — showing saved news · 10 news items saved');
  });

  it('says which feed is syncing, the page and the new items', () => {
    const progress = { feedUrl: 'x', feedTitle: 'IOM Regional News', pageNumber: 2, pageUrl: 'x', newItems: 40, updatedItems: 0, totalNew: 340, totalUpdated: 0 };
    expect(syncStatusText(en, { online: true, sync: { running: true, progress, lastRun: null, queue: null }, savedCount: 10, nowMs })).toBe(
      'Syncing IOM Regional News… page 2, 340 new',
    );
  });

  it('says which feed of a many-feed run is syncing (an OPML import of hundreds)', () => {
    const progress = { feedUrl: 'x', feedTitle: 'Diario del Sur', pageNumber: 1, pageUrl: 'x', newItems: 3, updatedItems: 0, totalNew: 3, totalUpdated: 0 };
    const queue = { position: 12, total: 500 };
    expect(syncStatusText(en, { online: true, sync: { running: true, progress: null, lastRun: null, queue }, savedCount: 10, nowMs })).toBe('Syncing (feed 12 of 500)…');
    expect(syncStatusText(en, { online: true, sync: { running: true, progress, lastRun: null, queue }, savedCount: 10, nowMs })).toBe(
      'Syncing Diario del Sur (feed 12 of 500)… page 1, 3 new',
    );
    expect(syncStatusText(en, { online: true, sync: { running: true, progress, lastRun: null, queue: { position: 1, total: 1 } }, savedCount: 10, nowMs })).toBe(
      'Syncing Diario del Sur… page 1, 3 new',
    );
  });

  it('says when news was last updated and how much arrived', () => {
    const lastRun = { finishedAt: nowMs - 2 * 60_000, outcomes: [outcome({ newItems: 7 }), outcome({ newItems: 5 })] };
    expect(syncStatusText(en, { online: true, sync: { running: false, progress: null, lastRun, queue: null }, savedCount: 22, nowMs })).toBe(
      'Updated 2 minutes ago · 12 new · 22 news items saved',
    );
  });

  it('names the failing feed, the failure in plain words and the next try', () => {
    const failed = outcome({ result: 'failed', error: errorMessages.fetchHttpStatus(503), nextAttemptAt: nowMs + 4 * 60_000 });
    expect(syncStatusText(en, { online: true, sync: { running: false, progress: null, lastRun: { finishedAt: nowMs, outcomes: [failed] } , queue: null }, savedCount: 10, nowMs })).toBe(
      'IOM Regional News: The server answered 503 (the server is busy or down for maintenance). Next try in 4 minutes.',
    );
  });

  it('says a failure in Spanish in the Spanish interface, with no English word', () => {
    const failed = outcome({ result: 'failed', error: errorMessages.fetchHttpStatus(503), nextAttemptAt: nowMs + 4 * 60_000 });
    const refused = outcome({ feedTitle: 'Diario del Sur', result: 'failed', error: errorMessages.fetchHostNotFound('noticias.example'), nextAttemptAt: null });
    const line = syncStatusText(es, { online: true, sync: { running: false, progress: null, lastRun: { finishedAt: nowMs, outcomes: [failed, refused] }, queue: null }, savedCount: 10, nowMs });
    expect(line).toBe(
      'IOM Regional News: El servidor respondió 503 (está ocupado o en mantenimiento). Próximo intento dentro de 4 minutos. · ' +
        'Diario del Sur: No se encontró el servidor «noticias.example». Revise la dirección de la fuente; también puede que no haya conexión a internet.',
    );
  });

  it('says a full disk in its own words, once, whatever else failed', () => {
    const full = outcome({ result: 'failed', error: errorMessages.diskFull, failureReason: 'disk-full', nextAttemptAt: nowMs + 60_000 });
    const other = outcome({ feedTitle: 'Other', result: 'failed', error: errorMessages.fetchHttpStatus(503), failureReason: 'http-status', nextAttemptAt: nowMs + 60_000 });
    expect(syncStatusText(en, { online: true, sync: { running: false, progress: null, lastRun: { finishedAt: nowMs, outcomes: [other, full] } , queue: null }, savedCount: 10, nowMs })).toBe(
      "This computer's disk filled up while news was being saved, and the news stored on this computer may have been lost. Free some space and restart Field News; if news is missing, import your last backup under Backup and diagnostics.",
    );
    // Stopped by the disk check before writing: the news is safe, and the status line says so.
    const stopped = outcome({ result: 'failed', error: errorMessages.diskFullBeforeWriting, failureReason: 'disk-full', nextAttemptAt: null });
    expect(syncStatusText(en, { online: true, sync: { running: false, progress: null, lastRun: { finishedAt: nowMs, outcomes: [other, stopped] }, queue: null }, savedCount: 10, nowMs })).toBe(
      "There is almost no space left on this computer's disk, so Field News stopped saving news before writing anything. Free some space, then sync again; your saved news is safe.",
    );
  });

  it('writes times the way people say them', () => {
    expect(timeAgo(en, nowMs - 10_000, nowMs)).toBe('just now');
    expect(timeAgo(en, nowMs - 60_000, nowMs)).toBe('1 minute ago');
    expect(timeAgo(en, nowMs - 3 * 3_600_000, nowMs)).toBe('3 hours ago');
    expect(timeAgo(en, nowMs - 2 * 86_400_000, nowMs)).toBe('2 days ago');
  });

  it('speaks Spanish with Spanish plurals and relative times', () => {
    expect(timeAgo(es, nowMs - 10_000, nowMs)).toBe('justo ahora');
    expect(timeAgo(es, nowMs - 2 * 60_000, nowMs)).toBe('hace 2 minutos');
    expect(timeAgo(es, nowMs - 3_600_000, nowMs)).toBe('hace 1 hora');
    expect(syncStatusText(es, { online: false, sync: idle, savedCount: 1, nowMs })).toBe('Sin conexión — mostrando las noticias guardadas · 1 noticia guardada');
    const lastRun = { finishedAt: nowMs - 2 * 60_000, outcomes: [outcome({ newItems: 1 })] };
    expect(syncStatusText(es, { online: true, sync: { running: false, progress: null, lastRun, queue: null }, savedCount: 1_500, nowMs })).toBe(
      'Actualizado hace 2 minutos · 1 nueva · 1,500 noticias guardadas',
    );
    const queue = { position: 12, total: 500 };
    expect(syncStatusText(es, { online: true, sync: { running: true, progress: null, lastRun: null, queue }, savedCount: 10, nowMs })).toBe(
      'Sincronizando (fuente 12 de 500)…',
    );
  });

  it('says one item, not "1 items"', () => {
    expect(syncStatusText(en, { online: true, sync: idle, savedCount: 1, nowMs })).toBe('Online · 1 news item saved');
  });
});
