// The sync worker's own line to the main process: on the page's request, a MessageChannelMain whose
// far end goes to the page (and from there to the sync worker), serving feed downloads and the free
// disk space. A feed page's bytes then go main → sync worker without the window's thread relaying
// them. The port is given only to the app's own top frame; every call is validated as the bridge's.
import { app, ipcMain, MessageChannelMain, type IpcMainEvent, type MessagePortMain } from 'electron';
import { bridgeChannels, bridgeEvents, type FreeDiskSpace, type SyncShellCalls } from '../shared/bridge';
import type { ReaderAnswer } from '../shared/aggregator/readerSession';
import { callAggregator } from './aggregatorAccounts';
import { appAccountSecrets, appExchangeFor } from './appAggregator';
import { errorMessages } from '../shared/errorMessages';
import type { UserMessage } from '../shared/i18n/userMessage';
import { fail, succeed, type Result } from '../shared/result';
import { feedFetchFailure, type FeedFetchResult } from '../shared/sync/fetchFeedDocument';
import { createThreadChannel, type CallMap, type ChannelEndpoint } from '../shared/threads/threadChannel';
import { isTrustedSender } from './bridgeHandlers';
import { downloadFeedDocument } from './feedDownloads';
import { readFreeDiskSpace } from './freeDiskSpace';
import { mainLog } from './mainLog';

/** Electron's MessagePortMain speaks EventEmitter; the thread channel speaks addEventListener. */
const portEndpoint = (port: MessagePortMain): ChannelEndpoint => ({
  postMessage: (message) => port.postMessage(message),
  addEventListener: (_type, listener) => port.on('message', (event) => listener({ data: event.data })),
});

export interface SyncShellServices {
  download: (request: unknown) => Promise<FeedFetchResult>;
  freeSpace: () => Promise<FreeDiskSpace>;
  /** A Reader API call to an aggregator account, with the token only this process holds. */
  callReader: (request: unknown) => Promise<ReaderAnswer>;
}

const appServices: SyncShellServices = {
  download: downloadFeedDocument,
  callReader: (request) => callAggregator(request, { secrets: appAccountSecrets(), exchangeFor: appExchangeFor }),
  // The data folder's file system: the one Chromium writes IndexedDB to.
  freeSpace: () => readFreeDiskSpace(app.getPath('userData')),
};

/** Serves SyncShellCalls on `port`, with the bridge's answers: a throw becomes a logged failure value. */
export const serveSyncShell = (port: MessagePortMain, services: SyncShellServices = appServices): void => {
  createThreadChannel<CallMap, SyncShellCalls>(portEndpoint(port), {
    serve: {
      fetchFeedDocument: async (request: unknown): Promise<FeedFetchResult> => {
        try {
          return await services.download(request);
        } catch (thrown) {
          mainLog.error('sync-port', 'A feed download failed', thrown);
          return feedFetchFailure('no-connection', errorMessages.bridgeUnknownFailure);
        }
      },
      callReader: async (request: unknown): Promise<ReaderAnswer> => {
        try {
          return await services.callReader(request);
        } catch (thrown) {
          mainLog.error('sync-port', 'An aggregator call failed', thrown);
          return fail({ reason: 'no-connection', error: errorMessages.bridgeUnknownFailure, bytes: 0 });
        }
      },
      getFreeDiskSpace: async (): Promise<Result<FreeDiskSpace, UserMessage>> => {
        try {
          return succeed(await services.freeSpace());
        } catch (thrown) {
          mainLog.warn('sync-port', 'The free disk space could not be read', thrown);
          return fail(errorMessages.freeSpaceUnknown);
        }
      },
    },
  });
  port.start();
};

/** Answers the page's requestSyncPort with a fresh port (each sync worker started gets its own). */
export const registerSyncPort = (services: SyncShellServices = appServices): void => {
  ipcMain.on(bridgeChannels.requestSyncPort, (event: IpcMainEvent) => {
    if (!isTrustedSender(event)) {
      mainLog.warn('bridge', `Refused a sync port to ${event.senderFrame?.url ?? 'a closed frame'}`);
      return;
    }
    const { port1, port2 } = new MessageChannelMain();
    serveSyncShell(port1, services);
    event.sender.postMessage(bridgeEvents.syncPort, null, [port2]);
  });
};
