// Runs ESLint over the listed files: in worker threads through the options module when asked
// (`--concurrency`), in batches with a `files done / total` line when stderr is a terminal.
import { ESLint } from 'eslint';

import { auditEslintOptions, optionsModuleUrl, type AuditParams } from './options.js';

/** Where the options module is built: next to the CLI's own files in `dist/`. */
const OPTIONS_MODULE = new URL('./audit-options.js', import.meta.url);

export interface AuditEslint {
  eslint: ESLint;
  /** Whether files are linted in worker threads (`concurrency` other than `off`). */
  threaded: boolean;
}

/** ESLint set up for `params`; `warn` is told once when worker threads are not available. */
export async function createEslint(params: AuditParams, warn: (message: string) => void): Promise<AuditEslint> {
  if (params.concurrency === 'off') return { eslint: new ESLint(auditEslintOptions(params)), threaded: false };
  const fromOptionsModule = (ESLint as { fromOptionsModule?: typeof ESLint.fromOptionsModule }).fromOptionsModule;
  if (typeof fromOptionsModule !== 'function') {
    warn(`hardening: ESLint ${ESLint.version} cannot lint in worker threads (it needs ESLint 9.34 or later); linting in one thread.`);
    return { eslint: new ESLint(auditEslintOptions({ ...params, concurrency: 'off' })), threaded: false };
  }
  return { eslint: await fromOptionsModule.call(ESLint, optionsModuleUrl(OPTIONS_MODULE, params)), threaded: true };
}

export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

/** `files done / total` on one line of a terminal, rewritten in place and erased at the end. */
export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  return {
    update: (done, total) => stream.write(`\r\u001B[2Klinting: ${done} / ${total} files`),
    clear: () => stream.write('\r\u001B[2K'),
  };
}

/**
 * Files per `lintFiles` call when progress is shown. Each call with worker threads starts its
 * workers anew, so those batches are larger.
 */
function batchSize(total: number, threaded: boolean): number {
  return threaded ? Math.max(400, Math.ceil(total / 5)) : Math.max(20, Math.ceil(total / 50));
}

export async function lintFiles(eslint: ESLint, files: readonly string[], threaded: boolean, progress?: Progress): Promise<ESLint.LintResult[]> {
  if (progress === undefined || files.length === 0) return eslint.lintFiles([...files]);
  const size = batchSize(files.length, threaded);
  const results: ESLint.LintResult[] = [];
  progress.update(0, files.length);
  for (let start = 0; start < files.length; start += size) {
    results.push(...(await eslint.lintFiles(files.slice(start, start + size))));
    progress.update(Math.min(start + size, files.length), files.length);
  }
  progress.clear();
  return results;
}
