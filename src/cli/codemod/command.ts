import path from 'node:path';

import type { RunOptions } from '../../../codemods/lib/run.js';
import { codemods, type CodemodEntry } from '../../../codemods/registry.js';
import { UsageError, exitCodes } from '../errors.js';
import { defaultThreads, runCodemod } from './execute.js';
import { expandPaths } from './files.js';
import { uncommittedFileCount } from './git.js';
import { parseCodemodArguments } from './options.js';
import { closest } from './suggest.js';

export interface CodemodFlags {
  list?: boolean;
  dry?: boolean;
  print?: boolean;
  cpus?: number;
  force?: boolean;
}

/** A report line that points at a site: `line:col why`. */
const SITE = /^(\d+):(\d+) ([\s\S]*)$/u;

/**
 * `hardening codemod <name> <paths…>`: `args` are the command's operands and the codemod's own
 * options in the order given. Resolves to the exit code.
 */
export async function codemodCommand(args: readonly string[], flags: CodemodFlags, cwd = process.cwd()): Promise<number> {
  const started = performance.now();
  if (flags.list === true) {
    process.stdout.write(codemodList());
    return exitCodes.ok;
  }
  const [name, ...rest] = args;
  if (name === undefined || name.startsWith('-')) {
    process.stderr.write(`hardening: which codemod? hardening codemod <name> <paths…>\n${codemodList()}`);
    return exitCodes.usage;
  }
  const entry = findCodemod(name);
  const parsed = parseCodemodArguments(entry, rest);
  if (parsed.paths.length === 0) throw new UsageError(`no paths: hardening codemod ${entry.slug} <paths…>`);
  const files = expandPaths(parsed.paths, cwd);
  const write = flags.dry !== true && flags.print !== true;

  if (write && flags.force !== true) {
    const dirty = uncommittedFileCount(parsed.paths.map((given) => path.resolve(cwd, given)));
    if (dirty > 0) {
      process.stderr.write(
        `hardening: ${plural(dirty, 'file')} under the target paths ${dirty === 1 ? 'has' : 'have'} uncommitted changes: commit or stash them so the codemod's diff can be reviewed on its own, or pass --force\n`,
      );
      return exitCodes.findings;
    }
  }

  const options: RunOptions = { ...parsed.options, dry: !write };
  if (entry.options.some((option) => option.name === 'root')) options.root = path.resolve(cwd, typeof options.root === 'string' ? options.root : '.');
  if (entry.options.some((option) => option.name === 'files' && option.setByCli === true)) options.files = files;

  let threads = flags.cpus ?? defaultThreads(entry, files.length);
  if (entry.scope === 'project' && threads > 1) {
    process.stderr.write(`hardening: ${entry.slug} plans over every file in one run: --cpus ${threads} ignored\n`);
    threads = 1;
  }
  const results = await runCodemod(entry, files, options, threads);

  const out = flags.print === true ? process.stderr : process.stdout;
  if (flags.print === true) for (const result of results) if (result.output !== undefined) process.stdout.write(result.output);
  const changed = results.filter((result) => result.output !== undefined);
  const failed = results.filter((result) => result.error !== undefined);
  for (const result of failed) process.stderr.write(`hardening: ${display(cwd, result.file)}: ${result.error ?? ''}\n`);
  const lines = [...changed.map((result) => display(cwd, result.file))];
  let sites = 0;
  for (const result of results) {
    for (const report of result.reports) {
      const site = SITE.exec(report);
      if (site) sites += 1;
      lines.push(formatReport(display(cwd, result.file), report, site));
    }
  }
  const unchanged = results.length - changed.length - failed.length;
  const totals = [
    `${plural(changed.length, 'file')} ${write ? 'changed' : 'would change'}`,
    `${unchanged} unchanged`,
    ...(failed.length > 0 ? [`${failed.length} failed`] : []),
    `${plural(sites, 'site')} left for review`,
  ];
  const timing = `${write ? '' : flags.print === true ? 'printed, nothing written, ' : 'dry run, nothing written, '}${Math.round(performance.now() - started)} ms`;
  lines.push(`${totals.join(', ')} (${timing})`);
  out.write(`${lines.join('\n')}\n`);
  return failed.length > 0 ? exitCodes.findings : exitCodes.ok;
}

/** `hardening codemod --list`: one line per codemod, the slug padded, then its title. */
export function codemodList(): string {
  const width = Math.max(...codemods.map((entry) => entry.slug.length)) + 2;
  return codemods.map((entry) => `${entry.slug.padEnd(width)}${entry.title}\n`).join('');
}

function findCodemod(name: string): CodemodEntry {
  const entry = codemods.find((candidate) => candidate.slug === name);
  if (entry) return entry;
  const slugs = codemods.map((candidate) => candidate.slug);
  const suggestion = closest(name, slugs);
  throw new UsageError(`unknown codemod '${name}'${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}; codemods: ${slugs.join(', ')}`);
}

/** `file:line:col why` for a site (`file: why` when the transform gives no position). */
function formatReport(file: string, report: string, site: RegExpExecArray | null): string {
  if (site === null || site[1] === '0') return `${file}: ${site?.[3] ?? report}`;
  return `${file}:${site[1]}:${site[2]} ${site[3]}`;
}

function display(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
