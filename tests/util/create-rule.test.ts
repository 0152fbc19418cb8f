import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { createRule } from '../../src/util/create-rule.js';

interface Seen {
  options: { names: string[]; max: number };
  frozen: boolean;
  mutation: string;
}

/** A rule that records the options it is created with, and whether it could change them. */
function recordingRule(seen: Seen[]) {
  return createRule<[{ names: string[]; max: number }], 'found'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'Require nothing (records its options)', category: 'reliability' },
      messages: { found: 'found' },
      schema: [
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            names: { type: 'array', items: { type: 'string' }, description: 'Names.' },
            max: { type: 'number', description: 'Maximum.' },
          },
        },
      ],
      defaultOptions: [{ names: ['a', 'b'], max: 3 }],
    },
    create(context, [options]) {
      let mutation = 'allowed';
      try {
        (options.names as string[]).push('c');
      } catch (error) {
        mutation = error instanceof TypeError ? 'TypeError' : 'other';
      }
      seen.push({ options, frozen: Object.isFrozen(options) && Object.isFrozen(options.names), mutation });
      return {};
    },
  });
}

function lint(rule: ReturnType<typeof recordingRule>, ruleConfig: Linter.RuleEntry, files: readonly string[]): void {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { test: { rules: { recording: rule as never } } },
      rules: { 'test/recording': ruleConfig },
    },
  ];
  for (const file of files) linter.verify('const x = 1;', config, file);
}

describe('createRule options', () => {
  it('merges the defaults with the configured options, file after file and config after config', () => {
    const seen: Seen[] = [];
    const rule = recordingRule(seen);
    lint(rule, 'error', ['a.ts']);
    lint(rule, ['error', { max: 7 }], ['b.ts']);
    lint(rule, ['error', { names: ['x'] }], ['c.ts']);
    lint(rule, 'error', ['d.ts']);
    expect(seen.map((entry) => entry.options)).toEqual([
      { names: ['a', 'b'], max: 3 },
      { names: ['a', 'b'], max: 7 },
      { names: ['x'], max: 3 },
      { names: ['a', 'b'], max: 3 },
    ]);
  });

  it('merges once for files with the same options, and hands out frozen options no rule can change', () => {
    const seen: Seen[] = [];
    const rule = recordingRule(seen);
    lint(rule, ['error', { max: 5 }], ['a.ts', 'b.ts', 'c.ts']);
    expect(seen).toHaveLength(3);
    expect(seen[1]?.options).toBe(seen[0]?.options);
    expect(seen[2]?.options).toBe(seen[0]?.options);
    expect(seen.map((entry) => [entry.frozen, entry.mutation])).toEqual([
      [true, 'TypeError'],
      [true, 'TypeError'],
      [true, 'TypeError'],
    ]);
    expect(seen[2]?.options).toEqual({ names: ['a', 'b'], max: 5 });
  });
});
