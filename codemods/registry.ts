/** Every codemod of the pack: used by the CLI (`hardening codemod --list`) and the docs. */
export interface CodemodEntry {
  /** The name users type: `hardening codemod <slug> src/`. */
  slug: string;
  title: string;
  description: string;
  /** Module path of the transform, relative to this file. */
  module: string;
}

export const codemods: readonly CodemodEntry[] = [];
