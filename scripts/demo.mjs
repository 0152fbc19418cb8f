// Lints the embedded example apps and prints what the plugin finds: the findings of
// `hardening.configs.recommended` in ESLint's stylish format, then the extra findings of the
// rules that only `strict` enables, then a count per rule.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import hardening from '../dist/index.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['examples'];
const recommendedRules = new Set(Object.keys(hardening.configs.recommended.rules));

// One lint with `strict`; its findings split by whether `recommended` has the rule.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [hardening.configs.strict],
  errorOnUnmatchedPattern: true,
});
const results = await eslint.lintFiles(targets);
const formatter = await eslint.loadFormatter('stylish');

const only = (keep) =>
  results.map((result) => {
    const messages = result.messages.filter(keep);
    return {
      ...result,
      messages,
      errorCount: messages.filter((message) => message.severity === 2).length,
      warningCount: messages.filter((message) => message.severity === 1).length,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: messages.filter((message) => message.fatal).length,
    };
  });
const inRecommended = (message) => message.ruleId === null || recommendedRules.has(message.ruleId);

console.log(`hardening.configs.recommended on ${targets.join(', ')} (${results.length} files):`);
process.stdout.write((await formatter.format(only(inRecommended))) || '\n  no findings\n');
console.log('\nAlso reported by hardening.configs.strict:');
process.stdout.write((await formatter.format(only((message) => !inRecommended(message)))) || '\n  no findings\n');

const byRule = new Map();
for (const result of results) {
  for (const message of result.messages) {
    const id = message.ruleId ?? '(parse error)';
    byRule.set(id, (byRule.get(id) ?? 0) + 1);
  }
}
const width = Math.max(0, ...[...byRule.keys()].map((id) => id.length));
console.log('\nFindings by rule (✅ = in recommended):');
for (const [id, count] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
  console.log(`  ${recommendedRules.has(id) ? '✅' : '  '} ${id.padEnd(width)}  ${count}`);
}
if (byRule.has('(parse error)')) process.exitCode = 1;
