import rule from '../../src/rules/no-scattered-client.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-scattered-client', rule, {
  valid: [
    // The seed's fix: one client module, imported everywhere.
    { code: "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });", filename: 'backend/src/config/openai.ts' },
    { code: "import { openai } from '../config/openai';\nexport const embed = (text: string) => openai.embeddings.create({ model: 'text-embedding-3-small', input: text });", filename: 'backend/src/services/rag.ts' },
    // Client modules by file name, and the Next.js globalThis singleton in lib/.
    { code: "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();", filename: 'src/prisma.ts' },
    {
      code: "import { PrismaClient } from '@prisma/client';\nconst globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };\nexport const prisma = globalForPrisma.prisma ?? new PrismaClient();",
      filename: 'lib/prisma.ts',
    },
    // A factory function in a client module.
    { code: "import { PrismaClient } from '@prisma/client';\nexport function createPrisma(url: string) { return new PrismaClient({ datasources: { db: { url } } }); }", filename: 'src/db/client.ts' },
    // A NestJS provider factory in a module file.
    {
      code: "import Redis from 'ioredis';\nexport const redisProvider = { provide: 'REDIS', useFactory: () => new Redis(process.env.REDIS_URL!) };",
      filename: 'src/cache/cache.module.ts',
    },
    // A class or function named like an SDK client but from another module.
    { code: "import { OpenAI } from './fakes';\nconst ai = new OpenAI();", filename: 'src/services/rag.ts' },
    { code: "class Pool { constructor(readonly size: number) {} }\nconst workers = new Pool(4);", filename: 'src/workers.ts' },
    { code: "import { createClient } from '@supabase/supabase-js';\nexport const supabase = createClient(url, key);", filename: 'src/services/auth.ts' },
    // HTTP clients and wrappers that open no connection of their own.
    { code: "import { Redis } from '@upstash/redis';\nexport async function GET() { const redis = Redis.fromEnv(); return Response.json(await redis.get('x')); }", filename: 'app/api/x/route.ts' },
    { code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { pool } from './config/db';\nexport const db = drizzle(pool);", filename: 'src/schema-db.ts' },
    // Tests, scripts and seeds.
    { code: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nbeforeAll(() => prisma.$connect());", filename: 'src/users.test.ts' },
    { code: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nawait prisma.user.create({ data });", filename: 'prisma/seed.ts' },
    { code: "const { Pool } = require('pg');\nconst pool = new Pool();\npool.query('select 1');", filename: 'scripts/check-db.js' },
    // Configured client modules.
    { code: "import Anthropic from '@anthropic-ai/sdk';\nexport const claude = new Anthropic();", filename: 'src/ai/claude.ts', options: [{ clientModules: ['src/ai/**'] }] },
  ],
  invalid: [
    {
      // The seed: an OpenAI client created in a service (ESM default import).
      code: "import OpenAI from 'openai';\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      filename: 'backend/src/services/vectorSearch.ts',
      errors: [{ messageId: 'scatteredClient', data: { client: 'new OpenAI()', suggestedFile: 'openai' }, line: 2, column: 16, endColumn: 66 }],
    },
    {
      // Named, aliased import.
      code: "import { OpenAI as Client } from 'openai';\nexport const ai = new Client();",
      filename: 'src/services/rag.ts',
      errors: [{ messageId: 'scatteredClient', data: { client: 'new Client()', suggestedFile: 'openai' }, line: 2, column: 19 }],
    },
    {
      // Namespace import of pg, in a route module.
      code: "import * as pg from 'pg';\nexport const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });",
      filename: 'src/routes/reports.ts',
      errors: [{ messageId: 'scatteredClient', data: { client: 'new pg.Pool()', suggestedFile: 'database' }, line: 2, column: 21 }],
    },
    {
      // Created inside an Express handler: a client per request.
      code: "import express from 'express';\nimport OpenAI from 'openai';\nconst router = express.Router();\nrouter.post('/chat', async (req, res) => {\n  const openai = new OpenAI();\n  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages }));\n});",
      filename: 'src/routes/chat.ts',
      errors: [{ messageId: 'clientPerRequest', line: 5, column: 18 }],
    },
    {
      // …even in a client module.
      code: "import express from 'express';\nimport { Pool } from 'pg';\nexport const router = express.Router();\nrouter.get('/health/db', async (req, res) => {\n  const pool = new Pool();\n  res.json((await pool.query('SELECT 1')).rows);\n});",
      filename: 'src/db/health.ts',
      errors: [{ messageId: 'clientPerRequest', line: 5, column: 16 }],
    },
    {
      // Next.js route handler.
      code: "import { PrismaClient } from '@prisma/client';\nexport async function GET() {\n  const prisma = new PrismaClient();\n  return Response.json(await prisma.item.findMany());\n}",
      filename: 'app/api/items/route.ts',
      errors: [{ messageId: 'clientPerRequest', line: 3, column: 18 }],
    },
    {
      // Created in a helper each call, CommonJS destructured require.
      code: "const { Pool } = require('pg');\nasync function query(sql, params) {\n  const pool = new Pool();\n  return pool.query(sql, params);\n}\nmodule.exports = { query };",
      filename: 'src/services/query.js',
      errors: [{ messageId: 'clientPerCall', data: { client: 'new Pool()' }, line: 3, column: 16 }],
    },
    {
      // node-redis createClient in a class method, plain require in a .cjs file.
      code: "const redis = require('redis');\nclass Cache {\n  async get(key) {\n    const client = redis.createClient();\n    await client.connect();\n    return client.get(key);\n  }\n}\nmodule.exports = Cache;",
      filename: 'src/services/cache.cjs',
      errors: [{ messageId: 'clientPerCall', data: { client: 'redis.createClient()' }, line: 4, column: 20 }],
    },
    {
      // ioredis at module level outside the client modules (named import of the class).
      code: "import { Redis } from 'ioredis';\nexport const queue = new Redis(process.env.REDIS_URL);",
      filename: 'src/jobs/queue.ts',
      errors: [{ messageId: 'scatteredClient', data: { client: 'new Redis()', suggestedFile: 'redis' }, line: 2, column: 22 }],
    },
    {
      // Anthropic in a service class constructor: once per instance, outside the client modules.
      code: "import Anthropic from '@anthropic-ai/sdk';\nexport class Summariser {\n  private readonly client: Anthropic;\n  constructor() { this.client = new Anthropic(); }\n}",
      filename: 'src/services/summariser.ts',
      errors: [{ messageId: 'scatteredClient', data: { client: 'new Anthropic()', suggestedFile: 'anthropic' }, line: 4, column: 33 }],
    },
    {
      // A lazy singleton outside the client modules: once, but still scattered.
      code: "import OpenAI from 'openai';\nlet client: OpenAI | undefined;\nexport function getOpenAI() {\n  client ??= new OpenAI();\n  return client;\n}",
      filename: 'src/services/bookProcessor.ts',
      errors: [{ messageId: 'scatteredClient', line: 4, column: 14 }],
    },
    {
      // mysql2 pool factory called per job.
      code: "import mysql from 'mysql2/promise';\nexport async function runReport(id: string) {\n  const db = mysql.createPool({ uri: process.env.MYSQL_URL });\n  return db.query('SELECT * FROM reports WHERE id = ?', [id]);\n}",
      filename: 'src/reports/run.ts',
      errors: [{ messageId: 'clientPerCall', data: { client: 'mysql.createPool()' }, line: 3, column: 14 }],
    },
    {
      // A main() called once from the top level counts as module level.
      code: "import { PrismaClient } from '@prisma/client';\nasync function main() {\n  const prisma = new PrismaClient();\n  await prisma.$connect();\n}\nmain();",
      filename: 'src/server.ts',
      errors: [{ messageId: 'scatteredClient', line: 3, column: 18 }],
    },
    {
      // TSX server component creating a client per render.
      code: "import { PrismaClient } from '@prisma/client';\nexport default async function Page() {\n  const prisma = new PrismaClient();\n  const items = await prisma.item.findMany();\n  return <ul>{items.map((item) => <li key={item.id}>{item.name}</li>)}</ul>;\n}",
      filename: 'app/items/page.tsx',
      errors: [{ messageId: 'clientPerCall', line: 3, column: 18 }],
    },
  ],
});
