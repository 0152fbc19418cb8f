import rule from '../../src/rules/require-helmet.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-helmet', rule, {
  valid: [
    // helmet on the app, under any local name, directly or through a constant.
    `
import express from 'express';
import helmet from 'helmet';
const app = express();
app.use(helmet());
app.listen(3000);
`,
    {
      code: `
const express = require('express');
const shield = require('helmet');
const app = express();
const headers = shield({ referrerPolicy: { policy: 'no-referrer' } });
app.use(headers);
module.exports = app;
`,
      filename: 'app.cjs',
    },
    // The seed's fixed configurations: an explicit CSP (000 #40), and COEP off with CSP on (001).
    `
import express from 'express';
import helmet from 'helmet';
const app = express();
app.use(helmet({
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] },
  },
  hsts: { maxAge: 31536000, includeSubDomains: true, preload: true },
}));
app.use(helmet({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: process.env.NODE_ENV === 'production' ? undefined : false }));
app.listen(3000);
`,
    // NestJS with helmet, Express and Fastify platforms.
    `
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use(helmet());
  await app.listen(3000);
}
`,
    `
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyHelmet from '@fastify/helmet';
async function bootstrap() {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter());
  await app.register(fastifyHelmet);
  await app.listen(3000);
}
`,
    // A file that only builds a Router.
    `
import { Router } from 'express';
const router = Router();
router.get('/x', (req, res) => res.json({}));
export default router;
`,
    // Tests: by file name, or an app handed to supertest.
    {
      code: `
import express from 'express';
const app = express();
app.use(router);
export default app;
`,
      filename: 'tests/helpers/app.ts',
    },
    `
import express from 'express';
import request from 'supertest';
const app = express();
app.post('/x', handler);
await request(app).post('/x').expect(200);
`,
    // A sub-app mounted into another app that has helmet; an app kept inside the file.
    `
import express from 'express';
import helmet from 'helmet';
const main = express();
const v1 = express();
main.use(helmet());
main.use('/v1', v1);
main.listen(3000);
`,
    // An exported app when the option says exported apps are checked where they are served.
    {
      code: `
import express from 'express';
const app = express();
app.use(express.json());
export default app;
`,
      options: [{ checkExportedApps: false }],
    },
    // The demo's metrics port: only /metrics, nothing mounted.
    `
import express from 'express';
const metrics = express();
metrics.get('/metrics', (_req, res) => { res.type('text/plain').send('up 1'); });
metrics.listen(9100);
`,
    // helmet may be installed by a setup function, by a security middleware module, or by hand.
    `
import express from 'express';
import { applySecurity } from './security';
const app = express();
applySecurity(app);
registerRoutes(app);
app.listen(3000);
`,
    `
import express from 'express';
import { securityHeaders } from './middleware/security';
const app = express();
app.use(securityHeaders);
app.listen(3000);
`,
    `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "default-src 'self'");
  next();
});
app.listen(3000);
`,
    {
      code: `
import express from 'express';
import { hardenHeaders } from '@acme/http';
const app = express();
app.use(hardenHeaders({ strict: true }));
app.listen(3000);
`,
      options: [{ helmetNames: ['hardenHeaders'] }],
    },
    // A local function called express, and a helmet() from another module.
    `
function express() { return { listen(port: number) { return port; } }; }
const app = express();
app.listen(3000);
import { helmet } from './fake';
helmet({ contentSecurityPolicy: false });
`,
    // A protection the option does not require.
    {
      code: `
import helmet from 'helmet';
export const headers = helmet({ contentSecurityPolicy: false });
`,
      options: [{ requiredProtections: ['hsts'] }],
    },
  ],
  invalid: [
    {
      code: `
import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors());
app.listen(3000);
`,
      errors: [
        {
          messageId: 'missingHelmet',
          line: 4,
          column: 13,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { call: 'app.use(helmet());' },
              output: `
import express from 'express';
import cors from 'cors';
import helmet from 'helmet';
const app = express();
app.use(helmet());
app.use(cors());
app.listen(3000);
`,
            },
          ],
        },
      ],
    },
    // CommonJS app exported for server.js.
    {
      code: `
const express = require('express');
const app = express();
app.use(express.json());
module.exports = app;
`,
      filename: 'app.js',
      errors: [
        {
          messageId: 'missingHelmet',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addHelmet',
              output: `
const express = require('express');
const helmet = require('helmet');
const app = express();
app.use(helmet());
app.use(express.json());
module.exports = app;
`,
            },
          ],
        },
      ],
    },
    // Served through node:http, express under another name.
    {
      code: `
import { createServer } from 'node:http';
import makeApp from 'express';
const server = makeApp();
createServer(server).listen(8080);
`,
      errors: [
        {
          messageId: 'missingHelmet',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { call: 'server.use(helmet());' },
              output: `
import { createServer } from 'node:http';
import makeApp from 'express';
import helmet from 'helmet';
const server = makeApp();
server.use(helmet());
createServer(server).listen(8080);
`,
            },
          ],
        },
      ],
    },
    // A factory that returns the app; namespace import; registerRoutes only adds routes.
    {
      code: `
import * as express from 'express';
export function createApp() {
  const app = express();
  registerRoutes(app);
  return app;
}
`,
      errors: [
        {
          messageId: 'missingHelmet',
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'addHelmet',
              output: `
import * as express from 'express';
import helmet from 'helmet';
export function createApp() {
  const app = express();
  app.use(helmet());
  registerRoutes(app);
  return app;
}
`,
            },
          ],
        },
      ],
    },
    // helmet is imported (used on another app): the suggestion reuses its name.
    {
      code: `
import express from 'express';
import secure from 'helmet';
export const app = express();
const admin = express();
admin.use(secure());
admin.listen(4000);
`,
      errors: [
        {
          messageId: 'missingHelmet',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { call: 'app.use(secure());' },
              output: `
import express from 'express';
import secure from 'helmet';
export const app = express();
app.use(secure());
const admin = express();
admin.use(secure());
admin.listen(4000);
`,
            },
          ],
        },
      ],
    },
    // The name `helmet` is taken: reported, no suggestion.
    {
      code: `
import express from 'express';
const helmet = { size: 'L' };
const app = express();
app.listen(3000);
`,
      errors: [{ messageId: 'missingHelmet', line: 4, column: 13, suggestions: [] }],
    },
    // NestJS (the Nest demo's main.ts), Express and Fastify platforms.
    {
      code: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: ['https://example.com'] });
  await app.listen(3000);
}
`,
      filename: 'src/main.ts',
      errors: [
        {
          messageId: 'missingHelmet',
          line: 6,
          column: 21,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'addHelmet',
              output: `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import helmet from 'helmet';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.use(helmet());
  app.enableCors({ origin: ['https://example.com'] });
  await app.listen(3000);
}
`,
            },
          ],
        },
      ],
    },
    // A package's setup function does not install helmet.
    {
      code: `
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
const app = await NestFactory.create(AppModule);
SwaggerModule.setup('docs', app, document);
await app.listen(3000);
`,
      errors: [{ messageId: 'missingHelmet', line: 4, column: 19, endColumn: 48, suggestions: [{ messageId: 'addHelmet', output: `
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
const app = await NestFactory.create(AppModule);
app.use(helmet());
SwaggerModule.setup('docs', app, document);
await app.listen(3000);
` }] }],
    },
    {
      code: `
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
async function bootstrap() {
  const app = await NestFactory.create(AppModule, new FastifyAdapter());
  await app.listen(3000);
}
`,
      errors: [
        {
          messageId: 'missingHelmet',
          line: 5,
          column: 21,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { call: 'await app.register(helmet);' },
              output: `
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
async function bootstrap() {
  const app = await NestFactory.create(AppModule, new FastifyAdapter());
  await app.register(helmet);
  await app.listen(3000);
}
`,
            },
          ],
        },
      ],
    },
    // Disabled protections: the only option, one of several on separate lines, the last one.
    {
      code: `
