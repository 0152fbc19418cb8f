import { statSync } from 'node:fs';
import path from 'node:path';

import { UsageError } from '../errors.js';
import { BUILD_FOLDERS, DECLARATION_FILE, SOURCE_FILE, walkSourceFiles } from '../source-files.js';

/** Build output, dependencies and tool folders: never the code a codemod should touch. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(BUILD_FOLDERS);
/** Minified bundles: generated, like declarations. */
const MINIFIED_FILE = /\.min\.[cm]?js$/u;

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
    for (const file of walkSourceFiles(absolute, SKIPPED_DIRECTORIES)) {
      if (!DECLARATION_FILE.test(file) && !MINIFIED_FILE.test(file)) files.add(file);
    }
  }
  return [...files];
}
