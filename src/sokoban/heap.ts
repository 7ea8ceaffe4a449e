/**
 * A binary min-heap of [priority, value] pairs: small searches over positions (fewest-push box
 * paths, and the tests' exact reference searches) without a dependency.
 */
export interface MinHeap<T> {
  readonly size: number;
  push(priority: number, value: T): void;
  /** The pair with the smallest priority (call only when size > 0). */
  pop(): [number, T];
}

export function minHeap<T>(): MinHeap<T> {
  const items: [number, T][] = [];
  return {
    get size() {
      return items.length;
    },
    push(priority, value) {
      items.push([priority, value]);
      for (let i = items.length - 1; i > 0;) {
        const up = (i - 1) >> 1;
        if (items[up]![0] <= items[i]![0]) break;
        [items[up], items[i]] = [items[i]!, items[up]!];
        i = up;
      }
    },
    pop() {
      const top = items[0]!; // callers check size > 0
      const last = items.pop()!;
      if (items.length > 0) {
        items[0] = last;
        for (let i = 0; ;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < items.length && items[l]![0] < items[m]![0]) m = l;
          if (r < items.length && items[r]![0] < items[m]![0]) m = r;
          if (m === i) break;
          [items[m], items[i]] = [items[i]!, items[m]!];
          i = m;
        }
      }
      return top;
    },
  };
}
