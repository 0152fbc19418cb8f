// Profiling aid for the rules: lints a generated corpus once (after a warm-up) with one config and
// prints rule time / parse time and the top rules from ESLint's `stats`. Run it under
// `node --cpu-prof --cpu-prof-dir=DIR` to get a V8 profile of the same lint; `--summary FILE`
// prints the heaviest functions of such a profile by self time.
//
//   node bench/profile.mjs [--config recommended|strict] [--rule ID] [--files N] [--seed S] [--dir DIR]
//                          [--runs R] [--empty-listeners | --dispatch-only]
//
// `--rule` lints with that one rule of the config only (e.g. `--rule require-rate-limit`), so the
// profile shows what the rule costs on its own, shared analyses included. `--empty-listeners` keeps
// every rule's `create()` but empties its listeners: the rule time left is the cost of creating
// the rules plus ESLint's dispatch and timing of each listener call, the floor under listener work.
// `--dispatch-only` also skips `create()` after the warm-up (each rule's listeners for a file are
// learned then): the rule time left is ESLint's dispatch and timing of each listener call alone.
//   node bench/profile.mjs --summary profile.cpuprofile [--top N]
import console from 'node:console';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';

import { ESLint } from 'eslint';

import { DEFAULT_SEED, generateCorpus } from './corpus.mjs';
import { summarizeResults } from './lint-stats.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};

if (args.includes('--summary')) {
  summarize(option('--summary'), Number(option('--top', '40')));
} else {
  await lint(option('--config', 'strict'), option('--rule'), Number(option('--runs', '1')), Number(option('--files', '500')), Number(option('--seed', String(DEFAULT_SEED))), option('--dir'), args.includes('--dispatch-only') ? 'dispatch' : args.includes('--empty-listeners') ? '1' : undefined);
}

async function lint(config, rule, runs, files, seed, given, empty) {
  const dir = given ?? mkdtempSync(path.join(os.tmpdir(), 'hardening-profile-'));
  try {
    if (!given || !existsSync(path.join(dir, 'src'))) generateCorpus({ dir, files, seed });
    const url = new URL('./eslint-options.mjs', import.meta.url);
    url.searchParams.set('config', config);
    url.searchParams.set('cwd', dir);
    if (rule) url.searchParams.set('rule', rule);
    if (empty) url.searchParams.set('empty', empty);
    // Warm-up, then the measured lint.
    await (await ESLint.fromOptionsModule(url)).lintFiles(['.']);
    // Each run's ratio is taken within the run; the run with the median ratio is printed.
    const samples = [];
    for (let run = 0; run < runs; run += 1) samples.push(summarizeResults(await (await ESLint.fromOptionsModule(url)).lintFiles(['.'])));
    samples.sort((a, b) => a.rules / a.parse - b.rules / b.parse);
    const { files: count, messages, parse, rules, total, perRule } = samples[samples.length >> 1];
    console.log(`${config}${empty === 'dispatch' ? ' (listener dispatch only)' : empty ? ' (empty listeners)' : ''}: ${count} files, ${messages} findings, parse ${parse.toFixed(0)} ms, rules ${rules.toFixed(0)} ms, rule/parse ${(rules / parse).toFixed(3)}` + (runs > 1 ? ` (median of ${runs}; ${samples.map((sample) => (sample.rules / sample.parse).toFixed(3)).join(' ')})` : ''));
    for (const [ruleId, time] of [...perRule].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      console.log(`  ${ruleId.padEnd(44)} ${time.toFixed(0).padStart(6)} ms ${((time / total) * 100).toFixed(1).padStart(5)}%`);
    }
  } finally {
    if (!given) rmSync(dir, { recursive: true, force: true });
  }
}

function summarize(file, top) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1_000;
  for (const id of profile.samples) {
    const frame = byId.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//u, '').replace(/^.*\/dist\//u, 'dist/')}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + interval);
  }
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}
