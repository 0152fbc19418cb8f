import { InvalidArgumentError, Option, type Command } from 'commander';

import { CONFIG_NAMES, type AuditConfigName, type AuditParams } from '../audit/names.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface AuditCommandOptions {
  config: AuditConfigName;
  format: Format;
  output?: string;
  concurrency: AuditParams['concurrency'];
  cache: boolean;
  cacheLocation: string;
  projectChecks: boolean;
}

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/hardening/';

/** `hardening audit [paths…]`: lint a repository with the plugin's own config. */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('Lint a repository with hardening.configs.recommended (no ESLint setup needed) and print a summary.')
    .argument('[paths...]', 'files or directories to audit', ['.'])
    .addOption(new Option('--config <name>', 'which config of the plugin to apply').choices(CONFIG_NAMES).default('recommended'))
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--concurrency <n|auto|off>', 'lint in this many worker threads (ESLint ≥ 9.34)', parseConcurrency, 'off')
    .option('--cache', 'only lint files changed since the last run', false)
    .option('--cache-location <path>', 'file or folder (ending in /) of the cache', DEFAULT_CACHE_LOCATION)
    .option('--no-project-checks', 'skip the project-level checks (rate limiter, helmet, shutdown, health route…)')
    .action(async (paths: string[], options: AuditCommandOptions) => {
      // Loaded on use: `hardening codemod` and `init` never pay for ESLint and the plugin.
      const { runAudit } = await import('../audit/run.js');
      process.exitCode = await runAudit(paths, options);
    });
}

function parseConcurrency(value: string): AuditParams['concurrency'] {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/u.test(value)) return Number(value);
  throw new InvalidArgumentError('expected a positive whole number, "auto" or "off".');
}
