// What a sync says when writing news failed. A full disk is said as such. A failure of the browser's
// storage itself promises nothing about the news stored before: Chromium may have closed the database
// or deleted it whole on the way (electron/electron#41877), so the words say what to do either way.
// Anything else (a page the app could not write) keeps the promise that earlier pages are kept: the
// page's transaction was aborted and nothing else was touched.
import { errorMessages } from '../../../shared/errorMessages';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { isDiskFullError, isStorageError } from '../../db/storageErrors';

export interface PageWriteFailure {
  reason: 'disk-full' | 'not-saved';
  error: UserMessage;
}

export const pageWriteFailure = (thrown: unknown): PageWriteFailure => {
  if (isDiskFullError(thrown)) return { reason: 'disk-full', error: errorMessages.diskFull };
  if (isStorageError(thrown)) return { reason: 'not-saved', error: errorMessages.syncStorageFailed };
  return { reason: 'not-saved', error: errorMessages.syncPageNotSaved };
};
