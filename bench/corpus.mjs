// Seeded generator of a realistic backend repository for the lint benchmark: Express routers,
// NestJS controllers and services, pg and Prisma data access, Next.js route handlers, React
// components and utilities, written the way the review seeds' code is written. Most code is the
// hardened form; a small share carries the mistakes the reviews found (SQL built from input,
// secret fallbacks, TLS verification off, error details sent to clients, unbounded caches…).
//
// Deterministic: file i depends only on (seed, i), so the corpus of 4,000 files starts with the
// corpus of 2,000 and every size has the same mix.
//
//   node bench/corpus.mjs [--files N] [--seed S] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 20_240_611;

/** Chance that one finding site in a file is written the vulnerable way. */
const FINDING_RATE = 0.05;

/** mulberry32: small, fast, good enough for picking templates. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function fileRandom(seed, index) {
  // Mix the index in so neighbouring files do not get correlated streams.
  return prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

const ENTITIES = [
  ['user', ['email', 'displayName', 'role']],
  ['order', ['status', 'totalCents', 'customerId']],
  ['invoice', ['number', 'amountCents', 'dueDate']],
  ['product', ['sku', 'name', 'priceCents']],
  ['book', ['title', 'author', 'pageCount']],
  ['topic', ['name', 'description', 'ownerId']],
  ['message', ['content', 'role', 'topicId']],
  ['shipment', ['carrier', 'trackingNumber', 'status']],
  ['receipt', ['supplier', 'receivedAt', 'lineCount']],
  ['warehouse', ['code', 'city', 'capacity']],
  ['payment', ['provider', 'amountCents', 'status']],
  ['subscription', ['plan', 'renewsAt', 'status']],
  ['ticket', ['subject', 'priority', 'assigneeId']],
  ['project', ['name', 'budgetCents', 'ownerId']],
  ['comment', ['body', 'authorId', 'postId']],
  ['report', ['kind', 'period', 'createdBy']],
  ['upload', ['fileName', 'mimeType', 'sizeBytes']],
  ['session', ['device', 'lastSeenAt', 'userId']],
  ['coupon', ['code', 'percentOff', 'expiresAt']],
  ['review', ['rating', 'body', 'productId']],
];

const KINDS = [
  ['expressRoutes', 24],
  ['pgService', 14],
  ['prismaService', 14],
  ['nestController', 9],
  ['nestService', 5],
  ['nextRoute', 6],
  ['reactComponent', 16],
  ['util', 12],
];
const KIND_WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

const pascal = (word) => word[0].toUpperCase() + word.slice(1);
const snake = (word) => word.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const plural = (word) => (word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`);

/** Files every repo has once: server entry, pool, Prisma client, logger, Redis, env. */
const FIXED_FILES = {
  'src/index.ts': `import cors from 'cors';
import express from 'express';
import rateLimit from 'express-rate-limit';
import helmet from 'helmet';

import { config } from './config/env.js';
import pool from './config/database.js';
import { logger } from './lib/logger.js';
import { errorHandler } from './middleware/errors.js';
import { routes } from './routes/index.js';

const app = express();

app.use(helmet());
app.use(cors({ origin: config.allowedOrigins, credentials: true }));
app.use(express.json({ limit: '1mb' }));
app.use(express.urlencoded({ extended: true, limit: '1mb' }));
app.use('/api', rateLimit({ windowMs: 60_000, max: 300, standardHeaders: true, legacyHeaders: false }));

app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.use('/api', routes);
app.use(errorHandler);

const server = app.listen(config.port, () => {
  logger.info({ port: config.port }, 'server listening');
});

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    void pool.end().then(() => process.exit(0));
  });
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
`,
  'src/config/env.ts': `function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`\${name} is required\`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: required('DATABASE_URL'),
  sessionSecret: required('SESSION_SECRET'),
  jwtSecret: required('JWT_SECRET'),
  redisUrl: required('REDIS_URL'),
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
};
`,
  'src/config/database.ts': `import { readFileSync } from 'node:fs';

import { Pool } from 'pg';

import { config } from './env.js';
import { logger } from '../lib/logger.js';

const pool = new Pool({
  connectionString: config.databaseUrl,
  max: 20,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 2_000,
  ssl: process.env.NODE_ENV === 'production' ? { ca: readFileSync('/etc/ssl/rds-ca.pem', 'utf8') } : false,
});

pool.on('error', (error) => {
  logger.error({ err: error }, 'idle client error');
});

export default pool;
`,
  'src/lib/prisma.ts': `import { PrismaClient } from '@prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma = globalForPrisma.prisma ?? new PrismaClient();

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
`,
  'src/lib/logger.ts': `import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
});
`,
  'src/lib/redis.ts': `import Redis from 'ioredis';

import { config } from '../config/env.js';

export const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });

export async function cached<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit) as T;
  const value = await load();
  await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  return value;
}
`,
  'src/middleware/asyncHandler.ts': `import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Forwards a rejected promise from an async handler to Express's error middleware. */
export function asyncHandler(handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}
`,
  'src/middleware/errors.ts': `import type { NextFunction, Request, Response } from 'express';

import { logger } from '../lib/logger.js';

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction): void {
  logger.error({ err, path: req.path }, 'unhandled error');
  res.status(500).json({ error: 'Internal server error' });
}
`,
};

