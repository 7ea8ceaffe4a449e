/**
 * Offline updates: the registration announces a waiting version (never the first install) and
 * switches only when asked; UpdateNotice offers it with "Reload" and can be put off.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  registerServiceWorker,
  useUpdateStore,
  type WorkerContainer,
} from '../../src/app/service-worker';
import { UpdateNotice } from '../../src/app/UpdateNotice';

/** A fake container whose registration has `waiting` (a worker that records its messages). */
function fakeContainer(options: { controlled: boolean; waiting: boolean; fails?: boolean }) {
  const listeners = new Map<string, () => void>();
  const messages: unknown[] = [];
  const waiting = options.waiting ? { postMessage: (m: unknown) => messages.push(m) } : null;
  const registration = {
    waiting,
    installing: null,
    addEventListener: vi.fn(),
    update: vi.fn(),
  } as unknown as ServiceWorkerRegistration;
  const container = {
    controller: options.controlled ? ({} as ServiceWorker) : null,
    register: vi.fn(() =>
      options.fails ? Promise.reject(new TypeError('offline')) : Promise.resolve(registration),
    ),
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
  } as unknown as WorkerContainer;
  return { container, messages, fire: (type: string) => listeners.get(type)?.() };
}

beforeEach(() => {
  useUpdateStore.setState({ apply: null });
});

describe('registerServiceWorker', () => {
  it('announces a waiting version and reloads only after the player applies it', async () => {
    const fake = fakeContainer({ controlled: true, waiting: true });
    const onUpdate = vi.fn();
    const reload = vi.fn();
    await registerServiceWorker(fake.container, '/sw.js', onUpdate, reload);
    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(fake.messages).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
    const apply = onUpdate.mock.calls[0]![0] as () => void;
    apply();
    expect(fake.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).not.toHaveBeenCalled(); // not until the new worker has taken over
    fake.fire('controllerchange');
    fake.fire('controllerchange');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('the first install is no update; a failed registration (offline) is quiet', async () => {
    const first = fakeContainer({ controlled: false, waiting: true });
    const onUpdate = vi.fn();
    await registerServiceWorker(first.container, '/sw.js', onUpdate);
    expect(onUpdate).not.toHaveBeenCalled();
    const offline = fakeContainer({ controlled: true, waiting: false, fails: true });
    await expect(registerServiceWorker(offline.container, '/sw.js', onUpdate)).resolves.toBeNull();
    await expect(registerServiceWorker(undefined, '/sw.js', onUpdate)).resolves.toBeNull();
  });
});

describe('UpdateNotice', () => {
  it('shows "A new version is ready." with Reload, and Not now puts it off', async () => {
    const user = userEvent.setup();
    render(<UpdateNotice />);
    expect(screen.queryByText(/new version/)).toBeNull();
    const apply = vi.fn();
    act(() => useUpdateStore.setState({ apply }));
    expect(screen.getByRole('status')).toHaveTextContent('A new version is ready.');
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(apply).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
