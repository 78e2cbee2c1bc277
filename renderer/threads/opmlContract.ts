// The call the OPML worker answers (workers/opml/opml.worker.ts), typed once for the window's
// OPML import that makes it (window/feeds/opmlReader.ts) and the worker that answers it.
import type { UserMessage } from '../../shared/i18n/userMessage';
import type { OpmlImport } from '../../shared/opml/parseOpml';
import type { Result } from '../../shared/result';

export interface OpmlFileToRead {
  /** The chosen file's bytes, moved to the worker, not copied: the window keeps no use for them. */
  bytes: Uint8Array<ArrayBuffer>;
}

export type OpmlCalls = {
  /** Reads a subscription list as parseOpmlFile does: all its feeds, or the first thing wrong with it. */
  readOpml(file: OpmlFileToRead): Result<OpmlImport, UserMessage>;
};
