/** Every codemod of the pack: used by the CLI (`hardening codemod --list`) and the docs. */
export interface CodemodEntry {
  /** The name users type: `hardening codemod <slug> src/`. */
  slug: string;
  title: string;
  description: string;
  /** Module path of the transform, relative to this file. */
  module: string;
}

export const codemods: readonly CodemodEntry[] = [
  {
    slug: 'async-handler',
    title: 'Wrap async Express handlers',
    description:
      'Wraps async Express handlers and middleware in asyncHandler(…), removes try/catch blocks whose catch only logs and sends a 500, creates middleware/asyncHandler.ts when missing and adds the import.',
    module: './async-handler.js',
  },
  {
    slug: 'console-to-logger',
    title: 'Console to structured logger',
    description:
      'Replaces console.log/info/warn/error/debug in server code with a structured logger (pino by default): template values become fields, errors go under err; creates the logger module when missing and adds the import.',
    module: './console-to-logger.js',
  },
  {
    slug: 'shared-client',
    title: 'Share one SDK / database client',
    description:
      "Moves scattered module-level new OpenAI / Anthropic / PrismaClient / pg Pool / Redis clients into one config module exporting a single instance, and imports it everywhere; changes nothing and reports when the instances' options differ.",
    module: './shared-client.js',
  },
  {
    slug: 'split-routes',
    title: 'Split a routes file by domain',
    description:
      'Splits a registerRoutes(app) function or a top-level Router into routes/<domain>.ts modules grouped by path prefix, with routes/index.ts registering them in the original order, per-module imports, shared helpers in routes/shared.ts, and the original file kept as a re-export.',
    module: './split-routes.js',
  },
  {
    slug: 'wrap-transaction',
    title: 'Wrap multiple writes in a transaction',
    description:
      'Runs two or more database writes of one function in one transaction: prisma.$transaction(async (tx) => …), Drizzle db.transaction(async (tx) => …), or a pg withTransaction(pool, async (client) => …) helper created when missing; the client becomes the transaction handle inside.',
    module: './wrap-transaction.js',
  },
];
