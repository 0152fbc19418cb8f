import rule, { type Options } from '../../src/rules/require-async-handler.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const withImport: Options = [{ expressVersion: 4, wrappers: [], asyncHandlerModule: '../middleware/asyncHandler.js', asyncHandlerExport: 'asyncHandler' }];

ruleTester.run('require-async-handler', rule, {
  valid: [
    // The seed's fix: the handler is wrapped.
    [
      "import { Router } from 'express';",
      "import { asyncHandler } from '../middleware/asyncHandler';",
      'const router = Router();',
      "router.get('/topics', asyncHandler(async (req, res) => {",
      "  const result = await pool.query('SELECT id, name FROM topics');",
      '  res.json(result.rows);',
      '}));',
    ].join('\n'),
    // The seed's "before": the whole body is a try whose catch answers with a 500.
    [
      "import { Router } from 'express';",
      'const router = Router();',
      "router.get('/topics', async (req, res) => {",
      '  try {',
      "    const result = await pool.query('SELECT...');",
      '    res.json(result.rows);',
      '  } catch (error) {',
      "    console.error('Error:', error);",
      "    res.status(500).json({ error: 'Failed to load topics' });",
      '  }',
      '});',
    ].join('\n'),
    // A catch that forwards to next, after request-only statements that cannot reject.
    [
      "import express from 'express';",
      'const app = express();',
      "app.delete('/books/:id', async (req, res, next) => {",
      '  const { id } = req.params;',
      '  if (!id) return res.status(400).end();',
      '  try {',
      '    await books.remove(id);',
      '    res.status(204).end();',
      '  } catch (error) {',
      '    next(error);',
      '  }',
      '});',
    ].join('\n'),
    // The example app's /ask: synchronous validation, then every await inside a handled try.
    [
      "import { Router } from 'express';",
      'const router = Router();',
      "router.post('/ask', requireAuth, async (req, res) => {",
      '  const parsed = questionSchema.safeParse(req.body);',
      '  if (!parsed.success) {',
      "    res.status(400).json({ error: 'Invalid question' });",
      '    return;',
      '  }',
      '  try {',
      '    res.json(await answerQuestion(parsed.data.question));',
      '  } catch (error) {',
      "    console.error('Error answering question:', error);",
      "    res.status(500).json({ error: 'Failed to answer question' });",
      '  }',
      '});',
    ].join('\n'),
    // Synchronous handlers: Express 4 catches what they throw.
    "import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => res.json({ ok: true }));\napp.use((err, req, res, next) => { res.status(500).end(); });",
    // A promise chain that ends in .catch(next).
    "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users', (req, res, next) => users.list().then((rows) => res.json(rows)).catch(next));",
    // express-async-errors patches the routers of the process.
    "import 'express-async-errors';\nimport express from 'express';\nconst app = express();\napp.get('/x', async (req, res) => { res.json(await load()); });",
    { code: "require('express-async-errors');\nconst express = require('express');\nconst app = express();\napp.get('/x', async (req, res) => { res.json(await load()); });", filename: 'app.js' },
    // Express 5 forwards rejections itself.
    {
      code: "import express from 'express';\nconst app = express();\napp.get('/x', async (req, res) => { res.json(await load()); });",
      options: [{ expressVersion: 5, wrappers: [], asyncHandlerModule: '', asyncHandlerExport: 'asyncHandler' }],
    },
    // A handler already wrapped where it is defined, and one imported from another file.
    "import { Router } from 'express';\nimport asyncHandler from 'express-async-handler';\nconst router = Router();\nconst list = asyncHandler(async (req, res) => { res.json(await load()); });\nrouter.get('/a', list);",
    "import { Router } from 'express';\nimport { listBooks } from '../controllers/books';\nconst router = Router();\nrouter.get('/books', listBooks);",
    // NestJS and Next.js await their handlers.
    {
      code: "@Controller('books')\nexport class BooksController {\n  @Get()\n  async findAll() { return this.books.findAll(); }\n}",
      filename: 'books.controller.ts',
    },
    { code: 'export async function GET(request: Request) {\n  return Response.json(await load());\n}', filename: 'app/api/books/route.ts' },
    // A Fastify plugin and a Koa router mount: their handlers may be async.
    "export default async function routes(app) {\n  app.get('/books', async (request, reply) => reply.send(await load()));\n}",
    "export function mount(router) {\n  router.get('/books', async (ctx, next) => { ctx.body = await load(); });\n}",
    "import Router from '@koa/router';\nimport express from 'express';\nconst app = express();\napp.get('/x', async (req, res) => { res.json(await load()); });",
    // Async callbacks that are not route handlers.
    [
      "import express from 'express';",
      'const app = express();',
      "const port = app.get('port');",
      "emitter.on('job', async (job) => { await run(job); });",
      'await Promise.all(items.map(async (item) => save(item)));',
      "cache.get('/books', async () => load());",
    ].join('\n'),
  ],
  invalid: [
    {
      // No wrapper in scope and none configured: reported without a suggestion.
      code: [
        "import { Router } from 'express';",
        'const router = Router();',
        "router.post('/topics', async (req, res) => {",
        "  const result = await pool.query('INSERT INTO topics (name) VALUES ($1) RETURNING id', [req.body.name]);",
        '  res.status(201).json({ id: result.rows[0]?.id });',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'asyncHandler', line: 3, column: 24, endColumn: 43, suggestions: [] }],
    },
    {
      // The example app: asyncHandler is imported, one route forgot it.
      code: [
        "import { Router } from 'express';",
        "import { asyncHandler } from '../middleware/asyncHandler.js';",
        'const router = Router();',
        "router.post('/topics', async (req, res) => {",
        "  res.json(await create(req.body));",
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'asyncHandler',
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: 'wrapHandler',
              data: { wrapper: 'asyncHandler' },
              output: [
                "import { Router } from 'express';",
                "import { asyncHandler } from '../middleware/asyncHandler.js';",
                'const router = Router();',
                "router.post('/topics', asyncHandler(async (req, res) => {",
                "  res.json(await create(req.body));",
                '}));',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Async middleware on the app, default import; the configured import is added.
      code: "import express from 'express';\nconst app = express();\napp.use(async (req, res, next) => {\n  req.user = await loadUser(req);\n  next();\n});",
      options: withImport,
      errors: [
        {
          messageId: 'asyncHandler',
          line: 3,
          column: 9,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'wrapHandler',
              output:
                "import express from 'express';\nimport { asyncHandler } from '../middleware/asyncHandler.js';\nconst app = express();\napp.use(asyncHandler(async (req, res, next) => {\n  req.user = await loadUser(req);\n  next();\n}));",
            },
          ],
        },
      ],
    },
    {
      // Async error middleware.
      code: "import express from 'express';\nconst app = express();\napp.use(async function onError(err, req, res, next) {\n  await audit.record(err);\n  res.status(500).json({ error: 'Internal error' });\n});",
      errors: [{ messageId: 'asyncHandler', line: 3, column: 9, endColumn: 52, suggestions: [] }],
    },
    {
      // A named handler: reported where it is passed, the wrap goes around the name.
      code: "import { Router } from 'express';\nconst router = Router();\nasync function listBooks(req, res) { res.json(await books.all()); }\nrouter.get('/books', requireAuth, listBooks);",
      options: withImport,
      errors: [
        {
          messageId: 'asyncHandler',
          line: 4,
          column: 35,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'wrapHandler',
              output:
                "import { Router } from 'express';\nimport { asyncHandler } from '../middleware/asyncHandler.js';\nconst router = Router();\nasync function listBooks(req, res) { res.json(await books.all()); }\nrouter.get('/books', requireAuth, asyncHandler(listBooks));",
            },
          ],
        },
      ],
    },
    {
      // Namespace import; async middleware inside a route's chain and an async const handler.
      code: [
        "import * as express from 'express';",
        'const router = express.Router();',
        'const create = async (req, res) => { res.json(await save(req.body)); };',
        "router.post('/items', async (req, res, next) => { await checkQuota(req); next(); }, create);",
      ].join('\n'),
      errors: [
        { messageId: 'asyncHandler', line: 4, column: 23, suggestions: [] },
        { messageId: 'asyncHandler', line: 4, column: 85, endColumn: 91, suggestions: [] },
      ],
    },
    {
      // CommonJS with a default-export wrapper package configured.
      code: "const express = require('express');\nconst router = express.Router();\nrouter.delete('/items/:id', async function (req, res) {\n  await items.remove(req.params.id);\n  res.status(204).end();\n});\nmodule.exports = router;",
      filename: 'routes/items.js',
      options: [{ expressVersion: 4, wrappers: [], asyncHandlerModule: 'express-async-handler', asyncHandlerExport: 'default' }],
      errors: [
        {
          messageId: 'asyncHandler',
          line: 3,
          column: 29,
          suggestions: [
            {
              messageId: 'wrapHandler',
              output:
                "const express = require('express');\nconst asyncHandler = require('express-async-handler');\nconst router = express.Router();\nrouter.delete('/items/:id', asyncHandler(async function (req, res) {\n  await items.remove(req.params.id);\n  res.status(204).end();\n}));\nmodule.exports = router;",
            },
          ],
        },
      ],
    },
    {
      // Destructured require of Router.
      code: "const { Router } = require('express');\nconst router = Router();\nrouter.get('/me', async (req, res) => res.json(await profile(req.user)));",
      filename: 'routes/me.cjs',
      errors: [{ messageId: 'asyncHandler', line: 3, column: 19, suggestions: [] }],
    },
    {
      // registerRoutes(app: Express), the seed's giant routes file.
      code: "import type { Express } from 'express';\nexport function registerRoutes(app: Express) {\n  app.put('/api/content/:id', requireAuth, async (req, res) => {\n    res.json(await content.update(req.params.id, req.body));\n  });\n}",
      errors: [{ messageId: 'asyncHandler', line: 3, column: 44, suggestions: [] }],
    },
    {
      // app.route() chains.
      code: "import express from 'express';\nconst app = express();\napp.route('/books').get(listBooks).post(async (req, res) => { res.json(await books.create(req.body)); });",
      errors: [{ messageId: 'asyncHandler', line: 3, column: 41, suggestions: [] }],
    },
    {
      // A returned .then() chain with no .catch().
      code: "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users', (req, res) => users.list().then((rows) => res.json(rows)));",
      errors: [{ messageId: 'promiseHandler', line: 3, column: 22, endColumn: 35, suggestions: [] }],
    },
    {
      // A catch that only logs leaves the request hanging, and one that rethrows rejects anyway.
      code: [
        "import { Router } from 'express';",
        'const router = Router();',
        "router.get('/a', async (req, res) => {",
        '  try { res.json(await a()); } catch (error) { console.error(error); }',
        '});',
        "router.get('/b', async (req, res) => {",
        "  try { res.json(await b()); } catch (error) { logger.error(error); throw error; }",
        '});',
      ].join('\n'),
      errors: [
        { messageId: 'asyncHandler', line: 3, column: 18, suggestions: [] },
        { messageId: 'asyncHandler', line: 6, column: 18, suggestions: [] },
      ],
    },
    {
      // An await before the try rejects outside it; a promise returned from the try escapes the catch.
      code: [
        "import { Router } from 'express';",
        'const router = Router();',
        "router.post('/ask', async (req, res) => {",
        '  const user = await users.find(req.user.id);',
        '  try { res.json(await answer(user)); } catch (error) { res.status(500).end(); }',
        '});',
        "router.get('/c', async (req, res, next) => {",
        '  try { return render(res); } catch (error) { next(error); }',
        '});',
      ].join('\n'),
      errors: [
        { messageId: 'asyncHandler', line: 3, column: 21, suggestions: [] },
        { messageId: 'asyncHandler', line: 7, column: 18, suggestions: [] },
      ],
    },
    {
      // A throw outside the try, and a returned promise outside it.
      code: [
        "import { Router } from 'express';",
        'const router = Router();',
        "router.get('/d', async (req, res, next) => {",
        "  if (!req.user) throw new Error('no user');",
        '  try { res.json(await load()); } catch (error) { next(error); }',
        '});',
        "router.get('/e', async (req, res, next) => {",
        '  try { res.json(await load()); } catch (error) { next(error); }',
        '  return audit(req);',
        '});',
      ].join('\n'),
      errors: [
        { messageId: 'asyncHandler', line: 3, column: 18, suggestions: [] },
        { messageId: 'asyncHandler', line: 7, column: 18, suggestions: [] },
      ],
    },
    {
      // The user's own wrapper name from the options, in a TSX file.
      code: "import { Router } from 'express';\nimport { withErrors } from '../lib/http';\nconst router = Router();\nrouter.get('/page', async (req: Request, res: Response) => { res.send(await render()); });",
      filename: 'routes/page.tsx',
      options: [{ expressVersion: 4, wrappers: ['withErrors'], asyncHandlerModule: '', asyncHandlerExport: 'asyncHandler' }],
      errors: [
        {
          messageId: 'asyncHandler',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'wrapHandler',
              data: { wrapper: 'withErrors' },
              output:
                "import { Router } from 'express';\nimport { withErrors } from '../lib/http';\nconst router = Router();\nrouter.get('/page', withErrors(async (req: Request, res: Response) => { res.send(await render()); }));",
            },
          ],
        },
      ],
    },
  ],
});
