// The window's side of aggregator accounts: connecting (the shell signs in and keeps the secrets,
// the account's record goes to the database, its first sync starts), disconnecting, adding a feed to
// an account, and the feed list's rename, move and remove, which for an account's feed happen on its
// server first (the sync worker's editAccountFeed) and for any other feed here only.
import type { AggregatorSignIn } from '../../../shared/bridge';
import { emptySyncMark } from '../../../shared/aggregator/accountSyncPlan';
import type { ConnectedAccount } from '../../../shared/aggregator/readerSession';
import { checkFeedAddress } from '../../../shared/feedAddress';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { succeed, type Result } from '../../../shared/result';
import type { FeedRecord } from '../../db/fieldNewsDb';
import { bridge } from '../bridge';
import { newsRepository } from '../database';
import { log } from '../log';
import { syncScheduler } from '../sync/syncService';
import { syncClient } from '../sync/windowSyncClient';

export const connectAccount = async (signIn: AggregatorSignIn): Promise<Result<ConnectedAccount, UserMessage>> => {
  const connected = await bridge.connectAggregator(signIn);
  if (!connected.ok) return connected;
  const { accountId, serverAddress, userName, service } = connected.value;
  await newsRepository.addAccount({ id: accountId, serverAddress, userName, service, addedAt: new Date().toISOString(), lastSyncAt: null, lastError: null, lastSync: null, ...emptySyncMark });
  await syncClient.refreshAccountSecrets();
  void syncScheduler.run({ manual: true, accountId });
  return connected;
};

export const disconnectAccount = async (accountId: string): Promise<void> => {
  const forgotten = await bridge.forgetAggregator(accountId);
  if (!forgotten.ok) log.warn('accounts', 'The account\'s secrets could not be forgotten');
  await newsRepository.removeAccount(accountId);
  await syncClient.refreshAccountSecrets();
};

/** Adds a feed to the account on its server; its news arrives with the account's sync. */
export const addFeedToAccount = async (accountId: string, typed: string): Promise<Result<null, UserMessage>> => {
  const address = checkFeedAddress(typed);
  if (!address.ok) return address;
  const added = await syncClient.editAccountFeed({ kind: 'subscribe', accountId, feedUrl: address.value });
  if (added.ok) void syncScheduler.run({ manual: true, accountId });
  return added;
};

export const renameFeed = async (feed: FeedRecord, title: string): Promise<Result<null, UserMessage>> => {
  if (feed.account === undefined) {
    await newsRepository.renameFeed(feed.url, title);
    return succeed(null);
  }
  if (title.trim() === '') return succeed(null);
  return syncClient.editAccountFeed({ kind: 'rename', accountId: feed.account, feedUrl: feed.url, title });
};

export const moveFeed = async (feed: FeedRecord, folder: string): Promise<Result<null, UserMessage>> => {
  if (feed.account === undefined) {
    await newsRepository.setFeedFolder(feed.url, folder);
    return succeed(null);
  }
  return syncClient.editAccountFeed({ kind: 'move', accountId: feed.account, feedUrl: feed.url, folder });
};

export const removeFeed = async (feed: FeedRecord): Promise<Result<null, UserMessage>> => {
  if (feed.account === undefined) {
    await newsRepository.removeFeed(feed.url);
    return succeed(null);
  }
  return syncClient.editAccountFeed({ kind: 'remove', accountId: feed.account, feedUrl: feed.url });
};

