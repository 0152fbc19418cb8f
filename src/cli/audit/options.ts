// The ESLint options of one audit. They are built from plain parameters so that ESLint's worker
// threads (`concurrency`) can rebuild the same options from the options module's URL: plugin
// objects cannot be cloned into a worker, a URL can.
import type { ESLint, Linter } from 'eslint';

import plugin from '../../index.js';
import { FACTS_PLUGIN_NAME, FACTS_RULE, factsPlugin, readPackageFacts, ruleOverrides } from '../project/index.js';
import { CONFIG_NAMES, type AuditConfigName, type AuditParams } from './names.js';

export { CONFIG_NAMES, type AuditConfigName, type AuditParams } from './names.js';

/** ESLint options for an audit: our config only, whatever ESLint config the repository has. */
export function auditEslintOptions(params: AuditParams): ESLint.Options {
  // `type-checked` applies to TypeScript files only: `strict` covers the JavaScript files too.
  const configs = (params.config === 'type-checked' ? [plugin.configs.strict, plugin.configs['type-checked']] : [plugin.configs[params.config]]) as Linter.Config[];
  const files = plugin.configs.strict.files;
  // The file list is ours (see files.ts), node_modules already left out of it: a file named on
  // the command line is linted even there, instead of drawing ESLint's "file ignored" warning.
  const overrideConfig: Linter.Config[] = [{ name: 'hardening/audit-files', ignores: ['!**/node_modules/'] }, ...configs];
  if (params.projectChecks) {
    overrideConfig.push({
      name: `${FACTS_PLUGIN_NAME}/facts`,
      files,
      plugins: { [FACTS_PLUGIN_NAME]: factsPlugin },
      rules: { [FACTS_RULE]: 'warn' },
    });
  }
  const rules = Object.assign({}, ...configs.map((config) => config.rules)) as Linter.RulesRecord;
  const overrides = ruleOverrides(readPackageFacts(params.packageRoot), rules);
  if (Object.keys(overrides).length > 0) overrideConfig.push({ name: 'hardening/package-facts', files, rules: overrides });
  return {
    cwd: params.cwd,
    overrideConfigFile: true,
    overrideConfig,
    cache: params.cache,
    cacheLocation: params.cacheLocation,
    // The file list is ours (see files.ts): an explicitly listed file is never silently dropped.
    errorOnUnmatchedPattern: false,
    ...(params.concurrency === 'off' ? {} : { concurrency: params.concurrency }),
  };
}

/** The options module's URL carrying `params` in its query string. */
export function optionsModuleUrl(moduleUrl: URL, params: AuditParams): URL {
  const url = new URL(moduleUrl.href);
  url.search = '';
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  return url;
}

/** Reads back what `optionsModuleUrl` wrote. */
export function paramsFromUrl(url: URL): AuditParams {
  const get = (key: keyof AuditParams): string => {
    const value = url.searchParams.get(key);
    if (value === null) throw new Error(`audit options module: missing ${key} in ${url.href}`);
    return value;
  };
  const config = get('config');
  if (!(CONFIG_NAMES as readonly string[]).includes(config)) throw new Error(`audit options module: unknown config ${config}`);
  const concurrency = get('concurrency');
  return {
    config: config as AuditConfigName,
    cwd: get('cwd'),
    packageRoot: get('packageRoot'),
    concurrency: concurrency === 'off' || concurrency === 'auto' ? concurrency : Number(concurrency),
    cache: get('cache') === 'true',
    cacheLocation: get('cacheLocation'),
    projectChecks: get('projectChecks') === 'true',
  };
}
