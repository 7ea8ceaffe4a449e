/**
 * Service worker registration for offline play (the worker itself is generated at build time by
 * vite-plugin-pwa, see vite.config.ts). A new version installs in the background and then waits:
 * `useUpdateStore` holds the way to switch to it, UpdateNotice offers it as "Reload", and
 * nothing reloads until the player asks. A few lines on purpose: this is in the first load.
 */
import { create } from 'zustand';

interface UpdateState {
  /** Switches to the waiting version and reloads; null while no new version is waiting. */
  apply: (() => void) | null;
  dismiss: () => void;
}

export const useUpdateStore = create<UpdateState>()((set) => ({
  apply: null,
  dismiss: () => set({ apply: null }),
}));

/** The parts of `navigator.serviceWorker` used here (tests pass a fake). */
export type WorkerContainer = Pick<
  ServiceWorkerContainer,
  'register' | 'controller' | 'addEventListener'
>;

/**
 * Registers `url` and announces each new version through `onUpdate`. The very first install
 * (no controller yet) is not an update: that page already runs the newest code.
 */
export function registerServiceWorker(
  container: WorkerContainer | undefined,
  url: string,
  onUpdate: (apply: () => void) => void,
  reload: () => void = () => window.location.reload(),
): Promise<ServiceWorkerRegistration | null> {
  if (!container) return Promise.resolve(null);
  let reloading = false;
  const announce = (registration: ServiceWorkerRegistration) => {
    const waiting = registration.waiting;
    if (!waiting || !container.controller) return;
    onUpdate(() => {
      // Reload once the new worker has taken over, so the page loads the new files.
      container.addEventListener('controllerchange', () => {
        if (reloading) return;
        reloading = true;
        reload();
      });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
  };
  return container.register(url).then(
    (registration: ServiceWorkerRegistration | undefined) => {
      // Some environments (test browsers that block workers) resolve with nothing.
      if (!registration) return null;
      announce(registration);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') announce(registration);
        });
      });
      return registration;
    },
    // Offline, or a browser that refuses workers (private mode): the app runs as before.
    () => null,
  );
}

/** Registers the built worker once the page has loaded and gone idle (see whenSettled). */
export function startOfflineSupport(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined') return;
  const start = () =>
    void registerServiceWorker(
      navigator.serviceWorker,
      `${import.meta.env.BASE_URL}sw.js`,
      (apply) => useUpdateStore.setState({ apply }),
    ).then((registration) => {
      // A tab left open for days still hears of new versions: look again when it is shown.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration?.update().catch(() => undefined);
      });
    });
  whenSettled(start);
}

/**
 * Runs `task` once the page has loaded and then gone idle. A module script's page fires `load`
 * before React's first render (that is a task of its own), and a first visit's worker install
 * fetches and caches every built file: on a two-core machine its threads took CPU from the
 * board's first draw (measured with a trace, BENCHMARKS.md).
 */
function whenSettled(task: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 3000 });
    else setTimeout(task, 500);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