/** Writes the corpus into `dir` and returns the list of file paths (absolute). */
export function generateCorpus({ dir, files = 2_000, seed = DEFAULT_SEED }) {
  const written = [];
  const write = (relative, text) => {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(target);
  };
  const fixed = Object.entries(FIXED_FILES).slice(0, files);
  for (const [relative, text] of fixed) write(relative, text);
  for (let index = 0; index < files - fixed.length; index += 1) {
    const { relative, text } = generateFile(seed, index);
    write(relative, text);
  }
  return written;
}

/** One generated file: its path in the repo and its source text. */
export function generateFile(seed, index) {
  const random = fileRandom(seed, index);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (rate) => random() < rate;
  const finding = () => chance(FINDING_RATE);
  let roll = random() * KIND_WEIGHT;
  let kind = KINDS[0][0];
  for (const [name, weight] of KINDS) {
    if (roll < weight) {
      kind = name;
      break;
    }
    roll -= weight;
  }
  const [entity, fields] = pick(ENTITIES);
  // Every file gets its own module so paths never collide: `orders42`.
  const module = `${plural(entity)}${index}`;
  const context = { random, pick, chance, finding, entity, fields, module, index };
  return TEMPLATES[kind](context);
}

const TEMPLATES = {
  expressRoutes(c) {
    const Entity = pascal(c.entity);
    const table = snake(plural(c.entity));
    const [first, second, third] = c.fields;
    const columns = ['id', ...c.fields.map(snake), 'created_at'].join(', ');
    const handlers = [];
    handlers.push(`router.get(
  '/',
  requireAuth,
  asyncHandler(async (req, res) => {
    const limit = Math.min(Number(req.query.limit) || 50, 200);
    const offset = Math.max(Number(req.query.offset) || 0, 0);
    const result = await pool.query(
      'SELECT ${columns} FROM ${table} WHERE owner_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3',
      [req.user.id, limit, offset],
    );
    res.json({ items: result.rows, limit, offset });
  }),
);`);
    handlers.push(`router.get(
  '/:id',
  requireAuth,
  asyncHandler(async (req, res) => {
    const result = await pool.query('SELECT ${columns} FROM ${table} WHERE id = $1 AND owner_id = $2', [
      req.params.id,
      req.user.id,
    ]);
    const row = result.rows[0];
    if (!row) {
      res.status(404).json({ error: '${Entity} not found' });
      return;
    }
    res.json(row);
  }),
);`);
    handlers.push(`router.post(
  '/',
  requireAuth,
  asyncHandler(async (req, res) => {
    const parsed = create${Entity}Schema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Invalid ${c.entity}', issues: parsed.error.issues });
      return;
    }
    const ${c.entity} = await ${c.entity}Service.create(req.user.id, parsed.data);
    logger.info({ ${c.entity}Id: ${c.entity}.id, userId: req.user.id }, '${c.entity} created');
    res.status(201).json(${c.entity});
  }),
);`);
    if (c.chance(0.6)) {
      handlers.push(`router.delete(
  '/:id',
  requireAuth,
  asyncHandler(async (req, res) => {
    const deleted = await ${c.entity}Service.remove(req.user.id, String(req.params.id));
    if (!deleted) {
      res.status(404).json({ error: '${Entity} not found' });
      return;
    }
    res.status(204).end();
  }),
);`);
    }
    if (c.finding()) {
      // SQL text built from request input (seed: chat search endpoint).
      handlers.push(`router.get('/search', requireAuth, async (req, res) => {
  const term = String(req.query.q ?? '');
  const result = await pool.query(\`SELECT ${columns} FROM ${table} WHERE ${snake(first)} ILIKE '%\${term}%' LIMIT 50\`);
  res.json(result.rows);
});`);
    } else if (c.chance(0.5)) {
      handlers.push(`router.get(
  '/search',
  requireAuth,
  asyncHandler(async (req, res) => {
    const term = String(req.query.q ?? '').slice(0, 100);
    const result = await pool.query('SELECT ${columns} FROM ${table} WHERE ${snake(first)} ILIKE $1 LIMIT 50', [
      \`%\${term}%\`,
    ]);
    res.json(result.rows);
  }),
);`);
    }
    if (c.finding()) {
      // Error details sent to the client (seed: "sanitize error messages").
      handlers.push(`router.post('/:id/${snake(second)}', requireAuth, async (req, res) => {
  try {
    await ${c.entity}Service.update${pascal(second)}(String(req.params.id), req.body.${second});
    res.status(204).end();
  } catch (error) {
    res.status(500).json({ error: (error as Error).message });
  }
});`);
    }
    if (c.finding()) {
      // Personal data in logs (seed: "remove PII from logs").
      handlers.push(`router.post(
  '/:id/notify',
  requireAuth,
  asyncHandler(async (req, res) => {
    console.log('notifying', req.user.email, req.body);
    await ${c.entity}Service.notify(String(req.params.id));
    res.status(202).end();
  }),
);`);
    }
    if (c.chance(0.3)) {
      handlers.push(`router.patch(
  '/:id',
  requireAuth,
  asyncHandler(async (req, res) => {
    const parsed = update${Entity}Schema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Invalid ${c.entity}' });
      return;
    }
    const updated = await ${c.entity}Service.update(req.user.id, String(req.params.id), parsed.data);
    res.json(updated);
  }),
);`);
    }
    return {
      relative: `src/modules/${c.module}/${c.entity}.routes.ts`,
      text: `import { Router } from 'express';
import { z } from 'zod';

import pool from '../../config/database.js';
import { logger } from '../../lib/logger.js';
import { asyncHandler } from '../../middleware/asyncHandler.js';
import { requireAuth } from '../../middleware/auth.js';
import * as ${c.entity}Service from './${c.entity}.service.js';

const router = Router();

const create${Entity}Schema = z.object({
  ${first}: z.string().min(1).max(200),
  ${second}: z.string().max(200).optional(),
  ${third}: z.string().max(200).optional(),
});

const update${Entity}Schema = create${Entity}Schema.partial();

${handlers.join('\n\n')}

export default router;
`,
    };
  },

  pgService(c) {
    const Entity = pascal(c.entity);
    const table = snake(plural(c.entity));
    const [first, second, third] = c.fields;
    const parts = [];
    parts.push(`export interface ${Entity}Row {
  id: string;
  ${first}: string;
  ${second}: string | null;
  ${third}: string | null;
  created_at: Date;
}

export async function find${Entity}(ownerId: string, id: string): Promise<${Entity}Row | undefined> {
  const result = await pool.query<${Entity}Row>('SELECT * FROM ${table} WHERE id = $1 AND owner_id = $2', [id, ownerId]);
  return result.rows[0];
}`);
    parts.push(`export async function create(ownerId: string, input: { ${first}: string; ${second}?: string }): Promise<${Entity}Row> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await client.query<${Entity}Row>(
      'INSERT INTO ${table} (owner_id, ${snake(first)}, ${snake(second)}) VALUES ($1, $2, $3) RETURNING *',
      [ownerId, input.${first}, input.${second} ?? null],
    );
    await client.query('INSERT INTO audit_log (actor_id, action, entity_id) VALUES ($1, $2, $3)', [
      ownerId,
      '${c.entity}.create',
      inserted.rows[0]?.id,
    ]);
    await client.query('COMMIT');
    const row = inserted.rows[0];
    if (!row) throw new Error('insert returned no row');
    return row;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`);
    parts.push(`export async function remove(ownerId: string, id: string): Promise<boolean> {
  const result = await pool.query('DELETE FROM ${table} WHERE id = $1 AND owner_id = $2', [id, ownerId]);
  return (result.rowCount ?? 0) > 0;
}`);
    if (c.finding()) {
      // Query per item of a loop (seed: N+1 in reports).
      parts.push(`export async function load${plural(Entity)}(ids: string[]): Promise<${Entity}Row[]> {
  const rows: ${Entity}Row[] = [];
  for (const id of ids) {
    const result = await pool.query<${Entity}Row>('SELECT * FROM ${table} WHERE id = $1', [id]);
    if (result.rows[0]) rows.push(result.rows[0]);
  }
  return rows;
}`);
    } else {
      parts.push(`export async function load${plural(Entity)}(ids: string[]): Promise<${Entity}Row[]> {
  if (ids.length === 0) return [];
  const result = await pool.query<${Entity}Row>('SELECT * FROM ${table} WHERE id = ANY($1::uuid[]) LIMIT 500', [ids]);
  return result.rows;
}`);
    }
    if (c.finding()) {
      // Two writes without a transaction (seed: "wrap multi-step writes").
      parts.push(`export async function archive(ownerId: string, id: string): Promise<void> {
  await pool.query('INSERT INTO ${table}_archive SELECT * FROM ${table} WHERE id = $1 AND owner_id = $2', [id, ownerId]);
  await pool.query('DELETE FROM ${table} WHERE id = $1 AND owner_id = $2', [id, ownerId]);
}`);
    }
    if (c.finding()) {
      // Unbounded module-level cache (seed: pageCache Map).
      parts.push(`const ${c.entity}Cache = new Map<string, ${Entity}Row>();

export async function cached${Entity}(ownerId: string, id: string): Promise<${Entity}Row | undefined> {
  const key = \`\${ownerId}:\${id}\`;
  const hit = ${c.entity}Cache.get(key);
  if (hit) return hit;
  const row = await find${Entity}(ownerId, id);
  if (row) ${c.entity}Cache.set(key, row);
  return row;
}`);
    } else if (c.chance(0.4)) {
      parts.push(`export async function cached${Entity}(ownerId: string, id: string): Promise<${Entity}Row | undefined> {
  return cached(\`${c.entity}:\${ownerId}:\${id}\`, 300, () => find${Entity}(ownerId, id));
}`);
    }
    if (c.chance(0.5)) {
      parts.push(`export async function count${plural(Entity)}(ownerId: string): Promise<number> {
  const result = await pool.query<{ count: string }>('SELECT COUNT(*) AS count FROM ${table} WHERE owner_id = $1', [ownerId]);
  return Number(result.rows[0]?.count ?? 0);
}`);
    }
    return {
      relative: `src/modules/${c.module}/${c.entity}.service.ts`,
      text: `import pool from '../../config/database.js';
import { cached } from '../../lib/redis.js';

${parts.join('\n\n')}
`,
    };
  },

  prismaService(c) {
    const Entity = pascal(c.entity);
    const [first, second] = c.fields;
    const parts = [];
    parts.push(`export async function list${plural(Entity)}(ownerId: string, page: number, pageSize = 50) {
  const take = Math.min(Math.max(pageSize, 1), 100);
  return prisma.${c.entity}.findMany({
    where: { ownerId },
    orderBy: { createdAt: 'desc' },
    skip: Math.max(page, 0) * take,
    take,
  });
}

export async function get${Entity}(ownerId: string, id: string) {
  const ${c.entity} = await prisma.${c.entity}.findFirst({ where: { id, ownerId } });
  if (!${c.entity}) throw new NotFoundError('${c.entity}', id);
  return ${c.entity};
}`);
    parts.push(`export async function transfer${Entity}(fromId: string, toId: string, id: string) {
  return prisma.$transaction(async (tx) => {
    const ${c.entity} = await tx.${c.entity}.update({ where: { id, ownerId: fromId }, data: { ownerId: toId } });
    await tx.auditLog.create({ data: { action: '${c.entity}.transfer', entityId: id, actorId: fromId } });
    return ${c.entity};
  });
}`);
    if (c.finding()) {
      // List query with no row limit (seed: "add pagination").
      parts.push(`export async function export${plural(Entity)}(ownerId: string) {
  const rows = await prisma.${c.entity}.findMany({ where: { ownerId } });
  return rows.map((row) => ({ id: row.id, ${first}: row.${first} }));
}`);
    }
    if (c.finding()) {
      // Raw SQL built from a parameter (seed: Prisma $queryRawUnsafe).
      parts.push(`export async function search${plural(Entity)}(term: string) {
  return prisma.$queryRawUnsafe(\`SELECT id, ${snake(first)} FROM ${snake(plural(c.entity))} WHERE ${snake(second)} = '\${term}' LIMIT 20\`);
}`);
    } else {
      parts.push(`export async function search${plural(Entity)}(term: string) {
  return prisma.${c.entity}.findMany({
    where: { ${first}: { contains: term.slice(0, 100), mode: 'insensitive' } },
    take: 20,
  });
}`);
    }
    if (c.chance(0.4)) {
      parts.push(`export async function stats(ownerId: string) {
  const [total, recent] = await Promise.all([
    prisma.${c.entity}.count({ where: { ownerId } }),
    prisma.${c.entity}.count({ where: { ownerId, createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) } } }),
  ]);
  return { total, recent };
}`);
    }
    return {
      relative: `src/modules/${c.module}/${c.entity}.repository.ts`,
      text: `import { NotFoundError } from '../../lib/errors.js';
import { prisma } from '../../lib/prisma.js';

${parts.join('\n\n')}
`,
    };
  },

  nestController(c) {
    const Entity = pascal(c.entity);
    const [first, second] = c.fields;
    const methods = [];
    methods.push(`  @Get()
  list(@Query() query: List${plural(Entity)}Query) {
    return this.${plural(c.entity)}.list(query.page ?? 0, Math.min(query.pageSize ?? 50, 100));
  }

  @Get(':id')
  find(@Param('id', ParseUUIDPipe) id: string) {
    return this.${plural(c.entity)}.find(id);
  }

  @Post()
  create(@Body() dto: Create${Entity}Dto) {
    return this.${plural(c.entity)}.create(dto);
  }`);
    if (c.chance(0.5)) {
      methods.push(`  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.${plural(c.entity)}.remove(id);
  }`);
    }
    if (c.finding()) {
      // File path from a route parameter (seed: bookId in file paths).
      methods.push(`  @Get(':name/attachment')
  attachment(@Param('name') name: string) {
    return createReadStream(join(process.cwd(), 'uploads', name));
  }`);
    }
    return {
      relative: `src/${c.module}/${c.entity}.controller.ts`,
      text: `${methods.some((method) => method.includes('createReadStream')) ? "import { createReadStream } from 'node:fs';\nimport { join } from 'node:path';\n\n" : ''}import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ${plural(Entity)}Service } from './${c.entity}.service';

class Create${Entity}Dto {
  @IsString()
  @MaxLength(200)
  ${first}!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  ${second}?: string;
}

class List${plural(Entity)}Query {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

@Controller('${plural(c.entity)}')
@UseGuards(JwtAuthGuard)
export class ${plural(Entity)}Controller {
  constructor(private readonly ${plural(c.entity)}: ${plural(Entity)}Service) {}

${methods.join('\n\n')}
}
`,
    };
  },

  nestService(c) {
    const Entity = pascal(c.entity);
    const [first] = c.fields;
    const fetchCall = c.finding()
      ? `const response = await fetch(\`\${this.baseUrl}/${plural(c.entity)}/\${id}\`);`
      : `const response = await fetch(\`\${this.baseUrl}/${plural(c.entity)}/\${id}\`, { signal: AbortSignal.timeout(5_000) });`;
    return {
      relative: `src/${c.module}/${c.entity}.service.ts`,
      text: `import { Injectable, Logger, NotFoundException } from '@nestjs/common';

import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class ${plural(Entity)}Service {
  private readonly logger = new Logger(${plural(Entity)}Service.name);
  private readonly baseUrl = process.env.${snake(c.entity).toUpperCase()}_API_URL ?? 'http://localhost:4000';

  constructor(private readonly prisma: PrismaService) {}

  list(page: number, pageSize: number) {
    return this.prisma.${c.entity}.findMany({ skip: page * pageSize, take: pageSize, orderBy: { createdAt: 'desc' } });
  }

  async find(id: string) {
    const ${c.entity} = await this.prisma.${c.entity}.findUnique({ where: { id } });
    if (!${c.entity}) throw new NotFoundException();
    return ${c.entity};
  }

  create(data: { ${first}: string }) {
    return this.prisma.${c.entity}.create({ data });
  }

  async remove(id: string): Promise<void> {
    await this.prisma.${c.entity}.delete({ where: { id } });
    this.logger.log(\`${c.entity} \${id} removed\`);
  }

  async fetchRemote(id: string): Promise<unknown> {
    ${fetchCall}
    if (!response.ok) throw new NotFoundException();
    return response.json();
  }
}
`,
    };
  },

  nextRoute(c) {
    const Entity = pascal(c.entity);
    const [first] = c.fields;
    const list = c.finding()
      ? `const items = await prisma.${c.entity}.findMany({
    where: { ${first}: { contains: search, mode: 'insensitive' } },
    orderBy: { createdAt: 'desc' },
  });`
      : `const take = Math.min(Number(request.nextUrl.searchParams.get('take')) || 50, 100);
  const items = await prisma.${c.entity}.findMany({
    where: { ${first}: { contains: search, mode: 'insensitive' } },
    orderBy: { createdAt: 'desc' },
    take,
  });`;
    return {
      relative: `app/api/${c.module}/route.ts`,
      text: `import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';

import { auth } from '@/lib/auth';
import { prisma } from '@/lib/prisma';

const create${Entity} = z.object({ ${first}: z.string().min(1).max(200) });

export async function GET(request: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const search = request.nextUrl.searchParams.get('q') ?? '';
  ${list}
  return NextResponse.json(items);
}

export async function POST(request: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const parsed = create${Entity}.safeParse(await request.json());
  if (!parsed.success) return NextResponse.json({ error: 'Invalid ${c.entity}' }, { status: 400 });
  const created = await prisma.${c.entity}.create({ data: { ...parsed.data, ownerId: session.user.id } });
  return NextResponse.json(created, { status: 201 });
}
`,
    };
  },

  reactComponent(c) {
    const Entity = pascal(c.entity);
    const [first, second] = c.fields;
    const effect = c.finding()
      ? `  useEffect(() => {
    const timer = setInterval(() => void refresh(), 30_000);
  }, [refresh]);`
      : `  useEffect(() => {
    const timer = setInterval(() => void refresh(), 30_000);
    return () => clearInterval(timer);
  }, [refresh]);`;
    const body = c.finding()
      ? `<div className="${c.entity}-notes" dangerouslySetInnerHTML={{ __html: selected.${second} ?? '' }} />`
      : `<p className="${c.entity}-notes">{selected.${second}}</p>`;
    return {
      relative: `web/src/components/${Entity}${c.index}List.tsx`,
      text: `import { useCallback, useEffect, useState } from 'react';

import { api } from '../lib/api';

interface ${Entity} {
  id: string;
  ${first}: string;
  ${second}?: string;
}

export function ${Entity}${c.index}List({ ownerId }: { ownerId: string }) {
  const [items, setItems] = useState<${Entity}[]>([]);
  const [selected, setSelected] = useState<${Entity} | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const response = await api.get<{ items: ${Entity}[] }>(\`/${plural(c.entity)}?owner=\${ownerId}&limit=50\`);
      setItems(response.items);
      setError(null);
    } catch {
      setError('Could not load ${plural(c.entity)}');
    }
  }, [ownerId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

${effect}

  if (error) return <div role="alert">{error}</div>;

  return (
    <section>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" onClick={() => setSelected(item)}>
              {item.${first}}
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <aside>
          <h2>{selected.${first}}</h2>
          ${body}
        </aside>
      )}
    </section>
  );
}
`,
    };
  },

  util(c) {
    const Entity = pascal(c.entity);
    const parts = [];
    parts.push(`export function paginate<T>(items: T[], page: number, pageSize: number): { items: T[]; total: number } {
  const size = Math.min(Math.max(pageSize, 1), 100);
  const start = Math.max(page, 0) * size;
  return { items: items.slice(start, start + size), total: items.length };
}

export function format${Entity}Label(value: { id: string; ${c.fields[0]}?: string }): string {
  return value.${c.fields[0]} ? \`\${value.${c.fields[0]}} (\${value.id.slice(0, 8)})\` : value.id;
}`);
    if (c.finding()) {
      // Hard-coded fallback for a secret (seed: SESSION_SECRET fallback).
      parts.push(`const signingKey = process.env.${snake(c.entity).toUpperCase()}_SIGNING_SECRET || 'dev-secret-change-in-production';

export function sign${Entity}Token(id: string): string {
  return createHmac('sha256', signingKey).update(id).digest('hex');
}`);
    } else {
      parts.push(`export function sign${Entity}Token(id: string, key: string): string {
  return createHmac('sha256', key).update(id).digest('hex');
}`);
    }
    if (c.finding()) {
      // Shell command built from a parameter (seed: pdftotext with bookId).
      parts.push(`export function convert${Entity}(inputPath: string, outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    exec(\`pdftotext -layout \${inputPath} \${outputPath}\`, (error) => (error ? reject(error) : resolve()));
  });
}`);
    } else if (c.chance(0.3)) {
      parts.push(`export async function convert${Entity}(inputPath: string, outputPath: string): Promise<void> {
  await execFileAsync('pdftotext', ['-layout', inputPath, outputPath]);
}`);
    }
    if (c.chance(0.4)) {
      parts.push(`export function groupBy${Entity}<T extends { ownerId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.ownerId);
    if (list) list.push(row);
    else groups.set(row.ownerId, [row]);
  }
  return groups;
}`);
    }
    if (c.finding()) {
      // TLS verification off for an outbound client (seed: rejectUnauthorized: false).
      parts.push(`export const ${c.entity}Agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });`);
    }
    const text = parts.join('\n\n');
    const imports = [
      text.includes('exec(') ? "import { exec } from 'node:child_process';" : '',
      text.includes('execFileAsync') ? "import { execFile } from 'node:child_process';" : '',
      "import { createHmac } from 'node:crypto';",
      text.includes('https.Agent') ? "import https from 'node:https';" : '',
      text.includes('execFileAsync') ? "import { promisify } from 'node:util';" : '',
    ].filter(Boolean);
    const preamble = text.includes('execFileAsync') ? '\nconst execFileAsync = promisify(execFile);\n' : '';
    return {
      relative: `src/utils/${c.module}.ts`,
      text: `${imports.join('\n')}\n${preamble}\n${text}\n`,
    };
  },
};

function parseArgs(argv) {
  const options = { files: 2_000, seed: DEFAULT_SEED, out: undefined };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index];
    if (name === '--files') options.files = Number(argv[++index]);
    else if (name === '--seed') options.seed = Number(argv[++index]);
    else if (name === '--out') options.out = argv[++index];
    else throw new Error(`unknown option ${name}`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const dir = options.out ?? path.join(os.tmpdir(), `hardening-corpus-${options.seed}-${options.files}`);
  const written = generateCorpus({ dir, files: options.files, seed: options.seed });
  process.stdout.write(`${written.length} files in ${dir}\n`);
}
