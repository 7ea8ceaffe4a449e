/**
 * End-to-end harness: serves the built app (dist/) on a free local port and drives Debian's
 * /usr/bin/chromium with playwright-core. No browser is ever downloaded.
 *
 * Typical use in a `*.e2e.ts` file:
 *
 *   describeE2E('play', () => {
 *     const app = useApp();                       // one server + browser for the file
 *     it('loads', async () => {
 *       const page = await app.newPage();         // fresh context, errors collected
 *       await page.goto(app.url);
 *     });
 *   });
 *
 * Every page made by `newPage` records console errors, uncaught page errors and failed requests
 * for the app's own files; `useApp` fails the running test when any were recorded.
 *
 * `npm run test:e2e` builds first (`vite build`). When running a file by hand, build first:
 *   npx vite build && npx vitest run --config vitest.e2e.config.ts tests/e2e/play.e2e.ts
 * In a checkout shared with others, build into a directory of your own so that nobody's build
 * empties dist/ under your run:
 *   npx vite build --outDir /tmp/my-dist --emptyOutDir &&
 *     E2E_DIST=/tmp/my-dist npx vitest run --config vitest.e2e.config.ts tests/e2e/play.e2e.ts
 */
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchChromium, serveStatic } from './browser';

export {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  DIST_DIR,
  hasChromium,
  launchChromium,
  serveStatic,
  type StaticServer,
} from './browser';

const inCI = process.env.CI === 'true';

/**
 * `describe` for browser tests. Without Chromium the block is skipped with a visible warning,
 * except in CI (CI=true), where a missing browser is a failure: CI must never go green by
 * silently testing nothing.
 */
export function describeE2E(name: string, body: () => void): void {
  if (hasChromium) {
    describe(name, body);
    return;
  }
  if (inCI) {
    describe(name, () => {
      it(`needs Chromium at ${CHROMIUM_PATH}`, () => {
        throw new Error(
          `Chromium is missing at ${CHROMIUM_PATH} and CI=true: install it (apt-get install -y chromium).`,
        );
      });
    });
    return;
  }
  console.warn(
    `\n[e2e] SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH}. ` +
      `Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`,
  );
  describe.skip(name, body);
}

export interface PageOptions extends BrowserContextOptions {
  /** Console error texts matching this are expected and not counted as failures. */
  allowConsoleErrors?: RegExp;
}

/** A page with the problems seen on it so far. */
export interface AppPage extends Page {
  /** Console errors, page errors and failed same-origin requests, in order. */
  readonly problems: string[];
}

export interface App {
  readonly url: string;
  readonly browser: Browser;
  /** A page in a fresh browser context (its own storage), with problems collected. */
  newPage(options?: PageOptions): Promise<AppPage>;
  /** Problems recorded on every page made so far, then forgotten. */
  takeProblems(): string[];
  /** Closes every page (context) made so far; the server and browser stay up. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the static server (on dist/ unless told otherwise) and Chromium. */
export async function startApp(options: { root?: string } = {}): Promise<App> {
  const server = await serveStatic(options.root);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];
  const origin = new URL(server.url).origin;
  const closePages = async () => {
    const open = contexts;
    contexts = [];
    await Promise.allSettled(open.map((c) => c.close()));
  };

