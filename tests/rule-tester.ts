import * as tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A RuleTester for TypeScript (and, with `filename: 'x.js'`, JavaScript) without type information. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/**
 * A rule's default options with some overridden, typed as the rule's full options object: ESLint
 * merges partial options with `meta.defaultOptions` itself, this spells the same thing out for the
 * type checker in tests.
 */
export function withDefaults<O extends object>(rule: { meta: { defaultOptions?: readonly O[] } }, overrides: Partial<O>): O {
  const defaults = rule.meta.defaultOptions?.[0];
  if (!defaults) throw new Error('the rule has no meta.defaultOptions');
  return { ...defaults, ...overrides };
}
