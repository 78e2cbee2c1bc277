// A sentence for the user as data: a catalog id and its parameters. Errors and notices cross the
// bridge and the workers in this form, and each side renders them in the interface language.
import type { MessageId } from './messages.en';

export type MessageValue = string | number;

export interface UserMessage {
  id: MessageId;
  values?: Readonly<Record<string, MessageValue>>;
}

export const userMessage = (id: MessageId, values?: Readonly<Record<string, MessageValue>>): UserMessage =>
  values === undefined ? { id } : { id, values };

/**
 * A message as stored in IndexedDB (FeedRecord.lastError): rows written before errors were ids hold
 * an English sentence. Readers take both instead of a schema upgrade, since the next sync replaces it.
 */
export type StoredMessage = string | UserMessage;
