/**
 * Package knowledge of the project checks. Each list is matched against import and `require`
 * specifiers (never against local names), so a local `function rateLimit() {}` is not a limiter.
 */
import { SCRIPT_FILES, SDK_CLIENTS as SHARED_SDK_CLIENTS } from '../../util/known-modules.js';
import { CALL, CONSTRUCT, READ, type TraceMap } from '../../util/modules.js';

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

export { CONNECTION_ROLES, PROCESS_LISTENERS, SERVER_MAP, SHUTDOWN_MODULES, SHUTDOWN_NAME as SHUTDOWN_CALL } from '../../util/known-modules.js';

export const SIGNALS: readonly string[] = ['SIGTERM', 'SIGINT'];

/** Apps the project checks are about. */
export const APP_MAP: TraceMap<'express' | 'nest'> = {
  express: { [CALL]: 'express', default: { [CALL]: 'express' } },
  '@nestjs/core': { NestFactory: { create: { [CALL]: 'nest' } } },
};

/** SDK clients of the shared list, plus SDKs that also count once per project (payments, MongoDB). */
export const SDK_CLIENTS: TraceMap<true> = {
  ...SHARED_SDK_CLIENTS,
  stripe: { [CONSTRUCT]: true, default: { [CONSTRUCT]: true }, Stripe: { [CONSTRUCT]: true } },
  mongodb: { MongoClient: { [CONSTRUCT]: true } },
};

/** Files whose clients are their own business: one-shot scripts, seeds, migrations. */
export const CLIENT_IGNORE_FILES: readonly string[] = SCRIPT_FILES;

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
