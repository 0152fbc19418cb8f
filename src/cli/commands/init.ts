import type { Command } from 'commander';

/** `hardening init`: add the plugin to eslint.config.* and a pre-commit hook. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Add hardening to eslint.config.* and set up a lint-staged pre-commit hook.')
    .action(() => {
      throw new Error('not implemented yet');
    });
}
