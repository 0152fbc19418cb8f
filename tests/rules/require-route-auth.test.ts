import rule from '../../src/rules/require-route-auth.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-route-auth', rule, {
  valid: [
    // Every write route authenticated.
    `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
const router = Router();
router.post('/topics', requireAuth, (req, res) => res.json({}));
router.delete('/topics/:id', requireAuth, (req, res) => res.end());
`,
    // No route of the file has auth: the file shows no convention to compare with.
    `
import { Router } from 'express';
const router = Router();
router.post('/contact', (req, res) => res.end());
router.delete('/cache', (req, res) => res.end());
`,
    // Public paths: login, webhooks, OAuth callbacks, health.
    `
import { Router } from 'express';
const router = Router();
router.put('/profile', requireAuth, (req, res) => res.end());
router.post('/login', passport.authenticate('local'), (req, res) => res.end());
router.post('/logout', (req, res) => res.end());
router.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => res.end());
router.post('/billing/stripe-webhook', (req, res) => res.end());
router.post('/auth/google/callback', (req, res) => res.end());
router.post('/health', (req, res) => res.end());
`,
    // An auth router: login's 401 and refresh's token check are credential checks, not a convention.
    `
import { Router } from 'express';
import jwt from 'jsonwebtoken';
const router = Router();
router.post('/session/login', async (req, res) => {
  if (!(await checkPassword(req.body))) return res.status(401).json({ error: 'Invalid credentials' });
  res.json({});
});
router.post('/token/refresh', (req, res) => {
  jwt.verify(req.body.refreshToken, secret);
  res.json({});
});
router.post('/verify-email', (req, res) => res.end());
router.post('/resend-verification', (req, res) => res.end());
`,
    // Routes registered before the router's auth wall are public by position; those after it are protected.
    `
import express from 'express';
const router = express.Router();
router.post('/contact', (req, res) => res.end());
router.use(requireAuth);
router.post('/topics', (req, res) => res.end());
router.delete('/topics/:id', requireAdmin, (req, res) => res.end());
`,
    // A router mounted behind auth in the same file.
    `
import express, { Router } from 'express';
const app = express();
const apiRouter = Router();
apiRouter.post('/reports', requireAdmin, (req, res) => res.end());
apiRouter.post('/notes', (req, res) => res.end());
app.use('/api', requireAuth, apiRouter);
`,
    // Reads are not checked; different routers are different conventions.
    `
import { Router } from 'express';
const privateRouter = Router();
const publicRouter = Router();
privateRouter.post('/orders', requireAuth, (req, res) => res.end());
privateRouter.get('/catalog', (req, res) => res.json([]));
publicRouter.post('/newsletter', (req, res) => res.end());
`,
    // Look-alike names: an author validator, a login rate limiter and CSRF protection are not auth.
    `
import { Router } from 'express';
const router = Router();
router.post('/posts', validateAuthor, (req, res) => res.end());
router.post('/codes', loginRateLimiter, csrfProtection, (req, res) => res.end());
router.post('/comments', (req, res) => res.end());
`,
    // An inline middleware and a handler that check the user themselves.
    `
import { Router } from 'express';
const router = Router();
router.post('/a', requireAuth, (req, res) => res.end());
router.post('/b', (req, res, next) => (req.isAuthenticated() ? next() : res.sendStatus(401)), (req, res) => res.end());
router.delete('/c/:id', async (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'Not authenticated' });
  res.end();
});
`,
    // Seed 002 C.3, fixed: requireAuth added to the recovery-code endpoint.
    `
export function registerRoutes(app: Express) {
  app.put('/api/content/:id', requireAuth, async (req, res) => {});
  app.post("/api/totp/validate-recovery",
    requireAuth,
    loginRateLimiter,
    async (req, res) => {}
  );
}
`,
    // Seed 000 #10, fixed: deleting messages is admin-only, other routes need a session.
    `
import { Router } from 'express';
const router = Router();
router.post('/topics', requireAuth, async (req, res) => {});
router.delete('/topics/:id/messages', requireAdmin, async (req, res) => {});
`,
    // A middleware with a neutral name is not known to be auth, so it shows no convention.
    `
import { Router } from 'express';
const router = Router();
router.post('/a', membersOnly, (req, res) => res.end());
router.post('/b', (req, res) => res.end());
`,
    // HTTP clients are not routes.
    `
import axios from 'axios';
await axios.post('/api/items', body, { headers: { Authorization: token } });
await client.delete('/api/items/1');
`,
    // NestJS: guard on the controller; @Public() on purpose; a global guard (no guard in the file).
    {
      code: `
@Controller('users')
@UseGuards(JwtAuthGuard)
export class UsersController {
  @Patch(':id') update() {}
  @Delete(':id') remove() {}
}
@Controller('posts')
export class PostsController {
  @Post() @UseGuards(JwtAuthGuard) create() {}
  @Post('preview') @Public() preview() {}
}
@Controller('things')
export class ThingsController {
  @Post() create() {}
  @Delete(':id') remove() {}
}
`,
      filename: 'users.controller.ts',
    },
    // Next.js: both handlers check the session themselves.
    {
      code: `
import { getServerSession } from 'next-auth';
import { auth } from '@/auth';
export async function GET() {
  const session = await getServerSession(authOptions);
  if (!session) return new Response(null, { status: 401 });
  return Response.json([]);
}
export async function POST(request: Request) {
  const session = await auth();
  if (!session?.user) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  return Response.json({});
}
`,
      filename: 'app/api/items/route.ts',
    },
    // A webhook route file is public by its path.
    {
      code: `
export const GET = withAuth(async () => Response.json({}));
export async function POST(request: Request) { return Response.json({}); }
`,
      filename: 'app/api/webhooks/stripe/route.ts',
    },
  ],
  invalid: [
    // The demo's chat router: creating topics lost its requireAuth.
    {
      code: `
import { Router } from 'express';
import { requireAuth } from '../middleware/auth.js';
const router = Router();
router.get('/topics', requireAuth, async (req, res) => {});
router.post('/topics', async (req, res) => {
  res.status(201).json({});
});
router.post('/ask', requireAuth, async (req, res) => {});
`,
      errors: [
        {
          messageId: 'missingRouteAuth',
          data: { route: 'POST /topics', sibling: 'GET /topics', line: '5', auth: '`requireAuth`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 22,
        },
      ],
    },
    // Seed 002 C.3: the TOTP recovery endpoint had only the login limiter.
    {
      code: `
export function registerRoutes(app: Express) {
  app.put('/api/content/:id', requireAuth, async (req, res) => {});
  app.post("/api/totp/validate-recovery",
    loginRateLimiter,
    async (req, res) => {}
  );
}
`,
      errors: [
        {
          messageId: 'missingRouteAuth',
          data: { route: 'POST /api/totp/validate-recovery', sibling: 'PUT /api/content/:id', line: '3', auth: '`requireAuth`' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 41,
        },
      ],
    },
    // CommonJS, passport.authenticate on a sibling.
    {
      code: `
const express = require('express');
const passport = require('passport');
const router = express.Router();
router.put('/items/:id', passport.authenticate('jwt', { session: false }), (req, res) => res.end());
router.delete('/items/:id', (req, res) => res.end());
module.exports = router;
`,
      filename: 'routes/items.cjs',
      errors: [{ messageId: 'missingRouteAuth', data: { route: 'DELETE /items/:id', sibling: 'PUT /items/:id', line: '5', auth: '`passport.authenticate`' }, line: 6, column: 1 }],
    },
    // Aliased Router, a read with auth on the same path.
    {
      code: `
import { Router as createRouter } from 'express';
const router = createRouter();
router.get('/items', isAuthenticated, (req, res) => res.json([]));
router.post('/items', (req, res) => res.end());
`,
      errors: [{ messageId: 'missingRouteAuth', data: { route: 'POST /items', sibling: 'GET /items', line: '4', auth: '`isAuthenticated`' }, line: 5, column: 1 }],
    },
    // A handler's own 401 check is the convention.
    {
      code: `
const express = require('express');
const router = express.Router();
router.patch('/notes/:id', (req, res) => {
  if (!req.user) return res.sendStatus(401);
  res.end();
});
router.delete('/notes/:id', (req, res) => res.end());
`,
      filename: 'notes.js',
      errors: [
        {
          messageId: 'missingRouteAuth',
          data: { route: 'DELETE /notes/:id', sibling: 'PATCH /notes/:id', line: '4', auth: 'an auth check in its handler' },
          line: 8,
          column: 1,
        },
      ],
    },
    // Auth mounted on another path does not cover this one; route() chains.
    {
      code: `
import express from 'express';
const app = express();
app.post('/api/a', requireAuth, (req, res) => res.end());
app.use('/admin', requireAdmin);
app.post('/api/b', (req, res) => res.end());
app.route('/books').get(requireAuth, listBooks).post(createBook);
`,
      errors: [
        { messageId: 'missingRouteAuth', data: { route: 'POST /api/b', sibling: 'POST /api/a', line: '4', auth: '`requireAuth`' }, line: 6, column: 1 },
        { messageId: 'missingRouteAuth', data: { route: 'POST /books', sibling: 'POST /api/a', line: '4', auth: '`requireAuth`' }, line: 7, column: 49, endColumn: 53 },
      ],
    },
    // NestJS: one method without the guard its siblings have; a throttler guard is not auth.
    {
      code: `
import { Controller, Delete, Patch, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
@Controller('posts')
export class PostsController {
  @Post() @UseGuards(JwtAuthGuard, RolesGuard) create() {}
  @Patch(':id') @UseGuards(ThrottlerGuard) update() {}
  @Delete(':id')
  remove() {}
}
`,
      filename: 'posts.controller.ts',
      errors: [
        { messageId: 'missingRouteAuth', data: { route: 'PATCH /posts/:id', sibling: 'POST /posts', line: '6', auth: '`JwtAuthGuard`' }, line: 7, column: 44, endColumn: 50 },
        { messageId: 'missingRouteAuth', data: { route: 'DELETE /posts/:id', sibling: 'POST /posts', line: '6', auth: '`JwtAuthGuard`' }, line: 9, column: 3 },
      ],
    },
    // Next.js: GET checks the session, POST does not.
    {
      code: `
import { getServerSession } from 'next-auth';
export async function GET() {
  const session = await getServerSession(authOptions);
  if (!session) return new Response(null, { status: 401 });
  return Response.json([]);
}
export async function POST(request: Request) {
  return Response.json(await request.json());
}
`,
      filename: 'app/api/items/route.ts',
      errors: [
        {
          messageId: 'missingRouteAuth',
          data: { route: 'POST /api/items', sibling: 'GET /api/items', line: '3', auth: 'an auth check in its handler' },
          line: 8,
          column: 23,
          endColumn: 27,
        },
      ],
    },
    // Next.js wrappers (TSX route file).
    {
      code: `
export const GET = withAuth(async () => Response.json({}));
export const DELETE = async (request: Request) => new Response(null, { status: 204 });
`,
      filename: 'app/api/items/[id]/route.tsx',
      errors: [{ messageId: 'missingRouteAuth', data: { route: 'DELETE /api/items/[id]', sibling: 'GET /api/items/[id]', line: '2', auth: '`withAuth`' }, line: 3, column: 14 }],
    },
    // Names given by option count as auth.
    {
      code: `
import { Router } from 'express';
const router = Router();
router.post('/a', membersOnly, (req, res) => res.end());
router.post('/b', (req, res) => res.end());
`,
      options: [{ authNames: ['membersOnly'] }],
      errors: [{ messageId: 'missingRouteAuth', data: { route: 'POST /b', sibling: 'POST /a', line: '4', auth: '`membersOnly`' }, line: 5, column: 1 }],
    },
    // publicPaths replaces the defaults.
    {
      code: `
import { Router } from 'express';
const router = Router();
router.post('/login', (req, res) => res.end());
router.post('/status', (req, res) => res.end());
router.post('/topics', requireAuth, (req, res) => res.end());
`,
      options: [{ publicPaths: ['/status'] }],
      errors: [{ messageId: 'missingRouteAuth', data: { route: 'POST /login', sibling: 'POST /topics', line: '6', auth: '`requireAuth`' }, line: 4, column: 1 }],
    },
    // An auth wall on another path, registered later, does not make the route public by position.
    {
      code: `
import { Router } from 'express';
const router = Router();
router.put('/settings', requireAdmin, (req, res) => res.end());
router.post('/items', (req, res) => res.end());
router.use('/admin', requireAdmin);
`,
      errors: [{ messageId: 'missingRouteAuth', data: { route: 'POST /items', sibling: 'PUT /settings', line: '4', auth: '`requireAdmin`' }, line: 5, column: 1 }],
    },
  ],
});
