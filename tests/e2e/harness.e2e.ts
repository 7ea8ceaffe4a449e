/**
 * Tests of the e2e harness itself, on a throw-away site (not the app): the static server's
 * MIME types and path handling, module workers loading from it, and problem collection.
 * If these fail, every other e2e failure is suspect.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, launchChromium, serveStatic, startApp, type StaticServer } from './harness';
import type { Browser } from 'playwright-core';

describeE2E('e2e harness', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'e2e-harness-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>t</title><div id="out">waiting</div><script type="module" src="/assets/main.js"></script>',
    );
    writeFileSync(
      join(dir, 'assets/main.js'),
      `import { twice } from './lib.js';
       const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
       worker.onmessage = (e) => { document.getElementById('out').textContent = 'worker says ' + e.data; };
       worker.onerror = () => { document.getElementById('out').textContent = 'worker failed'; };
       worker.postMessage(twice(21));`,
    );
    writeFileSync(join(dir, 'assets/lib.js'), 'export const twice = (n) => n * 2;');
    writeFileSync(
      join(dir, 'assets/worker.js'),
      `import { twice } from './lib.js';
       self.onmessage = (e) => self.postMessage(twice(e.data));`,
    );
    server = await serveStatic(dir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves files with the right MIME types, 404s missing assets and falls back to index.html', async () => {
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const js = await fetch(new URL('assets/main.js', server.url));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain('new Worker');
    expect((await fetch(new URL('assets/nope.js', server.url))).status).toBe(404);
    const route = await fetch(new URL('some/route', server.url));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="out">');
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(Number(new URL(server.url).port)).toBeGreaterThan(0);
  });

  it('never serves a file outside its root', async () => {
    // URL parsing removes "..", even as %2e%2e; an encoded slash survives it, so "..%2F" is the
    // way out of the root a careless server would take. fetch() would normalise, so use node:http.
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok, fail) => {
      const u = new URL(server.url);
      const req = request(
        { host: u.hostname, port: u.port, path: '/..%2F..%2F..%2Fetc%2Fhostname' },
        (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('runs a module worker served by it in Chromium', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'waiting');
    expect(await page.textContent('#out')).toBe('worker says 84');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('collects console errors, page errors and failed requests from app pages', async () => {
    const app = await startApp({ root: dir });
    try {
      const page = await app.newPage({ allowConsoleErrors: /expected noise/ });
      await page.goto(app.url);
      await page.waitForFunction(
        () => document.getElementById('out')?.textContent === 'worker says 84',
      );
      expect(app.takeProblems()).toEqual([]);
      await page.evaluate(() => {
        console.error('expected noise');
        console.error('real trouble');
        setTimeout(() => {
          throw new Error('boom');
        });
      });
      await page.evaluate(() => fetch('/assets/missing.js').catch(() => undefined));
      // A 404 is reported twice (Chromium logs it to the console too); all three kinds must show.
      await expect
        .poll(() => page.problems.some((p) => /HTTP 404: .*missing\.js/.test(p)))
        .toBe(true);
      await expect.poll(() => page.problems.some((p) => /page error: .*boom/.test(p))).toBe(true);
      const problems = app.takeProblems();
      expect(problems[0]).toMatch(/console.error: real trouble/);
      expect(problems.some((p) => p.includes('expected noise'))).toBe(false);
      expect(app.takeProblems()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
