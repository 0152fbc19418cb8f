/**
 * Package knowledge shared by rules and the CLI's project checks: what starts a server, what
 * handles shutdown, which SDKs hold a client of their own. Matched through import and `require`
 * tracking (`modules.ts`), never against local names.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from './ast.js';
import { CALL, CONSTRUCT, isLocalModule, resolveImportBinding, type TraceMap, type TraceNode } from './modules.js';

/** What creates a server that `listen()` starts. */
export const SERVER_MAP: TraceMap<true> = {
  express: { [CALL]: true, default: { [CALL]: true } },
  http: { createServer: { [CALL]: true }, Server: { [CONSTRUCT]: true } },
  https: { createServer: { [CALL]: true }, Server: { [CONSTRUCT]: true } },
  http2: { createServer: { [CALL]: true }, createSecureServer: { [CALL]: true } },
  fastify: { [CALL]: true, default: { [CALL]: true }, fastify: { [CALL]: true } },
  koa: { [CONSTRUCT]: true, default: { [CONSTRUCT]: true } },
  '@nestjs/core': { NestFactory: { create: { [CALL]: true }, createMicroservice: { [CALL]: true } } },
};

/** Names an app or server built in another file of the project usually has. */
const APP_NAME = /^(?:app|application|server|httpServer|httpsServer)$/u;

/**
 * Whether `node` is an app or server imported from a module of the project
 * (`import app from './app'`): the receiver of an entry file's `app.listen(PORT)`. The name is
 * only a hint; the binding must come from a local module.
 */
export function isImportedLocalApp(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const target = unwrapExpression(node);
  if (target.type !== AST_NODE_TYPES.Identifier || !APP_NAME.test(target.name)) return false;
  const binding = resolveImportBinding(target, scope);
  return binding !== undefined && isLocalModule(binding.source);
}

/** `process.on(…)` and its siblings. */
export const PROCESS_LISTENERS: TraceNode<true> = Object.fromEntries(
  ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'].map((name) => [name, { [CALL]: true }]),
);

/** Packages that close the server on a signal (or exist to help do it). */
export const SHUTDOWN_MODULES: readonly string[] = [
  '@godaddy/terminus',
  'http-terminator',
  'stoppable',
  'lightship',
  'close-with-grace',
  'http-graceful-shutdown',
  'exit-hook',
  'async-exit-hook',
  'fastify-graceful-shutdown',
];

/** Calls and local modules that say shutdown is handled: `enableShutdownHooks()`, `setupGracefulShutdown(server)`. */
export const SHUTDOWN_NAME = /shutdown|graceful|terminus|terminator/iu;

/** SDK clients: each holds its own HTTP agent, retry and timeout settings. */
export const SDK_CLIENTS: TraceMap<true> = {
  openai: { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, OpenAI: { [CONSTRUCT]: true }, AzureOpenAI: { [CONSTRUCT]: true } },
  '@anthropic-ai/sdk': { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, Anthropic: { [CONSTRUCT]: true } },
  '@google/generative-ai': { GoogleGenerativeAI: { [CONSTRUCT]: true } },
  '@google/genai': { GoogleGenAI: { [CONSTRUCT]: true } },
  'groq-sdk': { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, Groq: { [CONSTRUCT]: true } },
  '@mistralai/mistralai': { Mistral: { [CONSTRUCT]: true } },
};

/**
 * Database and Redis client roles (as the data-access model names creations) that open
 * connections: not models, repositories or transactions.
 */
export const CONNECTION_ROLES: ReadonlySet<string> = new Set(['pool', 'client', 'db', 'dataSource']);

/** Files whose clients are their own business: one-shot scripts, seeds, migrations. */
export const SCRIPT_FILES: readonly string[] = ['**/scripts/**', '**/bin/**', '**/seed.{ts,js,mts,cts,mjs,cjs}', '**/seeds/**', '**/migrations/**'];
