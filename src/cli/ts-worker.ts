/**
 * Starting a node:worker_threads worker whose entry is a TypeScript file.
 *
 * Under Node 20, `execArgv: ['--import', 'tsx']` (or inheriting tsx's own flags) does not
 * reach the worker's entry module: loading it fails with ERR_UNKNOWN_FILE_EXTENSION. So the
 * worker starts from a two-line JavaScript bootstrap that registers tsx's ESM hooks inside the
 * worker and then imports the real entry, which from then on may import any .ts module.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

function tsxApiUrl(): string {
  // import.meta.resolve is missing when this module is itself compiled to CommonJS or run by a
  // test runner. require.resolve would pick tsx's CommonJS build, whose register() cannot be
  // imported from ESM, so locate the ESM build from the package root instead.
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  const root = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  return new URL('dist/esm/api/index.mjs', root).href;
}

export function startTsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
