import { spawnSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { gitWorkTree } from '../git.js';

/**
 * How many files under `paths` have uncommitted changes (modified, staged, deleted or untracked)
 * in the git work trees they belong to. Paths outside a work tree, or a machine without git,
 * count nothing.
 */
export function uncommittedFileCount(paths: readonly string[]): number {
  const byRoot = new Map<string, string[]>();
  for (const given of paths) {
    const target = realpathSync(given);
    const dir = statSync(target).isDirectory() ? target : path.dirname(target);
    const root = gitWorkTree(dir);
    if (root === undefined) continue;
    byRoot.set(root, [...(byRoot.get(root) ?? []), target]);
  }
  let count = 0;
  for (const [root, targets] of byRoot) {
    const status = git(root, ['status', '--porcelain', '--untracked-files=all', '-z', '--', ...targets.map((target) => path.relative(root, target) || '.')]);
    if (status === undefined) continue;
    const entries = status.split('\0');
    for (let index = 0; index < entries.length; index += 1) {
      const entry = entries[index] as string;
      if (entry === '') continue;
      count += 1;
      // A rename or copy is followed by the entry of its original path.
      if (entry.startsWith('R') || entry.startsWith('C')) index += 1;
    }
  }
  return count;
}

/** Runs git in `cwd`; undefined when git is missing or fails (not a work tree). */
function git(cwd: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}
