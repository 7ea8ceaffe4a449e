// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Budget, NodeStore } from '../../src/solver/table';

/** Adds `count` distinct two-box positions whose hashes often collide, then looks each up. */
function exercise(store: NodeStore, count: number) {
  const boxes = new Int32Array(2);
  const hashOf = (k: number) => ((k % 7) * 0x3b000001) | 0; // few distinct hashes, all tag bits used
  for (let k = 0; k < count; k++) {
    boxes[0] = k;
    boxes[1] = k + 1000;
    expect(store.find(hashOf(k), boxes, k % 3)).toBe(-1);
    expect(store.add(boxes, k % 3, -1, 0, 0, hashOf(k), 0, 0)).toBe(k);
  }
  for (let k = 0; k < count; k++) {
    boxes[0] = k;
    boxes[1] = k + 1000;
    expect(store.find(hashOf(k), boxes, k % 3)).toBe(k);
    expect(store.find(hashOf(k), boxes, (k + 1) % 3)).toBe(-1);
    expect(store.find(hashOf(k + 1), boxes, k % 3)).toBe(-1);
  }
}

describe('NodeStore', () => {
  it('finds every position it holds, and no other, with tagged table entries', () => {
    exercise(new NodeStore(2, new Budget(64 << 20)), 1000);
  });

  it('keeps finding them after the ids outgrow the tagged entries', () => {
    // Four id bits: the table drops its tags after 14 nodes and must not lose any.
    exercise(new NodeStore(2, new Budget(64 << 20), 4), 500);
  });

  it('replaces a node in the table', () => {
    const store = new NodeStore(1, new Budget(64 << 20), 4);
    const b = Int32Array.of(5);
    for (let k = 0; k < 20; k++)
      store.add(Int32Array.of(100 + k), 0, -1, 0, 0, k * 0x1000001, 0, 0);
    const first = store.add(b, 7, -1, 9, 0, 0x7f000003, 0, 0);
    const second = store.add(b, 7, -1, 4, 0, 0x7f000003, 0, 0, first);
    expect(store.find(0x7f000003, b, 7)).toBe(second);
    expect(store.gOf(store.find(0x7f000003, b, 7))).toBe(4);
  });
});
