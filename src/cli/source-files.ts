// What the CLI's commands count as source files when they expand a folder: the extensions, the
// generated file names and the build folders `hardening audit` and `hardening codemod` both skip.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** JavaScript and TypeScript files, in every module flavour (jscodeshift's parsers read all of them). */
export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
/** Type declarations: generated or hand-written types, no code to lint or transform. */
export const DECLARATION_FILE = /\.d\.[cm]?ts$/u;

/** Dependencies, version control, build output and coverage: never code a person wrote here. */
export const BUILD_FOLDERS: readonly string[] = ['node_modules', '.git', 'dist', 'build', '.next', 'coverage'];

/**
 * The source files below `directory` (absolute paths), depth first with each folder's entries in
 * name order, not entering folders named in `skipped`.
 */
export function walkSourceFiles(directory: string, skipped: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!skipped.has(entry.name)) found.push(...walkSourceFiles(full, skipped));
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
      found.push(full);
    }
  }
  return found;
}
