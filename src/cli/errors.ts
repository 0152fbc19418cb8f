/**
 * A mistake in how the CLI was called (unknown codemod, missing path, bad option value): printed as
 * one line `hardening: <message>` on stderr, exit code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes of every `hardening` command. */
export const exitCodes = {
  ok: 0,
  /** `audit`: at least one error-severity finding. */
  findings: 1,
  usage: 2,
} as const;
