import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The top folder of the git work tree holding `directory`, if any (and if git is installed). */
export function gitWorkTree(directory: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: directory, encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const top = result.stdout.trim();
  return top === '' ? undefined : path.resolve(top);
}
