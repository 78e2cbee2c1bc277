// The two commands as the UI calls them, on the window's own database, with their log lines.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../../../shared/logEntry';
import { errorMessages } from '../../../../shared/errorMessages';
import { succeed } from '../../../../shared/result';
import { englishText } from '../../../../shared/i18n/formatMessages';

afterEach(() => vi.unstubAllGlobals());

describe('Export my news and Import', () => {
  it('export, import back, log what happened, and suggest a dated file name', async () => {
    const written: LogEntry[] = [];
    vi.stubGlobal('window', { fieldNews: { writeLog: (entries: LogEntry[]) => (written.push(...entries), Promise.resolve(succeed(null))) } });
    // The import notes stored news in localStorage (renderer/db/databaseLoss.ts), as the window has it.
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) });
    const { exportBackup, suggestedBackupFileName } = await import('../../../../renderer/window/backup/exportBackup');
    const { importBackup } = await import('../../../../renderer/window/backup/importBackup');
    const { db, newsRepository } = await import('../../../../renderer/window/database');
    const { log } = await import('../../../../renderer/window/log');
    await newsRepository.addFeed({ url: 'https://news.example.org/feed.json', title: 'Regional news', builtIn: false });

    const blob = await exportBackup();
    await db.feeds.clear();
    expect(await importBackup(blob)).toEqual({ ok: true, value: { feedsAdded: 1, itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 0, articlesAdded: 0, settingsKeptHere: 0 } });
    expect(await importBackup(new Blob(['{"format":"other"}']))).toEqual({ ok: false, error: errorMessages.backupNotFieldNews });
    await log.flush();

    expect(written.map((entry) => [entry.level, entry.scope, entry.message.replace(/\d+ ms/, 'N ms')])).toEqual([
      ['info', 'backup', `Exported 0 items (${blob.size} bytes) in N ms`],
      ['info', 'backup', `Imported a backup of ${blob.size} bytes in N ms: 1 feeds added; items 0 added, 0 updated, 0 unchanged; 0 saved articles taken; 0 settings that remove news or pictures left as they are`],
      ['warn', 'backup', `Import refused after N ms: ${englishText(errorMessages.backupNotFieldNews)}`],
    ]);
    expect(suggestedBackupFileName()).toMatch(/^field-news-backup-\d{4}-\d{2}-\d{2}\.json$/);
  });
});
