// Lint-cost benchmark: `npm run bench` (builds dist/ first). Lints a seeded generated backend
// repo and examples/ with no rules (parse only), one empty rule (ESLint's own tree walk, which any
// rule switches on), `recommended` and `strict`; reports wall time,
// the ratio to parse-only, rule time / parse time from ESLint's `stats`, the top rules, scaling
// with the number of files, worker-thread concurrency, and codemod throughput once codemods
// exist. Writes the figures into docs/benchmarks.md between its markers.
//
//   node bench/run.mjs [--quick] [--files N] [--runs R] [--seed S] [--no-scaling]
//                      [--no-concurrency] [--write | --no-write]
//
// Every measured lint is a fresh ESLint instance in this same process, after one warm-up lint per
// config, with the configs interleaved run by run so that drift on a shared machine hits them
// alike; figures are medians.
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

import { ESLint } from 'eslint';

import { DEFAULT_SEED, generateCorpus } from './corpus.mjs';
import { summarizeResults } from './lint-stats.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DOC = path.join(root, 'docs', 'benchmarks.md');
const BEGIN = '<!-- begin generated benchmark results -->';
const END = '<!-- end generated benchmark results -->';
const CONFIGS = ['parse-only', 'one-empty-rule', 'recommended', 'strict'];

/** Targets from the benchmark issue. */
const TARGETS = {
  recommended: 0.1, // rule time / parse time
  strict: 0.25,
  ruleShare: 0.02, // of total lint time, per rule
  linearity: 0.1, // time per file at the largest size vs the smallest
  splitRoutesMs: 5_000, // split-routes on a 5,000-line routes file
  splitRoutesMiB: 500,
};

const CHILD_FLAG = '--codemod-child';
const childMode = process.argv[2] === CHILD_FLAG;
const options = childMode ? undefined : parseArgs(process.argv.slice(2));

function parseArgs(argv) {
  const parsed = {
    quick: false,
    files: undefined,
    runs: 3,
    seed: DEFAULT_SEED,
    scaling: true,
    concurrency: true,
    write: undefined,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index];
    if (name === '--quick') parsed.quick = true;
    else if (name === '--files') parsed.files = positive(argv[++index], name);
    else if (name === '--runs') parsed.runs = positive(argv[++index], name);
    else if (name === '--seed') parsed.seed = positive(argv[++index], name);
    else if (name === '--no-scaling') parsed.scaling = false;
    else if (name === '--no-concurrency') parsed.concurrency = false;
    else if (name === '--write') parsed.write = true;
    else if (name === '--no-write') parsed.write = false;
    else throw new Error(`unknown option ${name} (see the header of bench/run.mjs)`);
  }
  parsed.files ??= parsed.quick ? 500 : 2_000;
  // The docs hold the figures of a default run; a quick or resized run only prints.
  parsed.write ??= !parsed.quick && parsed.files === 2_000;
  const base = parsed.quick ? 125 : 500;
  parsed.sizes = [base, base * 2, base * 4, base * 8];
  return parsed;
}

