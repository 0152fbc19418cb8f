import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import { loadTransform, type MainMessage, type WorkerMessage, type WorkerSetup } from '../../../codemods/lib/batches.js';
import { errorReason, runFiles, type FileResult, type RunOptions } from '../../../codemods/lib/run.js';
import type { CodemodEntry } from '../../../codemods/registry.js';

// The build puts the bin, its chunks and `codemods/` side by side: `cli.js`, `codemods/registry.js`,
// `codemods/<slug>.js` (the registry's module paths are relative to the registry) and the worker
// entry `codemods/worker.js`.
const registryUrl = new URL('./codemods/registry.js', import.meta.url);
const workerUrl = new URL('./codemods/worker.js', import.meta.url);

/** Files handed to a thread at a time: small enough to balance the threads, big enough to keep messages few. */
const BATCH_SIZE = 8;

/** The URL of a codemod's built transform. */
function transformUrlOf(entry: CodemodEntry): URL {
  return new URL(entry.module, registryUrl);
}

/**
 * The default thread count: one for project-wide codemods (their plan needs every file in one
 * run), otherwise one per file up to the cores but one, at most 4, at least 1.
 */
export function defaultThreads(entry: CodemodEntry, fileCount: number): number {
  if (entry.scope === 'project') return 1;
  return Math.max(1, Math.min(fileCount, availableParallelism() - 1, 4));
}

/**
 * Runs a codemod over files on `threads` threads: this one and `threads - 1` worker threads, each
 * loading the built transform by URL and taking batches of files from one queue until it is empty
 * (a worker still starting up takes none). The results come back in the order of `files`, so the
 * output does not depend on the thread count.
 */
export async function runCodemod(entry: CodemodEntry, files: readonly string[], options: RunOptions, threads: number): Promise<FileResult[]> {
  const transformUrl = transformUrlOf(entry).href;
  const transform = await loadTransform(transformUrl);
  if (threads <= 1 || files.length <= BATCH_SIZE) return runFiles(transform, files, options);

  const results = new Map<string, FileResult>();
  let next = 0;
  const take = (): string[] | undefined => {
    if (next >= files.length) return undefined;
    const batch = files.slice(next, next + BATCH_SIZE);
    next += batch.length;
    return batch;
  };
  const store = (batch: readonly FileResult[]): void => {
    for (const result of batch) results.set(result.file, result);
  };
  const workers = Array.from({ length: Math.min(threads, Math.ceil(files.length / BATCH_SIZE)) - 1 }, () =>
    startWorker({ transformUrl, options }, take, store),
  );
  for (let batch = take(); batch !== undefined; batch = take()) {
    store(runFiles(transform, batch, options));
    // Let the workers' messages in: they are waiting for their next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Nothing left to hand out: a worker still starting up has nothing to do.
  for (const worker of workers) worker.stopIfIdle();
  await Promise.all(workers.map((worker) => worker.done));
  return files.map((file) => results.get(file) ?? { file, reports: [], error: 'no thread returned a result for this file' });
}

interface RunningWorker {
  /** Settles when the worker has exited, its results stored. */
  done: Promise<void>;
  /** Ends the worker unless it is transforming a batch. */
  stopIfIdle(): void;
}

/** Feeds a worker thread batches from `take` until none is left; a worker that dies fails its batch. */
function startWorker(setup: WorkerSetup, take: () => string[] | undefined, store: (results: readonly FileResult[]) => void): RunningWorker {
  let current: string[] | undefined;
  const worker = new Worker(workerUrl, { workerData: setup });
  const done = new Promise<void>((resolve) => {
    const fail = (reason: string): void => {
      if (current !== undefined) store(current.map((file) => ({ file, reports: [], error: `worker thread failed: ${reason}` })));
      current = undefined;
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('results' in message) store(message.results);
      current = take();
      worker.postMessage(current satisfies MainMessage);
    });
    worker.once('error', (error) => fail(errorReason(error)));
    worker.once('exit', (code) => {
      if (code !== 0) fail(`exit code ${code}`);
      resolve();
    });
  });
  return {
    done,
    stopIfIdle: () => {
      if (current === undefined) void worker.terminate();
    },
  };
}

