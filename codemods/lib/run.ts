import { readFileSync } from 'node:fs';

import jscodeshift, { type API, type FileInfo, type Transform } from 'jscodeshift';

import { writeFileAtomic } from './files.js';
import { parserFor } from './parser.js';

export interface CodemodReport {
  /** Files whose content the transform changed (written unless `dry`). */
  changed: string[];
  /** One line per site the transform left alone, with the reason. */
  skipped: string[];
}

export interface RunOptions {
  dry?: boolean;
  [option: string]: unknown;
}

/**
 * Runs a transform over files in this process, choosing the parser per file, and writes each
 * changed file atomically (nothing in `dry` mode). Transforms report skipped sites through
 * `api.report`.
 */
export function runTransform(transform: Transform, files: readonly string[], options: RunOptions = {}): CodemodReport {
  const report: CodemodReport = { changed: [], skipped: [] };
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const info: FileInfo = { path: file, source };
    const j = jscodeshift.withParser(parserFor(file));
    const api: API = {
      j,
      jscodeshift: j,
      stats: () => undefined,
      report: (message: string) => report.skipped.push(`${file}: ${message}`),
    };
    const output = transform(info, api, options);
    if (typeof output === 'string' && output !== source) {
      report.changed.push(file);
      if (options.dry !== true) writeFileAtomic(file, output);
    }
  }
  return report;
}