  return {
    url: server.url,
    browser,
    async newPage(options: PageOptions = {}) {
      const { allowConsoleErrors, ...contextOptions } = options;
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        // The app's service worker (offline play) would answer requests from its cache, past the
        // routes some flows set up (a crashing solver worker): off unless a flow asks for it, as
        // tests/e2e/offline.e2e.ts does with `serviceWorkers: 'allow'`.
        serviceWorkers: 'block',
        ...contextOptions,
      });
      contexts.push(context);
      // An unhandled promise rejection is a bug like an uncaught error: report it as one, so that
      // every e2e flow fails on it (Chromium does not always surface it as a page error).
      await context.addInitScript(() => {
        window.addEventListener('unhandledrejection', (event) => {
          const reason = event.reason as { stack?: string } | undefined;
          console.error(`unhandled rejection: ${reason?.stack ?? String(event.reason)}`);
        });
      });
      const page = (await context.newPage()) as AppPage;
      const own: string[] = [];
      Object.defineProperty(page, 'problems', { value: own });
      const record = (text: string) => {
        own.push(text);
        problems.push(text);
      };
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (allowConsoleErrors?.test(text)) return;
        const where = message.location();
        // Chromium asks for /favicon.ico on its own; a missing one is not the app's failure.
        if (where.url?.endsWith('/favicon.ico')) return;
        record(`console.error: ${text}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => record(`page error: ${error.stack ?? error.message}`));
      page.on('requestfailed', (request) => {
        const error = request.failure()?.errorText ?? '';
        // ERR_ABORTED is the browser dropping a request because the page went away (a reload or
        // navigation while, say, the solver worker's script was loading): not a failure of the app.
        if (request.url().startsWith(origin) && !error.includes('ERR_ABORTED'))
          record(`request failed: ${request.url()} ${error}`);
      });
      page.on('response', (response) => {
        if (response.url().startsWith(origin) && response.status() >= 400) {
          record(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      return page;
    },
    takeProblems() {
      const taken = problems;
      problems = [];
      return taken;
    },
    closePages,
    async close() {
      await closePages();
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/**
 * Registers hooks that start the app once for the enclosing describe block, close every page's
 * context after each test, and fail a test that produced console or page errors.
 * Returns a handle whose properties are usable inside tests (not at collection time).
 */
export function useApp(): App {
  let app: App | undefined;
  const need = (): App => {
    if (!app)
      throw new Error(
        'useApp(): the app is not started (use it inside tests, not at collection time)',
      );
    return app;
  };
  beforeAll(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    // Let late errors (an effect that throws after the last assertion) arrive before judging.
    await new Promise((done) => setTimeout(done, 50));
    const problems = app?.takeProblems() ?? [];
    await app?.closePages();
    if (problems.length > 0) {
      throw new Error(
        `The page reported ${problems.length} problem(s):\n  ${problems.join('\n  ')}`,
      );
    }
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    get url() {
      return need().url;
    },
    get browser() {
      return need().browser;
    },
    newPage: (options) => need().newPage(options),
    takeProblems: () => need().takeProblems(),
    closePages: () => need().closePages(),
    close: () => need().close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers for driving the app by its accessible names (DESIGN.md).

/** Fills the "Level" text box with `text` and presses "Load". */
/** A phone in portrait (390×844, touch, 3 device pixels per CSS pixel): the mobile flows' page. */
export const PHONE: PageOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 3,
};

export async function loadLevel(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Level' }).fill(text);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
}

/** The text of the game status (role `status` containing "Moves:" or "Solved"). */
export function gameStatus(page: Page) {
  return page
    .getByRole('status')
    .filter({ hasText: /Moves:|Solved/ })
    .first();
}

/** Presses keys one after another with `delayMs` between them, with focus off the text box. */
export async function pressKeys(page: Page, keys: readonly string[], delayMs = 0): Promise<void> {
  for (const [i, key] of keys.entries()) {
    if (i > 0 && delayMs > 0) await page.waitForTimeout(delayMs);
    await page.keyboard.press(key);
  }
}

/** Moves keyboard focus away from any text box so that game keys reach the board. */
export async function blurInputs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement) active.blur();
  });
}

/**
 * A swipe with real touch events (CDP Input.dispatchTouchEvent), so the page sees touchstart /
 * touchmove / touchend and the pointer events Chromium derives from them. Needs a context made
 * with `hasTouch: true`.
 */
export async function swipe(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 6,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: from.x, y: from.y }],
    });
    for (let i = 1; i <= steps; i++) {
      const x = from.x + ((to.x - from.x) * i) / steps;
      const y = from.y + ((to.y - from.y) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A Boxoban-format file: `; N` headers (0-based) and 10x10 boards, as DeepMind ships them. */
export function boxobanFile(boards: readonly string[][]): string {
  return boards.map((rows, i) => `; ${i}\n${rows.join('\n')}\n`).join('\n');
}

/**
 * Pastes `text` into `target` as a user does (clipboard, then Ctrl+A and Ctrl+V), replacing its
 * content. Much faster than `fill` for big texts (fill inserts through CDP's Input.insertText,
 * which takes seconds for a megabyte). The page's context needs the clipboard permissions:
 * `newPage({ permissions: ['clipboard-read', 'clipboard-write'] })`.
 */
export async function pasteText(page: Page, target: Locator, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await target.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await target.evaluate(
    (el, length) =>
      new Promise<void>((done, fail) => {
        const started = performance.now();
        const check = () => {
          if ((el as HTMLTextAreaElement).value.length === length) done();
          else if (performance.now() - started > 10_000) fail(new Error('paste did not arrive'));
          else setTimeout(check, 10);
        };
        check();
      }),
    text.length,
  );
}
