// Which files `hardening audit` lints. The list is built here and handed to ESLint, so the rules
// of what to skip are the same with or without git and with any ESLint version.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

import { includeIgnoreFile } from '@eslint/compat';
import { ESLint } from 'eslint';

import { FILES } from '../../configs/index.js';
import { UsageError } from '../errors.js';
import { gitWorkTree } from '../git.js';
import { BUILD_FOLDERS, DECLARATION_FILE, SOURCE_FILE, walkSourceFiles } from '../source-files.js';

const MINIFIED_NAME = /[.-]min\.[cm]?js$/u;

/** Folders that hold dependencies, build output, caches or vendored code: never audited. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  ...BUILD_FOLDERS,
  'bower_components',
  'jspm_packages',
  '.hg',
  '.svn',
  'out',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.netlify',
  '.serverless',
  '.docusaurus',
  'storybook-static',
  '.nyc_output',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.yarn',
  '.pnpm-store',
  'vendor',
  'third_party',
]);

/** A first line longer than this is minified or generated code, not something a person wrote. */
export const MAX_FIRST_LINE = 1000;

export interface FileList {
  /** Absolute paths, sorted. */
  files: string[];
  /** Root of the git work tree holding the current directory, or the current directory. */
  root: string;
}

/** Lists the files to audit under `targets` (files or directories, relative to `cwd`). */
export async function listFiles(targets: readonly string[], cwd: string): Promise<FileList> {
  const found = new Set<string>();
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    if (!existsSync(absolute)) throw new UsageError(`no such file or directory: ${target}`);
    if (statSync(absolute).isFile()) {
      if (!SOURCE_FILE.test(absolute) || DECLARATION_FILE.test(absolute)) {
        throw new UsageError(`not a JavaScript or TypeScript file: ${target}`);
      }
      found.add(absolute);
      continue;
    }
    const candidates = gitWorkTree(absolute) === undefined ? await walkWithGitignore(absolute) : gitFiles(absolute);
    for (const file of candidates) if (isSource(file, absolute)) found.add(file);
  }
  return { files: [...found].sort(), root: gitWorkTree(cwd) ?? cwd };
}

/** Tracked and untracked-but-not-ignored files: git applies every .gitignore, nested ones too. */
function gitFiles(directory: string): string[] {
  const result = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: directory,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`git ls-files failed in ${directory}: ${result.stderr.trim()}`);
  return result.stdout
    .split('\0')
    .filter((entry) => entry !== '')
    .map((entry) => path.join(directory, entry))
    // Files deleted from the work tree but still in the index, and submodule folders.
    .filter((file) => SOURCE_FILE.test(file) && existsSync(file) && statSync(file).isFile());
}

/** Without git: every file below `directory`, minus what the root .gitignore ignores. */
async function walkWithGitignore(directory: string): Promise<string[]> {
  const files = walkSourceFiles(directory, SKIPPED_FOLDERS);
  const gitignore = path.join(directory, '.gitignore');
  if (!existsSync(gitignore)) return files;
  // ESLint itself matches the .gitignore patterns, as it would in the user's own config (a file
  // no config object matches counts as ignored: hence the `files` entry).
  const matcher = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [includeIgnoreFile(gitignore) as never, { files: FILES }] });
  const kept: string[] = [];
  for (const file of files) if (!(await matcher.isPathIgnored(file))) kept.push(file);
  return kept;
}

/** A lintable source file: not a declaration, not minified, not in a skipped folder below `base`. */
function isSource(file: string, base: string): boolean {
  if (!SOURCE_FILE.test(file) || DECLARATION_FILE.test(file) || MINIFIED_NAME.test(file)) return false;
  const folders = path.relative(base, path.dirname(file)).split(path.sep);
  if (folders.some((folder) => SKIPPED_FOLDERS.has(folder))) return false;
  return !hasLongFirstLine(file);
}

function hasLongFirstLine(file: string): boolean {
  const buffer = Buffer.alloc(MAX_FIRST_LINE + 1);
  const descriptor = openSync(file, 'r');
  try {
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, read).toString('utf8');
    return read > MAX_FIRST_LINE && !head.includes('\n');
  } finally {
    closeSync(descriptor);
  }
}
