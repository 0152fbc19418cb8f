import rule from '../../src/rules/max-body-size.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('max-body-size', rule, {
  valid: [
    // The seed's fix: 10mb for JSON and forms.
    [
      "import express from 'express';",
      'const app = express();',
      "app.use(express.json({ limit: '10mb' }));",
      "app.use(express.urlencoded({ extended: true, limit: '10mb' }));",
    ].join('\n'),
    // No limit: Express keeps its 100kb default.
    "import express from 'express';\napp.use(express.json());\napp.use(express.raw({ type: 'application/octet-stream' }));",
    // Exactly the maximum, written as a product.
    "import express from 'express';\napp.use(express.json({ limit: 10 * 1024 * 1024 }));",
    // Query builder limits are row counts, not body sizes.
    'const rows = await db.select().from(users).limit(1000);\nconst more = knex("books").limit(5000);',
    // Upload limits belong to require-upload-limits.
    "import multer from 'multer';\nconst upload = multer({ limits: { fileSize: 500 * 1024 * 1024 } });",
    // `json` from a local module or declared locally is not body-parser.
    "import { json } from './parsers';\napp.use(json({ limit: '500mb' }));",
    "function text(options: { limit: string }) { return options; }\ntext({ limit: '1gb' });",
    // res.json() sends data; a `limit` inside it is payload.
    "import express from 'express';\napp.get('/config', (req, res) => res.json({ limit: '500mb' }));",
    // A limit that comes from the environment cannot be judged.
    "import express from 'express';\napp.use(express.json({ limit: process.env.BODY_LIMIT }));",
    // Options spread from an unknown object.
    "import express from 'express';\napp.use(express.json({ ...parserOptions }));",
    // A larger configured maximum.
    {
      code: "import bodyParser from 'body-parser';\napp.use(bodyParser.json({ limit: '500mb' }));",
      options: [{ maxSize: '1gb' }],
    },
    // useBodyParser on something that is not a NestFactory app.
    "function setup(app) { app.useBodyParser('json', { limit: '50mb' }); }",
    // Fastify's default-sized limit, and a small numeric limit.
    "import Fastify from 'fastify';\nconst app = Fastify({ bodyLimit: 1048576, logger: true });",
    "const { json } = require('express');\napp.use(json({ limit: 1024 }));",
    // A type-only position: the object never reaches a parser.
    "import express from 'express';\ntype JsonOptions = Parameters<typeof express.json>[0];\nconst documented: JsonOptions = { limit: '500mb' };",
    // Nest app with a limit within the maximum.
    "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.useBodyParser('json', { limit: '5mb' });",
  ],
  invalid: [
    {
      // The seed: 500mb on every route.
      code: "import express from 'express';\nconst app = express();\napp.use(express.json({ limit: '500mb' }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          data: { limit: '500mb', max: '10mb' },
          line: 3,
          column: 31,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'lowerLimit',
              data: { max: '10mb' },
              output: "import express from 'express';\nconst app = express();\napp.use(express.json({ limit: '10mb' }));",
            },
          ],
        },
      ],
    },
    {
      code: "import express from 'express';\napp.use(express.urlencoded({ extended: true, limit: '500mb' }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'lowerLimit',
              output: "import express from 'express';\napp.use(express.urlencoded({ extended: true, limit: '10mb' }));",
            },
          ],
        },
      ],
    },
    {
      // Aliased named import; the quote style is kept.
      code: 'import { json as parseJson } from "express";\napp.use(parseJson({ limit: "1gb" }));',
      errors: [
        {
          messageId: 'limitTooLarge',
          data: { limit: '1gb', max: '10mb' },
          line: 2,
          column: 28,
          suggestions: [
            { messageId: 'lowerLimit', output: 'import { json as parseJson } from "express";\napp.use(parseJson({ limit: "10mb" }));' },
          ],
        },
      ],
    },
    {
      // Namespace import and a product of 1024s: the fix keeps the product form.
      code: "import * as express from 'express';\napp.use(express.raw({ limit: 50 * 1024 * 1024 }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          data: { limit: '50mb', max: '10mb' },
          line: 2,
          column: 30,
          endColumn: 46,
          suggestions: [
            { messageId: 'lowerLimit', output: "import * as express from 'express';\napp.use(express.raw({ limit: 10 * 1024 * 1024 }));" },
          ],
        },
      ],
    },
    {
      // CommonJS require, upper-case unit.
      code: "const express = require('express');\napp.use(express.text({ limit: '20MB' }));",
      filename: 'server.cjs',
      errors: [
        {
          messageId: 'limitTooLarge',
          data: { limit: '20mb', max: '10mb' },
          line: 2,
          column: 31,
          suggestions: [{ messageId: 'lowerLimit', output: "const express = require('express');\napp.use(express.text({ limit: '10mb' }));" }],
        },
      ],
    },
    {
      // Destructured require and a byte count.
      code: "const { json } = require('express');\napp.use(json({ limit: 52428800 }));",
      filename: 'server.js',
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 2,
          column: 23,
          suggestions: [{ messageId: 'lowerLimit', output: "const { json } = require('express');\napp.use(json({ limit: 10485760 }));" }],
        },
      ],
    },
    {
      // body-parser, default import.
      code: "import bodyParser from 'body-parser';\napp.use(bodyParser.json({ limit: '100mb' }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 2,
          column: 34,
          suggestions: [{ messageId: 'lowerLimit', output: "import bodyParser from 'body-parser';\napp.use(bodyParser.json({ limit: '10mb' }));" }],
        },
      ],
    },
    {
      // body-parser named import with the node-free module name, and the deprecated all-in-one call.
      code: "import bodyParser, { urlencoded } from 'body-parser';\napp.use(urlencoded({ limit: '64mb' }));\napp.use(bodyParser({ limit: '1gb' }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'lowerLimit',
              output: "import bodyParser, { urlencoded } from 'body-parser';\napp.use(urlencoded({ limit: '10mb' }));\napp.use(bodyParser({ limit: '1gb' }));",
            },
          ],
        },
        {
          messageId: 'limitTooLarge',
          line: 3,
          column: 29,
          suggestions: [
            {
              messageId: 'lowerLimit',
              output: "import bodyParser, { urlencoded } from 'body-parser';\napp.use(urlencoded({ limit: '64mb' }));\napp.use(bodyParser({ limit: '10mb' }));",
            },
          ],
        },
      ],
    },
    {
      // A constant: the call site gets a literal in the constant's style.
      code: "import express from 'express';\nconst BODY_LIMIT = '500mb';\napp.use(express.json({ limit: BODY_LIMIT }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 3,
          column: 31,
          endColumn: 41,
          suggestions: [
            { messageId: 'lowerLimit', output: "import express from 'express';\nconst BODY_LIMIT = '500mb';\napp.use(express.json({ limit: '10mb' }));" },
          ],
        },
      ],
    },
    {
      // Options kept in a constant object: reported where the limit is written.
      code: "import express from 'express';\nconst jsonOptions = { strict: true, limit: '50mb' };\napp.use(express.json(jsonOptions));",
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 2,
          column: 44,
          suggestions: [
            {
              messageId: 'lowerLimit',
              output: "import express from 'express';\nconst jsonOptions = { strict: true, limit: '10mb' };\napp.use(express.json(jsonOptions));",
            },
          ],
        },
      ],
    },
    {
      // Shorthand property.
      code: "import express from 'express';\nconst limit = '50mb';\napp.use(express.json({ limit }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 3,
          column: 24,
          suggestions: [{ messageId: 'lowerLimit', output: "import express from 'express';\nconst limit = '50mb';\napp.use(express.json({ limit: '10mb' }));" }],
        },
      ],
    },
    {
      // Fastify's bodyLimit is a number of bytes.
      code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true, bodyLimit: 100 * 1024 * 1024 });",
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 2,
          column: 48,
          suggestions: [
            { messageId: 'lowerLimit', output: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true, bodyLimit: 10 * 1024 * 1024 });" },
          ],
        },
      ],
    },
    {
      // NestJS: useBodyParser on the app from NestFactory.create().
      code: [
        "import { NestFactory } from '@nestjs/core';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create<NestExpressApplication>(AppModule);',
        "  app.useBodyParser('json', { limit: '50mb' });",
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 4,
          column: 38,
          suggestions: [
            {
              messageId: 'lowerLimit',
              output: [
                "import { NestFactory } from '@nestjs/core';",
                'async function bootstrap() {',
                '  const app = await NestFactory.create<NestExpressApplication>(AppModule);',
                "  app.useBodyParser('json', { limit: '10mb' });",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A stricter configured maximum, given as bytes.
      code: "import { json } from 'express';\napp.use(json({ limit: '5mb' }));",
      options: [{ maxSize: 1048576 }],
      errors: [
        {
          messageId: 'limitTooLarge',
          data: { limit: '5mb', max: '1mb' },
          line: 2,
          column: 23,
          suggestions: [
            { messageId: 'lowerLimit', data: { max: '1mb' }, output: "import { json } from 'express';\napp.use(json({ limit: '1mb' }));" },
          ],
        },
      ],
    },
    {
      // No limit at all.
      code: "import express from 'express';\napp.use(express.json({ limit: Infinity }));",
      errors: [
        {
          messageId: 'limitTooLarge',
          data: { limit: 'Infinity', max: '10mb' },
          line: 2,
          column: 31,
          suggestions: [{ messageId: 'lowerLimit', output: "import express from 'express';\napp.use(express.json({ limit: 10485760 }));" }],
        },
      ],
    },
    {
      // Template literal and a route-level parser (TSX file).
      code: "import express from 'express';\nrouter.post('/import', express.json({ limit: `200mb` }), handler);",
      filename: 'routes.tsx',
      errors: [
        {
          messageId: 'limitTooLarge',
          line: 2,
          column: 46,
          suggestions: [
            { messageId: 'lowerLimit', output: "import express from 'express';\nrouter.post('/import', express.json({ limit: `10mb` }), handler);" },
          ],
        },
      ],
    },
  ],
});
