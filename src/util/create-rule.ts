import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-hardening/eslint-plugin-hardening';

export type Category = 'security' | 'reliability' | 'performance' | 'maintainability';

/** What every rule of this plugin declares in `meta.docs` beyond ESLint's own fields. */
export interface HardeningDocs {
  /** In `configs.recommended` (high-confidence rules only). Every rule is in `configs.strict`. */
  recommended?: boolean;
  category: Category;
  /** The CWE id of the weakness, e.g. `CWE-78`, for SARIF and triage. */
  cwe?: string;
  requiresTypeChecking?: boolean;
}

export const ruleDocsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

const ruleCreator = ESLintUtils.RuleCreator<HardeningDocs>(ruleDocsUrl);

/**
 * typescript-eslint's `RuleCreator`, except that the options merged with `meta.defaultOptions`
 * are computed once per distinct options value instead of once per file: the merge (a structured
 * clone and a deep merge) ran for every rule on every file and cost more than many rules' own
 * work. The merged options are frozen, so no rule can change what the next file sees.
 */
export const createRule: typeof ruleCreator = (rule) => {
  const created = ruleCreator(rule);
  const create = rule.create;
  type Options = Parameters<typeof create>[1];
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  // ESLint hands each file fresh option arrays that share their inner values with the config, so
  // the comparison with the previous file's options mostly stops at identical references.
  let last: { given: readonly unknown[]; merged: Options } | undefined;
  const optionsFor = (user: readonly unknown[]): Options => {
    if (last === undefined || !deepEqual(last.given, user)) {
      last = { given: user, merged: deepFreeze(ESLintUtils.applyDefault(defaults, user as Options)) };
    }
    return last.merged;
  };
  return { ...created, create: (context) => create(context, optionsFor(context.options)) };
};

/** Structural equality of JSON-like option values. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!deepEqual(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
