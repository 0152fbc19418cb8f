import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';

import type { HardeningDocs } from '../util/create-rule.js';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], HardeningDocs>;

export interface ConfigPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, AnyRule>;
}

export const FILES = ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'];

/** Security rules report errors; reliability, performance and maintainability rules warn. */
function severityOf(rule: AnyRule): 'error' | 'warn' {
  return rule.meta.docs?.category === 'security' ? 'error' : 'warn';
}

function ruleEntries(plugin: ConfigPlugin, include: (rule: AnyRule) => boolean): TSESLint.FlatConfig.Rules {
  const entries: TSESLint.FlatConfig.Rules = {};
  for (const [id, rule] of Object.entries(plugin.rules)) {
    if (include(rule)) entries[`${plugin.meta.namespace}/${id}`] = severityOf(rule);
  }
  return entries;
}

function baseConfig(plugin: ConfigPlugin, name: string): TSESLint.FlatConfig.Config {
  return {
    name: `${plugin.meta.namespace}/${name}`,
    files: FILES,
    plugins: { [plugin.meta.namespace]: plugin as unknown as TSESLint.FlatConfig.Plugin },
    languageOptions: {
      // typescript-eslint's parser reads both TypeScript and JavaScript (with JSX).
      parser: tsParser as TSESLint.FlatConfig.Parser,
    },
  };
}

/** Built from each rule's `meta.docs.recommended`: never listed by hand. */
export function createConfigs(plugin: ConfigPlugin): Record<'recommended' | 'strict', TSESLint.FlatConfig.Config> {
  return {
    recommended: {
      ...baseConfig(plugin, 'recommended'),
      rules: ruleEntries(plugin, (rule) => rule.meta.docs?.recommended === true),
    },
    strict: {
      ...baseConfig(plugin, 'strict'),
      rules: ruleEntries(plugin, () => true),
    },
  };
}
