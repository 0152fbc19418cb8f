import type { Command } from 'commander';

/** `hardening audit [paths…]`: lint a repository with the plugin's own config. */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('Lint a repository with hardening.configs.recommended (no ESLint setup needed) and print a summary.')
    .argument('[paths...]', 'files or directories to audit', ['.'])
    .action(() => {
      throw new Error('not implemented yet');
    });
}
