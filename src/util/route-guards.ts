/**
 * What protects a route: rate limiters and authentication, recognised by name (the names the
 * route model gives a middleware: callee, dotted name, the module it comes from, what a local
 * `const limiter = rateLimit()` was built with) and by the checks a handler makes itself.
 *
 * Names are split into lower-case words (`authRateLimiter` → auth, rate, limiter; `ensure-logged-in`
 * → ensure, logged, in) and every two neighbouring words are also joined (`rate limiter` →
 * `ratelimiter`, `logged in` → `loggedin`), then matched word by word, so `authorName` never counts
 * as `auth` and `rateLimit` counts as well as `ratelimit`. The lists are documented in the docs of
 * `require-rate-limit` and `require-route-auth`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getDottedName, getMemberName, isFunctionNode, someNode, unwrapExpression } from './ast.js';
import { splitWords } from './names.js';

/** Words of rate limiters and throttlers (express-rate-limit, express-slow-down, rate-limiter-flexible, @nestjs/throttler, express-brute, @upstash/ratelimit). */
export const RATE_LIMIT_WORDS: readonly string[] = [
  'ratelimit',
  'ratelimits',
  'ratelimiter',
  'ratelimiters',
  'ratelimiting',
  'ratelimited',
  'limiter',
  'limiters',
  'throttle',
  'throttler',
  'throttled',
  'throttling',
  'slowdown',
  'brute',
  'bruteforce',
];

/** Words of authentication and authorization middleware, guards and checks. */
export const AUTH_WORDS: readonly string[] = [
  'auth',
  'authn',
  'authz',
  'authed',
  'authenticate',
  'authenticated',
  'authentication',
  'authorize',
  'authorized',
  'authorization',
  'authorise',
  'authorised',
  'jwt',
  'bearer',
  'apikey',
  'loggedin',
  'signedin',
  'loginrequired',
  'requirelogin',
  'requireuser',
  'requiresession',
  'requiresignin',
  'requirescope',
  'requirescopes',
  'verifytoken',
  'validatetoken',
  'checktoken',
  'requiretoken',
  'admin',
  'superuser',
  'role',
  'roles',
  'permission',
  'permissions',
  'protect',
  'protected',
  'guard',
];

/**
 * Words that stop a name from counting as auth: limiters (`loginRateLimiter`, `ThrottlerGuard`),
 * CSRF protection (`CsrfGuard`), and routers or controllers mounted as middleware (`authRouter`).
 */
const NOT_AUTH_WORDS = new Set([...RATE_LIMIT_WORDS, 'csrf', 'xsrf', 'router', 'routes', 'routers', 'controller', 'controllers', 'skip', 'public']);

/**
 * Words that make a middleware auth but are too common in ordinary calls inside a handler
 * (`db.updateRole()`, `admin.firestore()`) to prove a check there.
 */
const MIDDLEWARE_ONLY_AUTH_WORDS = new Set(['admin', 'superuser', 'role', 'roles', 'permission', 'permissions', 'protect', 'protected', 'guard']);

/** Calls inside a handler that read the signed-in user (Next.js, Clerk, Lucia, Supabase…), beyond {@link AUTH_WORDS}. */
const HANDLER_AUTH_CALLS = ['getServerSession', 'getServerAuthSession', 'getToken', 'currentUser', 'getCurrentUser', 'validateRequest', 'isAuthenticated'];

/** Errors and status names that reject an unauthenticated or unauthorised request. */
const AUTH_REJECTIONS = ['UnauthorizedException', 'ForbiddenException', 'UnauthorizedError', 'ForbiddenError', 'AuthenticationError', 'UNAUTHORIZED', 'FORBIDDEN'];
const AUTH_STATUS_CODES = [401, 403];
const STATUS_SETTERS = ['status', 'sendStatus', 'writeHead', 'createError', 'httpError', 'HttpException'];
const STATUS_KEYS = ['status', 'statusCode'];

/** The words of a name plus every two neighbouring words joined: `ensureLoggedIn` → ensure, logged, in, ensurelogged, loggedin. */
export function nameWords(name: string): string[] {
  const words = splitWords(name);
  const joined: string[] = [];
  for (let index = 0; index + 1 < words.length; index += 1) joined.push(`${words[index] ?? ''}${words[index + 1] ?? ''}`);
  return [...words, ...joined];
}

/** Whether a middleware name denotes a rate limiter or throttler (`authLimiter`, `rateLimit`, `express-slow-down`, `ThrottlerGuard`); never `SkipThrottle`. */
export function isRateLimiterName(name: string, extraNames: readonly string[] = []): boolean {
  if (extraNames.includes(name)) return true;
  const words = nameWords(name);
  if (words.includes('skip')) return false;
  return words.some((word) => RATE_LIMIT_WORDS.includes(word));
}

/** Whether a middleware name denotes authentication or authorization (`requireAuth`, `passport.authenticate`, `JwtAuthGuard`, `requireRole`). */
export function isAuthName(name: string, extraNames: readonly string[] = []): boolean {
  if (extraNames.includes(name)) return true;
  const words = nameWords(name);
  if (words.some((word) => NOT_AUTH_WORDS.has(word))) return false;
  return words.some((word) => AUTH_WORDS.includes(word));
}

const SKIP_TYPES = { skipTypes: true } as const;

/**
 * Whether a handler (or an inline middleware) limits its own rate: it calls something named like a
 * limiter (`await limiter.consume(req.ip)`, `await ratelimit.limit(ip)`, `checkRateLimit(req)`).
 */
