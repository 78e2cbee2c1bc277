// "Copy diagnostics": the support report of this window, from its database and its bridge.
import { bridge as appBridge } from '../bridge';
import { db as appDb } from '../database';
import { collectDiagnosticsFrom } from './diagnosticsReport';

/** What the UI calls: the report for this window. */
export const collectDiagnostics = (): Promise<string> =>
  collectDiagnosticsFrom({
    db: appDb,
    bridge: appBridge,
    userAgent: navigator.userAgent,
    estimateStorage: 'storage' in navigator && 'estimate' in navigator.storage ? () => navigator.storage.estimate() : undefined,
  });
