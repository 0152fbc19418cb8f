import type { TSESLint } from '@typescript-eslint/utils';

import { createConfigs } from './configs/index.js';
import { rules } from './rules/index.js';

declare const __PACKAGE_VERSION__: string | undefined;

const meta = {
  name: 'eslint-plugin-hardening',
  version: typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-dev',
  namespace: 'hardening',
};

const plugin = {
  meta,
  rules,
  configs: {} as ReturnType<typeof createConfigs>,
} satisfies TSESLint.FlatConfig.Plugin;

// Configs name the plugin object itself, so a user config that also lists `plugins: { hardening }`
// refers to the same object (ESLint refuses two different objects under one namespace).
Object.assign(plugin.configs, createConfigs(plugin));


export type { HardeningDocs, Category } from './util/create-rule.js';
export default plugin;
