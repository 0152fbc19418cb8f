import rule from '../../src/rules/secure-session-cookie.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('secure-session-cookie', rule, {
  valid: [
    // The seed's fixed express-session config (000 #2): secure in production, sameSite lax.
    `
import session from 'express-session';
app.use(session({
  secret: process.env.SESSION_SECRET!,
  cookie: {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
    sameSite: 'lax',
    maxAge: 24 * 60 * 60 * 1000,
  },
}));
`,
    // 004's hardened cookie: strict sameSite, express-session's 'auto' secure; httpOnly is on by default.
    `
const session = require('express-session');
app.use(session({ secret, cookie: { secure: 'auto', sameSite: 'strict' } }));
`,
    // Another library's session(): not modelled, not reported.
    `
import session from '@fastify/session';
fastify.register(session, { secret: 'a secret with minimum length of 32 characters' });
session({ cookie: {} });
`,
    // A local function that happens to be called session.
    `
function session(options: { ttl: number }) { return options; }
session({ ttl: 10 });
`,
    // A session module of the application: its options cannot be seen.
    `
import session from './session';
app.use(session({ cookie: { maxAge: 1000 } }));
`,
    // express-session options built elsewhere: not resolvable, not reported.
    `
import session from 'express-session';
import { sessionOptions } from './config';
app.use(session(sessionOptions));
`,
    // A spread after the cookie may replace it: unknown, not reported.
    `
import session from 'express-session';
app.use(session({ cookie: { maxAge: 1 }, ...overrides }));
`,
    // \`cookie\` on something that is not a response object.
    `
const jar = new CookieJar();
jar.cookie('a', 'b');
async function load() {
  const res = await fetch('https://example.com');
  res.cookie('a', 'b');
}
`,
    // clearCookie is not a cookie write to check.
    `
app.post('/logout', (req, res) => {
  res.clearCookie('token');
  res.sendStatus(204);
});
`,
    // Every flag set.
    `
app.post('/login', (req, res) => {
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 3600_000 });
});
`,
    // Options imported or spread from an unknown object: not reported.
    `
import { cookieOptions, baseCookie } from './cookies';
app.post('/login', (req, res) => {
  res.cookie('token', token, cookieOptions);
  res.cookie('refresh', refresh, { ...baseCookie, maxAge: 1000 });
});
`,
    // A double-submit CSRF token must be readable by page scripts: httpOnly is not required.
    `
app.get('/csrf', (req, res) => {
  res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'strict' });
  res.cookie('csrf_token', token, { httpOnly: false, secure: true, sameSite: 'strict' });
});
`,
    // A cookie named in clientReadableCookies may turn httpOnly off.
    {
      code: `
app.get('/prefs', (req, res) => {
  res.cookie('theme', 'dark', { httpOnly: false, secure: true, sameSite: 'lax' });
});
`,
      options: [{ clientReadableCookies: ['Theme'] }],
    },
    // Map#set and Headers#set are not cookie stores.
    `
import { NextResponse } from 'next/server';
const cache = new Map();
cache.set('session', token);
export function middleware() {
  const response = NextResponse.next();
  response.headers.set('x-session', 'abc');
  return response;
}
`,
    // Next.js cookie store with every flag.
    {
      code: `
import { cookies } from 'next/headers';
export async function login(token: string) {
  const store = await cookies();
  store.set('session', token, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
}
`,
      filename: 'app/actions.tsx',
    },
    // cookie-session with its flags.
    `
import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_KEY!], secure: true, sameSite: 'lax' }));
`,
    // Type-only use of express-session.
    `
import type session from 'express-session';
type SessionOptions = Parameters<typeof session>[0];
const describe = (options: SessionOptions) => options;
`,
    // Fastify replies: @fastify/cookie's defaults depend on its version and plugin options.
    `
fastify.post('/login', async (request, reply) => {
  reply.setCookie('sid', sid, { path: '/' });
  reply.cookie('theme', 'dark');
});
export function issue(req: FastifyRequest, rep: FastifyReply) {
  rep.cookie('sid', sid);
}
`,
    // Values that are not statically false count as set.
    `
const isProduction = process.env.NODE_ENV === 'production';
app.get('/x', (req, res) => {
  res.cookie('sid', id, { httpOnly: !debug, secure: isProduction, sameSite: isProduction ? 'strict' : 'lax' });
});
`,
  ],
  invalid: [
    // The seed's config before the fix (000 #2): no sameSite, no secure.
    {
      code: `
import session from 'express-session';
app.use(session({ secret: s, cookie: { httpOnly: true, maxAge: 1000 } }));
`,
      errors: [
        {
          messageId: 'missingFlags',
          data: {
            label: 'session cookie',
            flags: '`secure` and `sameSite`',
            risks: 'the browser also sends it over plain HTTP and other sites can make the browser send it with forged requests (CSRF)',
          },
          line: 3,
          column: 38,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'addFlags',
              data: { properties: "`secure: true` and `sameSite: 'lax'`" },
              output: `
import session from 'express-session';
app.use(session({ secret: s, cookie: { httpOnly: true, maxAge: 1000, secure: true, sameSite: 'lax' } }));
`,
            },
          ],
        },
      ],
    },
    // No cookie options at all, CommonJS require.
    {
      code: `
const session = require('express-session');
app.use(session({ secret: s, resave: false }));
`,
      filename: 'server.js',
      errors: [
        {
          messageId: 'missingFlags',
          line: 3,
          column: 17,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
const session = require('express-session');
app.use(session({ secret: s, resave: false, cookie: { secure: true, sameSite: 'lax' } }));
`,
            },
          ],
        },
      ],
    },
    // Any local name, multi-line options, explicit secure: false.
    {
      code: `
import expressSession from 'express-session';
app.use(
  expressSession({
    secret: s,
    cookie: {
      secure: false,
      maxAge: 1000,
    },
  }),
);
`,
      errors: [
        {
          messageId: 'missingFlags',
          data: { label: 'session cookie', flags: '`sameSite`', risks: 'other sites can make the browser send it with forged requests (CSRF)' },
          line: 6,
          column: 13,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import expressSession from 'express-session';
app.use(
  expressSession({
    secret: s,
    cookie: {
      secure: false,
      maxAge: 1000,
      sameSite: 'lax',
    },
  }),
);
`,
            },
          ],
        },
        {
          messageId: 'secureDisabled',
          line: 7,
          column: 7,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'enableFlag',
              data: { flag: 'secure', value: 'true' },
              output: `
import expressSession from 'express-session';
app.use(
  expressSession({
    secret: s,
    cookie: {
      secure: true,
      maxAge: 1000,
    },
  }),
);
`,
            },
          ],
        },
      ],
    },
    // NestJS style namespace import; httpOnly explicitly off.
    {
      code: `
import * as session from 'express-session';
app.use(session({ secret, cookie: { httpOnly: false, secure: true, sameSite: 'strict' } }));
`,
      errors: [
        {
          messageId: 'httpOnlyDisabled',
          line: 3,
          column: 37,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'enableFlag',
              output: `
import * as session from 'express-session';
app.use(session({ secret, cookie: { httpOnly: true, secure: true, sameSite: 'strict' } }));
`,
            },
          ],
        },
      ],
    },
    // Options in a local constant.
    {
      code: `
import session from 'express-session';
const sessionConfig = { secret, cookie: { maxAge: 60_000 } };
app.use(session(sessionConfig));
`,
      errors: [
        {
          messageId: 'missingFlags',
          line: 3,
          column: 41,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import session from 'express-session';
const sessionConfig = { secret, cookie: { maxAge: 60_000, secure: true, sameSite: 'lax' } };
app.use(session(sessionConfig));
`,
            },
          ],
        },
      ],
    },
    // No options at all.
    {
      code: `
import session from 'express-session';
app.use(session());
`,
      errors: [
        {
          messageId: 'missingFlags',
          line: 3,
          column: 9,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import session from 'express-session';
app.use(session({ cookie: { secure: true, sameSite: 'lax' } }));
`,
            },
          ],
        },
      ],
    },
    // sameSite 'none' needs secure.
    {
      code: `
import session from 'express-session';
app.use(session({ secret, cookie: { sameSite: 'none' } }));
`,
      errors: [
        {
          messageId: 'sameSiteNoneWithoutSecure',
          line: 3,
          column: 37,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'addFlags',
              data: { properties: '`secure: true`' },
              output: `
import session from 'express-session';
app.use(session({ secret, cookie: { sameSite: 'none', secure: true } }));
`,
            },
          ],
        },
      ],
    },
    // cookie-session: options are flat.
    {
      code: `
import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'session', keys: [key], httpOnly: false }));
`,
      errors: [
        {
          messageId: 'missingFlags',
          data: {
            label: 'session cookie',
            flags: '`secure` and `sameSite`',
            risks: 'the browser also sends it over plain HTTP and other sites can make the browser send it with forged requests (CSRF)',
          },
          line: 3,
          column: 23,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'session', keys: [key], httpOnly: false, secure: true, sameSite: 'lax' }));
