import { Option, type Command } from 'commander';

import type { ConfigName } from '../init/index.js';

/** Exit code when `init` refuses to touch the repository (legacy ESLint config, a config it cannot edit). */
const EXIT_REFUSED = 1;

interface InitCommandOptions {
  dry?: boolean;
  config: ConfigName;
  hook: boolean;
}

/** `hardening init`: add the plugin to eslint.config.* and a pre-commit hook. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Add hardening to eslint.config.* and set up a lint-staged pre-commit hook.')
    .option('--dry', 'print the changes (diffs) without writing anything')
    .addOption(new Option('--config <name>', 'the hardening config to add').choices(['recommended', 'strict', 'type-checked']).default('recommended'))
    .option('--no-hook', 'leave lint-staged and the pre-commit hook alone')
    .action(async (options: InitCommandOptions) => {
      // Loaded on use: the config editor brings jscodeshift.
      const { InitRefusal, applyInit, formatPlan, planInit } = await import('../init/index.js');
      const root = process.cwd();
      try {
        const plan = planInit(root, { config: options.config, hook: options.hook });
        if (options.dry !== true) applyInit(root, plan);
        process.stdout.write(formatPlan(plan, options.dry === true));
      } catch (error) {
        if (!(error instanceof InitRefusal)) throw error;
        process.stderr.write(`hardening init: ${error.message}\n`);
        process.exitCode = EXIT_REFUSED;
      }
    });
}
