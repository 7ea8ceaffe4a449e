import type { BoardContext } from '../../src/render';

export interface Call {
  name: string;
  args: unknown[];
}

/** A 2D context that records every call and style assignment, for drawing tests. */
export function fakeContext(): {
  ctx: BoardContext & { setTransform: (...a: number[]) => void };
  calls: Call[];
} {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
    };
  const state: Record<string, unknown> = {};
  const ctx = new Proxy({} as BoardContext & { setTransform: (...a: number[]) => void }, {
    get(_t, prop: string) {
      if (prop in state) return state[prop];
      return record(prop);
    },
    set(_t, prop: string, value) {
      state[prop] = value;
      calls.push({ name: `set ${prop}`, args: [value] });
      return true;
    },
  });
  return { ctx, calls };
}
