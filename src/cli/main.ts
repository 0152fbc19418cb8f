#!/usr/bin/env node
// The `hardening` command: `audit`, `codemod`, `init`. Each command lives in ./commands and adds
// itself to the program; this file only handles what they share (version, usage errors, exit codes).
import { Command, CommanderError } from 'commander';

import { registerAudit } from './commands/audit.js';
import { registerCodemod } from './commands/codemod.js';
import { registerInit } from './commands/init.js';
import { UsageError, exitCodes } from './errors.js';

declare const __PACKAGE_VERSION__: string | undefined;

export function createProgram(): Command {
  const program = new Command('hardening')
    .description('Production-hardening checks and codemods for Node/TypeScript backends.')
    .version(typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-dev')
    .showSuggestionAfterError(true)
    .exitOverride()
    // Commander's own usage errors are printed once, by `run` below, as one line.
    .configureOutput({ outputError: () => undefined });
  registerAudit(program);
  registerCodemod(program);
  registerInit(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ outputError: () => undefined });
  return program;
}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
      process.stderr.write(`hardening: ${error.message.replace(/^error: /u, '').split('\n')[0]}\n`);
      return exitCodes.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`hardening: ${error.message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}

process.exitCode = await run(process.argv.slice(2));
