/**
 * File globs, for options naming files (`clientModules: ['**\/{config,lib}/**']`,
 * `ignoreFiles: ['**\/scripts/**']`). Same segment rules as the route-path globs of `glob.ts`
 * (`*` within one segment, `?` one character, `**` any number of whole segments), plus `{a,b}`
 * alternatives. A file is compared by its path relative to the project (`context.cwd`), with `/`
 * separators, so a checkout under `~/config/app` does not make every file a config file.
 */
import path from 'node:path';

import { globSource, normalizeRoutePath } from './glob.js';

const MAX_EXPANSIONS = 256;

/** `{a,b}` alternatives expanded, nested ones too: `**\/{db,lib}/*.{ts,js}` → four globs. */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open === -1) return [glob];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let index = open; index < glob.length; index += 1) {
    const character = glob[index];
    if (character === '{') depth += 1;
    else if (character === '}') {
      depth -= 1;
      if (depth === 0) {
        close = index;
        break;
      }
    } else if (character === ',' && depth === 1) commas.push(index);
  }
  if (close === -1) return [glob];
  const head = glob.slice(0, open);
  const tail = glob.slice(close + 1);
  const bounds = [open, ...commas, close];
  const results: string[] = [];
  for (let index = 0; index < bounds.length - 1; index += 1) {
    const alternative = glob.slice((bounds[index] ?? 0) + 1, bounds[index + 1]);
    for (const expanded of expandBraces(`${head}${alternative}${tail}`)) {
      if (results.length >= MAX_EXPANSIONS) return results;
      results.push(expanded);
    }
  }
  return results;
}

/** A file's path relative to `cwd` (when it is absolute and `cwd` is given), with `/` separators. */
export function projectRelativePath(filename: string, cwd?: string): string {
  const last = lastRelativePath;
  if (last.filename === filename && last.cwd === cwd) return last.relative;
  const relative = (cwd !== undefined && path.isAbsolute(filename) ? path.relative(cwd, filename) : filename).replace(/\\/gu, '/');
  lastRelativePath = { filename, cwd, relative };
  return relative;
}

/**
 * The last path computed: the rules ask about one file in turn (test file? ignored?), a dozen times
 * per file. A pure derived-value cache of one entry.
 */
let lastRelativePath: { filename: string; cwd: string | undefined; relative: string } = { filename: '', cwd: undefined, relative: '' };

/**
 * One regular expression per glob list, by its text (a pure derived-value cache, like the compiled
 * globs of `glob.ts`): a list's globs and their `{a,b}` alternatives become one alternation, so a
 * file is tested once per list instead of once per expanded glob (the default client-module list
 * of `no-scattered-client` expands to 125 globs).
 */
const compiledLists = new Map<string, RegExp>();

/** The same, by list object: a rule's options are the same arrays from file to file. */
const compiledListsByObject = new WeakMap<readonly string[], RegExp>();

/** Whether a file matches one of `globs` (see the module comment), its path taken relative to `cwd`. */
export function matchesFileGlob(filename: string, globs: readonly string[], cwd?: string): boolean {
  if (globs.length === 0) return false;
  let pattern = compiledListsByObject.get(globs);
  if (!pattern) {
    const key = globs.join('\n');
    pattern = compiledLists.get(key);
    if (!pattern) {
      pattern = new RegExp(`^(?:${globs.flatMap(globSources).join('|')})$`, 'u');
      compiledLists.set(key, pattern);
    }
    compiledListsByObject.set(globs, pattern);
  }
  const normalized = normalizeRoutePath(projectRelativePath(filename, cwd));
  // `/**` matches the root too: its expression needs no segment at all.
  return pattern.test(normalized) || (normalized === '/' && pattern.test(''));
}

/**
 * The expression sources a glob stands for: alternatives written in place where they are plain
 * (no `/`, `**`, nested braces or empty alternative), else one source per expanded glob.
 */
function globSources(glob: string): string[] {
  if (!glob.includes('{')) return [globSource(glob)];
  const braces = /\{([^{}]*)\}/gu;
  const plain = !/\{[^{}]*\{/u.test(glob) && [...glob.matchAll(braces)].every(([, inner = '']) => inner.split(',').every((alternative) => alternative !== '' && !alternative.includes('/') && !alternative.includes('**')));
  const balanced = glob.replace(braces, '').search(/[{}]/u) === -1;
  return plain && balanced ? [globSource(glob, true)] : expandBraces(glob).map((expanded) => globSource(expanded));
}
