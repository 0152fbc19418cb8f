import * as tsParser from '@typescript-eslint/parser';
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * The project's rule tester: every invalid case must pin each report to its place and message
 * (`messageId`, `line`, `column`), so no test passes by reporting "something somewhere", and
 * suggestions are listed with their output (a bare count would leave the edit unchecked).
 */
class HardeningRuleTester extends RuleTester {
  override run<MessageIds extends string, Options extends readonly unknown[]>(
    ruleName: string,
    rule: Parameters<RuleTester['run']>[1] & { meta: { messages: Record<MessageIds, string> } },
    tests: RunTests<MessageIds, Options>,
  ): void {
    for (const [index, test] of tests.invalid.entries()) {
      for (const error of test.errors) {
        if (error.messageId === undefined || error.line === undefined || error.column === undefined) {
          throw new Error(`${ruleName}: invalid case #${index} must give messageId, line and column for every error`);
        }
        if (typeof error.suggestions === 'number') {
          throw new Error(`${ruleName}: invalid case #${index} must list its suggestions with their output, not count them`);
        }
      }
    }
    super.run(ruleName, rule as never, tests as never);
  }
}

/** A RuleTester for TypeScript (and, with `filename: 'x.js'`, JavaScript) without type information. */
export function createRuleTester(): RuleTester {
  return new HardeningRuleTester({
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
