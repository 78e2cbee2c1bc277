// A plain-text report a user can paste to support: the app, where its data lives, and how much is
// stored. No item content. (First version, by the sync helper, for the error screen; helper B owns
// this module and extends it with feed states, the storage estimate and the log.)
import { bridge } from '../bridge';
import { db } from '../database';

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export const collectDiagnostics = async (): Promise<string> => {
  const lines = [`Field News diagnostics, ${new Date().toISOString()}`];
  const info = await bridge.getAppInfo().catch((error: unknown) => ({ ok: false as const, error: describe(error) }));
  if (info.ok) {
    const { name, version, shell, platform, electronVersion, chromeVersion, dataFolder } = info.value;
    lines.push(`App: ${name} ${version} (${shell}) on ${platform}`);
    if (electronVersion !== null) lines.push(`Electron ${electronVersion}, Chrome ${chromeVersion ?? 'unknown'}`);
    lines.push(`Data folder: ${dataFolder ?? 'the browser profile (web mode)'}`);
  } else {
    lines.push(`App information unavailable: ${info.error}`);
  }
  lines.push(`Browser: ${navigator.userAgent}`);
  // The storage may be what failed: each count says so rather than stopping the report.
  try {
    const feeds = await db.feeds.toArray();
    lines.push(`Feeds: ${feeds.length}; items counted on feeds: ${feeds.reduce((total, feed) => total + feed.itemCount, 0)}`);
    lines.push(`Items stored: ${await db.items.count()}`);
  } catch (error) {
    lines.push(`The database could not be read: ${describe(error)}`);
  }
  return lines.join('\n');
};
