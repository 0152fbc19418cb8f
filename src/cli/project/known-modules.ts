/**
 * Package knowledge of the project checks. Each list is matched against import and `require`
 * specifiers (never against local names), so a local `function rateLimit() {}` is not a limiter.
 */
import { CALL, CONSTRUCT, READ, type TraceMap, type TraceNode } from '../../util/modules.js';

/** Packages whose import means a request rate limiter is in use. */
export const RATE_LIMITER_MODULES: readonly string[] = [
  'express-rate-limit',
  'express-slow-down',
  'rate-limiter-flexible',
  'express-brute',
  'express-limiter',
  '@upstash/ratelimit',
  '@fastify/rate-limit',
  'fastify-rate-limit',
  'koa-ratelimit',
  'hono-rate-limiter',
  'nestjs-rate-limiter',
];

/**
 * @nestjs/throttler limits only through its guard (`APP_GUARD` + `ThrottlerGuard`, `@UseGuards`)
 * and module; its `@Throttle()` decorator alone configures a guard that may not be there.
 */
export const THROTTLER_MAP: TraceMap<string> = {
  '@nestjs/throttler': { ThrottlerGuard: { [READ]: '@nestjs/throttler' }, ThrottlerModule: { [READ]: '@nestjs/throttler' } },
};

export const HELMET_MODULES: readonly string[] = ['helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet'];

/**
 * Packages that close the server on a signal. Mirrors the private list of
 * `require-graceful-shutdown` (to be shared from `src/util` once exported).
 */
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

/** Calls that say shutdown is handled: `app.enableShutdownHooks()`, `createTerminus(…)`, `setupGracefulShutdown(server)`. */
export const SHUTDOWN_CALL = /shutdown|graceful|terminus|terminator/iu;

export const SIGNALS: readonly string[] = ['SIGTERM', 'SIGINT'];

export const PROCESS_LISTENERS: TraceNode<true> = Object.fromEntries(
  ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'].map((name) => [name, { [CALL]: true }]),
);

/** Apps the project checks are about. */
export const APP_MAP: TraceMap<'express' | 'nest'> = {
  express: { [CALL]: 'express', default: { [CALL]: 'express' } },
  '@nestjs/core': { NestFactory: { create: { [CALL]: 'nest' } } },
};

/** What creates a server that `listen()` starts (as `require-graceful-shutdown` sees it). */
export const SERVER_MAP: TraceMap<true> = {
  express: { [CALL]: true, default: { [CALL]: true } },
  http: { createServer: { [CALL]: true }, Server: { [CONSTRUCT]: true } },
  https: { createServer: { [CALL]: true }, Server: { [CONSTRUCT]: true } },
  http2: { createServer: { [CALL]: true }, createSecureServer: { [CALL]: true } },
  fastify: { [CALL]: true, default: { [CALL]: true }, fastify: { [CALL]: true } },
  koa: { [CONSTRUCT]: true, default: { [CONSTRUCT]: true } },
  '@nestjs/core': { NestFactory: { create: { [CALL]: true }, createMicroservice: { [CALL]: true } } },
};

/**
 * SDK clients, each holding its own HTTP agent, retries and timeouts. Mirrors the private map of
 * `no-scattered-client` (database clients come from the shared data-access model).
 */
export const SDK_CLIENTS: TraceMap<true> = {
  openai: { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, OpenAI: { [CONSTRUCT]: true }, AzureOpenAI: { [CONSTRUCT]: true } },
  '@anthropic-ai/sdk': { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, Anthropic: { [CONSTRUCT]: true } },
  '@google/generative-ai': { GoogleGenerativeAI: { [CONSTRUCT]: true } },
  '@google/genai': { GoogleGenAI: { [CONSTRUCT]: true } },
  'groq-sdk': { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, Groq: { [CONSTRUCT]: true } },
  '@mistralai/mistralai': { Mistral: { [CONSTRUCT]: true } },
  stripe: { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, Stripe: { [CONSTRUCT]: true } },
  mongodb: { MongoClient: { [CONSTRUCT]: true } },
};

/** Database client roles that hold connections (not models, repositories or transactions). */
export const CONNECTION_ROLES: ReadonlySet<string> = new Set(['pool', 'client', 'db', 'dataSource']);

/** Files whose clients are their own business: one-shot scripts, seeds, migrations. */
export const CLIENT_IGNORE_FILES: readonly string[] = ['**/scripts/**', '**/bin/**', '**/seed.{ts,js,mts,cts,mjs,cjs}', '**/seeds/**', '**/migrations/**'];

/** Redis commands that need a connection of their own: a subscriber is a second client on purpose. */
export const SUBSCRIBE_METHODS: ReadonlySet<string> = new Set(['subscribe', 'psubscribe', 'ssubscribe']);

/** Path segments of health routes; the weak ones count only on short paths (`/ping`, `/api/status`). */
const HEALTH_SEGMENTS = new Set(['health', 'healthz', 'healthcheck', 'health-check', 'healthchecks', 'livez', 'readyz', 'liveness', 'readiness']);
const SHORT_HEALTH_SEGMENTS = new Set(['ping', 'status', 'live', 'ready', 'heartbeat', 'alive']);

export function isHealthPath(path: string): boolean {
  // Parameters stay in the count: `/books/:id/status` is a resource's status, not a probe.
  const segments = path
    .split('/')
    .map((segment) => segment.toLowerCase())
    .filter((segment) => segment !== '');
  if (segments.some((segment) => HEALTH_SEGMENTS.has(segment))) return true;
  const last = segments[segments.length - 1];
  return segments.length <= 2 && last !== undefined && SHORT_HEALTH_SEGMENTS.has(last);
}
