// Project-level checks of `hardening audit`: facts one file cannot show (no rate limiter anywhere
// in the app, no helmet anywhere, one client created in several files, no SIGTERM handling, no
// health route), and package.json facts passed to rule options.
//
// How it works: an internal rule (`hardening-project/facts`) reports per-file facts as messages,
// so they travel back from ESLint's worker threads with the results; `applyProjectChecks` strips
// them and adds one finding per project-level problem, ruleId `project/<name>`.
import type { ESLint, Linter } from 'eslint';

import type { Category } from '../../util/create-rule.js';

export const FACTS_PLUGIN_NAME = 'hardening-project';
export const FACTS_RULE = `${FACTS_PLUGIN_NAME}/facts`;

/** The plugin holding the internal facts rule; the audit config enables FACTS_RULE on every file. */
export const factsPlugin: ESLint.Plugin = { meta: { name: FACTS_PLUGIN_NAME }, rules: {} };

/** What package.json says that no rule can see from one file. */
export interface PackageFacts {
  /** Major version of `express` in dependencies, when it can be read. */
  expressMajor?: number;
}

/** Reads the package.json at `root` (missing or unreadable → no facts). */
export function readPackageFacts(root: string): PackageFacts {
  void root;
  return {};
}

/**
 * Rule settings derived from package facts, applied on top of the chosen config's `rules` (which
 * is passed so an override keeps the config's severity).
 */
export function ruleOverrides(facts: PackageFacts, rules: Linter.RulesRecord): Linter.RulesRecord {
  void facts;
  void rules;
  return {};
}

export interface ProjectCheck {
  /** `project/<name>`. */
  id: string;
  description: string;
  category: Category;
  severity: 1 | 2;
  /** Relative to the package root, e.g. `docs/project/no-rate-limiter.md`. */
  docs: string;
}

export const projectChecks: readonly ProjectCheck[] = [];

/**
 * Removes the facts messages from `results` and adds the project-level findings as messages
 * (ruleId `project/<name>`) of the file that best locates each; counts are recomputed.
 */
export function applyProjectChecks(results: readonly ESLint.LintResult[], options: { cwd: string }): ESLint.LintResult[] {
  void options;
  return results.map((result) => ({ ...result, messages: result.messages.filter((message) => message.ruleId !== FACTS_RULE) }));
}
