// The aggregator accounts' parts as the app has them: the secrets file in the data folder sealed with
// Electron's safeStorage, and each server reached through the address guard with the reach its host
// was admitted with (a team's FreshRSS on the office network is allowed once, in a dialog).
import path from 'node:path';
import { app, safeStorage } from 'electron';
import type { Exchange } from '../shared/aggregator/readerSession';
import { errorMessages } from '../shared/errorMessages';
import { feedReachOf } from '../shared/sync/addressRules';
import { fieldNewsUserAgent } from '../shared/sync/fetchPolicy';
import { guardAddresses } from './addressGuard';
import { guardedExchange, openAccountSecrets, type AccountSecrets, type AggregatorDesk } from './aggregatorAccounts';
import { appNetwork } from './downloadNetwork';
import { mainLog } from './mainLog';

let secrets: AccountSecrets | null = null;

export const appAccountSecrets = (): AccountSecrets => {
  if (secrets === null) {
    secrets = openAccountSecrets(path.join(app.getPath('userData'), 'aggregator-accounts.json'), safeStorage);
    // On Linux without a key ring, safeStorage falls back to a key written in Chromium itself.
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      mainLog.warn('accounts', 'No system key store: account secrets are sealed with Chromium\'s fallback key only');
    }
  }
  return secrets;
};

/** Each call gets its own guard, so a refusal names this request's address. */
export const appExchangeFor =
  (serverAddress: string): Exchange =>
  (request, authorization) => {
    const network = appNetwork();
    const guard = guardAddresses(feedReachOf(serverAddress, network.insideNetwork.isAllowed(serverAddress)), network);
    const refusal = () => {
      const found = guard.refusal();
      return found === null ? null : errorMessages.fetchAddressRefused(found.host, found.address);
    };
    return guardedExchange({ fetch: guard.fetch, refusal }, fieldNewsUserAgent(app.getVersion()))(request, authorization);
  };

export const appAggregatorDesk = (admit: AggregatorDesk['admit']): AggregatorDesk => ({
  secrets: appAccountSecrets(),
  box: safeStorage,
  exchangeFor: appExchangeFor,
  admit,
});
