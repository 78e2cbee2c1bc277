// The best few of many candidates without sorting them all: a bounded heap whose root is the
// worst kept, as the word index ranks thousands of touched items to show fifty.
import { readAt } from '../checkedRead';

/** The best `wanted` of `candidates`, best first. `better` must be a strict total order (ties
 *  broken by something unique), so the answer never depends on the candidates' order. */
export const topSlots = (candidates: readonly number[], wanted: number, better: (a: number, b: number) => boolean): number[] => {
  const heap: number[] = [];
  /** Puts `slot` in the place of the root, then moves it down below every kept slot worse than it. */
  const replaceRoot = (slot: number): void => {
    let at = 0;
    for (;;) {
      const left = at * 2 + 1;
      if (left >= heap.length) break;
      let worse = left;
      let worseSlot = readAt(heap, left);
      if (left + 1 < heap.length) {
        const rightSlot = readAt(heap, left + 1);
        if (better(worseSlot, rightSlot)) {
          worse = left + 1;
          worseSlot = rightSlot;
        }
      }
      if (!better(slot, worseSlot)) break;
      heap[at] = worseSlot;
      at = worse;
    }
    heap[at] = slot;
  };
  for (const slot of candidates) {
    if (heap.length < wanted) {
      // Moves the new slot up past every kept slot better than it.
      let at = heap.length;
      heap.push(slot);
      while (at > 0) {
        const parent = (at - 1) >> 1;
        const parentSlot = readAt(heap, parent);
        if (!better(parentSlot, slot)) break;
        heap[at] = parentSlot;
        at = parent;
      }
      heap[at] = slot;
    } else if (heap.length > 0 && better(slot, readAt(heap, 0))) {
      replaceRoot(slot);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
};
