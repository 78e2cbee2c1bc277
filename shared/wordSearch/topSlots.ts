// The best few of many candidates without sorting them all: a bounded heap whose root is the
// worst kept, as the word index ranks thousands of touched items to show fifty.

/** The best `wanted` of `candidates`, best first. `better` must be a strict total order (ties
 *  broken by something unique), so the answer never depends on the candidates' order. */
export const topSlots = (candidates: readonly number[], wanted: number, better: (a: number, b: number) => boolean): number[] => {
  const heap: number[] = [];
  const swap = (a: number, b: number): void => {
    const kept = heap[a] ?? 0;
    heap[a] = heap[b] ?? 0;
    heap[b] = kept;
  };
  const siftDown = (from: number): void => {
    let at = from;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && better(heap[worst] ?? 0, heap[left] ?? 0)) worst = left;
      if (right < heap.length && better(heap[worst] ?? 0, heap[right] ?? 0)) worst = right;
      if (worst === at) return;
      swap(at, worst);
      at = worst;
    }
  };
  for (const slot of candidates) {
    if (heap.length < wanted) {
      heap.push(slot);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!better(heap[parent] ?? 0, heap[at] ?? 0)) break;
        swap(at, parent);
        at = parent;
      }
    } else if (heap.length > 0 && better(slot, heap[0] ?? 0)) {
      heap[0] = slot;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
};
