// Which files `hardening audit` lints: .gitignore'd, dependency, build output, vendored and
// minified files are skipped, with git (every .gitignore) and without (the root .gitignore).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ESLint } from 'eslint';

import { copyFixture, runCli } from './cli.js';

const created: string[] = [];
afterAll(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

// Code the recommended config reports wherever it is linted: a file linted by mistake shows up.
const FLAGGED = "import https from 'node:https';\n\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n";

function write(root: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

/** The fixture app plus one flagged file in each place the audit must skip, and one it must not. */
function repoWithSkippables(): string {
  const root = copyFixture('audit/app');
  created.push(root);
  write(root, '.gitignore', 'generated/\n*.local.ts\n');
  write(root, 'generated/client.ts', FLAGGED);
  write(root, 'src/settings.local.ts', FLAGGED);
  write(root, 'node_modules/some-lib/index.js', FLAGGED);
  write(root, 'packages/web/node_modules/other-lib/index.js', FLAGGED);
  write(root, 'dist/index.js', FLAGGED);
  write(root, 'packages/web/.next/server/page.js', FLAGGED);
  write(root, 'coverage/lcov-report/prettify.js', FLAGGED);
  write(root, 'vendor/legacy-sdk.js', FLAGGED);
  write(root, 'public/chart.min.js', FLAGGED);
  write(root, 'src/types.d.ts', FLAGGED);
  write(root, 'public/bundle.js', `var a=1;${'a+=1;'.repeat(300)}\n${FLAGGED}`);
  write(root, 'src/notes.md', 'rejectUnauthorized: false\n');
  // Linted: ordinary sources, also in folders whose name only resembles a skipped one.
  write(root, 'src/agent.ts', FLAGGED);
  write(root, 'src/distance/index.ts', 'export const metres = (km: number) => km * 1000;\n');
  return root;
}

const LINTED = ['src/agent.ts', 'src/cache.ts', 'src/db.js', 'src/distance/index.ts', 'src/format.ts', 'src/report.ts'];

function lintedFiles(root: string, args: readonly string[] = []): string[] {
  const { stdout, stderr } = runCli(['audit', '--format', 'json', ...args], { cwd: root });
  expect(stderr).toContain('checked with the recommended config');
  return (JSON.parse(stdout) as ESLint.LintResult[]).map((result) => path.relative(root, result.filePath)).sort();
}

function git(root: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

describe('the files hardening audit lints', () => {
  it('skips ignored, dependency, build, vendored and minified files without git', () => {
    expect(lintedFiles(repoWithSkippables())).toEqual(LINTED);
  });

  it('in a git work tree, lets git apply every .gitignore, nested ones included', () => {
    const root = repoWithSkippables();
    write(root, 'src/.gitignore', 'agent.ts\n');
    git(root, 'init', '--quiet');
    git(root, 'add', 'src/db.js');
    expect(lintedFiles(root)).toEqual(LINTED.filter((file) => file !== 'src/agent.ts'));
  });

  it('skips a committed build folder all the same', () => {
    const root = repoWithSkippables();
    git(root, 'init', '--quiet');
    git(root, 'add', '--force', 'dist/index.js', 'vendor/legacy-sdk.js');
    expect(lintedFiles(root)).toEqual(LINTED);
  });

  it('lints a directory given on the command line, relative to the current one', () => {
    const root = repoWithSkippables();
    expect(lintedFiles(root, ['src/distance', 'src/db.js'])).toEqual(['src/db.js', 'src/distance/index.ts']);
  });

  it('lints a file named on the command line even where a folder would be skipped', () => {
    const root = repoWithSkippables();
    const { status, stdout } = runCli(['audit', 'node_modules/some-lib/index.js', 'dist/index.js', '--format', 'json'], { cwd: root });
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as ESLint.LintResult[];
    expect(results.map((result) => [path.relative(root, result.filePath), result.messages.map((message) => message.ruleId)])).toEqual([
      ['dist/index.js', ['hardening/no-disabled-tls-verification']],
      ['node_modules/some-lib/index.js', ['hardening/no-disabled-tls-verification']],
    ]);
  });
});
