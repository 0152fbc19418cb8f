import rule from '../../src/rules/no-permissive-cors.js';
import { createRuleTester, withDefaults } from '../rule-tester.js';

const ruleTester = createRuleTester();

const ALLOW_LIST = "process.env.CORS_ORIGINS?.split(',') ?? []";

ruleTester.run('no-permissive-cors', rule, {
  valid: [
    // The seed's NestJS setup (001): an explicit list of origins with credentials.
    `
import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({
    origin: [process.env.FRONTEND_URL, 'http://localhost:3000'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    credentials: true,
  });
}
`,
    // A public API without cookies: \`*\` without credentials is what it wants.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
`,
    // Cookies in the file, but bare cors() is not to be reported.
    {
      code: `
import cors from 'cors';
import session from 'express-session';
app.use(session({ secret }));
app.use(cors());
`,
      options: [withDefaults(rule, { reportBareCors: 'never' })],
    },
    // cors from the application, not the cors package.
    `
import cors from './middleware/cors';
app.use(cors({ origin: true, credentials: true }));
`,
    // An origin function that checks an allow-list.
    `
import cors from 'cors';
const allowed = new Set(process.env.CORS_ORIGINS?.split(','));
app.use(cors({
  origin: (origin, callback) => {
    if (!origin || allowed.has(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
}));
`,
    // Any origin, but without credentials (equivalent to \`*\`); explicit \`*\` without credentials.
    `
import cors from 'cors';
import cookieParser from 'cookie-parser';
app.use(cookieParser());
app.use('/public', cors({ origin: true }));
app.use('/feed', cors({ origin: '*', methods: ['GET'] }));
`,
    // Origins from the environment, with credentials; an anchored pattern.
    `
const cors = require('cors');
app.use(cors({ origin: process.env.CORS_ORIGINS?.split(','), credentials: true }));
app.use(cors({ origin: /\\.example\\.com$/, credentials: true }));
`,
    // Options spread from an unknown object, or a per-request delegate: not visible.
    `
import cors from 'cors';
import { corsDefaults } from './config';
app.use(cors({ ...corsDefaults, credentials: true }));
app.use(cors((req, callback) => callback(null, { origin: true, credentials: true })));
`,
    // Manual headers: the origin is checked before it is echoed.
    `
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED_ORIGINS.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
    // Manual headers: an indexOf / equality check before the echo.
    `
export function corsMiddleware(req, res, next) {
  const origin = req.headers.origin;
  if (whitelist.indexOf(origin) !== -1) {
    res.header('Access-Control-Allow-Origin', origin);
  }
  res.header('Access-Control-Allow-Credentials', 'true');
  res.header('Vary', 'Origin');
  next();
}
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', req.headers.origin === process.env.FRONTEND_URL ? req.headers.origin : '');
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
    // Manual \`*\` without credentials; a look-alike header with credentials.
    `
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  next();
});
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Methods', '*');
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
    // enableCors on something that is not a Nest application.
    `
const server = createServer();
server.enableCors({ origin: true, credentials: true });
`,
    // A type-only import of a cookie module does not make the file a cookie app.
    `
import type { SessionOptions } from 'express-session';
import cors from 'cors';
app.use(cors());
`,
    // Another Fastify plugin registered with look-alike options.
    `
import helmet from '@fastify/helmet';
fastify.register(helmet, { origin: true, credentials: true });
`,
    // A local object whose \`origin\` key is not a header name.
    `
const origin = 'Access-Control-Allow-Origin';
const event = { origin: req.headers.origin, credentials: true };
`,
  ],
  invalid: [
    // The demo app: origin reflected with credentials.
    {
      code: `
import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));
`,
      errors: [
        {
          messageId: 'reflectedOriginWithCredentials',
          line: 3,
          column: 24,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { envVar: 'CORS_ORIGINS' },
              output: `
import cors from 'cors';
app.use(cors({ origin: ${ALLOW_LIST}, credentials: true }));
`,
            },
          ],
        },
      ],
    },
    // CommonJS, explicit '*' with credentials.
    {
      code: `
const cors = require('cors');
app.use(cors({ origin: '*', credentials: true }));
`,
      filename: 'server.js',
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 24,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
const cors = require('cors');
app.use(cors({ origin: ${ALLOW_LIST}, credentials: true }));
`,
            },
          ],
        },
      ],
    },
    // Any local name; no origin means '*', with credentials.
    {
      code: `
import corsMiddleware from 'cors';
app.use(corsMiddleware({ credentials: true }));
`,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 26,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import corsMiddleware from 'cors';
app.use(corsMiddleware({ credentials: true, origin: ${ALLOW_LIST} }));
`,
            },
          ],
        },
      ],
    },
    // Namespace import; an origin function that accepts everything.
    {
      code: `
import * as cors from 'cors';
app.use(cors({ origin: (origin, callback) => callback(null, true), credentials: true }));
`,
      errors: [
        {
          messageId: 'reflectedOriginWithCredentials',
          line: 3,
          column: 24,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import * as cors from 'cors';
app.use(cors({ origin: ${ALLOW_LIST}, credentials: true }));
`,
            },
          ],
        },
      ],
    },
    // A named function that hands the origin back unchecked, options in a constant.
    {
      code: `
import cors from 'cors';
function allowAll(origin, cb) {
  cb(null, origin);
}
const corsOptions = { origin: allowAll, credentials: true };
app.use(cors(corsOptions));
`,
      errors: [
        {
          messageId: 'reflectedOriginWithCredentials',
          line: 6,
          column: 31,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
function allowAll(origin, cb) {
  cb(null, origin);
}
const corsOptions = { origin: ${ALLOW_LIST}, credentials: true };
app.use(cors(corsOptions));
`,
            },
          ],
        },
      ],
    },
    // Bare cors() in a file that sets up sessions.
    {
      code: `
import cors from 'cors';
import session from 'express-session';
app.use(session({ secret }));
app.use(cors());
`,
      errors: [
        {
          messageId: 'bareCorsWithCookies',
          data: { subject: '`cors()`' },
          line: 5,
          column: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
import session from 'express-session';
app.use(session({ secret }));
app.use(cors({ origin: ${ALLOW_LIST} }));
`,
            },
          ],
        },
      ],
    },
    // Bare cors() reported everywhere when asked; the env var of the suggestion is configurable.
    {
      code: `
app.use(require('cors')());
`,
      filename: 'server.cjs',
      options: [{ reportBareCors: 'always', allowListEnvVar: 'ALLOWED_ORIGINS' }],
      errors: [
        {
          messageId: 'bareCors',
          line: 2,
          column: 9,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { envVar: 'ALLOWED_ORIGINS' },
              output: `
app.use(require('cors')({ origin: process.env.ALLOWED_ORIGINS?.split(',') ?? [] }));
`,
            },
          ],
        },
      ],
    },
    // Options without an origin, cookie-parser required in the file.
    {
      code: `
const cors = require('cors');
const cookieParser = require('cookie-parser');
app.use(cookieParser());
app.use(cors({ methods: ['GET', 'POST'] }));
`,
      filename: 'app.js',
      errors: [
        {
          messageId: 'bareCorsWithCookies',
          line: 5,
          column: 14,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
const cors = require('cors');
const cookieParser = require('cookie-parser');
app.use(cookieParser());
app.use(cors({ methods: ['GET', 'POST'], origin: ${ALLOW_LIST} }));
`,
            },
          ],
        },
      ],
    },
    // NestJS enableCors reflecting any origin with credentials.
    {
      code: `
import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: true, credentials: true });
}
`,
      errors: [
        {
          messageId: 'reflectedOriginWithCredentials',
          line: 5,
          column: 28,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: ${ALLOW_LIST}, credentials: true });
}
`,
            },
          ],
        },
      ],
    },
    // Destructured require of NestFactory, options in a constant, CommonJS.
    {
      code: `
