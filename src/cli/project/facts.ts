/**
 * Per-file facts of the project checks, as the facts rule reports them: one ESLint message per
 * fact, messageId `fact`, its text a compact JSON object. Messages are the only thing that comes
 * back from ESLint's worker threads, so the facts travel as messages.
 */

/** Which framework created an app. */
export type AppFramework = 'express' | 'nest';

export type Fact =
  /** `express()`, `NestFactory.create(…)`. */
  | { kind: 'app'; framework: AppFramework }
  /** `.listen(…)` on a server or app (not `listen(0)`). */
  | { kind: 'listen' }
  /** An import of a rate limiter package, or a read of @nestjs/throttler's guard or module. */
  | { kind: 'rateLimiter'; module: string }
  /** An import of helmet (or its Fastify/Koa flavour). */
  | { kind: 'helmet'; module: string }
  /**
   * An SDK or database client created: `client` as written (`new OpenAI()`), `key` groups the
   * creations of one client (module and role), `env` the environment variables its options read.
   */
  | { kind: 'client'; module: string; client: string; key: string; env: string[] }
  /** SIGTERM/SIGINT handling: a `process.on(signal)`, a shutdown call or package. */
  | { kind: 'shutdown'; via: string }
  /** A route or module that serves health checks. */
  | { kind: 'health'; path: string };

export type FactKind = Fact['kind'];

const KINDS: ReadonlySet<string> = new Set<FactKind>(['app', 'listen', 'rateLimiter', 'helmet', 'client', 'shutdown', 'health']);

export function encodeFact(fact: Fact): string {
  return JSON.stringify(fact);
}

/** The fact a message carries; undefined for text that is not one (never trusted blindly). */
export function decodeFact(text: string): Fact | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.has(kind) ? (value as Fact) : undefined;
}
