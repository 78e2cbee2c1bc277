// Saved pictures as addresses the page may show: one blob: URL per stored picture, made once and
// reused by every place that shows it. A picture saved again (a new savedAt) gets a new URL and
// the old one is revoked. The blob stays in IndexedDB; the URL only points at it.
import type { PictureRecord } from '../../db/fieldNewsDb';

const shown = new Map<string, { savedAt: number; url: string }>();

export const pictureSrc = (record: Pick<PictureRecord, 'key' | 'blob' | 'savedAt'>): string => {
  const known = shown.get(record.key);
  if (known?.savedAt === record.savedAt) return known.url;
  if (known !== undefined) URL.revokeObjectURL(known.url);
  const url = URL.createObjectURL(record.blob);
  shown.set(record.key, { savedAt: record.savedAt, url });
  return url;
};
