/**
 * Route-path globs, for options such as `publicPaths: ['/auth/**', '**\/login']`.
 *
 * `*` matches within one path segment, `?` one character of a segment, and `**` any number of
 * whole segments, including none (`/auth/**` matches `/auth` and `/auth/a/b`; `**\/login` matches
 * `/login` and `/api/v1/login`). Paths and globs are compared with one leading slash and without a
 * trailing one; route parameters (`:id`) are plain text.
 */

/** `users/` → `/users`, `//a//b` → `/a/b`, `` → `/`. */
export function normalizeRoutePath(path: string): string {
  const collapsed = `/${path}`.replace(/\/{2,}/gu, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/u, '') : collapsed;
}

/** The regular expression a route-path glob stands for (anchored at both ends). */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(glob)}$`, 'u');
}

/**
 * The unanchored regular-expression source of a glob. With `alternatives`, a `{a,b}` within a
 * segment becomes `(?:a|b)`: the caller has checked that no alternative holds `/`, `**`, a nested
 * brace or nothing at all, so this stands for the same paths as the glob's brace expansion.
 */
export function globSource(glob: string, alternatives = false): string {
  const segments = normalizeRoutePath(glob).split('/').slice(1);
  let source = '';
  for (const segment of segments) {
    if (segment === '**') {
      source += '(?:/[^/]+)*';
      continue;
    }
    let part = '';
    let inBraces = false;
    for (const character of segment) {
      if (character === '*') part += '[^/]*';
      else if (character === '?') part += '[^/]';
      else if (alternatives && character === '{') {
        inBraces = true;
        part += '(?:';
      } else if (alternatives && inBraces && character === ',') part += '|';
      else if (alternatives && inBraces && character === '}') {
        inBraces = false;
        part += ')';
      } else part += character.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
    }
    source += `/${part}`;
  }
  return source === '' ? '/' : source;
}

/**
 * Compiled globs, by glob text. A pure cache of derived values (the same text always compiles to
 * the same RegExp), bounded by the globs that configs name; it carries nothing from one file to
 * the next, so rules stay stateless while a glob list is compiled once per process, not per file.
 */
const compiled = new Map<string, RegExp>();

function compiledGlob(glob: string): RegExp {
  let pattern = compiled.get(glob);
  if (!pattern) {
    pattern = globToRegExp(glob);
    compiled.set(glob, pattern);
  }
  return pattern;
}

/** Whether `path` matches one of `globs`. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  const normalized = normalizeRoutePath(path);
  // `/**` matches the root too: its regex needs no segment at all.
  const candidates = normalized === '/' ? ['/', ''] : [normalized];
  return globs.some((glob) => {
    const pattern = compiledGlob(glob);
    return candidates.some((candidate) => pattern.test(candidate));
  });
}
