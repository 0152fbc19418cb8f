/** What `hardening init` would do: computed in full before anything is written. */

export interface FileChange {
  /** Path relative to the repository root, `/`-separated. */
  file: string;
  /** The current content; `undefined` when the file is created. */
  before: string | undefined;
  after: string;
  /** One line each: what the change does. */
  what: string[];
  /** Permission bits for a created file (hooks are executable). */
  mode?: number;
}

/** A refusal: nothing is written and the command exits with 1. */
export class InitRefusal extends Error {
  override readonly name = 'InitRefusal';
}
