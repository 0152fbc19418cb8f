import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

type Create = (context: Readonly<TSESLint.RuleContext<'found', []>>) => TSESLint.RuleListener;

/**
 * Runs an ad-hoc rule over `code` and returns `line:column text` for each report, so util tests
 * can assert what an analysis sees without writing a full rule.
 */
export function probe(code: string, create: Create, filename = 'file.ts'): string[] {
  const rule: TSESLint.RuleModule<'found'> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { found: '{{text}}' }, schema: [] },
    create,
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`probe could not parse: ${fatal.message}`);
  return messages.map((message) => `${message.line}:${message.column} ${message.message}`);
}
