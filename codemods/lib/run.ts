import { readFileSync } from 'node:fs';

import type { API, FileInfo, Transform } from 'jscodeshift';

import { writeFileAtomic } from './files.js';
import { jscodeshiftFor } from './parser.js';

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

/** What one transform did to one file. */
export interface FileResult {
  file: string;
  /** The new content when the transform changed the file (written unless `dry`). */
  output?: string;
  /** What the transform reported through `api.report`, in order (`line:col why` for a site). */
  reports: string[];
  /** Why the file was left as it was: it does not parse, or the transform threw. */
  error?: string;
}

/**
 * Runs a transform on one file with the parser for its extension, and writes the new content
 * atomically when it changed (nothing in `dry` mode). Throws what the parser or transform throws,
 * before anything of this file is written.
 */
export function transformFile(transform: Transform, file: string, options: RunOptions): FileResult {
  const source = readFileSync(file, 'utf8');
  const info: FileInfo = { path: file, source };
  const j = jscodeshiftFor(file);
  const reports: string[] = [];
  const api: API = { j, jscodeshift: j, stats: () => undefined, report: (message: string) => reports.push(message) };
  const output = transform(info, api, options);
  if (typeof output !== 'string' || output === source) return { file, reports };
  if (options.dry !== true) writeFileAtomic(file, output);
  return { file, output, reports };
}

/**
 * Runs a transform over files, one result per file in order. A file that does not parse or whose
 * transform throws gets an `error` and is left untouched; the run goes on with the next file. Every
 * file gets the same options object (project-wide transforms cache their plan on it).
 */
export function runFiles(transform: Transform, files: readonly string[], options: RunOptions = {}): FileResult[] {
  return files.map((file) => {
    try {
      return transformFile(transform, file, options);
    } catch (error) {
      return { file, reports: [], error: errorReason(error) };
    }
  });
}

/** The first line of an error's message, the part a user can act on. */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'the transform failed';
}

/**
 * Runs a transform over files in this process, choosing the parser per file, and writes each
 * changed file atomically (nothing in `dry` mode). Transforms report skipped sites through
 * `api.report`. Stops at the first file that does not parse or whose transform throws.
 */
export function runTransform(transform: Transform, files: readonly string[], options: RunOptions = {}): CodemodReport {
  const report: CodemodReport = { changed: [], skipped: [] };
  for (const file of files) {
    const result = transformFile(transform, file, options);
    report.skipped.push(...result.reports.map((message) => `${file}: ${message}`));
    if (result.output !== undefined) report.changed.push(file);
  }
  return report;
}