function positive(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive integer`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Measuring one lint

const optionsModule = (config, cwd, concurrency = 'off') => {
  const url = new URL('./eslint-options.mjs', import.meta.url);
  url.searchParams.set('config', config);
  url.searchParams.set('cwd', cwd);
  url.searchParams.set('concurrency', String(concurrency));
  return url;
};

/**
 * One lint of `cwd` with a fresh ESLint instance: wall time (instance creation included, as a CLI
 * run pays it) and the `stats` sums over every file.
 */
async function lintOnce(config, cwd, concurrency = 'off') {
  globalThis.gc?.();
  const start = performance.now();
  const eslint = await ESLint.fromOptionsModule(optionsModule(config, cwd, concurrency));
  const results = await eslint.lintFiles(['.']);
  const wall = performance.now() - start;
  const { fatal, ...summary } = summarizeResults(results);
  if (fatal > 0) throw new Error(`${fatal} files of ${cwd} did not parse`);
  return { wall, ...summary };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs each config `runs` times, interleaved, after one warm-up lint each of `warmup` (a directory;
 * none when the process is already warm, or with worker threads, which start cold every lint);
 * returns medians.
 */
async function measureConfigs(cwd, configs, runs, { concurrency = 'off', warmup } = {}) {
  if (warmup) for (const config of configs) await lintOnce(config, warmup, concurrency);
  const samples = new Map(configs.map((config) => [config, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const config of configs) samples.get(config).push(await lintOnce(config, cwd, concurrency));
  }
  const summary = new Map();
  for (const [config, list] of samples) {
    const perRule = new Map();
    for (const ruleId of list[0].perRule.keys()) {
      perRule.set(ruleId, median(list.map((sample) => sample.perRule.get(ruleId) ?? 0)));
    }
    summary.set(config, {
      runs: list.length,
      files: list[0].files,
      messages: list[0].messages,
      wall: median(list.map((sample) => sample.wall)),
      parse: median(list.map((sample) => sample.parse)),
      rules: median(list.map((sample) => sample.rules)),
      total: median(list.map((sample) => sample.total)),
      // The ratio is taken inside each run (same process state), then the median of the ratios.
      ruleParseRatio: median(list.map((sample) => (sample.parse > 0 ? sample.rules / sample.parse : 0))),
      perRule,
    });
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Sections

async function lintCost(label, cwd, runs, warmup) {
  progress(`lint cost on ${label}`);
  const summary = await measureConfigs(cwd, CONFIGS, runs, { warmup });
  const parseWall = summary.get('parse-only').wall;
  for (const entry of summary.values()) entry.wallRatio = entry.wall / parseWall;
  return { label, summary };
}

function topRules(entry, count = 10) {
  return [...entry.perRule]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([ruleId, time]) => ({ ruleId, time, share: time / entry.total, ofParse: time / entry.parse }));
}

async function scaling(tempRoot, mainCorpus) {
  const rows = [];
  for (const size of options.sizes) {
    let entry;
    if (size === options.files && mainCorpus.summary.get('recommended')) {
      entry = mainCorpus.summary.get('recommended');
    } else {
      progress(`scaling: ${size} files`);
      const dir = path.join(tempRoot, `corpus-${size}`);
      generateCorpus({ dir, files: size, seed: options.seed });
      entry = (await measureConfigs(dir, ['recommended'], options.runs)).get('recommended');
    }
    const previous = rows.at(-1);
    rows.push({
      size,
      wall: entry.wall,
      perFile: entry.wall / entry.files,
      // Cost of each added file since the previous size: constant when growth is linear.
      marginal: previous ? (entry.wall - previous.wall) / (entry.files - previous.size) : undefined,
      linted: (entry.parse + entry.rules) / entry.files,
    });
  }
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    marginalDrift: last.marginal / rows[1].marginal - 1,
    drift: last.perFile / first.perFile - 1,
    lintDrift: last.linted / first.linted - 1,
  };
}

async function concurrency(corpusDir, mainCorpus) {
  try {
    // Throws on ESLint < 9.34, which has no `concurrency` option.
    new ESLint({ concurrency: 2, overrideConfigFile: true });
  } catch {
    return { available: false };
  }
  progress('concurrency: 2 worker threads');
  const two = (await measureConfigs(corpusDir, ['recommended'], options.runs, { concurrency: 2 })).get('recommended');
  const one = mainCorpus.summary.get('recommended');
  return { available: true, cores: os.availableParallelism(), off: one.wall, two: two.wall, speedup: one.wall / two.wall };
}

/**
 * Codemods, once the build emits them (`dist/codemods/registry.js` and `dist/codemods/<slug>.js`):
 * files per second for each codemod over a copy of the corpus, dry (nothing written), with the
 * runner of `codemods/lib/run.ts`; and `split-routes` on the 5,000-line routes file of
 * `tests/codemods/split-routes-generator.ts`, timed in a child process so that its peak RSS is
 * its own and not the lint runs'. The runner and the generator are TypeScript: they are bundled
 * here with tsup (dependencies stay external, resolved from this repository's node_modules).
 */
async function codemods(corpusDir, tempRoot) {
  const registryUrl = new URL('../dist/codemods/registry.js', import.meta.url);
  if (!existsSync(fileURLToPath(registryUrl))) return { available: false };
  const { codemods: entries = [] } = await import(registryUrl.href);
  if (entries.length === 0) return { available: false };
  progress('codemods: bundling the runner and the routes generator');
  const bundle = await bundleHelpers();
  const { runFiles } = await import(pathToFileURL(path.join(bundle, 'run.js')).href);
  const copy = path.join(tempRoot, 'codemod-corpus');
  cpSync(corpusDir, copy, { recursive: true });
  const files = listFiles(copy);
  const rows = [];
  for (const entry of entries) {
    progress(`codemod ${entry.slug}`);
    const transform = await loadTransform(entry, registryUrl);
    globalThis.gc?.();
    const start = performance.now();
    // The options the CLI gives a run: the project root, the files (project-wide codemods plan
    // over them) and dry.
    const results = runFiles(transform, files, { dry: true, root: copy, files });
    const ms = performance.now() - start;
    rows.push({
      slug: entry.slug,
      files: files.length,
      changed: results.filter((result) => result.output !== undefined).length,
      errors: results.filter((result) => result.error !== undefined).length,
      ms,
      perSecond: files.length / (ms / 1_000),
    });
  }
  let splitRoutes;
  const split = entries.find((entry) => entry.slug === 'split-routes');
  if (split) {
    progress('codemod split-routes on a 5,000-line routes file');
    const project = path.join(tempRoot, 'large');
    const { writeRoutesProject } = await import(pathToFileURL(path.join(bundle, 'split-routes-generator.js')).href);
    const stats = writeRoutesProject(project, { seed: options.seed, lines: 5_000 });
    const output = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), CHILD_FLAG, bundle, transformUrl(split, registryUrl), project, path.join(project, 'server', 'routes.ts')],
      { encoding: 'utf8' },
    );
    splitRoutes = { lines: stats.lines, routes: stats.routes, ...JSON.parse(output) };
  }
  return { available: true, rows, splitRoutes };
}

/** Bundles `codemods/lib/run.ts` and the routes generator into node_modules/.cache (git-ignored with node_modules). */
async function bundleHelpers() {
  const outDir = path.join(root, 'node_modules', '.cache', 'hardening-bench');
  const { build } = await import('tsup');
  await build({
    config: false,
    entry: { run: path.join(root, 'codemods/lib/run.ts'), 'split-routes-generator': path.join(root, 'tests/codemods/split-routes-generator.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: false,
    sourcemap: false,
    dts: false,
    clean: true,
    silent: true,
  });
  return outDir;
}

const transformUrl = (entry, registryUrl) => new URL(entry.module.replace(/\.ts$/u, '.js'), registryUrl).href;

async function loadTransform(entry, registryUrl) {
  const loaded = await import(transformUrl(entry, registryUrl));
  return loaded.default ?? loaded.transform;
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** Child mode: `split-routes` on the routes file of a generated project, dry; prints its time, result and the process's peak RSS. */
async function codemodChild([bundle, moduleUrl, project, file]) {
  const { runFiles } = await import(pathToFileURL(path.join(bundle, 'run.js')).href);
  const loaded = await import(moduleUrl);
  const start = performance.now();
  const [result] = runFiles(loaded.default ?? loaded.transform, [file], { dry: true, root: project });
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({ ms, peakRssMiB: process.resourceUsage().maxRSS / 1_024, changed: result?.output !== undefined, error: result?.error }),
  );
}

// ---------------------------------------------------------------------------------------------
// Report

const seconds = (ms) => (ms / 1_000).toFixed(2);
const ratio = (value) => value.toFixed(3);
const percent = (value) => `${(value * 100).toFixed(1)}%`;
const verdict = (ok) => (ok ? 'met' : '**not met**');

function table(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

function versionOf(name) {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function report({ corpus, examples, scale, workers, mods, elapsed }) {
  const cpus = os.cpus();
  const out = [];
  out.push(
    `Measured ${new Date().toISOString().slice(0, 10)} at commit ${commit()}: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}; ` +
      `Node ${process.version}, ESLint ${ESLint.version}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}, ` +
      `eslint-plugin-hardening ${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version}. ` +
      `Corpus: ${options.files} generated files (seed ${options.seed}); median of ${options.runs} runs after a warm-up; ` +
      `benchmark took ${(elapsed / 60_000).toFixed(1)} min; load average ${loadStart} at start, ` +
      `${os.loadavg()[0].toFixed(2)} at end (other work on the machine slows wall times; the \`stats\` ratios are steadier).`,
  );

  out.push('', '### Lint cost', '');
  out.push(
    'Wall: one lint from `new ESLint` to results, single thread. ×parse: wall / parse-only wall. ' +
      'rule/parse: total rule time / total parse time from ESLint `stats`, in the same run.',
    '',
  );
  const costRows = [];
  for (const { label, summary } of [corpus, examples]) {
    for (const [config, entry] of summary) {
      costRows.push([
        label,
        config,
        entry.files,
        entry.messages,
        seconds(entry.wall),
        ratio(entry.wallRatio),
        seconds(entry.parse),
        seconds(entry.rules),
        config === 'parse-only' || config === 'one-empty-rule' ? '—' : ratio(entry.ruleParseRatio),
      ]);
    }
  }
  out.push(table(['target', 'config', 'files', 'findings', 'wall s', '×parse', 'parse s', 'rules s', 'rule/parse'], costRows));
  const walk = corpus.summary.get('one-empty-rule');
  const parseOnly = corpus.summary.get('parse-only');
  if (walk && parseOnly) {
    const over = (config) => ratio((corpus.summary.get(config).wall - walk.wall) / parseOnly.wall);
    out.push(
      '',
      `one-empty-rule: a single rule that listens to nothing. With any rule on, ESLint walks every tree and runs its ` +
        `code-path analysis, which costs ${ratio(walk.wallRatio - 1)} of the parse-only wall here whatever the rules do; ` +
        `over that walk, \`recommended\` adds ${over('recommended')} and \`strict\` ${over('strict')} of the parse-only wall.`,
    );
  }
  out.push(
    '',
    'For reference, on a real 123-file Express codebase: eslint-plugin-security (14 rules) costs 0.20 of parse time, ' +
      '@microsoft/eslint-plugin-sdl (17 rules) 0.012.',
  );

  const strict = corpus.summary.get('strict');
  const recommended = corpus.summary.get('recommended');
  for (const [name, entry] of [['strict', strict], ['recommended', recommended]]) {
    out.push('', `### Top 10 rules (\`${name}\`, generated corpus)`, '');
    out.push(`Share: of total lint time (parse + all rules, \`stats\`) in the \`${name}\` run; ×parse: rule time / parse time.`, '');
    out.push(
      table(
        ['rule', 'ms', 'share', '×parse'],
        topRules(entry).map((row) => [row.ruleId, row.time.toFixed(0), percent(row.share), ratio(row.ofParse)]),
      ),
    );
  }
  out.push(
    '',
    'Rules share analyses (src/util caches keyed by the file), so the first rule to ask pays for it: a ' +
      "rule's time can move when other rules are switched on or off.",
  );

  if (scale) {
    out.push('', '### Scaling (`recommended`, single thread)', '');
    out.push(
      table(
        ['files', 'wall s', 'ms / file', 'ms / added file', 'parse+rules ms / file'],
        scale.rows.map((row) => [
          row.size,
          seconds(row.wall),
          row.perFile.toFixed(2),
          row.marginal === undefined ? '—' : row.marginal.toFixed(2),
          row.linted.toFixed(2),
        ]),
      ),
    );
    out.push(
      '',
      `Time per file at ${scale.rows.at(-1).size} vs ${scale.rows[0].size} files: ${signed(scale.drift)} wall, ` +
        `${signed(scale.lintDrift)} parse+rules (\`stats\`); cost per added file, last step vs first step: ` +
        `${signed(scale.marginalDrift)}. A falling time per file is the fixed cost of a lint (instance, config, ` +
        'file walk) spread over more files; a rising one would mean super-linear cost.',
    );
  }

  if (workers) {
    out.push('', '### Concurrency (`recommended`, generated corpus)', '');
    out.push(
      workers.available
        ? table(
            ['concurrency', 'wall s', 'speed-up'],
            [
              ['off (1 thread)', seconds(workers.off), '1.00'],
              [`2 worker threads (${workers.cores} cores)`, seconds(workers.two), workers.speedup.toFixed(2)],
            ],
          )
        : `ESLint ${ESLint.version} has no \`concurrency\` option.`,
    );
  }

  out.push('', '### Codemods', '');
  if (mods.available) {
    out.push(
      'Each codemod over a copy of the generated corpus, in this process, dry (nothing written); ' +
        'changed: files it would rewrite; errors: files it could not parse or transform.',
      '',
    );
    out.push(
      table(
        ['codemod', 'files', 'changed', 'errors', 's', 'files / s'],
        mods.rows.map((row) => [row.slug, row.files, row.changed, row.errors, seconds(row.ms), row.perSecond.toFixed(0)]),
      ),
    );
    if (mods.splitRoutes) {
      const split = mods.splitRoutes;
      out.push(
        '',
        `\`split-routes\` on a generated ${split.lines}-line routes file (${split.routes} routes), in a child process, dry: ` +
          `${seconds(split.ms)} s, peak RSS ${split.peakRssMiB.toFixed(0)} MiB` +
          (split.error ? ` (failed: ${split.error})` : split.changed ? '' : ' (left the file unchanged)') +
          '.',
      );
    }
  } else {
    out.push('no codemods yet');
  }

  // A rule's share is largest in the config with the least other work: check both.
  const largest = [recommended, strict]
    .map((entry) => topRules(entry, 1)[0])
    .filter(Boolean)
    .sort((a, b) => b.share - a.share)[0];
  const largestShare = largest?.share ?? 0;
  out.push('', '### Targets', '');
  const targetRows = [
    ['`recommended` rule/parse ≤ 0.10', ratio(recommended.ruleParseRatio), verdict(recommended.ruleParseRatio <= TARGETS.recommended)],
    ['`strict` rule/parse ≤ 0.25', ratio(strict.ruleParseRatio), verdict(strict.ruleParseRatio <= TARGETS.strict)],
    [
      'no rule above 2% of lint time',
      `${percent(largestShare)} (${largest?.ruleId ?? '—'})`,
      verdict(largestShare <= TARGETS.ruleShare),
    ],
  ];
  if (scale) {
    targetRows.push([
      `time per file at ${scale.rows.at(-1).size} within 10% of ${scale.rows[0].size}`,
      signed(scale.drift),
      verdict(Math.abs(scale.drift) <= TARGETS.linearity),
    ]);
  }
  const split = mods.available ? mods.splitRoutes : undefined;
  if (split) {
    targetRows.push([
      '`split-routes` on 5,000 lines: < 5 s, < 500 MB',
      `${seconds(split.ms)} s, ${split.peakRssMiB.toFixed(0)} MiB`,
      verdict(!split.error && split.ms < TARGETS.splitRoutesMs && split.peakRssMiB < TARGETS.splitRoutesMiB),
    ]);
  }
  out.push(table(['target', 'measured', ''], targetRows));
  return out.join('\n');
}

