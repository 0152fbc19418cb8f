// Runs the built `hardening` bin as a child process, the way users run it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { copyToTemp } from '../tree.js';

/** The built bin; `HARDENING_CLI` points elsewhere (a private build) while developing. */
export const cliPath = process.env.HARDENING_CLI ?? path.resolve(import.meta.dirname, '../../dist/cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixtures = path.resolve(import.meta.dirname, '../fixtures/cli');

/**
 * A fresh copy of the fixture repo `tests/fixtures/cli/<name>` in a temp dir (outside any git
 * work tree), so that a run can write into it and the repository's own files stay untouched.
 */
export function copyFixture(name: string): string {
  return copyToTemp(path.join(fixtures, name), 'cli');
}
