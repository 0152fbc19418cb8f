import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import transform from '../../codemods/split-routes.js';
import { runTransform } from '../../codemods/lib/run.js';
import { listSourceFiles, readFiles, routeRegistrations, typecheck } from './harness.js';
import { generateRoutesProject, writeRoutesProject } from './split-routes-generator.js';

const lineCount = (file: string): number => readFileSync(file, 'utf8').replace(/\n$/u, "").split('\n').length;
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('split-routes generator', () => {
  it('is deterministic and stays within the requested shape', () => {
    const first = generateRoutesProject({ seed: 7, lines: 4000, domains: 8 });
    const second = generateRoutesProject({ seed: 7, lines: 4000, domains: 8 });
    expect(second.files).toEqual(first.files);
    expect(generateRoutesProject({ seed: 8, lines: 4000, domains: 8 }).files.get('server/routes.ts')).not.toBe(first.files.get('server/routes.ts'));
    expect(first.stats.routes).toBeGreaterThanOrEqual(120);
    expect(first.stats.routes).toBeLessThanOrEqual(160);
    expect(first.stats.domains).toHaveLength(8);
    expect(first.stats.lines).toBeGreaterThanOrEqual(3000);
    expect(first.stats.lines).toBeLessThanOrEqual(4000);
  });
});

describe('split-routes on a generated seed-002 routes file', () => {
  const cases = [
    { seed: 1, lines: 3100, domains: 8, routes: 120 },
    { seed: 2, lines: 4000, domains: 9 },
    { seed: 3, lines: 5000, domains: 10, routes: 160 },
    { seed: 4, lines: 5000, domains: 10 },
  ];
  for (const options of cases) {
    it(`seed ${options.seed}: ${options.lines} lines over ${options.domains} domains split, type-check, keep every route and are idempotent`, () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'hardening-split-routes-generated-'));
      const stats = writeRoutesProject(dir, options);
      const input = path.join(dir, 'server/routes.ts');
      expect(stats.lines).toBeGreaterThanOrEqual(3000);
      expect(stats.lines).toBeLessThanOrEqual(5000);
      expect(stats.routes).toBeGreaterThanOrEqual(120);
      expect(typecheck(dir)).toEqual([]);
      const before = routeRegistrations(listSourceFiles(dir));
      // One `route()` chain per domain registers two methods; the catch-all comes on top.
      expect(before).toHaveLength(stats.routes + stats.domains.length + 1);

      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const report = runTransform(transform, [input], { root: dir });
      const elapsed = performance.now() - started;
      const heapAfter = process.memoryUsage().heapUsed;
      const rssAfter = process.memoryUsage().rss;

      expect(report.changed).toEqual([input]);
      // The only notes allowed: module-level arrays kept once in shared.ts (the admin chain, the sort keys).
      for (const line of report.skipped) expect(line).toMatch(/module-level state (?:adminChain|SORT_KEYS) is used by .*: kept once in shared\.ts$/u);

      const outputs = listSourceFiles(path.join(dir, 'server/routes'));
      const sizes = outputs.map((file) => ({ file: path.relative(dir, file), lines: lineCount(file) }));
      expect(outputs.map((file) => path.basename(file, '.ts')).sort()).toEqual([...stats.domains, 'misc', 'index', 'shared'].sort());
      expect(sizes.filter((size) => size.lines > 500)).toEqual([]);
      expect(lineCount(input)).toBeLessThan(10);
      // The catch-all went to the fallback module, registered after every domain.
      const calls = readFileSync(path.join(dir, 'server/routes/index.ts'), 'utf8').match(/^ {2}register\w+Routes\(app\);$/gmu) ?? [];
      expect(calls).toHaveLength(stats.domains.length + 1);
      expect(calls.at(-1)).toBe('  registerMiscRoutes(app);');

      expect(typecheck(dir)).toEqual([]);
      expect(routeRegistrations(listSourceFiles(dir))).toEqual(before);

      const files = listSourceFiles(dir);
      const written = readFiles(files);
      expect(runTransform(transform, files, { root: dir })).toEqual({ changed: [], skipped: [] });
      expect(readFiles(listSourceFiles(dir))).toEqual(written);

      // Measured, not asserted: machines differ.
      console.log(
        `split-routes seed ${options.seed}: ${stats.lines} lines, ${stats.routes} routes, ${stats.domains.length} domains → ` +
          `${outputs.length} files (max ${Math.max(...sizes.map((size) => size.lines))} lines) in ${elapsed.toFixed(0)} ms; ` +
          `heap ${megabytes(heapBefore)} → ${megabytes(heapAfter)}, rss ${megabytes(rssBefore)} → ${megabytes(rssAfter)}, ` +
          `peak rss of the process ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
      );
    }, 120_000);
  }
});
