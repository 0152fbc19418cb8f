// Project-level checks of `hardening audit`: facts one file cannot show (no rate limiter anywhere
// in the app, no helmet anywhere, one client created in several files, no SIGTERM handling, no
// health route), and package.json facts passed to rule options.
//
// How it works: an internal rule (`hardening-project/facts`) reports per-file facts as messages,
// so they travel back from ESLint's worker threads with the results; `applyProjectChecks` strips
// them and adds one finding per project-level problem, ruleId `project/<name>`.
import type { ESLint, Rule } from 'eslint';

import { FACTS_PLUGIN_NAME } from './checks.js';
import { factsRule } from './facts-rule.js';

export { FACTS_PLUGIN_NAME, FACTS_RULE, applyProjectChecks, projectChecks, type ProjectCheck } from './checks.js';
export { decodeFact, type Fact } from './facts.js';
export { DATABASE_PACKAGES, LOGGER_PACKAGES, rangeMajor, readPackageFacts, ruleOverrides, type PackageFacts } from './package-facts.js';

/** The plugin holding the internal facts rule; the audit config enables FACTS_RULE on every file. */
export const factsPlugin: ESLint.Plugin = {
  meta: { name: FACTS_PLUGIN_NAME },
  rules: { facts: factsRule as unknown as Rule.RuleModule },
};
