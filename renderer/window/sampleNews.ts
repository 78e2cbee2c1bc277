// On the first start with an empty database, the bundled sample news is imported, so a new user
// sees news with no network at all. Importing it again only refreshes the same items.
import { errorMessages } from '../../shared/errorMessages';
import { parseJsonFeedText } from '../../shared/feed/parseJsonFeed';
import { sampleFeedKey } from '../../shared/feed/sampleFeed';
import { fail, succeed, type Result } from '../../shared/result';
import type { NewsRepository } from '../db/newsRepository';
import type { UserMessage } from '../../shared/i18n/userMessage';

const sampleImportedSetting = 'sampleImported';

export const importSampleOnFirstStart = async (
  repository: NewsRepository,
  loadSample: () => Promise<string>,
): Promise<Result<'imported' | 'already-imported', UserMessage>> => {
  if ((await repository.readSetting(sampleImportedSetting)) === 'yes') return succeed('already-imported');
  let text: string;
  try {
    text = await loadSample();
  } catch {
    // The loader logs why it failed; here the user is told the sample is not there, and nothing was stored.
    return fail(errorMessages.sampleFeedUnavailable);
  }
  const page = parseJsonFeedText(text);
  if (!page.ok) return fail(errorMessages.sampleFeedUnavailable);
  await repository.storeFeedPage({ url: sampleFeedKey, title: page.value.title, builtIn: true }, page.value);
  await repository.writeSetting(sampleImportedSetting, 'yes');
  return succeed('imported');
};
