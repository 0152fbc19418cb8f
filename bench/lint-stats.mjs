// Sums ESLint's `stats` (the `stats: true` option) over the results of one lint: parse time, rule
// time in total and per rule, and total time, in milliseconds. Shared by bench/run.mjs and
// bench/profile.mjs.

/** Sums over every file and pass of `results`. */
export function summarizeResults(results) {
  let parse = 0;
  let rules = 0;
  let total = 0;
  let messages = 0;
  let fatal = 0;
  const perRule = new Map();
  for (const result of results) {
    messages += result.messages.length;
    fatal += result.fatalErrorCount;
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      total += pass.total;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
        rules += time.total;
        perRule.set(ruleId, (perRule.get(ruleId) ?? 0) + time.total);
      }
    }
  }
  return { files: results.length, messages, fatal, parse, rules, total, perRule };
}
