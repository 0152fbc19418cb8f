import path from 'node:path';

import { InvalidArgumentError, Option, type Command } from 'commander';

import { writeFileAtomic } from '../../../codemods/lib/files.js';
import { listFiles } from '../audit/files.js';
import { toFindings } from '../audit/findings.js';
import { formatHtml } from '../audit/html.js';
import { createEslint, lintFiles, terminalProgress } from '../audit/lint.js';
import { CONFIG_NAMES, type AuditConfigName, type AuditParams } from '../audit/options.js';
import { formatSarif } from '../audit/sarif.js';
import { formatSummary, formatTotal } from '../audit/summary.js';
import { exitCodes } from '../errors.js';
import { applyProjectChecks } from '../project/index.js';

const FORMATS = ['stylish', 'json', 'sarif', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface AuditCommandOptions {
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
      process.exitCode = await audit(paths, options);
    });
}

function parseConcurrency(value: string): AuditParams['concurrency'] {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/u.test(value)) return Number(value);
  throw new InvalidArgumentError('expected a positive whole number, "auto" or "off".');
}

async function audit(paths: readonly string[], options: AuditCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const { files, root } = await listFiles(paths, cwd);
  const params: AuditParams = {
    config: options.config,
    // ESLint only lints files below its working directory.
    cwd: commonAncestor([cwd, ...files.map((file) => path.dirname(file))]),
    packageRoot: cwd,
    concurrency: options.concurrency,
    cache: options.cache,
    // A trailing slash tells ESLint that the location is a folder: keep it.
    cacheLocation: `${path.resolve(cwd, options.cacheLocation)}${/[\\/]$/u.test(options.cacheLocation) ? path.sep : ''}`,
    projectChecks: options.projectChecks,
  };
  const { eslint, threaded } = await createEslint(params, (message) => process.stderr.write(`${message}\n`));
  const linted = await lintFiles(eslint, files, threaded, process.stderr.isTTY ? terminalProgress(process.stderr) : undefined);
  const results = options.projectChecks ? applyProjectChecks(linted, { cwd }) : linted;

  const findings = toFindings(results, cwd);
  const summary = formatSummary(findings);
  const total = formatTotal(findings, files.length, options.config);
  let document: string;
  switch (options.format) {
    case 'stylish': {
      const formatter = await eslint.loadFormatter('stylish');
      const details = await formatter.format(results, options.output === undefined ? undefined : { color: false });
      document = `${summary}${details}${details === '' ? '' : '\n'}${total}`;
      break;
    }
    case 'json':
      document = `${JSON.stringify(results)}\n`;
      break;
    case 'sarif':
      document = formatSarif(toFindings(results, root), root);
      break;
    case 'html':
      document = formatHtml(findings, { config: options.config, fileCount: files.length, date: new Date().toISOString() });
      break;
  }

  const digest = `${summary}${summary === '' ? '' : '\n'}${total}`;
  if (options.output !== undefined) {
    writeFileAtomic(path.resolve(cwd, options.output), document);
    process.stderr.write(`${digest}Report written to ${options.output}.\n`);
  } else {
    process.stdout.write(document);
    // Machine formats: stdout holds the document alone, so it can be piped or redirected.
    if (options.format !== 'stylish') process.stderr.write(digest);
  }
  return results.some((result) => result.errorCount > 0 || result.fatalErrorCount > 0) ? exitCodes.findings : exitCodes.ok;
}

function commonAncestor(directories: readonly string[]): string {
  let ancestor = directories[0] ?? process.cwd();
  for (const directory of directories) {
    while (directory !== ancestor && !directory.startsWith(ancestor.endsWith(path.sep) ? ancestor : `${ancestor}${path.sep}`)) {
      ancestor = path.dirname(ancestor);
    }
  }
  return ancestor;
}
