import { vi } from 'vitest';

/** Makes localStorage refuse (as a full storage does) writes to `key` only; others go through. */
export function refuseStorageFor(key: string): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own `this` below
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
    this: Storage,
    k: string,
    v: string,
  ) {
    if (k === key) throw new DOMException('full', 'QuotaExceededError');
    setItem.call(this, k, v);
  });
}
