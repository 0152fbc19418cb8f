import path from 'node:path';

import { writeFileAtomic } from '../../../codemods/lib/files.js';
import type { AuditCommandOptions } from '../commands/audit.js';
import { exitCodes } from '../errors.js';
import { applyProjectChecks } from '../project/index.js';
import { listFiles } from './files.js';
import { toFindings } from './findings.js';
import { formatHtml } from './html.js';
import { createEslint, lintFiles, terminalProgress } from './lint.js';
import type { AuditParams } from './names.js';
import { formatSarif } from './sarif.js';
import { formatSummary, formatTotal } from './summary.js';

/** Runs one audit; resolves to the exit code. */
export async function runAudit(paths: readonly string[], options: AuditCommandOptions): Promise<number> {
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
