import {
  findListedWord,
  handlerChecksAuth,
  handlerLimitsRate,
  isAuthName,
  isRateLimiterName,
  nameWords,
  routePathWords,
} from '../../src/util/route-guards.js';
import { getRouteModel, middlewareChainInFile, nextRoutePath } from '../../src/util/routes.js';
import { probe } from './probe.js';

describe('middleware names', () => {
  it('splits names and joins neighbouring words', () => {
    expect(nameWords('ensureLoggedIn')).toEqual(['ensure', 'logged', 'in', 'ensurelogged', 'loggedin']);
  });

  it.each(['rateLimit', 'authLimiter', 'loginRateLimiter', 'express-slow-down', 'ThrottlerGuard', 'Throttle', 'rate-limiter-flexible', 'express-brute'])(
    '%s is a rate limiter',
    (name) => expect(isRateLimiterName(name)).toBe(true),
  );
  it.each(['SkipThrottle', 'limit', 'bodyParser', 'pLimit', 'express-rate'])('%s is not a rate limiter', (name) => expect(isRateLimiterName(name)).toBe(false));

  it.each(['requireAuth', 'isAuthenticated', 'ensureLoggedIn', 'passport.authenticate', 'requireAdmin', 'requireRole', 'verifyToken', 'JwtAuthGuard', 'RolesGuard', 'protect', 'auth', 'express-jwt'])(
    '%s is auth',
    (name) => expect(isAuthName(name)).toBe(true),
  );
  it.each(['loginRateLimiter', 'ThrottlerGuard', 'csrfProtection', 'validateAuthor', 'authRouter', 'Public', 'session', 'gate'])('%s is not auth', (name) =>
    expect(isAuthName(name)).toBe(false),
  );
  it('takes extra names', () => expect(isAuthName('gate', ['gate'])).toBe(true));
});

describe('route words', () => {
  it('reads static segments only', () => {
    expect(routePathWords('/invites/:token/accept')).toEqual(['invites', 'accept']);
    expect(routePathWords('/api/[token]/sign-in')).toEqual(['api', 'sign', 'in', 'signin']);
  });
  it('finds listed words in path order, then pairs', () => {
    expect(findListedWord(routePathWords('/otp/verify'))).toBe('otp');
    expect(findListedWord(routePathWords('/auth/refresh'))).toBe('auth+refresh');
    expect(findListedWord(routePathWords('/feeds/refresh'))).toBeUndefined();
    expect(findListedWord(routePathWords('/authors'))).toBeUndefined();
  });
});

function checks(code: string, filename = 'routes.ts'): string[] {
  return probe(
    code,
    (context) => ({
      Program() {
        const model = getRouteModel(context);
        for (const route of model.routes) {
          const chain = middlewareChainInFile(model, route).map((node) => model.middlewareNames(node)[0] ?? '?');
          const flags = [handlerChecksAuth(route.handlerFunction) ? 'auth' : '', handlerLimitsRate(route.handlerFunction) ? 'limit' : ''].filter(Boolean);
          context.report({ node: route.node, messageId: 'found', data: { text: `${route.path ?? nextRoutePath(context.filename) ?? '?'} [${chain.join(',')}] ${flags.join(',')}`.trim() } });
        }
      },
    }),
    filename,
  );
}

describe('routes.ts additions', () => {
  it('follows a router to where it is mounted in the same file', () => {
    expect(
      checks(
        [
          "import express, { Router } from 'express';",
          'const app = express();',
          'const api = Router();',
          'app.use(rateLimit());',
          "app.use('/admin', requireAdmin);",
          "api.post('/a', (req, res) => { if (!req.user) return res.sendStatus(401); });",
          "app.use('/api', requireAuth, api, audit);",
        ].join('\n'),
      ),
    ).toEqual(['6:1 /a [rateLimit,requireAuth] auth']);
  });

  it('sees handler checks: limiter calls, auth calls, 401/403, auth exceptions', () => {
    expect(
      checks(
        [
          "import express from 'express';",
          'const app = express();',
          "app.post('/a', async (req, res) => { await limiter.consume(req.ip); });",
          "app.post('/b', async (req, res) => { const s = await getServerSession(); });",
          "app.post('/c', async (req, res) => { throw new ForbiddenException(); });",
          "app.post('/d', async (req, res) => { await db.updateRole(1); res.status(400).end(); });",
        ].join('\n'),
      ),
    ).toEqual(['3:1 /a [] limit', '4:1 /b [] auth', '5:1 /c [] auth', '6:1 /d []']);
  });

  it.each([
    ['app/api/auth/login/route.ts', '/api/auth/login'],
    ['src/app/(shop)/api/items/[id]/route.tsx', '/api/items/[id]'],
    ['app/route.ts', '/'],
    ['pages/api/users/index.ts', '/api/users'],
    ['pages/api/auth/forgot-password.js', '/api/auth/forgot-password'],
    ['server/routes.ts', undefined],
  ] as const)('%s is served at %s', (filename, expected) => {
    expect(nextRoutePath(filename)).toBe(expected);
  });
});