import helmet from 'helmet';
app.use(helmet({ contentSecurityPolicy: false }));
`,
      errors: [
        {
          messageId: 'disabledProtection',
          data: { option: 'contentSecurityPolicy', header: 'Content-Security-Policy', risk: 'the main defence that stops injected scripts from running in your pages' },
          line: 3,
          column: 18,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'restoreProtection',
              output: `
import helmet from 'helmet';
app.use(helmet());
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const helmet = require('helmet');
app.use(helmet({
  hsts: false,
  crossOriginEmbedderPolicy: false,
}));
`,
      filename: 'server.cjs',
      errors: [
        {
          messageId: 'disabledProtection',
          data: { option: 'hsts', header: 'Strict-Transport-Security', risk: 'so browsers may keep reaching the site over plain HTTP, where traffic can be read and changed' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'restoreProtection',
              output: `
const helmet = require('helmet');
app.use(helmet({
  crossOriginEmbedderPolicy: false,
}));
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import helmet from 'helmet';
export const securityHeaders = helmet({ referrerPolicy: { policy: 'same-origin' }, frameguard: false });
`,
      errors: [
        {
          messageId: 'disabledProtection',
          data: { option: 'frameguard', header: 'X-Frame-Options', risk: 'so other sites can frame your pages and trick users into clicks (clickjacking)' },
          line: 3,
          column: 84,
          suggestions: [
            {
              messageId: 'restoreProtection',
              output: `
import helmet from 'helmet';
export const securityHeaders = helmet({ referrerPolicy: { policy: 'same-origin' } });
`,
            },
          ],
        },
      ],
    },
    // Options from a constant; only the required protection is reported.
    {
      code: `
import helmet from 'helmet';
const helmetOptions = { noSniff: false, crossOriginEmbedderPolicy: false };
app.use(helmet(helmetOptions));
`,
      errors: [
        {
          messageId: 'disabledProtection',
          data: { option: 'noSniff', header: 'X-Content-Type-Options', risk: 'so browsers may sniff uploaded or user-supplied files and run them as scripts' },
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'restoreProtection',
              output: `
import helmet from 'helmet';
const helmetOptions = { crossOriginEmbedderPolicy: false };
app.use(helmet(helmetOptions));
`,
            },
          ],
        },
      ],
    },
    // A helmet-less app in an ES module file with a directive, exported by name.
    {
      code: `'use strict';
const express = require('express');
const app = express();
app.get('/', (req, res) => res.send('<h1>hi</h1>'));
exports.app = app;
`,
      filename: 'server.js',
      errors: [
        {
          messageId: 'missingHelmet',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addHelmet',
              output: `'use strict';
const express = require('express');
const helmet = require('helmet');
const app = express();
app.use(helmet());
app.get('/', (req, res) => res.send('<h1>hi</h1>'));
exports.app = app;
`,
            },
          ],
        },
      ],
    },
  ],
});