const signed = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;

function writeDoc(section) {
  const intro = `# Benchmarks

\`npm run bench\` builds the plugin and runs [\`bench/run.mjs\`](../bench/run.mjs). It generates a
deterministic backend repository (seeded; Express routers, NestJS controllers and services, pg and
Prisma data access, Next.js route handlers, React components, utilities, with a small share of
the mistakes the rules look for) with [\`bench/corpus.mjs\`](../bench/corpus.mjs) in the system temp
directory, then lints it and \`examples/\` with no rules (parse only), with one rule that listens to
nothing (\`one-empty-rule\`: the tree walk ESLint runs as soon as any rule is on), \`recommended\` and
\`strict\`.
Every lint is a fresh ESLint instance in one process, after a warm-up, configs interleaved;
figures are medians. \`--quick\` runs a 500-file corpus and prints without writing this page;
\`--files N\`, \`--runs R\`, \`--no-scaling\` and \`--no-concurrency\` adjust a run. Codemods run
dry over a copy of the corpus, and \`split-routes\` on the 5,000-line routes file of the codemod
tests' generator in a child process of its own (time and peak RSS).

To see where the time goes, [\`bench/profile.mjs\`](../bench/profile.mjs) lints a corpus once with
one config or one rule (\`--rule <id>\`) and prints the \`stats\` ratios; run it under
\`node --cpu-prof\` and summarise the profile with \`--summary <file>\`. \`--empty-listeners\` keeps every
rule's \`create()\` but empties the listeners it returns; \`--dispatch-only\` also skips \`create()\`
after the warm-up: what is left is ESLint's dispatch and timing of the listener calls alone.

Targets: \`recommended\` rule time ≤ 0.10 of parse time and \`strict\` ≤ 0.25 on the generated
corpus; no single rule above 2% of total lint time; time per file at 4,000 files within 10% of
time per file at 500; \`split-routes\` on 5,000 lines under 5 s and 500 MB.

The section below is rewritten by the script; edit the text above it only.

`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `${intro}${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${DOC} lost its markers ${BEGIN} … ${END}`);
  writeFileSync(DOC, `${current.slice(0, start + BEGIN.length)}\n\n${section}\n\n${current.slice(end)}`);
}

