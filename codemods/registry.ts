/**
 * How the CLI turns a `--name value` flag into the value the transform reads: `list` is a comma
 * list (`--functions a,b` → `["a", "b"]`), `map` a comma list of `key=value` pairs or a JSON object.
 */
export type CodemodOptionType = 'string' | 'boolean' | 'number' | 'list' | 'map';

/** One option of a transform, as its docs page lists it. */
export interface CodemodOption {
  name: string;
  type: CodemodOptionType;
  /** Set by the `hardening codemod` command itself (`dry` from `--dry`/`--print`, `files` from the paths): not a flag. */
  setByCli?: true;
}

/** Every codemod of the pack: used by the CLI (`hardening codemod --list`) and the docs. */
export interface CodemodEntry {
  /** The name users type: `hardening codemod <slug> src/`. */
  slug: string;
  title: string;
  description: string;
  /** Module path of the transform, relative to this file. */
  module: string;
  /**
   * `file`: each file is transformed on its own, so files can be spread over worker threads.
   * `project`: the transform plans over every file of the run (or writes shared modules), so the
   * CLI runs it on one thread.
   */
  scope: 'file' | 'project';
  /** Every option of the transform, the names its docs page lists under Options. */
  options: readonly CodemodOption[];
}

const dry: CodemodOption = { name: 'dry', type: 'boolean', setByCli: true };
const root: CodemodOption = { name: 'root', type: 'string' };

export const codemods: readonly CodemodEntry[] = [
  {
    slug: 'async-handler',
    title: 'Wrap async Express handlers',
    description:
      'Wraps async Express handlers and middleware in asyncHandler(…), removes try/catch blocks whose catch only logs and sends a 500, creates middleware/asyncHandler.ts when missing and adds the import.',
    module: './async-handler.js',
    scope: 'file',
    options: [{ name: 'helperPath', type: 'string' }, root, dry],
  },
  {
    slug: 'console-to-logger',
    title: 'Console to structured logger',
    description:
      'Replaces console.log/info/warn/error/debug in server code with a structured logger (pino by default): template values become fields, errors go under err; creates the logger module when missing and adds the import.',
    module: './console-to-logger.js',
    scope: 'file',
    options: [root, { name: 'loggerModule', type: 'string' }, { name: 'loggerName', type: 'string' }, dry],
  },
  {
    slug: 'shared-client',
    title: 'Share one SDK / database client',
    description:
      "Moves scattered module-level new OpenAI / Anthropic / PrismaClient / pg Pool / Redis clients into one config module exporting a single instance, and imports it everywhere; changes nothing and reports when the instances' options differ.",
    module: './shared-client.js',
    scope: 'project',
    options: [
      { name: 'preset', type: 'string' },
      root,
      { name: 'modulePath', type: 'string' },
      { name: 'exportName', type: 'string' },
      { name: 'importExtension', type: 'string' },
      { name: 'files', type: 'list', setByCli: true },
      dry,
    ],
  },
  {
    slug: 'split-routes',
    title: 'Split a routes file by domain',
    description:
      'Splits a registerRoutes(app) function or a top-level Router (ES modules or CommonJS) into routes/<domain> modules grouped by path prefix, with routes/index registering them in the original order, per-module imports, shared helpers in routes/shared, and the original file kept as a re-export.',
    module: './split-routes.js',
    scope: 'project',
    options: [
      root,
      { name: 'outDir', type: 'string' },
      { name: 'prefix', type: 'string' },
      { name: 'groups', type: 'map' },
      { name: 'fallback', type: 'string' },
      { name: 'functions', type: 'list' },
      dry,
    ],
  },
  {
    slug: 'wrap-transaction',
    title: 'Wrap multiple writes in a transaction',
    description:
      'Runs two or more database writes of one function in one transaction: prisma.$transaction(async (tx) => …), Drizzle db.transaction(async (tx) => …), or a pg withTransaction(pool, async (client) => …) helper created when missing; the client becomes the transaction handle inside.',
    module: './wrap-transaction.js',
    scope: 'file',
    options: [{ name: 'helperPath', type: 'string' }, root, dry],
  },
];
