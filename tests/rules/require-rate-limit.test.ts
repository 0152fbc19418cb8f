import rule from '../../src/rules/require-rate-limit.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-rate-limit', rule, {
  valid: [
    // The seed's fix (000 #9): a strict limiter mounted on /auth before the auth routes.
    `
import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const apiLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 100 });
const authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, max: 5 });
const uploadLimiter = rateLimit({ windowMs: 60 * 60 * 1000, max: 10 });
app.use('/api/', apiLimiter);
app.use('/auth/', authLimiter);
app.use('/api/admin/books/upload', uploadLimiter);
app.post('/auth/login', (req, res) => res.json({}));
app.post('/api/admin/books/upload', (req, res) => res.json({}));
`,
    // A limiter in the route's own chain (named import, as in 001).
    `
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
const router = Router();
const loginLimiter = rateLimit({ max: 5 });
router.post('/login', loginLimiter, async (req, res) => {});
`,
    // A global limiter registered before the routes (CommonJS).
    {
      code: `
const express = require('express');
const rateLimit = require('express-rate-limit');
const app = express();
app.use(rateLimit({ windowMs: 60_000, max: 100 }));
app.post('/signup', (req, res) => res.sendStatus(201));
`,
      filename: 'server.cjs',
    },
    // A router mounted after a global limiter in the same file.
    `
import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.use(rateLimit({ max: 100 }));
const auth = express.Router();
auth.post('/login', (req, res) => res.json({}));
app.use('/auth', auth);
`,
    // Seed 002 C.3, fixed: the recovery-code route has requireAuth and the login limiter.
    `
export function registerRoutes(app: Express) {
  app.post("/api/totp/validate-recovery",
    requireAuth,
    loginRateLimiter,
    async (req, res) => { res.json({ ok: true }); }
  );
}
`,
    // Ordinary writes, logout, and words that merely contain an auth word.
    `
import { Router } from 'express';
const router = Router();
router.post('/topics', (req, res) => res.json({}));
router.post('/logout', (req, res) => res.sendStatus(204));
router.post('/authors', (req, res) => res.json({}));
router.post('/tokenizer/run', (req, res) => res.json({}));
router.post('/feeds/refresh', (req, res) => res.json({}));
router.post('/registry/items', (req, res) => res.json({}));
`,
    // GET routes render pages and list things: no credentials are tried there.
    `
import { Router } from 'express';
const router = Router();
router.get('/login', (req, res) => res.render('login'));
router.get('/tokens/list', requireAuth, (req, res) => res.json([]));
`,
    // A route parameter named token names data, not the endpoint.
    `
import { Router } from 'express';
const router = Router();
router.post('/invites/:token/accept', requireAuth, (req, res) => res.json({}));
`,
    // HTTP clients and maps with the same method names are not routes.
    `
import axios from 'axios';
await axios.post('/api/login', { email, password });
client.post('/auth/signup', body);
const cache = new Map();
cache.delete('/login', 1);
`,
    // express-slow-down under another name, and rate-limiter-flexible inside the handler.
    `
import express from 'express';
import slow from 'express-slow-down';
import { RateLimiterMemory } from 'rate-limiter-flexible';
const app = express();
const speed = slow({ delayAfter: 3 });
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
app.post('/password/forgot', speed, (req, res) => res.sendStatus(202));
app.post('/otp/verify', async (req, res) => {
  await limiter.consume(req.ip);
  res.json({});
});
`,
    // Upload routes with a limiter, a text-only multipart form, and uploads turned off by option.
    `
import { Router } from 'express';
import multer from 'multer';
const router = Router();
const upload = multer({ dest: '/tmp', limits: { fileSize: 1e6 } });
router.post('/books', uploadLimiter, upload.single('pdf'), (req, res) => res.json({}));
router.post('/contact', upload.none(), (req, res) => res.json({}));
`,
    {
      code: `
import { Router } from 'express';
const router = Router();
router.post('/files/upload', (req, res) => res.json({}));
`,
      options: [{ checkUploads: false }],
    },
    // NestJS: a throttler guard on the class, @Throttle on the method, or a global guard.
    {
      code: `
import { Controller, Post, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  @Post('login') login() {}
}
@Controller('account')
export class AccountController {
  @Post('password/reset')
  @Throttle({ default: { limit: 3, ttl: 60_000 } })
  resetPassword() {}
}
`,
      filename: 'auth.controller.ts',
    },
    {
      code: `
@Controller('auth')
export class AuthController {
  @Post('login') login() {}
  @Post('register') @SkipThrottle({ default: false }) register() {}
}
`,
      filename: 'auth.controller.ts',
      options: [{ globalThrottler: true }],
    },
    // Next.js: a limiter wrapper, an in-handler Upstash check, and a preset named by option (004).
    {
      code: `export const POST = withRateLimit(async (request: Request) => Response.json({}));`,
      filename: 'app/api/auth/login/route.ts',
    },
    {
      code: `
import { Ratelimit } from '@upstash/ratelimit';
const ratelimit = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(5, '60 s') });
export async function POST(request: Request) {
  const { success } = await ratelimit.limit(request.headers.get('x-forwarded-for') ?? 'anon');
  if (!success) return new Response('Too many requests', { status: 429 });
  return Response.json({});
}
`,
      filename: 'app/api/auth/signup/route.ts',
    },
    {
      code: `export const POST = MiddlewarePresets.auth(async (req, context) => ({ ok: true }));`,
      filename: 'app/api/auth/login/route.ts',
      options: [{ limiters: ['MiddlewarePresets.auth'] }],
    },
  ],
  invalid: [
    {
      code: `
import express from 'express';
const app = express();
app.post('/login', async (req, res) => {
  res.json({});
});
`,
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /login', reason: '`login` in its path' }, line: 4, column: 1, endLine: 4, endColumn: 18 }],
    },
    // Destructured require of Router, CommonJS.
    {
      code: `
const { Router } = require('express');
const router = Router();
router.post('/sign-up', (req, res) => res.sendStatus(201));
module.exports = router;
`,
      filename: 'routes/auth.cjs',
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /sign-up', reason: '`signup` in its path' }, line: 4, column: 1, endColumn: 23 }],
    },
    // The handler's name tells what the endpoint does.
    {
      code: `
import * as ex from 'express';
const router = ex.Router();
router.post('/sessions', asyncHandler(authController.login));
`,
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /sessions', reason: 'its handler `authController.login`' }, line: 4, column: 1 }],
    },
    // The seed's upload route (000 #9): multer in the chain, no limiter in this file.
    {
      code: `
import { Router } from 'express';
import multer from 'multer';
const router = Router();
const upload = multer({ dest: '/var/lib/books', limits: { fileSize: 1e8 } });
router.post('/books', requireAdmin, upload.single('pdf'), async (req, res) => {});
`,
      errors: [{ messageId: 'missingUploadRateLimit', data: { route: 'POST /books', reason: 'multer in its chain' }, line: 6, column: 1, endColumn: 21 }],
    },
    // multer under another name, required.
    {
      code: `
const express = require('express');
const uploader = require('multer');
const app = express();
const files = uploader({ dest: 'tmp/' });
app.put('/avatar', files.array('images', 4), (req, res) => res.end());
`,
      filename: 'server.js',
      errors: [{ messageId: 'missingUploadRateLimit', line: 6, column: 1 }],
    },
    // A limiter mounted after the route, or on another path, does not run before it.
    {
      code: `
import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.post('/api/files/upload', (req, res) => res.end());
app.use(rateLimit());
app.use('/api', rateLimit({ max: 100 }));
app.post('/auth/password/forgot', (req, res) => res.end());
`,
      errors: [
        { messageId: 'missingUploadRateLimit', data: { route: 'POST /api/files/upload', reason: '`upload` in its path' }, line: 5, column: 1 },
      ],
    },
    {
      code: `
import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.use('/api', rateLimit({ max: 100 }));
app.post('/auth/password/forgot', (req, res) => res.end());
`,
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /auth/password/forgot', reason: '`password` in its path' }, line: 6, column: 1 }],
    },
    // A limiter on the app does not protect a router that is not mounted after it in this file.
    {
      code: `
import express, { Router } from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const router = Router();
app.use(rateLimit());
router.post('/otp/verify', (req, res) => res.end());
`,
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /otp/verify', reason: '`otp` in its path' }, line: 7, column: 1 }],
    },
    // Seed 002 C.3 before the limiter: requireAuth alone does not limit attempts at recovery codes.
    {
      code: `
export function registerRoutes(app: Express) {
  app.post("/api/totp/validate-recovery", requireAuth, async (req, res) => {
    res.json({ ok: true });
  });
}
`,
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /api/totp/validate-recovery', reason: '`totp` in its path' }, line: 3, column: 3, endColumn: 41 }],
    },
    // route() chains: only the POST takes credentials.
    {
      code: `
import express from 'express';
const app = express();
app.route('/login').get(renderLogin).post(doLogin);
`,
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /login', reason: '`login` in its path' }, line: 4, column: 38, endColumn: 42 }],
    },
    // NestJS: an auth controller without throttling, an upload without it, and @SkipThrottle.
    {
      code: `
import { Controller, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
@Controller('auth')
export class AuthController {
  @Post('login')
  signIn() {}

  @Post('avatar')
  @UseGuards(JwtAuthGuard)
  @UseInterceptors(FileInterceptor('file'))
  changeAvatar() {}
}
`,
      filename: 'auth.controller.ts',
      errors: [
        { messageId: 'missingAuthRateLimit', data: { route: 'POST /auth/login', reason: '`login` in its path' }, line: 7, column: 3, endColumn: 9 },
        { messageId: 'missingUploadRateLimit', data: { route: 'POST /auth/avatar', reason: 'a file interceptor' }, line: 12, column: 3 },
      ],
    },
    {
      code: `
import { SkipThrottle, Throttle } from '@nestjs/throttler';
@Controller('auth')
@SkipThrottle()
export class AuthController {
  @Post('otp') @Throttle({ default: { limit: 3, ttl: 60 } }) sendOtp() {}
  @Post('logout') logout() {}
}
`,
      filename: 'auth.controller.ts',
      options: [{ globalThrottler: true }],
      errors: [{ messageId: 'skippedThrottle', data: { route: 'POST /auth/otp', what: 'an authentication endpoint', reason: '`otp` in its path' }, line: 6, column: 62 }],
    },
    // A throttler guard on the class does not limit an upload that skips it.
    {
      code: `
@Controller('media')
@UseGuards(ThrottlerGuard)
export class MediaController {
  @Put('upload') @SkipThrottle() put() {}
  @Post('thumbnail') @UseInterceptors(FileInterceptor('file')) thumbnail() {}
}
`,
      filename: 'media.controller.ts',
      errors: [{ messageId: 'skippedThrottle', data: { route: 'PUT /media/upload', what: 'an upload route', reason: '`upload` in its path' }, line: 5, column: 34, endColumn: 37 }],
    },
    // Next.js route handlers and pages/api.
    {
      code: `
export async function POST(request: Request) {
  return Response.json({});
}
export async function GET() {
  return Response.json({});
}
`,
      filename: 'app/(auth)/api/auth/login/route.ts',
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /api/auth/login', reason: '`login` in its path' }, line: 2, column: 23, endColumn: 27 }],
    },
    {
      code: `export default async function handler(req, res) { res.status(200).json({}); }`,
      filename: 'pages/api/auth/forgot-password.ts',
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: '/api/auth/forgot-password', reason: '`forgot` in its path' }, line: 1, column: 31, endColumn: 38 }],
    },
    // An auth wrapper is not a limiter (TSX route file).
    {
      code: `export const POST = withAuth(async (request: Request) => Response.json({ token: 'x' }));`,
      filename: 'app/api/token/route.tsx',
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /api/token', reason: '`token` in its path' }, line: 1, column: 14, endColumn: 18 }],
    },
    // Words given by option replace the defaults.
    {
      code: `
import { Router } from 'express';
const router = Router();
router.post('/unlock', (req, res) => res.end());
router.post('/login', (req, res) => res.end());
`,
      options: [{ authRouteWords: ['unlock'] }],
      errors: [{ messageId: 'missingAuthRateLimit', data: { route: 'POST /unlock', reason: '`unlock` in its path' }, line: 4, column: 1 }],
    },
  ],
});
