import rule from '../../src/rules/no-fire-and-forget.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const CATCH_TS = '.catch((error: unknown) => console.error(error))';
const CATCH_JS = '.catch((error) => console.error(error))';

const router = (body: string, handler = 'async (req, res) =>', after = ''): string =>
  ["import { Router } from 'express';", 'const router = Router();', `router.post('/x', ${handler} {`, body, '});', after].join('\n');

ruleTester.run('no-fire-and-forget', rule, {
  valid: [
    // Seed 000 #15 and the example app: background work with its failure handled.
    [
      "import { Router } from 'express';",
      "import { processBook } from '../services/bookProcessor.js';",
      'const router = Router();',
      "router.post('/books/upload', async (req, res) => {",
      '  processBook(bookId, req.file.path).catch((error: unknown) => {',
      "    console.error('Book processing failed', bookId, error);",
      '  });',
      '  res.status(202).json({ bookId });',
      '});',
    ].join('\n'),
    // Explicit opt-out, awaited, returned.
    router('  void recordUsage(req.user.id);\n  await recordUsage(req.user.id);\n  return fetch(url);', undefined, 'async function recordUsage(id) {\n  await pool.query("INSERT INTO usage VALUES ($1)", [id]);\n}'),
    // A .then() with a rejection callback, or followed by .catch().
    router('  fetch(url).then(ok, fail);\n  notify(user).then(() => done()).catch(next);\n  fetch(url).catch(log).finally(cleanup);'),
    // A synchronous local function of the same name; an imported one the file cannot see into.
    router('  recordUsage(req.user.id);', undefined, 'function recordUsage(id) {\n  counters.add(id);\n}'),
    "import { Router } from 'express';\nimport { sendEmail } from '../mail';\nconst router = Router();\nrouter.post('/signup', async (req, res) => {\n  sendEmail(req.body.email);\n  res.status(201).end();\n});",
    // Outside request handlers.
    'async function main() {}\nmain();\nsetInterval(cleanupOldJobs, 24 * 60 * 60 * 1000);\nfetch(url);',
    // Callback-style pg, a local fetch, and ordinary response and emitter calls.
    [
      "import { Pool } from 'pg';",
      "import express from 'express';",
      'const pool = new Pool();',
      'const app = express();',
      'function fetch(url) { return cache.get(url); }',
      "app.post('/x', (req, res, next) => {",
      "  pool.query('INSERT INTO hits VALUES ($1)', [req.ip], (err) => { if (err) next(err); });",
      '  fetch(req.url);',
      "  emitter.emit('hit');",
      '  items.push(req.body);',
      "  logger.info('hit');",
      '  res.json({ ok: true });',
      '  next();',
      '});',
    ].join('\n'),
    // A local module's query() whose argument is not SQL.
    "import { Router } from 'express';\nimport cache from '../cache';\nconst router = Router();\nrouter.get('/books', (req, res) => {\n  cache.query('books');\n  res.end();\n});",
    // Promise.allSettled never rejects.
    router('  Promise.allSettled([notify(a), notify(b)]);'),
    // Client methods that do not return promises.
    [
      "import axios from 'axios';",
      "import { PrismaClient } from '@prisma/client';",
      "import express from 'express';",
      'const api = axios.create({ timeout: 5000 });',
      'const prisma = new PrismaClient();',
      'const app = express();',
      "app.get('/x', (req, res) => {",
      '  api.getUri({ url: req.path });',
      "  prisma.$on('query', (event) => log(event));",
      '  res.end();',
      '});',
    ].join('\n'),
    // NestJS: a synchronous method and the logger.
    {
      code: [
        "@Controller('books')",
        'export class BooksController {',
        '  @Post()',
        '  async create(@Body() body: CreateBookDto) {',
        '    this.audit(body);',
        "    this.logger.log('created');",
        '    return this.books.create(body);',
        '  }',
        '  private audit(body: CreateBookDto) { this.events.push(body); }',
        '}',
      ].join('\n'),
      filename: 'books.controller.ts',
    },
    // Test code around an app is not a request handler.
    {
      code: "import request from 'supertest';\ndescribe('books', () => {\n  it('lists', async () => {\n    request(app).get('/books').then((response) => expect(response.status).toBe(200));\n    fetch(url);\n  });\n});",
      filename: 'books.test.ts',
    },
    // Unknown clients (redis publish) are left to typescript-eslint's no-floating-promises.
    router("  redis.publish('books', JSON.stringify(req.body));\n  res.end();"),
  ],
  invalid: [
    {
      // The example app: recordUsage() dropped inside an asyncHandler-wrapped handler.
      code: [
        "import { Router } from 'express';",
        "import { asyncHandler } from '../middleware/asyncHandler.js';",
        'const router = Router();',
        'async function recordUsage(userId: string, tokens: number): Promise<void> {',
        "  await pool.query('INSERT INTO usage (user_id, tokens) VALUES ($1, $2)', [userId, tokens]);",
        '}',
        "router.post('/summarize', requireAuth, asyncHandler(async (req, res) => {",
        '  recordUsage(req.user.id, tokens);',
        '  res.json({ summary });',
        '}));',
      ].join('\n'),
      errors: [
        {
          messageId: 'floatingPromise',
          data: { name: 'recordUsage' },
          line: 8,
          column: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addAwait',
              output: [
                "import { Router } from 'express';",
                "import { asyncHandler } from '../middleware/asyncHandler.js';",
                'const router = Router();',
                'async function recordUsage(userId: string, tokens: number): Promise<void> {',
                "  await pool.query('INSERT INTO usage (user_id, tokens) VALUES ($1, $2)', [userId, tokens]);",
                '}',
                "router.post('/summarize', requireAuth, asyncHandler(async (req, res) => {",
                '  await recordUsage(req.user.id, tokens);',
                '  res.json({ summary });',
                '}));',
              ].join('\n'),
            },
            {
              messageId: 'addCatch',
              output: [
                "import { Router } from 'express';",
                "import { asyncHandler } from '../middleware/asyncHandler.js';",
                'const router = Router();',
                'async function recordUsage(userId: string, tokens: number): Promise<void> {',
                "  await pool.query('INSERT INTO usage (user_id, tokens) VALUES ($1, $2)', [userId, tokens]);",
                '}',
                "router.post('/summarize', requireAuth, asyncHandler(async (req, res) => {",
                `  recordUsage(req.user.id, tokens)${CATCH_TS};`,
                '  res.json({ summary });',
                '}));',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Global fetch in a synchronous handler: only the .catch() suggestion.
      code: "import express from 'express';\nconst app = express();\napp.post('/hook', (req, res) => {\n  fetch(WEBHOOK_URL, { method: 'POST', body: JSON.stringify(req.body) });\n  res.sendStatus(202);\n});",
      errors: [
        {
          messageId: 'floatingPromise',
          data: { name: 'fetch' },
          line: 4,
          column: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `import express from 'express';\nconst app = express();\napp.post('/hook', (req, res) => {\n  fetch(WEBHOOK_URL, { method: 'POST', body: JSON.stringify(req.body) })${CATCH_TS};\n  res.sendStatus(202);\n});`,
            },
          ],
        },
      ],
    },
    {
      // .then() with no .catch(), on a function the rule cannot see into.
      code: router("  sendWelcome(user).then(() => log('sent'));\n  res.end();"),
      errors: [
        {
          messageId: 'thenWithoutCatch',
          line: 4,
          column: 3,
          endColumn: 25,
          suggestions: [
            { messageId: 'addAwait', output: router("  await sendWelcome(user).then(() => log('sent'));\n  res.end();") },
            { messageId: 'addCatch', output: router(`  sendWelcome(user).then(() => log('sent'))${CATCH_TS};\n  res.end();`) },
          ],
        },
      ],
    },
    {
      // NestJS: axios (default import) and an async method of the controller.
      code: [
        "import axios from 'axios';",
        "@Controller('orders')",
        'export class OrdersController {',
        '  @Post()',
        '  async create(@Body() body: OrderDto) {',
        "    axios.post('https://hooks.example.com/orders', body);",
        '    this.notify(body);',
        '    return body;',
        '  }',
        '  private async notify(body: OrderDto) { await this.mailer.send(body); }',
        '}',
      ].join('\n'),
      filename: 'orders.controller.ts',
      errors: [
        {
          messageId: 'floatingPromise',
          data: { name: 'axios.post' },
          line: 6,
          column: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'addAwait',
              output: [
                "import axios from 'axios';",
                "@Controller('orders')",
                'export class OrdersController {',
                '  @Post()',
                '  async create(@Body() body: OrderDto) {',
                "    await axios.post('https://hooks.example.com/orders', body);",
                '    this.notify(body);',
                '    return body;',
                '  }',
                '  private async notify(body: OrderDto) { await this.mailer.send(body); }',
                '}',
              ].join('\n'),
            },
            {
              messageId: 'addCatch',
              output: [
                "import axios from 'axios';",
                "@Controller('orders')",
                'export class OrdersController {',
                '  @Post()',
                '  async create(@Body() body: OrderDto) {',
                `    axios.post('https://hooks.example.com/orders', body)${CATCH_TS};`,
                '    this.notify(body);',
                '    return body;',
                '  }',
                '  private async notify(body: OrderDto) { await this.mailer.send(body); }',
                '}',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'floatingPromise',
          data: { name: 'this.notify' },
          line: 7,
          column: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addAwait',
              output: [
                "import axios from 'axios';",
                "@Controller('orders')",
                'export class OrdersController {',
                '  @Post()',
                '  async create(@Body() body: OrderDto) {',
                "    axios.post('https://hooks.example.com/orders', body);",
                '    await this.notify(body);',
                '    return body;',
                '  }',
                '  private async notify(body: OrderDto) { await this.mailer.send(body); }',
                '}',
              ].join('\n'),
            },
            {
              messageId: 'addCatch',
              output: [
                "import axios from 'axios';",
                "@Controller('orders')",
                'export class OrdersController {',
                '  @Post()',
                '  async create(@Body() body: OrderDto) {',
                "    axios.post('https://hooks.example.com/orders', body);",
                `    this.notify(body)${CATCH_TS};`,
                '    return body;',
                '  }',
                '  private async notify(body: OrderDto) { await this.mailer.send(body); }',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Next.js route handler.
      code: "export async function POST(request: Request) {\n  fetch(ANALYTICS_URL);\n  return Response.json({ ok: true });\n}",
      filename: 'app/api/events/route.ts',
      errors: [
        {
          messageId: 'floatingPromise',
          line: 2,
          column: 3,
          suggestions: [
            { messageId: 'addAwait', output: "export async function POST(request: Request) {\n  await fetch(ANALYTICS_URL);\n  return Response.json({ ok: true });\n}" },
            { messageId: 'addCatch', output: `export async function POST(request: Request) {\n  fetch(ANALYTICS_URL)${CATCH_TS};\n  return Response.json({ ok: true });\n}` },
          ],
        },
      ],
    },
    {
      // node-postgres pool and Prisma, created in this file.
      code: [
        "import { Pool } from 'pg';",
        "import { PrismaClient } from '@prisma/client';",
        "import express from 'express';",
        'const pool = new Pool();',
        'const prisma = new PrismaClient();',
        'const app = express();',
        "app.get('/books/:id', (req, res) => {",
        "  pool.query('UPDATE books SET views = views + 1 WHERE id = $1', [req.params.id]);",
        "  prisma.auditLog.create({ data: { action: 'view' } });",
        '  res.end();',
        '});',
      ].join('\n'),
      errors: [
        { messageId: 'floatingPromise', data: { name: 'pool.query' }, line: 8, column: 3, endColumn: 13, suggestions: [{ messageId: 'addCatch', output: [
          "import { Pool } from 'pg';",
          "import { PrismaClient } from '@prisma/client';",
          "import express from 'express';",
          'const pool = new Pool();',
          'const prisma = new PrismaClient();',
          'const app = express();',
          "app.get('/books/:id', (req, res) => {",
          `  pool.query('UPDATE books SET views = views + 1 WHERE id = $1', [req.params.id])${CATCH_TS};`,
          "  prisma.auditLog.create({ data: { action: 'view' } });",
          '  res.end();',
          '});',
        ].join('\n') }] },
        { messageId: 'floatingPromise', data: { name: 'prisma.auditLog.create' }, line: 9, column: 3, endColumn: 25, suggestions: [{ messageId: 'addCatch', output: [
          "import { Pool } from 'pg';",
          "import { PrismaClient } from '@prisma/client';",
          "import express from 'express';",
          'const pool = new Pool();',
          'const prisma = new PrismaClient();',
          'const app = express();',
          "app.get('/books/:id', (req, res) => {",
          "  pool.query('UPDATE books SET views = views + 1 WHERE id = $1', [req.params.id]);",
          `  prisma.auditLog.create({ data: { action: 'view' } })${CATCH_TS};`,
          '  res.end();',
          '});',
        ].join('\n') }] },
      ],
    },
    {
      // OpenAI SDK instance.
      code: router("  openai.moderations.create({ input: req.body.text });\n  res.end();").replace("import { Router } from 'express';", "import OpenAI from 'openai';\nimport { Router } from 'express';\nconst openai = new OpenAI();"),
      errors: [{ messageId: 'floatingPromise', data: { name: 'openai.moderations.create' }, line: 6, column: 3, endColumn: 28, suggestions: [
        { messageId: 'addAwait', output: router("  await openai.moderations.create({ input: req.body.text });\n  res.end();").replace("import { Router } from 'express';", "import OpenAI from 'openai';\nimport { Router } from 'express';\nconst openai = new OpenAI();") },
        { messageId: 'addCatch', output: router(`  openai.moderations.create({ input: req.body.text })${CATCH_TS};\n  res.end();`).replace("import { Router } from 'express';", "import OpenAI from 'openai';\nimport { Router } from 'express';\nconst openai = new OpenAI();") },
      ] }],
    },
    {
      // CommonJS: require()d axios, a JavaScript catch handler.
      code: "const express = require('express');\nconst axios = require('axios');\nconst router = express.Router();\nrouter.post('/ping', (req, res) => {\n  axios.get(PING_URL);\n  res.end();\n});",
      filename: 'routes/ping.js',
      errors: [{ messageId: 'floatingPromise', line: 5, column: 3, suggestions: [
        { messageId: 'addCatch', output: `const express = require('express');\nconst axios = require('axios');\nconst router = express.Router();\nrouter.post('/ping', (req, res) => {\n  axios.get(PING_URL)${CATCH_JS};\n  res.end();\n});` },
      ] }],
    },
    {
      // Destructured require of node:fs/promises.
      code: "const { writeFile } = require('node:fs/promises');\nconst { Router } = require('express');\nconst router = Router();\nrouter.put('/notes', (req, res) => {\n  writeFile(NOTES, req.body.text);\n  res.end();\n});",
      filename: 'routes/notes.cjs',
      errors: [{ messageId: 'floatingPromise', data: { name: 'writeFile' }, line: 5, column: 3, suggestions: [
        { messageId: 'addCatch', output: `const { writeFile } = require('node:fs/promises');\nconst { Router } = require('express');\nconst router = Router();\nrouter.put('/notes', (req, res) => {\n  writeFile(NOTES, req.body.text)${CATCH_JS};\n  res.end();\n});` },
      ] }],
    },
    {
      // Aliased and namespace imports of fs/promises.
      code: router("  read(CACHE_FILE);\n  fsp.unlink(TMP_FILE);", '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport { readFile as read } from 'fs/promises';\nimport * as fsp from 'node:fs/promises';"),
      errors: [
        { messageId: 'floatingPromise', data: { name: 'read' }, line: 6, column: 3, suggestions: [
          { messageId: 'addCatch', output: router(`  read(CACHE_FILE)${CATCH_TS};\n  fsp.unlink(TMP_FILE);`, '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport { readFile as read } from 'fs/promises';\nimport * as fsp from 'node:fs/promises';") },
        ] },
        { messageId: 'floatingPromise', data: { name: 'fsp.unlink' }, line: 7, column: 3, suggestions: [
          { messageId: 'addCatch', output: router(`  read(CACHE_FILE);\n  fsp.unlink(TMP_FILE)${CATCH_TS};`, '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport { readFile as read } from 'fs/promises';\nimport * as fsp from 'node:fs/promises';") },
        ] },
      ],
    },
    {
      // A pool from the project's own module, recognised by the SQL it runs.
      code: router("  pool.query(`UPDATE books SET views = views + 1 WHERE id = ${req.params.id}`);", '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport pool from '../config/database';"),
      errors: [{ messageId: 'floatingPromise', line: 5, column: 3, endColumn: 13, suggestions: [
        { messageId: 'addCatch', output: router(`  pool.query(\`UPDATE books SET views = views + 1 WHERE id = \${req.params.id}\`)${CATCH_TS};`, '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport pool from '../config/database';") },
      ] }],
    },
    {
      // .finally() does not handle the rejection; Promise.all is a promise too.
      code: router('  fetch(url).finally(done);\n  Promise.all([a(), b()]);'),
      errors: [
        { messageId: 'floatingPromise', data: { name: 'fetch' }, line: 4, column: 3, endColumn: 8, suggestions: [
          { messageId: 'addAwait', output: router('  await fetch(url).finally(done);\n  Promise.all([a(), b()]);') },
          { messageId: 'addCatch', output: router(`  fetch(url).finally(done)${CATCH_TS};\n  Promise.all([a(), b()]);`) },
        ] },
        { messageId: 'floatingPromise', data: { name: 'Promise.all' }, line: 5, column: 3, endColumn: 14, suggestions: [
          { messageId: 'addAwait', output: router('  fetch(url).finally(done);\n  await Promise.all([a(), b()]);') },
          { messageId: 'addCatch', output: router(`  fetch(url).finally(done);\n  Promise.all([a(), b()])${CATCH_TS};`) },
        ] },
      ],
    },
    {
      // Inside a callback of the handler, and through a type assertion.
      code: router('  items.forEach((item) => { notify(item); });\n  (fetch(url) as Promise<Response>);', undefined, 'const notify = async (item) => {\n  await mailer.send(item);\n};'),
      errors: [
        { messageId: 'floatingPromise', data: { name: 'notify' }, line: 4, column: 29, suggestions: [
          { messageId: 'addCatch', output: router(`  items.forEach((item) => { notify(item)${CATCH_TS}; });\n  (fetch(url) as Promise<Response>);`, undefined, 'const notify = async (item) => {\n  await mailer.send(item);\n};') },
        ] },
        { messageId: 'floatingPromise', data: { name: 'fetch' }, line: 5, column: 4, suggestions: [
          { messageId: 'addAwait', output: router('  items.forEach((item) => { notify(item); });\n  (await fetch(url) as Promise<Response>);', undefined, 'const notify = async (item) => {\n  await mailer.send(item);\n};') },
          { messageId: 'addCatch', output: router(`  items.forEach((item) => { notify(item); });\n  ((fetch(url) as Promise<Response>)${CATCH_TS});`, undefined, 'const notify = async (item) => {\n  await mailer.send(item);\n};') },
        ] },
      ],
    },
    {
      // Functions named in the options: an imported sendEmail and an injected mailer.
      code: router('  sendEmail(req.body.email);\n  this.mailer.send(req.body);\n  mailer.sendLater(req.body);', '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport { sendEmail } from '../mail';"),
      options: [{ promiseFunctions: ['sendEmail', 'mailer.send'] }],
      errors: [
        { messageId: 'floatingPromise', data: { name: 'sendEmail' }, line: 5, column: 3, endColumn: 12, suggestions: [
          { messageId: 'addCatch', output: router(`  sendEmail(req.body.email)${CATCH_TS};\n  this.mailer.send(req.body);\n  mailer.sendLater(req.body);`, '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport { sendEmail } from '../mail';") },
        ] },
        { messageId: 'floatingPromise', data: { name: 'this.mailer.send' }, line: 6, column: 3, endColumn: 19, suggestions: [
          { messageId: 'addCatch', output: router(`  sendEmail(req.body.email);\n  this.mailer.send(req.body)${CATCH_TS};\n  mailer.sendLater(req.body);`, '(req, res) =>').replace("import { Router } from 'express';", "import { Router } from 'express';\nimport { sendEmail } from '../mail';") },
        ] },
      ],
    },
    {
      // Middleware mounted with app.use(), in a TSX file.
      code: "import express from 'express';\nconst app = express();\nasync function audit(req) { await auditLog.write(req.path); }\napp.use((req, res, next) => {\n  audit(req);\n  next();\n});",
      filename: 'server.tsx',
      errors: [{ messageId: 'floatingPromise', data: { name: 'audit' }, line: 5, column: 3, endColumn: 8, suggestions: [
        { messageId: 'addCatch', output: `import express from 'express';\nconst app = express();\nasync function audit(req) { await auditLog.write(req.path); }\napp.use((req, res, next) => {\n  audit(req)${CATCH_TS};\n  next();\n});` },
      ] }],
    },
  ],
});
