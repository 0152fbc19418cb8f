// Lints the embedded example apps with `hardening.configs.recommended` and prints what it finds:
// the findings in ESLint's stylish format, then a count per rule.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import hardening from '../dist/index.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['examples'];

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [hardening.configs.recommended],
  errorOnUnmatchedPattern: true,
});

const results = await eslint.lintFiles(targets);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const byRule = new Map();
for (const result of results) {
  for (const message of result.messages) {
    const id = message.ruleId ?? '(parse error)';
    byRule.set(id, (byRule.get(id) ?? 0) + 1);
  }
}
const width = Math.max(0, ...[...byRule.keys()].map((id) => id.length));
console.log(`Findings by rule (${results.length} files linted with hardening.configs.recommended):`);
for (const [id, count] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
  console.log(`  ${id.padEnd(width)}  ${count}`);
}
if (byRule.has('(parse error)')) process.exitCode = 1;
