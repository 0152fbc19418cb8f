import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { UsageError } from '../errors.js';

/** Extensions of the files a directory expands to (jscodeshift's parsers read all of them). */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
/** Build output, dependencies and tool folders: never the code a codemod should touch. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', '.git', '.next', 'coverage']);
/** Generated files: declarations and minified bundles. */
const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/u;

/**
 * The absolute paths of the files to transform: named files as given, directories expanded to their
 * JavaScript and TypeScript files (sorted, skipping dependencies, build output, declarations and
 * minified files). A path that does not exist is a usage error.
 */
export function expandPaths(paths: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new UsageError(`${given}: no such file or directory`);
    }
    if (!isDirectory) {
      if (!SOURCE_FILE.test(absolute)) throw new UsageError(`${given}: not a JavaScript or TypeScript file`);
      files.add(absolute);
      continue;
    }
    for (const file of walk(absolute)) files.add(file);
  }
  return [...files];
}

function walk(dir: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) found.push(...walk(full));
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !SKIPPED_FILE.test(entry.name)) {
      found.push(full);
    }
  }
  return found;
}
