import { type Command, InvalidArgumentError } from 'commander';

import { codemods } from '../../../codemods/registry.js';
import type { CodemodFlags } from '../codemod/command.js';

/** `hardening codemod <name> <paths…>`: run one codemod of the pack. */
export function registerCodemod(program: Command): void {
  program
    .command('codemod')
    .description('Run one codemod of the pack over files or directories.')
    .usage('<name> <paths...> [--dry] [--print] [--cpus N] [--force] [codemod options]')
    .argument('[name]', 'codemod name (see --list)')
    .argument('[paths...]', 'files or directories (directories expand to their .js/.jsx/.ts/.tsx/.mjs/.cjs/.mts/.cts files)')
    .option('--list', 'list the codemods')
    .option('--dry', 'write nothing: print the files that would change and what the codemod reports')
    .option('--print', "print each changed file's new content to stdout; write nothing")
    .option('--cpus <n>', 'worker threads for codemods that transform each file on its own', parseCpus)
    .option('--force', 'write even when the target paths have uncommitted git changes')
    // The codemod's own options (`--helperPath src/x.ts`) are checked against its registry entry.
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText('after', codemodOptionsHelp)
    .action(async (_name: unknown, _paths: unknown, flags: CodemodFlags, command: Command) => {
      // Loaded on use: the runner brings jscodeshift.
      const { codemodCommand } = await import('../codemod/command.js');
      process.exitCode = await codemodCommand(command.args, flags);
    });
}

function parseCpus(value: string): number {
  const cpus = Number(value);
  if (!Number.isInteger(cpus) || cpus < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return cpus;
}

function codemodOptionsHelp(): string {
  const lines = codemods.map((entry) => {
    const flags = entry.options.filter((option) => option.setByCli !== true).map((option) => `--${option.name}`);
    return `  ${entry.slug}: ${flags.join(' ')}`;
  });
  return `\nCodemod options (docs/codemods/<name>.md):\n${lines.join('\n')}\n`;
}
