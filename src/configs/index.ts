import tsPlugin from '@typescript-eslint/eslint-plugin';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

import type { HardeningDocs } from '../util/create-rule.js';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], HardeningDocs>;

export interface ConfigPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, AnyRule>;
}

export const FILES = ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'];
export const TYPESCRIPT_FILES = ['**/*.{ts,cts,mts,tsx}'];

/**
 * typescript-eslint's own type-aware rules for the review items a syntax-only rule cannot judge
 * well: promises nobody awaits (seed item "background failures") and `any` (seed item "remove
 * `any` types"). Reused as they are, never re-implemented.
 */
export const TYPE_CHECKED_RULES: TSESLint.FlatConfig.Rules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/no-explicit-any': 'warn',
};

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

export type ConfigName = 'recommended' | 'strict' | 'type-checked';

/** Built from each rule's `meta.docs.recommended`: never listed by hand. */
export function createConfigs(plugin: ConfigPlugin): Record<ConfigName, TSESLint.FlatConfig.Config> {
  return {
    recommended: {
      ...baseConfig(plugin, 'recommended'),
      rules: ruleEntries(plugin, (rule) => rule.meta.docs?.recommended === true),
    },
    strict: {
      ...baseConfig(plugin, 'strict'),
      rules: ruleEntries(plugin, () => true),
    },
    // Type information comes from the project's tsconfig through typescript-eslint's project
    // service, so this config applies to TypeScript files only.
    'type-checked': {
      ...baseConfig(plugin, 'type-checked'),
      files: TYPESCRIPT_FILES,
      plugins: {
        [plugin.meta.namespace]: plugin as unknown as TSESLint.FlatConfig.Plugin,
        '@typescript-eslint': tsPlugin as unknown as TSESLint.FlatConfig.Plugin,
      },
      languageOptions: {
        parser: tsParser as TSESLint.FlatConfig.Parser,
        parserOptions: { projectService: true },
      },
      rules: { ...ruleEntries(plugin, () => true), ...TYPE_CHECKED_RULES },
    },
  };
}
