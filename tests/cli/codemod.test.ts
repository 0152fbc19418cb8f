// `hardening codemod`, end to end: the built bin on temp copies of the codemods' fixtures.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { codemods } from '../../codemods/registry.js';
import { fixtureCases, type FixtureCase } from '../codemods/harness.js';
import { readTree, tempDir } from '../tree.js';
import { runCli } from './cli.js';

const fixturesRoot = path.resolve(import.meta.dirname, '../codemods/__testfixtures__');
const TIMING = / \((?:dry run, nothing written, |printed, nothing written, )?\d+ ms\)$/mu;

/** Writes `files` (relative path → content) under a fresh temp dir and returns it. */
function tree(files: Record<string, string>): string {
  const dir = tempDir('codemod-cli');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Every file under `dir` (but `.git`) with its content: equal trees give equal snapshots. */
const snapshot = (dir: string): Record<string, string> => readTree(dir, { skip: ['.git'] });

function hash(dir: string): string {
  return createHash('sha256').update(JSON.stringify(snapshot(dir))).digest('hex');
}

function fixture(slug: string, name: string): FixtureCase {
  const found = fixtureCases(slug).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture ${slug}/${name}`);
  return found;
}

/** A fixture case's options as command-line flags (`dry` is the CLI's own `--dry`). */
function flagsOf(options: Record<string, unknown>): string[] {
  return Object.entries(options)
    .filter(([name]) => name !== 'dry')
    .map(([name, value]) => `--${name}=${Array.isArray(value) ? value.join(',') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A git repository whose files are all committed. */
function committedRepo(files: Record<string, string>): string {
  const dir = tree(files);
  git(dir, 'init', '--quiet');
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}

const basic = fixture('async-handler', 'basic');
const basicInput = readFileSync(basic.inputPath, 'utf8');
const basicOutput = readFileSync(basic.outputPath, 'utf8');
const byName = fixture('async-handler', 'handler-by-name');
const byNameInput = readFileSync(byName.inputPath, 'utf8');

describe('hardening codemod --list and usage errors', () => {
  it('lists every codemod of the registry once, slug then title', () => {
    const result = runCli(['codemod', '--list'], { cwd: tempDir('codemod-cli') });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/ +/u)[0])).toEqual(codemods.map((entry) => entry.slug));
    for (const [index, entry] of codemods.entries()) expect(lines[index]).toMatch(new RegExp(`^${entry.slug} +${entry.title.replace(/[()/]/gu, '\\$&')}$`, 'u'));
    // Titles start in one column.
    expect(new Set(lines.map((line, index) => line.indexOf(codemods[index]?.title ?? ''))).size).toBe(1);
  });

  it('rejects an unknown name in one line, with a suggestion and the names', () => {
    const result = runCli(['codemod', 'async-handlr', 'src'], { cwd: tempDir('codemod-cli') });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "hardening: unknown codemod 'async-handlr' (did you mean async-handler?); codemods: async-handler, console-to-logger, shared-client, split-routes, wrap-transaction\n",
    );
  });

  it('gives no suggestion for a name close to nothing', () => {
    const result = runCli(['codemod', 'frobnicate', 'src'], { cwd: tempDir('codemod-cli') });
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain('did you mean');
  });

  it('prints the list and exits 2 without a name', () => {
    const result = runCli(['codemod'], { cwd: tempDir('codemod-cli') });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('hardening: which codemod? hardening codemod <name> <paths…>');
    for (const entry of codemods) expect(result.stderr).toContain(`\n${entry.slug} `);
  });

  it('names a path that does not exist, and writes nothing', () => {
    const dir = tree({ 'src/app.ts': basicInput });
    const result = runCli(['codemod', 'async-handler', 'src', 'lib/missing'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('hardening: lib/missing: no such file or directory\n');
    expect(readFileSync(path.join(dir, 'src/app.ts'), 'utf8')).toBe(basicInput);
  });

  it('rejects an option the codemod does not have, naming the valid ones', () => {
    const dir = tree({ 'src/app.ts': basicInput });
    const result = runCli(['codemod', 'async-handler', 'src', '--loggerName', 'log'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("hardening: unknown option '--loggerName' for async-handler: its options are --helperPath, --root\n");
  });

  it('rejects a --cpus that is not a whole number', () => {
    const result = runCli(['codemod', 'async-handler', '.', '--cpus', 'two'], { cwd: tempDir('codemod-cli') });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("hardening: option '--cpus <n>' argument 'two' is invalid. expected a whole number of at least 1.\n");
  });
});

describe('hardening codemod <name> <paths…>', () => {
  it('--dry writes nothing and prints the files that would change, the reports and the totals', () => {
    const dir = tree({ 'src/routes/a.ts': basicInput, 'src/routes/b.ts': byNameInput, 'src/plain.ts': 'export const one = 1;\n' });
    const before = hash(dir);
    const result = runCli(['codemod', 'async-handler', 'src', '--dry', '--helperPath=src/middleware/asyncHandler.ts'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(hash(dir)).toBe(before);
    expect(result.stdout.replace(TIMING, ' (dry run, nothing written, … ms)')).toBe(
      [
        'src/routes/a.ts',
        'src/routes/b.ts',
        'src/routes/b.ts:26:37 `createTopic` is defined in another module: wrap it by hand if it is async',
        '2 files would change, 1 unchanged, 1 site left for review (dry run, nothing written, … ms)',
        '',
      ].join('\n'),
    );
  });

  it("--print prints the changed file's new content on stdout, the summary on stderr, and writes nothing", () => {
    const dir = tree({ [path.basename(basic.inputPath)]: basicInput });
    const before = hash(dir);
    const result = runCli(['codemod', 'async-handler', '.', '--print', '--helperPath=middleware/asyncHandler.ts'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(basicOutput);
    expect(result.stderr).toMatch(/^basic\.input\.ts\n1 file would change, 0 unchanged, 0 sites left for review \(printed, nothing written, \d+ ms\)\n$/u);
    expect(hash(dir)).toBe(before);
  });

  it('writes the changed files and the helper, and reports each site as file:line:col', () => {
    const dir = tree({ 'src/routes/a.ts': basicInput, 'src/routes/b.ts': byNameInput });
    const result = runCli(['codemod', 'async-handler', 'src/routes', '--helperPath', 'src/middleware/asyncHandler.ts'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.replace(TIMING, ' (… ms)')).toBe(
      [
        'src/routes/a.ts',
        'src/routes/b.ts',
        'src/routes/b.ts:26:37 `createTopic` is defined in another module: wrap it by hand if it is async',
        '2 files changed, 0 unchanged, 1 site left for review (… ms)',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'src/routes/a.ts'), 'utf8')).toContain("import { asyncHandler } from '../middleware/asyncHandler';");
    expect(existsSync(path.join(dir, 'src/middleware/asyncHandler.ts'))).toBe(true);
  });

  it('expands directories to source files, skipping dependencies, build output, declarations and minified files', () => {
    const skipped = ['node_modules/x/a.ts', 'dist/a.js', 'build/a.js', '.next/a.js', 'coverage/a.js', 'src/types.d.ts', 'src/vendor.min.js', 'src/notes.md'];
    const dir = tree({ ...Object.fromEntries(skipped.map((file) => [file, basicInput])), 'src/a.ts': basicInput, 'src/b.mts': basicInput, 'src/c.jsx': 'export {};\n' });
    const result = runCli(['codemod', 'async-handler', '.', '--dry'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout.replace(TIMING, '')).toBe('src/a.ts\nsrc/b.mts\n2 files would change, 1 unchanged, 0 sites left for review\n');
  });

  it('passes split-routes list and map options from flags to the transform', () => {
    const routes = [
      "import express from 'express';",
      '',
      'export function mountRoutes(app: express.Express): void {',
      "  app.get('/api/users', (req, res) => {",
      '    res.json([]);',
      '  });',
      "  app.get('/api/orders', (req, res) => {",
      '    res.json([]);',
      '  });',
      "  app.get('/api/invoices', (req, res) => {",
      '    res.json([]);',
      '  });',
      '}',
      '',
    ].join('\n');
    const dir = tree({ 'src/server.ts': routes });
    const unnamed = runCli(['codemod', 'split-routes', 'src', '--dry'], { cwd: dir });
    expect(unnamed.stdout.replace(TIMING, '')).toBe('0 files would change, 1 unchanged, 0 sites left for review\n');
    const named = runCli(['codemod', 'split-routes', 'src', '--dry', '--functions', 'setupApi,mountRoutes', '--groups=orders=billing,invoices=billing'], { cwd: dir });
    expect(named.status).toBe(0);
    expect(named.stdout.replace(TIMING, '')).toBe(
      [
        'src/server.ts',
        'src/server.ts: plan routes/users.ts: 1 route (lines 4)',
        'src/server.ts: plan routes/billing.ts: 2 routes (lines 7, 10)',
        '1 file would change, 0 unchanged, 0 sites left for review',
        '',
      ].join('\n'),
    );
    const json = runCli(['codemod', 'split-routes', 'src', '--dry', '--functions=mountRoutes', '--groups', '{"orders":"billing"}'], { cwd: dir });
    expect(json.stdout).toContain('src/server.ts: plan routes/billing.ts: 1 route (lines 7)\n');
    expect(json.stdout).toContain('src/server.ts: plan routes/invoices.ts: 1 route (lines 10)\n');
    const bad = runCli(['codemod', 'split-routes', 'src', '--groups', 'orders'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("hardening: option '--groups' of split-routes expects key=value pairs separated by commas, or a JSON object of strings, got 'orders'\n");
  });

  it('reports a file that does not parse by name, transforms the others and exits 1', () => {
    // The file names express, so the codemod has to parse it (files it has nothing to do in are skipped unparsed).
    const broken = "import express from 'express';\nexport const x = ;\n";
    const dir = tree({ 'src/a.ts': basicInput, 'src/broken.ts': broken, 'src/c.ts': basicInput });
    const result = runCli(['codemod', 'async-handler', 'src'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('hardening: src/broken.ts: Unexpected token (2:17)\n');
    expect(result.stdout.replace(TIMING, '')).toBe('src/a.ts\nsrc/c.ts\n2 files changed, 0 unchanged, 1 failed, 0 sites left for review\n');
    expect(readFileSync(path.join(dir, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(readFileSync(path.join(dir, 'src/c.ts'), 'utf8')).not.toBe(basicInput);
  });

  it('gives the same output and files with --cpus 2 as with --cpus 1', () => {
    const inputs = fixtureCases('console-to-logger').filter((candidate) => candidate.inputPath.endsWith('.ts') && Object.keys(candidate.options).length === 1);
    const files: Record<string, string> = {};
    for (let index = 0; index < 40; index += 1) {
      const input = inputs[index % inputs.length] as FixtureCase;
      files[`src/m${index % 4}/${index}-${path.basename(input.inputPath)}`] = readFileSync(input.inputPath, 'utf8');
    }
    const one = tree(files);
    const two = tree(files);
    const first = runCli(['codemod', 'console-to-logger', 'src', '--cpus', '1'], { cwd: one });
    const second = runCli(['codemod', 'console-to-logger', 'src', '--cpus', '2'], { cwd: two });
    expect(first.status).toBe(0);
    expect(second.status).toBe(first.status);
    expect(second.stderr).toBe(first.stderr);
    expect(second.stdout.replace(TIMING, '')).toBe(first.stdout.replace(TIMING, ''));
    expect(first.stdout).toMatch(/^\d+ files changed, \d+ unchanged/mu);
    expect(snapshot(two)).toEqual(snapshot(one));
    expect(snapshot(one)).not.toEqual(files);
  });
});

describe('git safety', () => {
  it('refuses to write into a work tree with uncommitted changes under the paths, and goes on with --force', () => {
    const dir = committedRepo({ 'src/a.ts': basicInput, 'src/b.ts': basicInput });
    writeFileSync(path.join(dir, 'src/b.ts'), `${basicInput}// edited\n`);
    const before = hash(dir);
    const refused = runCli(['codemod', 'async-handler', 'src'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      "hardening: 1 file under the target paths has uncommitted changes: commit or stash them so the codemod's diff can be reviewed on its own, or pass --force\n",
    );
    expect(hash(dir)).toBe(before);

    const dry = runCli(['codemod', 'async-handler', 'src', '--dry'], { cwd: dir });
    expect(dry.status).toBe(0);
    expect(hash(dir)).toBe(before);

    const forced = runCli(['codemod', 'async-handler', 'src', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/^src\/a\.ts\nsrc\/b\.ts\n2 files changed/u);
  });

  it('counts untracked files, one by one, inside untracked folders', () => {
    const dir = committedRepo({ 'src/a.ts': basicInput });
    mkdirSync(path.join(dir, 'src/new'));
    writeFileSync(path.join(dir, 'src/new/b.ts'), basicInput);
    writeFileSync(path.join(dir, 'src/new/c.ts'), basicInput);
    const result = runCli(['codemod', 'async-handler', 'src'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^hardening: 2 files under the target paths have uncommitted changes: .* or pass --force\n$/u);
  });

  it('ignores changes outside the target paths, and works outside git', () => {
    const dir = committedRepo({ 'src/a.ts': basicInput, 'README.md': 'readme\n' });
    writeFileSync(path.join(dir, 'README.md'), 'changed\n');
    expect(runCli(['codemod', 'async-handler', 'src'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'src/a.ts'), 'utf8')).not.toBe(basicInput);

    const outside = tree({ 'src/a.ts': basicInput });
    expect(runCli(['codemod', 'async-handler', 'src'], { cwd: outside }).status).toBe(0);
  });
});

/**
 * Every fixture pair of every codemod through the CLI: the input, written where it sits in this
 * repository but under a temp dir (the CLI's cwd, as the repository is the fixture tests' cwd), with
 * its case's options as flags, must become exactly the expected output. Cases with the same options
 * share one run; split-routes cases get a folder each (it writes `routes/` next to its input);
 * shared-client cases run one by one, as its plan spans every file of a run.
 */
describe('each codemod through the CLI on its fixtures', () => {
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  for (const entry of codemods) {
    it(`${entry.slug}: turns every fixture input into its expected output`, { timeout: 180_000 }, () => {
      const fixtureDir = path.relative(repoRoot, path.join(fixturesRoot, entry.slug));
      const runs = new Map<string, FixtureCase[]>();
      for (const candidate of fixtureCases(entry.slug)) {
        const key = entry.slug === 'shared-client' ? candidate.name : JSON.stringify(flagsOf(candidate.options));
        runs.set(key, [...(runs.get(key) ?? []), candidate]);
      }
      for (const cases of runs.values()) {
        const dir = tempDir('codemod-cli');
        // Modules a case expects to exist already (an existing shared client…), as in the fixtures.
        for (const extra of readdirSync(path.join(fixturesRoot, entry.slug), { withFileTypes: true })) {
          if (extra.isDirectory() && extra.name !== 'projects' && !extra.name.endsWith('.expected')) cpSync(path.join(fixturesRoot, entry.slug, extra.name), path.join(dir, fixtureDir, extra.name), { recursive: true });
        }
        const inputOf = (candidate: FixtureCase): string =>
          path.join(fixtureDir, entry.slug === 'split-routes' ? candidate.name : '', path.basename(candidate.inputPath));
        for (const candidate of cases) {
          mkdirSync(path.dirname(path.join(dir, inputOf(candidate))), { recursive: true });
          copyFileSync(candidate.inputPath, path.join(dir, inputOf(candidate)));
        }
        const result = runCli(['codemod', entry.slug, ...cases.map(inputOf), ...flagsOf(cases[0]?.options ?? {})], { cwd: dir });
        expect(result.stderr, cases.map((candidate) => candidate.name).join(' ')).toBe('');
        expect(result.status).toBe(0);
        for (const candidate of cases) {
          expect(readFileSync(path.join(dir, inputOf(candidate)), 'utf8'), candidate.name).toBe(readFileSync(candidate.outputPath, 'utf8'));
        }
      }
    });
  }
});