function progress(message) {
  process.stderr.write(`bench: ${message}…\n`);
}

// ---------------------------------------------------------------------------------------------

if (childMode) {
  await codemodChild(process.argv.slice(3));
  process.exit(0);
}

const started = performance.now();
const loadStart = os.loadavg()[0].toFixed(2);
const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'hardening-bench-'));
try {
  const corpusDir = path.join(tempRoot, `corpus-${options.files}`);
  progress(`generating ${options.files} files in ${corpusDir}`);
  generateCorpus({ dir: corpusDir, files: options.files, seed: options.seed });

  // Warm-up on a small slice of the same corpus: warms the JIT without a full extra lint.
  const warmupDir = path.join(tempRoot, 'warmup');
  generateCorpus({ dir: warmupDir, files: Math.min(200, options.files), seed: options.seed });
  const corpus = await lintCost('generated corpus', corpusDir, options.runs, warmupDir);
  const examples = await lintCost('examples/', path.join(root, 'examples'), Math.max(options.runs, 5), path.join(root, 'examples'));
  const scale = options.scaling ? await scaling(tempRoot, corpus) : undefined;
  const workers = options.concurrency ? await concurrency(corpusDir, corpus) : undefined;
  const mods = await codemods(corpusDir, tempRoot);

  const section = report({ corpus, examples, scale, workers, mods, elapsed: performance.now() - started });
  console.log(section);
  if (options.write) {
    writeDoc(section);
    console.log(`\n${path.relative(process.cwd(), DOC)} updated.`);
  }
} finally {
  rmSync(tempRoot, { recursive: true, force: true });
}