export function handlerLimitsRate(fn: TSESTree.Node | undefined, extraNames: readonly string[] = []): boolean {
  if (!fn || !isFunctionNode(fn)) return false;
  return someNode(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const dotted = getDottedName(node.callee);
    return dotted !== undefined && isRateLimiterName(dotted, extraNames);
  }, SKIP_TYPES);
}

/**
 * Whether a handler (or an inline middleware) checks who is calling: it calls something named like
 * auth (`req.isAuthenticated()`, `jwt.verify(…)`, `auth()`, `getServerSession()`,
 * `supabase.auth.getUser()`), or rejects with 401/403 (`res.status(401)`, `{ status: 403 }`,
 * `throw new UnauthorizedException()`).
 */
export function handlerChecksAuth(fn: TSESTree.Node | undefined, extraNames: readonly string[] = []): boolean {
  if (!fn || !isFunctionNode(fn)) return false;
  return someNode(fn.body, (node) => isAuthEvidence(node, extraNames), SKIP_TYPES);
}

function isAuthEvidence(node: TSESTree.Node, extraNames: readonly string[]): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const dotted = getDottedName(node.callee);
      const name = getCalleeName(node);
      if (name !== undefined && (HANDLER_AUTH_CALLS.includes(name) || extraNames.includes(name))) return true;
      if (dotted !== undefined && (isHandlerAuthCall(dotted, extraNames) || isSessionRead(dotted))) return true;
      return name !== undefined && STATUS_SETTERS.includes(name) && node.arguments.some((argument) => isAuthStatus(argument));
    }
    case AST_NODE_TYPES.NewExpression: {
      const name = getCalleeName(node);
      return name !== undefined && (AUTH_REJECTIONS.includes(name) || (STATUS_SETTERS.includes(name) && node.arguments.some((argument) => isAuthStatus(argument))));
    }
    case AST_NODE_TYPES.Property:
      return !node.computed && node.key.type === AST_NODE_TYPES.Identifier && STATUS_KEYS.includes(node.key.name) && isAuthStatus(node.value);
    case AST_NODE_TYPES.MemberExpression: {
      const name = getMemberName(node);
      return name !== undefined && AUTH_REJECTIONS.includes(name);
    }
    default:
      return false;
  }
}

function isHandlerAuthCall(dotted: string, extraNames: readonly string[]): boolean {
  if (extraNames.includes(dotted)) return true;
  const words = nameWords(dotted);
  if (words.some((word) => NOT_AUTH_WORDS.has(word))) return false;
  return words.some((word) => AUTH_WORDS.includes(word) && !MIDDLEWARE_ONLY_AUTH_WORDS.has(word));
}

/** `getSession()`, `getSessionUserWithRecord()`, `requireSession()`: a call that reads the signed-in session. */
function isSessionRead(dotted: string): boolean {
  const words = splitWords(dotted);
  return words.includes('session') && words.some((word) => ['get', 'require', 'validate', 'check', 'verify', 'ensure'].includes(word));
}

function isAuthStatus(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'number' && AUTH_STATUS_CODES.includes(target.value);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberName(target);
    return name !== undefined && AUTH_REJECTIONS.includes(name);
  }
  return false;
}

/**
 * Words of a route path or handler name that make it an authentication endpoint (login, sign-up,
 * password reset, one-time codes, tokens). `a+b` needs both words (`/auth/refresh`, not `/feeds/refresh`).
 */
export const AUTH_ROUTE_WORDS: readonly string[] = [
  'login',
  'signin',
  'logon',
  'signup',
  'register',
  'password',
  'passwd',
  'forgot',
  'otp',
  'totp',
  '2fa',
  'mfa',
  'twofactor',
  'verify',
  'verification',
  'token',
  'auth+refresh',
  'session+refresh',
  'magiclink',
  'passwordless',
];

/** The words of a route path's static segments; parameters (`:token`, `[id]`, `*`) name data, not the endpoint. */
export function routePathWords(path: string | undefined): string[] {
  if (path === undefined) return [];
  return path
    .split('/')
    .filter((segment) => segment !== '' && !segment.startsWith(':') && !/^\[.*\]$/u.test(segment) && segment !== '*')
    .flatMap((segment) => nameWords(segment));
}

interface CompiledWordList {
  entries: ReadonlySet<string>;
  pairs: readonly { entry: string; parts: readonly string[] }[];
}

/** Word lists come from options (frozen once per options value) or the defaults: compiled once per list. */
const compiledWordLists = new WeakMap<readonly string[], CompiledWordList>();

function compileWordList(list: readonly string[]): CompiledWordList {
  let compiled = compiledWordLists.get(list);
  if (!compiled) {
    const entries = list.map((entry) => entry.toLowerCase());
    compiled = {
      entries: new Set(entries),
      pairs: entries.filter((entry) => entry.includes('+')).map((entry) => ({ entry, parts: entry.split('+') })),
    };
    compiledWordLists.set(list, compiled);
  }
  return compiled;
}

/** The first of `words` (in order) that `list` names; else the first `a+b` entry whose words are all there. */
export function findListedWord(words: readonly string[], list: readonly string[] = AUTH_ROUTE_WORDS): string | undefined {
  const { entries, pairs } = compileWordList(list);
  for (const word of words) if (entries.has(word)) return word;
  for (const { entry, parts } of pairs) if (parts.every((part) => words.includes(part))) return entry;
  return undefined;
}
