import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editBatchesOf, flagAfterServer, type ReaderChange, type ReaderFlag } from '../../../shared/aggregator/readerChanges';

const change = (seq: number, readerItemId: string, flag: ReaderFlag, value: boolean): ReaderChange => ({ seq, accountId: 'a', readerItemId, flag, value });

describe('the queue of read and starred changes', () => {
  it('sends only the last change of an item per flag, and settles the earlier ones with it', () => {
    const batches = editBatchesOf([change(1, '10', 'read', true), change(2, '11', 'starred', true), change(3, '10', 'read', false), change(4, '12', 'read', true)]);
    expect(batches).toEqual([
      { tag: 'user/-/state/com.google/starred', add: true, itemIds: ['11'], settles: [2] },
      { tag: 'user/-/state/com.google/read', add: false, itemIds: ['10'], settles: [1, 3] },
      { tag: 'user/-/state/com.google/read', add: true, itemIds: ['12'], settles: [4] },
    ]);
  });

  it('sends at most 250 items per request', () => {
    const many = Array.from({ length: 600 }, (_, index) => change(index + 1, String(1000 + index), 'read', true));
    expect(editBatchesOf(many).map((batch) => batch.itemIds.length)).toEqual([250, 250, 100]);
    expect(editBatchesOf(many).flatMap((batch) => batch.settles)).toHaveLength(600);
  });

  it('leaves the server as applying every change in order would (property)', () => {
    const entries = fc.array(fc.record({ item: fc.integer({ min: 1, max: 6 }), flag: fc.constantFrom<ReaderFlag>('read', 'starred'), value: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(entries, (made) => {
        const queue = made.map((entry, index) => change(index + 1, String(entry.item), entry.flag, entry.value));
        const inOrder = new Map<string, boolean>();
        for (const entry of queue) inOrder.set(`${entry.flag}:${entry.readerItemId}`, entry.value);
        const sent = new Map<string, boolean>();
        const batches = editBatchesOf(queue);
        for (const batch of batches) for (const id of batch.itemIds) sent.set(`${batch.tag.endsWith('read') ? 'read' : 'starred'}:${id}`, batch.add);
        expect(sent).toEqual(inOrder);
        expect(batches.flatMap((batch) => batch.settles).sort((a, b) => a - b)).toEqual(queue.map((entry) => entry.seq));
      }),
    );
  });
});

describe('the rule when both sides changed an item', () => {
  it('keeps a change still waiting to be sent, and otherwise takes the server state', () => {
    // local, server, waiting → what to store (null: leave as is)
    expect(flagAfterServer(true, false, true)).toBeNull();
    expect(flagAfterServer(false, true, true)).toBeNull();
    expect(flagAfterServer(false, true, false)).toBe(true);
    expect(flagAfterServer(true, false, false)).toBe(false);
    expect(flagAfterServer(true, true, false)).toBeNull();
  });
});
