import type { Command } from 'commander';

/** `hardening codemod <name> <paths…>`: run one codemod of the pack. */
export function registerCodemod(program: Command): void {
  program
    .command('codemod')
    .description('Run one codemod of the pack over files or directories.')
    .argument('[name]', 'codemod name (see --list)')
    .argument('[paths...]', 'files or directories')
    .action(() => {
      throw new Error('not implemented yet');
    });
}
