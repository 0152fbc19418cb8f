import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file atomically (temp file in the same folder, then rename), so an interrupted run
 * never leaves a half-written file behind.
 */
export function writeFileAtomic(filePath: string, content: string): void {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, filePath);
}

/** The import specifier from `fromFile` to `toFile` (no extension, always starting with `.`). */
export function relativeImport(fromFile: string, toFile: string): string {
  let specifier = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  specifier = specifier.replace(/\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/u, '');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}
