import { isMainThread, parentPort, workerData } from 'node:worker_threads';

import type { Transform } from 'jscodeshift';

import { runFiles, type FileResult, type RunOptions } from './run.js';

/** What a worker thread of `hardening codemod --cpus N` is started with. */
export interface WorkerSetup {
  /** The built transform module, loaded by URL. */
  transformUrl: string;
  options: RunOptions;
}

/** Worker → main thread: `ready` once the transform is loaded, then the results of each batch. */
export type WorkerMessage = { ready: true } | { results: FileResult[] };
/** Main thread → worker: the next batch of files, or `undefined` when none is left. */
export type MainMessage = string[] | undefined;

/**
 * The worker thread's side: loads the transform, says it is ready, then transforms each batch the
 * main thread sends until it sends `undefined`. Resolves to false outside a worker thread.
 */
export async function serveBatches(): Promise<boolean> {
  const port = parentPort;
  if (isMainThread || port === null) return false;
  const setup = workerData as WorkerSetup;
  const transform = await loadTransform(setup.transformUrl);
  port.on('message', (batch: MainMessage) => {
    if (batch === undefined) port.close();
    else port.postMessage({ results: runFiles(transform, batch, setup.options) } satisfies WorkerMessage);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
  return true;
}

/** A built transform module's default export. */
export async function loadTransform(url: string): Promise<Transform> {
  const loaded = (await import(url)) as { default?: unknown };
  if (typeof loaded.default !== 'function') throw new Error(`${url} has no default export transform`);
  return loaded.default as Transform;
}
