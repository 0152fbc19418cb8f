// File-tree helpers shared by the codemod and CLI tests: fresh temp folders and whole-tree
// snapshots to compare before and after a run.
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh, empty temp folder (its real path: macOS's /var is a symlink). */
export function tempDir(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), `hardening-${prefix}-`)));
}

/** A copy of `source` (a folder) in a fresh temp folder. */
export function copyToTemp(source: string, prefix: string): string {
  const target = tempDir(prefix);
  cpSync(source, target, { recursive: true });
  return target;
}

export interface TreeOptions {
  /** Top-level and nested folder names left out (`.git`, `node_modules`). */
  skip?: readonly string[];
  /** Prefix each content with the file's permission bits (`755 …`), to see chmod changes. */
  withMode?: boolean;
}

/** Every file under `dir` as relative path (with `/`) → content, sorted by path: equal trees give equal snapshots. */
export function readTree(dir: string, options: TreeOptions = {}): Record<string, string> {
  const skip = new Set(options.skip ?? []);
  const files: [string, string][] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) walk(full);
      } else if (entry.isFile()) {
        const content = readFileSync(full, 'utf8');
        const mode = options.withMode === true ? `${(statSync(full).mode & 0o777).toString(8)} ` : '';
        files.push([path.relative(dir, full).split(path.sep).join('/'), `${mode}${content}`]);
      }
    }
  };
  walk(dir);
  return Object.fromEntries(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
