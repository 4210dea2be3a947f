/**
 * The first `k` items in `compare` order, sorted. A reader sees one page of results; sorting all
 * 50,000 matches to show twenty wastes most of the work, so past a size this keeps a bounded heap.
 */
export function selectTop<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= Math.max(1000, k * 4)) return [...items].sort(compare).slice(0, k);

  // A max-heap (by `compare`) of the best k seen so far: its root is the worst of them.
  const heap: T[] = [];
  const worse = (a: T, b: T) => compare(a, b) > 0;
  const siftUp = (start: number) => {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const child = heap[index] as T;
      const above = heap[parent] as T;
      if (!worse(child, above)) break;
      heap[index] = above;
      heap[parent] = child;
      index = parent;
    }
  };
  const siftDown = () => {
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let largest = index;
      if (left < heap.length && worse(heap[left] as T, heap[largest] as T)) largest = left;
      if (right < heap.length && worse(heap[right] as T, heap[largest] as T)) largest = right;
      if (largest === index) return;
      const swap = heap[index] as T;
      heap[index] = heap[largest] as T;
      heap[largest] = swap;
      index = largest;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      siftDown();
    }
  }
  return heap.sort(compare);
}