const { NestFactory } = require('@nestjs/core');
const corsOptions = { origin: '*', credentials: true };
NestFactory.create(AppModule).then((app) => {
  app.enableCors(corsOptions);
});
`,
      filename: 'main.js',
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 31,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
const { NestFactory } = require('@nestjs/core');
const corsOptions = { origin: ${ALLOW_LIST}, credentials: true };
NestFactory.create(AppModule).then((app) => {
  app.enableCors(corsOptions);
});
`,
            },
          ],
        },
      ],
    },
    // NestFactory.create(AppModule, { cors: true }) in an app with sessions.
    {
      code: `
import { NestFactory } from '@nestjs/core';
import * as session from 'express-session';
async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: true });
  app.use(session({ secret }));
}
`,
      errors: [
        {
          messageId: 'bareCorsWithCookies',
          data: { subject: '`cors: true`' },
          line: 5,
          column: 53,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { NestFactory } from '@nestjs/core';
import * as session from 'express-session';
async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: { origin: ${ALLOW_LIST} } });
  app.use(session({ secret }));
}
`,
            },
          ],
        },
      ],
    },
    // enableCors() on an application parameter, in a file using passport.
    {
      code: `
import type { INestApplication } from '@nestjs/common';
import passport from 'passport';
export function setup(app: INestApplication) {
  app.use(passport.initialize());
  app.enableCors();
}
`,
      errors: [
        {
          messageId: 'bareCorsWithCookies',
          data: { subject: '`app.enableCors()`' },
          line: 6,
          column: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import type { INestApplication } from '@nestjs/common';
import passport from 'passport';
export function setup(app: INestApplication) {
  app.use(passport.initialize());
  app.enableCors({ origin: ${ALLOW_LIST} });
}
`,
            },
          ],
        },
      ],
    },
    // Hand-written middleware echoing the request origin with credentials.
    {
      code: `
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
      errors: [{ messageId: 'reflectedOriginWithCredentials', line: 3, column: 48, endColumn: 66 }],
    },
    // A presence check is not a check.
    {
      code: `
app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (origin !== undefined && origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
      errors: [{ messageId: 'reflectedOriginWithCredentials', line: 5, column: 50, endColumn: 56 }],
    },
    // Hand-written '*' with credentials.
    {
      code: `
export function corsHeaders(req, res, next) {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('access-control-allow-credentials', true);
  next();
}
`,
      errors: [{ messageId: 'wildcardWithCredentials', line: 3, column: 45, endColumn: 48 }],
    },
    // Object form of res.set().
    {
      code: `
router.options('*', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }).sendStatus(204);
});
`,
      errors: [{ messageId: 'wildcardWithCredentials', line: 3, column: 44, endColumn: 47 }],
    },
    // Next.js route handler echoing the Origin header.
    {
      code: `
import { NextResponse } from 'next/server';
export async function OPTIONS(request: Request) {
  const response = new NextResponse(null, { status: 204 });
  const origin = request.headers.get('origin') ?? '';
  response.headers.set('Access-Control-Allow-Origin', origin);
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  return response;
}
`,
      filename: 'app/api/route.ts',
      errors: [{ messageId: 'reflectedOriginWithCredentials', line: 6, column: 55, endColumn: 61 }],
    },
    // @fastify/cors registered through require.
    {
      code: `
fastify.register(require('@fastify/cors'), { origin: true, credentials: true });
`,
      filename: 'server.cjs',
      errors: [
        {
          messageId: 'reflectedOriginWithCredentials',
          line: 2,
          column: 54,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
fastify.register(require('@fastify/cors'), { origin: ${ALLOW_LIST}, credentials: true });
`,
            },
          ],
        },
      ],
    },
    // A pattern that matches every origin; an async origin function that accepts all (@fastify/cors).
    {
      code: `
import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: /.*/, credentials: true });
await app.register(fastifyCors, { origin: async () => true, credentials: true });
`,
      errors: [
        {
          messageId: 'reflectedOriginWithCredentials',
          line: 3,
          column: 43,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: ${ALLOW_LIST}, credentials: true });
await app.register(fastifyCors, { origin: async () => true, credentials: true });
`,
            },
          ],
        },
        {
          messageId: 'reflectedOriginWithCredentials',
          line: 4,
          column: 43,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: /.*/, credentials: true });
await app.register(fastifyCors, { origin: ${ALLOW_LIST}, credentials: true });
`,
            },
          ],
        },
      ],
    },
    // next.config.js headers(): key/value pairs.
    {
      code: `
module.exports = {
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Access-Control-Allow-Credentials', value: 'true' },
          { key: 'Access-Control-Allow-Origin', value: '*' },
        ],
      },
    ];
  },
};
`,
      filename: 'next.config.js',
      errors: [{ messageId: 'wildcardWithCredentials', line: 9, column: 56, endColumn: 59 }],
    },
  ],
});
