// Read and starred, both ways. Marking on the laptop queues a change (renderer/db), sent with
// edit-tag at the next sync, in order; the server's state comes back at every sync. The rule when
// both sides changed one item: the laptop's change that is still waiting wins (it is the newer
// intent the server has not heard); once sent, the server's state is the truth again, so what
// another laptop or the phone did after that arrives here.
import { itemsPerEditCall, readerStreams } from './readerCalls';

export type ReaderFlag = 'read' | 'starred';

/** One change waiting in the queue, in the order it was made (seq). */
export interface ReaderChange {
  seq: number;
  accountId: string;
  readerItemId: string;
  flag: ReaderFlag;
  value: boolean;
}

/** One edit-tag request, and the queue entries it settles once the server took it. */
export interface EditBatch {
  tag: (typeof readerStreams)['read' | 'starred'];
  add: boolean;
  itemIds: string[];
  settles: number[];
}

/**
 * The edit-tag requests for the queue, in its order: only an item's last change per flag is sent
 * (read then unread sends unread; earlier entries are settled with it), and changes of one kind go
 * together, up to `itemsPerEditCall` items per request. Equivalent to sending each entry in turn.
 */
export const editBatchesOf = (changes: readonly ReaderChange[]): EditBatch[] => {
  const ordered = [...changes].sort((left, right) => left.seq - right.seq);
  const last = new Map<string, ReaderChange>();
  const settledBy = new Map<string, number[]>();
  for (const change of ordered) {
    const key = `${change.flag}\n${change.readerItemId}`;
    last.set(key, change);
    settledBy.set(key, [...(settledBy.get(key) ?? []), change.seq]);
  }
  const batches: EditBatch[] = [];
  const open = new Map<string, EditBatch>();
  for (const [key, change] of [...last].sort(([, left], [, right]) => left.seq - right.seq)) {
    const kind = `${change.flag}:${String(change.value)}`;
    let batch = open.get(kind);
    if (batch === undefined || batch.itemIds.length >= itemsPerEditCall) {
      batch = { tag: change.flag === 'read' ? readerStreams.read : readerStreams.starred, add: change.value, itemIds: [], settles: [] };
      open.set(kind, batch);
      batches.push(batch);
    }
    batch.itemIds.push(change.readerItemId);
    batch.settles.push(...(settledBy.get(key) ?? []));
  }
  return batches;
};

/**
 * The conflict rule, for one flag of one item: the value to store, or null to leave it. A change
 * still waiting to be sent wins over the server; otherwise the server's state is taken.
 */
export const flagAfterServer = (local: boolean, server: boolean, waiting: boolean): boolean | null => (waiting || local === server ? null : server);
