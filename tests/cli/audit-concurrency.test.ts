// `--concurrency` (ESLint's worker threads, fed by the options module) and `--cache` change how
// the audit runs, never what it finds.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { copyFixture, runCli } from './cli.js';

const created: string[] = [];
function fixture(): string {
  const root = copyFixture('audit/app');
  created.push(root);
  // Enough files for two workers to share.
  for (let index = 0; index < 12; index += 1) {
    writeFileSync(path.join(root, `src/agent-${index}.ts`), `import https from 'node:https';\n\nexport const agent${index} = new https.Agent({ rejectUnauthorized: false });\n`);
  }
  return root;
}
afterAll(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

describe('hardening audit --concurrency and --cache', () => {
  it('finds the same with two worker threads as in one thread', () => {
    const root = fixture();
    const off = runCli(['audit', '--format', 'json', '--config', 'strict', '--concurrency', 'off'], { cwd: root });
    const two = runCli(['audit', '--format', 'json', '--config', 'strict', '--concurrency', '2'], { cwd: root });
    expect(off.status).toBe(1);
    expect(two.status).toBe(1);
    // ESLint may add its own advice about the thread count after the summary.
    expect(two.stderr.startsWith(off.stderr)).toBe(true);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(off.stdout));
    expect(off.stderr).toContain('hardening audit: 15 findings (13 errors, 2 warnings) in 16 files checked with the strict config.');
  });

  it('accepts auto', () => {
    const root = fixture();
    const auto = runCli(['audit', '--concurrency', 'auto'], { cwd: root });
    expect(auto.status).toBe(1);
    expect(auto.stdout).toContain('hardening audit: 14 findings (13 errors, 1 warning) in 16 files checked with the recommended config.');
  });

  it('gives the same output from the cache on a second run, and sees changed files', () => {
    const root = fixture();
    const first = runCli(['audit', '--cache'], { cwd: root });
    expect(first.status).toBe(1);
    const cacheFiles = readdirSync(path.join(root, 'node_modules/.cache/hardening'));
    expect(cacheFiles).toHaveLength(1);
    expect(readFileSync(path.join(root, 'node_modules/.cache/hardening', cacheFiles[0] ?? ''), 'utf8')).toContain(path.join(root, 'src/db.js'));
    const second = runCli(['audit', '--cache'], { cwd: root });
    expect(second).toEqual(first);

    writeFileSync(path.join(root, 'src/db.js'), 'export const pool = undefined;\n');
    const third = runCli(['audit', '--cache'], { cwd: root });
    expect(third.stdout).toContain('hardening audit: 13 findings (12 errors, 1 warning) in 16 files checked with the recommended config.');
  });

  it('keeps the cache where --cache-location says', () => {
    const root = fixture();
    expect(runCli(['audit', '--cache', '--cache-location', '.hardening-cache'], { cwd: root }).status).toBe(1);
    expect(existsSync(path.join(root, '.hardening-cache'))).toBe(true);
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
  });
});
