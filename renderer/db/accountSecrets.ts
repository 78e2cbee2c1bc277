// Web mode's remembered aggregator credentials: sealed with AES-GCM under a key created here as not
// extractable, so the database never holds the token or the password in clear and a backup, an
// export or a look at the database shows neither. It is no vault: the browser keeps the key in the
// same profile, so whoever copies the whole profile folder can open them (the desktop app's
// safeStorage uses the system's key store instead, electron/aggregatorAccounts.ts).
import { z } from 'zod';
import type { ReaderCredentials } from '../../shared/aggregator/readerSession';
import type { FieldNewsDb } from './fieldNewsDb';

const credentialsSchema = z.object({ serverAddress: z.string(), userName: z.string(), password: z.string(), token: z.string() });

export const sealAccountSecret = async (db: FieldNewsDb, accountId: string, credentials: ReaderCredentials): Promise<void> => {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(credentials)));
  await db.accountSecrets.put({ accountId, key, iv, sealed });
};

/** Every remembered account's credentials; one that cannot be opened is left out (the account asks to connect again). */
export const openAccountSecrets = async (db: FieldNewsDb, onFailure: (accountId: string, thrown: unknown) => void): Promise<Map<string, ReaderCredentials>> => {
  const opened = new Map<string, ReaderCredentials>();
  for (const record of await db.accountSecrets.toArray()) {
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv as Uint8Array<ArrayBuffer> }, record.key, record.sealed);
      const parsed = credentialsSchema.safeParse(JSON.parse(new TextDecoder().decode(plain)) as unknown);
      if (parsed.success) opened.set(record.accountId, parsed.data);
    } catch (thrown) {
      onFailure(record.accountId, thrown);
    }
  }
  return opened;
};

export const removeAccountSecret = async (db: FieldNewsDb, accountId: string): Promise<void> => {
  await db.accountSecrets.delete(accountId);
};

export const isRemembered = async (db: FieldNewsDb, accountId: string): Promise<boolean> => (await db.accountSecrets.get(accountId)) !== undefined;
