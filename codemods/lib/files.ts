import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file atomically (temp file in the same folder, then rename), so an interrupted run
 * never leaves a half-written file behind. The temp name holds the process and thread ids: worker
 * threads of one run may create the same shared module at the same time.
 */
export function writeFileAtomic(filePath: string, content: string): void {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}-${threadId}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, filePath);
}

/** The import specifier from `fromFile` to `toFile` (no extension, always starting with `.`). */
export function relativeImport(fromFile: string, toFile: string): string {
  let specifier = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  specifier = specifier.replace(/\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/u, '');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}
