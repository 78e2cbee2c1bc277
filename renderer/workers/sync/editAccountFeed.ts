// A change to an account's feed list made on the laptop, done on the server first and here only
// once the server took it: add (quickadd), rename and move (subscription/edit), remove (unsubscribe).
import { readActionToken, readOk, readQuickAdd } from '../../../shared/aggregator/readerAnswers';
import type { ReaderCall } from '../../../shared/aggregator/readerCalls';
import type { ReaderAnswer } from '../../../shared/aggregator/readerSession';
import { assertNever } from '../../../shared/assertNever';
import { errorMessages } from '../../../shared/errorMessages';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { fail, succeed, type Result } from '../../../shared/result';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { NewsRepository } from '../../db/newsRepository';
import type { AccountFeedEdit } from '../../threads/syncContract';

export const editAccountFeed = async (
  edit: AccountFeedEdit,
  deps: { db: FieldNewsDb; repository: NewsRepository; callReader: (call: ReaderCall) => Promise<ReaderAnswer> },
): Promise<Result<null, UserMessage>> => {
  const tokenAnswer = await deps.callReader({ kind: 'action-token' });
  if (!tokenAnswer.ok) return fail(tokenAnswer.error.error);
  const token = readActionToken(tokenAnswer.value.text);
  if (!token.ok) return fail(errorMessages.aggregatorNotReaderApi);
  if (edit.kind === 'subscribe') {
    const answer = await deps.callReader({ kind: 'subscribe', feedUrl: edit.feedUrl, token: token.value });
    if (!answer.ok) return fail(answer.error.error);
    const added = readQuickAdd(answer.value.text);
    if (!added.ok) return fail(errorMessages.aggregatorNotReaderApi);
    if (added.value.streamId === undefined) return fail(errorMessages.aggregatorFeedRefused(added.value.error ?? ''));
    return succeed(null);
  }
  const feed = await deps.db.feeds.get(edit.feedUrl);
  if (feed?.account !== edit.accountId || feed.readerFeedId === undefined) return fail(errorMessages.aggregatorChangeRefused);
  const change = (action: 'edit' | 'unsubscribe', title: string | null, folder: string | null): ReaderCall => ({
    kind: 'edit-subscription',
    streamId: feed.readerFeedId ?? '',
    action,
    title,
    folder,
    token: token.value,
  });
  const call =
    edit.kind === 'rename'
      ? change('edit', edit.title.trim(), null)
      : edit.kind === 'move'
        ? change('edit', null, edit.folder?.trim() ?? '')
        : edit.kind === 'remove'
          ? change('unsubscribe', null, null)
          : assertNever(edit);
  const answer = await deps.callReader(call);
  if (!answer.ok) return fail(answer.error.error);
  if (!readOk(answer.value.text)) return fail(errorMessages.aggregatorChangeRefused);
  if (edit.kind === 'rename') await deps.repository.renameFeed(edit.feedUrl, edit.title);
  else if (edit.kind === 'move') await deps.repository.setFeedFolder(edit.feedUrl, edit.folder);
  else await deps.repository.removeFeed(edit.feedUrl);
  return succeed(null);
};
