// Checks a whole backup file before any of it is written: the first of two readings of the file.
// It keeps the small parts (header, feeds, settings) and only counts the items, and it names the
// one problem a person should hear first (not JSON, not a backup, too new, too large, damaged).
import { z } from 'zod';
import { errorMessages } from '../errorMessages';
import { fail, succeed, type Result } from '../result';
import {
  backupCaps,
  backupFeedSchema,
  backupFormatName,
  backupFormatVersion,
  backupHeaderSchema,
  backupItemSchema,
  backupSettingSchema,
  type BackupCaps,
  type BackupFeed,
  type BackupHeader,
  type BackupList,
  type BackupSetting,
} from './backupFormat';
import { createBackupReader, type BackupReadProblem } from './backupReader';
import type { UserMessage } from '../i18n/userMessage';

export interface CheckedBackup {
  header: BackupHeader;
  feeds: BackupFeed[];
  settings: BackupSetting[];
  itemCount: number;
}

export interface BackupCheck {
  /** Reads the next piece of the file's text; false once the text can no longer be a backup (reading on is useless). */
  push(text: string): boolean;
  /** The verdict once the whole text was pushed. */
  end(): Result<CheckedBackup, UserMessage>;
}

const megabytes = (bytes: number): number => Math.round(bytes / 1024 ** 2);

/** The header of a backup this version reads, or the message for the first thing wrong with it. */
const readHeader = (header: Record<string, unknown>): Result<BackupHeader, UserMessage> => {
  if (header.format !== backupFormatName) return fail(errorMessages.backupNotFieldNews);
  const version = header.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > backupFormatVersion) {
    return fail(errorMessages.backupNewerVersion(version));
  }
  const checked = backupHeaderSchema.safeParse(header);
  return checked.success ? succeed(checked.data) : fail(errorMessages.backupNotFieldNews);
};

const feedWithTextAddress = z.object({ url: z.string() });

/** The message for a feed entry whose address is text but no web address (`file:`, `javascript:`…), else null. */
const feedAddressProblem = (value: unknown, position: number): UserMessage | null => {
  const entry = feedWithTextAddress.safeParse(value);
  if (!entry.success || backupFeedSchema.shape.url.safeParse(entry.data.url).success) return null;
  return errorMessages.backupFeedAddress(position, entry.data.url);
};

export const createBackupCheck = (caps: BackupCaps = backupCaps): BackupCheck => {
  // No prototype: a file's "__proto__" key is then a header like any other, never the object's prototype.
  const header = Object.create(null) as Record<string, unknown>;
  const feeds = new Map<string, BackupFeed>();
  const settings = new Map<string, BackupSetting>();
  const feedsOfItems = new Set<string>();
  const counts: Record<BackupList, number> = { feeds: 0, settings: 0, items: 0 };
  let readProblem: BackupReadProblem | null = null;
  // The first damaged entry; later entries are then only counted, not checked.
  let entryProblem: UserMessage | null = null;
  let tooMany = false;

  const limits: Record<BackupList, number> = { feeds: caps.feeds, settings: caps.settings, items: caps.items };

  const reader = createBackupReader(
    {
      onHeader: (key, value) => {
        header[key] = value;
      },
      onEntry: (list, value) => {
        counts[list] += 1;
        if (counts[list] > limits[list]) tooMany = true;
        if (entryProblem || tooMany) return;
        const damaged = () => {
          entryProblem = errorMessages.backupDamagedEntry(list, counts[list]);
        };
        if (list === 'feeds') {
          const feed = backupFeedSchema.safeParse(value);
          if (feed.success) feeds.set(feed.data.url, feed.data);
          else entryProblem = feedAddressProblem(value, counts.feeds) ?? errorMessages.backupDamagedEntry(list, counts.feeds);
        } else if (list === 'settings') {
          const setting = backupSettingSchema.safeParse(value);
          if (setting.success) settings.set(setting.data.key, setting.data);
          else damaged();
        } else {
          const item = backupItemSchema.safeParse(value);
          if (item.success) feedsOfItems.add(item.data.feedUrl);
          else damaged();
        }
      },
    },
    caps,
  );

  return {
    push: (text) => {
      readProblem ??= reader.push(text);
      return readProblem === null;
    },
    end: () => {
      readProblem ??= reader.end();
      if (readProblem?.kind === 'syntax') return fail(errorMessages.backupNotJson);
      if (readProblem?.kind === 'cutShort') return fail(errorMessages.backupCutShort);
      if (readProblem?.kind === 'notABackup') return fail(errorMessages.backupNotFieldNews);
      const checkedHeader = readHeader(header);
      if (!checkedHeader.ok) return checkedHeader;
      if (readProblem?.kind === 'tooLarge' || tooMany) return fail(errorMessages.backupTooLarge(caps.items, megabytes(caps.fileBytes)));
      if (entryProblem) return fail(entryProblem);
      const unknownFeed = [...feedsOfItems].find((url) => !feeds.has(url));
      if (unknownFeed !== undefined) return fail(errorMessages.backupUnknownFeed(unknownFeed));
      return succeed({ header: checkedHeader.value, feeds: [...feeds.values()], settings: [...settings.values()], itemCount: counts.items });
    },
  };
};