`,
            },
          ],
        },
        {
          messageId: 'httpOnlyDisabled',
          line: 3,
          column: 55,
          suggestions: [
            {
              messageId: 'enableFlag',
              output: `
import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'session', keys: [key], httpOnly: true }));
`,
            },
          ],
        },
      ],
    },
    // res.cookie in an Express handler with no options: nothing is on by default.
    {
      code: `
app.post('/login', (req, res) => {
  res.cookie('token', token);
});
`,
      errors: [
        {
          messageId: 'missingFlags',
          data: {
            label: 'cookie',
            flags: '`httpOnly`, `secure` and `sameSite`',
            risks:
              'scripts on the page, injected ones included, can read it, the browser also sends it over plain HTTP and other sites can make the browser send it with forged requests (CSRF)',
          },
          line: 3,
          column: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addFlags',
              data: { properties: "`httpOnly: true`, `secure: true` and `sameSite: 'lax'`" },
              output: `
app.post('/login', (req, res) => {
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'lax' });
});
`,
            },
          ],
        },
      ],
    },
    // Typed Express middleware, chained after status(), options partly set.
    {
      code: `
import type { Request, Response } from 'express';
export function issue(req: Request, res: Response) {
  res.status(200).cookie('refreshToken', refresh, { secure: true, maxAge: 1000 }).json({ ok: true });
}
`,
      errors: [
        {
          messageId: 'missingFlags',
          data: {
            label: 'cookie',
            flags: '`httpOnly` and `sameSite`',
            risks: 'scripts on the page, injected ones included, can read it and other sites can make the browser send it with forged requests (CSRF)',
          },
          line: 4,
          column: 51,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import type { Request, Response } from 'express';
export function issue(req: Request, res: Response) {
  res.status(200).cookie('refreshToken', refresh, { secure: true, maxAge: 1000, httpOnly: true, sameSite: 'lax' }).json({ ok: true });
}
`,
            },
          ],
        },
      ],
    },
    // NestJS @Res() parameter, secure explicitly off.
    {
      code: `
import { Controller, Post, Res } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Res({ passthrough: true }) reply) {
    reply.cookie('session', this.token, { httpOnly: true, secure: false, sameSite: 'strict' });
  }
}
`,
      errors: [
        {
          messageId: 'secureDisabled',
          line: 7,
          column: 59,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'enableFlag',
              output: `
import { Controller, Post, Res } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Res({ passthrough: true }) reply) {
    reply.cookie('session', this.token, { httpOnly: true, secure: true, sameSite: 'strict' });
  }
}
`,
            },
          ],
        },
      ],
    },
    // Spread of a local constant is looked through; the flags are added to the outer object.
    {
      code: `
const base = { httpOnly: true, path: '/' };
app.get('/x', (req, res) => {
  res.cookie('sid', id, { ...base, maxAge: 1000 });
});
`,
      errors: [
        {
          messageId: 'missingFlags',
          data: {
            label: 'cookie',
            flags: '`secure` and `sameSite`',
            risks: 'the browser also sends it over plain HTTP and other sites can make the browser send it with forged requests (CSRF)',
          },
          line: 4,
          column: 25,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
const base = { httpOnly: true, path: '/' };
app.get('/x', (req, res) => {
  res.cookie('sid', id, { ...base, maxAge: 1000, secure: true, sameSite: 'lax' });
});
`,
            },
          ],
        },
      ],
    },
    // sameSite: false on a response cookie.
    {
      code: `
app.get('/x', (req, res) => {
  res.cookie('sid', id, { httpOnly: true, secure: true, sameSite: false });
});
`,
      errors: [
        {
          messageId: 'sameSiteDisabled',
          line: 3,
          column: 57,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'enableFlag',
              data: { flag: 'sameSite', value: "'lax'" },
              output: `
app.get('/x', (req, res) => {
  res.cookie('sid', id, { httpOnly: true, secure: true, sameSite: 'lax' });
});
`,
            },
          ],
        },
      ],
    },
    // Next.js cookies() store from next/headers.
    {
      code: `
import { cookies } from 'next/headers';
export async function login(token: string) {
  (await cookies()).set('session', token, { httpOnly: true });
}
`,
      filename: 'app/actions.ts',
      errors: [
        {
          messageId: 'missingFlags',
          line: 4,
          column: 43,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import { cookies } from 'next/headers';
export async function login(token: string) {
  (await cookies()).set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
}
`,
            },
          ],
        },
      ],
    },
    // Next.js object form, held in a variable, in a TSX file.
    {
      code: `
import { cookies as getCookies } from 'next/headers';
export default async function Page() {
  const store = await getCookies();
  store.set({ name: 'session', value: token, secure: true });
  return <div />;
}
`,
      filename: 'app/page.tsx',
      errors: [
        {
          messageId: 'missingFlags',
          data: {
            label: 'cookie',
            flags: '`httpOnly` and `sameSite`',
            risks: 'scripts on the page, injected ones included, can read it and other sites can make the browser send it with forged requests (CSRF)',
          },
          line: 5,
          column: 13,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import { cookies as getCookies } from 'next/headers';
export default async function Page() {
  const store = await getCookies();
  store.set({ name: 'session', value: token, secure: true, httpOnly: true, sameSite: 'lax' });
  return <div />;
}
`,
            },
          ],
        },
      ],
    },
    // NextResponse cookies in middleware.
    {
      code: `
import { NextResponse } from 'next/server';
export function middleware() {
  const response = NextResponse.next();
  response.cookies.set('token', token);
  return response;
}
`,
      errors: [
        {
          messageId: 'missingFlags',
          line: 5,
          column: 3,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
import { NextResponse } from 'next/server';
export function middleware() {
  const response = NextResponse.next();
  response.cookies.set('token', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  return response;
}
`,
            },
          ],
        },
      ],
    },
    // A CSRF cookie still needs secure and sameSite.
    {
      code: `
app.get('/csrf', (req, res) => {
  res.cookie('XSRF-TOKEN', req.csrfToken());
});
`,
      errors: [
        {
          messageId: 'missingFlags',
          data: {
            label: 'cookie',
            flags: '`secure` and `sameSite`',
            risks: 'the browser also sends it over plain HTTP and other sites can make the browser send it with forged requests (CSRF)',
          },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addFlags',
              output: `
app.get('/csrf', (req, res) => {
  res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'lax' });
});
`,
            },
          ],
        },
      ],
    },
  ],
});
