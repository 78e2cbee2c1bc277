// The space the news takes and what is left (navigator.storage.estimate), and the request that the
// browser keep it under storage pressure (navigator.storage.persist, web mode: Electron keeps it anyway).

/** The part of navigator.storage these use; absent on browsers without the Storage API. */
export interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export interface StorageStatus {
  /** Bytes used by this app's storage, or null when the browser does not say. */
  usedBytes: number | null;
  /** Bytes still available to it (its quota less what it uses), or null when the browser does not say. */
  availableBytes: number | null;
  /** Whether the browser promised to keep the data under storage pressure; null when it cannot say. */
  persisted: boolean | null;
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/** Reads what the browser says; a browser that refuses (private windows, old engines) gives nulls, never a failure. */
export const readStorageStatus = async (storage: StorageManagerLike | undefined): Promise<StorageStatus> => {
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  const usedBytes = finite(estimate?.usage);
  const quota = finite(estimate?.quota);
  return {
    usedBytes,
    availableBytes: quota === null || usedBytes === null ? null : Math.max(0, quota - usedBytes),
    persisted: typeof persisted === 'boolean' ? persisted : null,
  };
};

/** Asks once for persistent storage unless it is already granted; true when the data is kept. */
export const askPersistentStorage = async (storage: StorageManagerLike | undefined): Promise<boolean> => {
  if (!storage?.persist) return false;
  if (await storage.persisted?.().catch(() => false)) return true;
  return storage.persist().catch(() => false);
};

/** A size in the locale's words: "12.5 MB", "1.2 GB" (decimal units, as the browser's own settings say them). */
export const formatStorageSize = (bytes: number, locale: string): string => {
  const gigabytes = bytes >= 1e9;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: gigabytes ? 'gigabyte' : 'megabyte', maximumFractionDigits: 1 }).format(bytes / (gigabytes ? 1e9 : 1e6));
};
