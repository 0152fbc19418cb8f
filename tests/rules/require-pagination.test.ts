import rule from '../../src/rules/require-pagination.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const lines = (...parts: string[]): string => parts.join('\n');
const EXPRESS = "import express from 'express';\nconst app = express();";
const PRISMA = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();";

ruleTester.run('require-pagination', rule, {
  valid: [
    // The seed's fixed messages route: LIMIT/OFFSET in both texts (capped here), the count query is an aggregate.
    lines(
      "import { Router } from 'express';",
      "import pool from '../config/database';",
      'const router = Router();',
      "router.get('/topics/:id/messages', requireAuth, async (req, res) => {",
      "  const topicId = req.params.id === 'null' ? null : req.params.id;",
      '  const limit = Math.min(parseInt(req.query.limit as string) || 50, 200);',
      '  const offset = parseInt(req.query.offset as string) || 0;',
      '  let query: string;',
      '  let params: any[];',
      '  if (topicId === null) {',
      "    query = 'SELECT id, topic_id, role, content FROM messages WHERE topic_id IS NULL ORDER BY created_at DESC LIMIT $1 OFFSET $2';",
      '    params = [limit, offset];',
      '  } else {',
      "    query = 'SELECT id, topic_id, role, content FROM messages WHERE topic_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3';",
      '    params = [topicId, limit, offset];',
      '  }',
      '  const result = await pool.query(query, params);',
      "  const countQuery = topicId === null ? 'SELECT COUNT(*) FROM messages WHERE topic_id IS NULL' : 'SELECT COUNT(*) FROM messages WHERE topic_id = $1';",
      '  const countResult = await pool.query(countQuery, topicId === null ? [] : [topicId]);',
      '  res.json({ messages: result.rows.reverse(), total: parseInt(countResult.rows[0].count), limit, offset });',
      '});',
    ),
    // Limits given: Prisma `take`, Drizzle `.limit()`, Mongoose `.limit()`, Knex `.limit()`.
    lines(
      EXPRESS,
      PRISMA,
      "app.get('/users', async (req, res) => {",
      '  res.json(await prisma.user.findMany({ where: { active: true }, take: 20 }));',
      '});',
    ),
    lines(
      EXPRESS,
      "import { drizzle } from 'drizzle-orm/node-postgres';",
      "import mongoose from 'mongoose';",
      "import knex from 'knex';",
      'const db = drizzle(pool);',
      "const User = mongoose.model('User', userSchema);",
      "const kx = knex({ client: 'pg', pool: { max: 10 } });",
      "app.get('/feed', async (req, res) => {",
      '  const posts = await db.select().from(postsTable).orderBy(desc(postsTable.createdAt)).limit(50);',
      '  const users = await User.find({ active: true }).sort({ createdAt: -1 }).limit(20).lean();',
      "  const orders = await kx('orders').where({ user_id: req.user.id }).limit(25);",
      '  res.json({ posts, users, orders });',
      '});',
    ),
    // Single-row reads: findUnique / findFirst / count, and a primary-key lookup in SQL.
    lines(
      EXPRESS,
      PRISMA,
      "app.get('/users/:id', async (req, res) => {",
      '  const user = await prisma.user.findUnique({ where: { id: req.params.id } });',
      '  const first = await prisma.post.findFirst({ where: { authorId: req.params.id } });',
      '  const total = await prisma.post.count();',
      '  res.json({ user, first, total });',
      '});',
    ),
    lines(
      EXPRESS,
      "import { Pool } from 'pg';",
      'const pool = new Pool({ max: 10 });',
      "app.get('/books/:id', async (req, res) => {",
      "  const result = await pool.query('SELECT * FROM books WHERE id = $1', [req.params.id]);",
      '  res.json(result.rows);',
      '});',
    ),
    // A lookup by a unique column (default list: email, username, slug, uuid, token).
    lines(
      EXPRESS,
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      "app.post('/login', async (req, res) => {",
      "  const result = await pool.query('SELECT id, password_hash FROM users WHERE email = $1', [req.body.email]);",
      '  res.json(result.rows);',
      '});',
    ),
    // Only the first row is read: a lookup by intent, whatever the WHERE says.
    lines(
      EXPRESS,
      "import { Pool } from 'pg';",
      "import { drizzle } from 'drizzle-orm/node-postgres';",
      'const pool = new Pool();',
      'const db = drizzle(pool);',
      "app.get('/me', async (req, res) => {",
      "  const { rows: [user] } = await pool.query('SELECT * FROM users WHERE google_id = $1', [req.user.googleId]);",
      '  const [settings] = await db.select().from(userSettings).where(eq(userSettings.userId, req.user.id));',
      "  const result = await pool.query('SELECT * FROM profiles WHERE user_id = $1', [req.user.id]);",
      '  res.json({ user, settings, profile: result.rows[0] ?? null });',
      '});',
    ),
    // Outside any request handler (a nightly job): not reported with the default options.
    lines(
      PRISMA,
      'export async function nightlyDigest() {',
      '  const users = await prisma.user.findMany({ where: { digest: true } });',
      '  for (const user of users) await sendDigest(user);',
      '}',
    ),
    // A cap on the user's limit: Math.min, or a comparison that rejects larger values.
    lines(
      EXPRESS,
      PRISMA,
      "app.get('/items', async (req, res) => {",
      '  const items = await prisma.item.findMany({ take: Math.min(Number(req.query.limit) || 20, 100) });',
      '  res.json(items);',
      '});',
    ),
    lines(
      EXPRESS,
      PRISMA,
      "app.get('/items', async (req, res) => {",
      '  const limit = Number(req.query.limit ?? 20);',
      "  if (limit > 100) return res.status(400).json({ error: 'limit too large' });",
      '  res.json(await prisma.item.findMany({ take: limit }));',
      '});',
    ),
    // A limit that went through a schema, or a helper of yours: that is where the bound lives.
    lines(
      EXPRESS,
      PRISMA,
      "import { z } from 'zod';",
      'const pageSchema = z.object({ limit: z.coerce.number().int().max(100).default(20) });',
      "app.get('/items', async (req, res) => {",
      '  const { limit } = pageSchema.parse(req.query);',
      '  const items = await prisma.item.findMany({ take: limit });',
      '  const more = await prisma.item.findMany({ take: clampLimit(req.query.limit) });',
      '  res.json({ items, more });',
      '});',
    ),
    // Look-alikes: Array#find/filter in a handler, a findMany on an object that is no database client.
    lines(
      EXPRESS,
      "app.get('/users', (req, res) => {",
      '  const users = USERS.filter((user) => user.active);',
      "  const admin = users.find((user) => user.role === 'admin');",
      '  const cached = lruCache.entries.findMany();',
      '  res.json({ users, admin, cached });',
      '});',
    ),
    // Batched reads are bounded by the id list; grouped reads by the number of groups.
    lines(
      EXPRESS,
      PRISMA,
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      "app.post('/users/batch', async (req, res) => {",
      '  const users = await prisma.user.findMany({ where: { id: { in: req.body.ids } } });',
      "  const stats = await pool.query('SELECT status, COUNT(*) FROM orders GROUP BY status');",
      "  const books = await pool.query('SELECT * FROM books WHERE id = ANY($1)', [req.body.ids]);",
      '  res.json({ users, stats: stats.rows, books: books.rows });',
      '});',
    ),
    // A locking read inside a transaction selects the rows it is about to update.
    lines(
      EXPRESS,
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      "app.post('/orders/:id/ship', async (req, res) => {",
      '  const client = await pool.connect();',
      "  await client.query('BEGIN');",
      "  const items = await client.query('SELECT * FROM order_items WHERE order_id = $1 FOR UPDATE', [req.params.id]);",
      "  await client.query('COMMIT');",
      '  res.json(items.rows);',
      '});',
    ),
    // A Mongoose aggregation that groups returns one document per group.
    lines(
      EXPRESS,
      "import mongoose from 'mongoose';",
      "const Order = mongoose.model('Order', orderSchema);",
      "app.get('/stats', async (req, res) => {",
      "  res.json(await Order.aggregate([{ $match: { paid: true } }, { $group: { _id: '$status', n: { $sum: 1 } } }]));",
      '});',
    ),
    // A small lookup table, ignored by configuration.
    {
      code: lines(EXPRESS, PRISMA, "app.get('/countries', async (req, res) => res.json(await prisma.country.findMany()));"),
      options: [{ ignoreModels: ['Country'] }],
    },
    // A test file builds its fixtures however it likes.
    {
      code: lines(EXPRESS, PRISMA, "app.get('/users', async (req, res) => res.json(await prisma.user.findMany()));"),
      filename: 'src/routes/users.test.ts',
    },
    // A LIMIT in a subquery bounds the outer select in practice.
    lines(
      EXPRESS,
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      "app.get('/recent', async (req, res) => {",
      "  const result = await pool.query('SELECT r.*, u.name FROM (SELECT * FROM reviews ORDER BY created_at DESC LIMIT 20) r JOIN users u ON u.id = r.user_id');",
      '  res.json(result.rows);',
      '});',
    ),
    // Redis set reads belong to the Redis rules, not here.
    lines(
      EXPRESS,
      "import Redis from 'ioredis';",
      'const redis = new Redis();',
      "app.get('/online', async (req, res) => res.json(await redis.smembers('online')));",
    ),
    // A `findMany` of a local module that is not named like a client, and a type-only position.
    lines(
      EXPRESS,
      "import { catalog } from './catalog';",
      'type Rows = Awaited<ReturnType<typeof prisma.user.findMany>>;',
      "app.get('/catalog', async (req, res) => res.json(await catalog.products.findMany()));",
    ),
  ],
  invalid: [
    {
      // The seed: the messages route loads the whole chat history.
      code: lines(
        "import { Router } from 'express';",
        "import pool from '../config/database';",
        'const router = Router();',
        "router.get('/topics/:id/messages', requireAuth, async (req, res) => {",
        "  const result = await pool.query('SELECT * FROM messages WHERE topic_id = $1 ORDER BY created_at', [req.params.id]);",
        '  res.json(result.rows);',
        '});',
      ),
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`SELECT` on `messages`' },
          line: 5,
          column: 29,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { limit: '100', code: 'LIMIT 100' },
              output: lines(
                "import { Router } from 'express';",
                "import pool from '../config/database';",
                'const router = Router();',
                "router.get('/topics/:id/messages', requireAuth, async (req, res) => {",
                "  const result = await pool.query('SELECT * FROM messages WHERE topic_id = $1 ORDER BY created_at LIMIT 100', [req.params.id]);",
                '  res.json(result.rows);',
                '});',
              ),
            },
          ],
        },
      ],
    },
    {
      // Prisma findMany with a where but no take.
      code: lines(EXPRESS, PRISMA, "app.get('/users', async (req, res) => res.json(await prisma.user.findMany({ where: { active: true } })));"),
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`findMany` on `user`' },
          line: 5,
          column: 66,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { limit: '100', code: 'take: 100' },
              output: lines(
                EXPRESS,
                PRISMA,
                "app.get('/users', async (req, res) => res.json(await prisma.user.findMany({ where: { active: true }, take: 100 })));",
              ),
            },
          ],
        },
      ],
    },
    {
      // No arguments at all, with a configured default limit; prisma required and destructured.
      code: lines(
        "const { Router } = require('express');",
        "const { PrismaClient } = require('@prisma/client');",
        'const prisma = new PrismaClient();',
        'const router = Router();',
        "router.get('/tags', async (req, res) => res.json(await prisma.tag.findMany()));",
      ),
      filename: 'routes/tags.cjs',
      options: [{ defaultLimit: 50 }],
      errors: [
        {
          messageId: 'missingLimit',
          line: 5,
          column: 67,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { limit: '50', code: 'take: 50' },
              output: lines(
                "const { Router } = require('express');",
                "const { PrismaClient } = require('@prisma/client');",
                'const prisma = new PrismaClient();',
                'const router = Router();',
                "router.get('/tags', async (req, res) => res.json(await prisma.tag.findMany({ take: 50 })));",
              ),
            },
          ],
        },
      ],
    },
    {
      // Next.js route handler with a client imported from the app's own lib (the demo's items route).
      code: lines(
        "import { NextResponse, type NextRequest } from 'next/server';",
        "import { prisma } from '../../../lib/prisma';",
        'export async function GET(request: NextRequest) {',
        "  const search = request.nextUrl.searchParams.get('q') ?? '';",
        "  const items = await prisma.sku.findMany({ where: { name: { contains: search } }, orderBy: { name: 'asc' } });",
        '  return NextResponse.json(items);',
        '}',
      ),
      filename: 'app/api/items/route.ts',
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`findMany` on `sku`' },
          line: 5,
          column: 34,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(
                "import { NextResponse, type NextRequest } from 'next/server';",
                "import { prisma } from '../../../lib/prisma';",
                'export async function GET(request: NextRequest) {',
                "  const search = request.nextUrl.searchParams.get('q') ?? '';",
                "  const items = await prisma.sku.findMany({ where: { name: { contains: search } }, orderBy: { name: 'asc' }, take: 100 });",
                '  return NextResponse.json(items);',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // Drizzle select with no .limit(): the suggestion appends one.
      code: lines(
        EXPRESS,
        "import { drizzle as createDb } from 'drizzle-orm/node-postgres';",
        'const db = createDb(pool);',
        "app.get('/orgs/:org/users', async (req, res) => res.json(await db.select().from(users).where(eq(users.orgId, req.params.org))));",
      ),
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`select` on `users`' },
          line: 5,
          column: 67,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { limit: '100', code: '.limit(100)' },
              output: lines(
                EXPRESS,
                "import { drizzle as createDb } from 'drizzle-orm/node-postgres';",
                'const db = createDb(pool);',
                "app.get('/orgs/:org/users', async (req, res) => res.json(await db.select().from(users).where(eq(users.orgId, req.params.org)).limit(100)));",
              ),
            },
          ],
        },
      ],
    },
    {
      // Mongoose find: `.limit()` goes right after `find(…)`, before `.lean()`.
      code: lines(
        EXPRESS,
        "import * as mongoose from 'mongoose';",
        "const User = mongoose.model('User', userSchema);",
        "app.get('/users', async (req, res) => res.json(await User.find({ active: true }).sort({ createdAt: -1 }).lean()));",
      ),
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`find` on `User`' },
          line: 5,
          column: 59,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(
                EXPRESS,
                "import * as mongoose from 'mongoose';",
                "const User = mongoose.model('User', userSchema);",
                "app.get('/users', async (req, res) => res.json(await User.find({ active: true }).limit(100).sort({ createdAt: -1 }).lean()));",
              ),
            },
          ],
        },
      ],
    },
    {
      // Knex builder on a table, in a CommonJS file.
      code: lines(
        "const express = require('express');",
        "const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });",
        'const router = express.Router();',
        "router.get('/orders', async (req, res) => res.json(await knex('orders').where({ user_id: req.user.id })));",
      ),
      filename: 'routes/orders.js',
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: 'Knex query on `orders`' },
          line: 4,
          column: 58,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(
                "const express = require('express');",
                "const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });",
                'const router = express.Router();',
                "router.get('/orders', async (req, res) => res.json(await knex('orders').where({ user_id: req.user.id }).limit(100)));",
              ),
            },
          ],
        },
      ],
    },
    {
      // postgres.js tagged template: ` LIMIT 100` goes at the end of the static text.
      code: lines(
        EXPRESS,
        "import postgres from 'postgres';",
        'const sql = postgres(process.env.DATABASE_URL);',
        "app.get('/authors/:id/posts', async (req, res) => res.json(await sql`SELECT * FROM posts WHERE author_id = ${req.params.id} ORDER BY created_at DESC`));",
      ),
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`SELECT` on `posts`' },
          line: 5,
          column: 66,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(
                EXPRESS,
                "import postgres from 'postgres';",
                'const sql = postgres(process.env.DATABASE_URL);',
                "app.get('/authors/:id/posts', async (req, res) => res.json(await sql`SELECT * FROM posts WHERE author_id = ${req.params.id} ORDER BY created_at DESC LIMIT 100`));",
              ),
            },
          ],
        },
      ],
    },
    {
      // NestJS controller: a TypeORM repository injected into the controller, and a query builder.
      code: lines(
        "import { Controller, Get } from '@nestjs/common';",
        "import { InjectRepository } from '@nestjs/typeorm';",
        "import { Repository } from 'typeorm';",
        "@Controller('users')",
        'export class UsersController {',
        '  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}',
        '  @Get()',
        '  list() {',
        '    return this.users.find({ where: { active: true } });',
        '  }',
        "  @Get('admins')",
        '  admins() {',
        "    return this.users.createQueryBuilder('u').where('u.admin = true').getMany();",
        '  }',
        '}',
      ),
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`find` on `User`' },
          line: 9,
          column: 23,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { limit: '100', code: 'take: 100' },
              output: lines(
                "import { Controller, Get } from '@nestjs/common';",
                "import { InjectRepository } from '@nestjs/typeorm';",
                "import { Repository } from 'typeorm';",
                "@Controller('users')",
                'export class UsersController {',
                '  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}',
                '  @Get()',
                '  list() {',
                '    return this.users.find({ where: { active: true }, take: 100 });',
                '  }',
                "  @Get('admins')",
                '  admins() {',
                "    return this.users.createQueryBuilder('u').where('u.admin = true').getMany();",
                '  }',
                '}',
              ),
            },
          ],
        },
        {
          messageId: 'missingLimit',
          data: { query: '`getMany` on `User`' },
          line: 13,
          column: 71,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { limit: '100', code: '.take(100)' },
              output: lines(
                "import { Controller, Get } from '@nestjs/common';",
                "import { InjectRepository } from '@nestjs/typeorm';",
                "import { Repository } from 'typeorm';",
                "@Controller('users')",
                'export class UsersController {',
                '  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}',
                '  @Get()',
                '  list() {',
                '    return this.users.find({ where: { active: true } });',
                '  }',
                "  @Get('admins')",
                '  admins() {',
                "    return this.users.createQueryBuilder('u').where('u.admin = true').take(100).getMany();",
                '  }',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // A function of the same file called by the handler runs per request too (pg required, CommonJS).
      code: lines(
        "const express = require('express');",
        "const pg = require('pg');",
        'const pool = new pg.Pool();',
        'const router = express.Router();',
        'async function loadMessages(topicId) {',
        "  const { rows } = await pool.query('SELECT * FROM messages WHERE topic_id = $1', [topicId]);",
        '  return rows;',
        '}',
        "router.get('/topics/:id/messages', async (req, res) => res.json(await loadMessages(req.params.id)));",
        "async function auditExport() { return pool.query('SELECT * FROM audit_log'); }",
      ),
      filename: 'routes/messages.js',
      errors: [
        {
          messageId: 'missingLimit',
          line: 6,
          column: 31,
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(
                "const express = require('express');",
                        "const pg = require('pg');",
                'const pool = new pg.Pool();',
                'const router = express.Router();',
                'async function loadMessages(topicId) {',
                "  const { rows } = await pool.query('SELECT * FROM messages WHERE topic_id = $1 LIMIT 100', [topicId]);",
                '  return rows;',
                '}',
                "router.get('/topics/:id/messages', async (req, res) => res.json(await loadMessages(req.params.id)));",
                "async function auditExport() { return pool.query('SELECT * FROM audit_log'); }",
              ),
            },
          ],
        },
      ],
    },
    {
      // A controller kept in its own file: a handler by its (req: Request, res: Response) signature.
      code: lines(
        "import type { Request, Response } from 'express';",
        "import { Order } from '../models/order';",
        'export async function listOrders(req: Request, res: Response) {',
        '  res.json(await Order.findAll({ where: { userId: req.user.id } }));',
        '}',
        'export async function recompute(orderIds: string[]) {',
        '  return Order.findAll({ where: { archived: false } });',
        '}',
      ),
      filename: 'src/controllers/orders.ts',
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`findAll` on `Order`' },
          line: 4,
          column: 24,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(
                "import type { Request, Response } from 'express';",
                "import { Order } from '../models/order';",
                'export async function listOrders(req: Request, res: Response) {',
                '  res.json(await Order.findAll({ where: { userId: req.user.id }, limit: 100 }));',
                '}',
                'export async function recompute(orderIds: string[]) {',
                '  return Order.findAll({ where: { archived: false } });',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // With routeHandlersOnly off, a service method is checked too (Sequelize model from `sequelize`).
      code: lines(
        "import { Model as SequelizeModel } from 'sequelize';",
        'class Order extends SequelizeModel {}',
        'export class OrdersService {',
        '  listPaid() {',
        '    return Order.findAll({ where: { paid: true } });',
        '  }',
        '}',
      ),
      options: [{ routeHandlersOnly: false }],
      errors: [
        {
          messageId: 'missingLimit',
          data: { query: '`findAll` on `Order`' },
          line: 5,
          column: 18,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'addLimit',
              data: { limit: '100', code: 'limit: 100' },
              output: lines(
                "import { Model as SequelizeModel } from 'sequelize';",
                'class Order extends SequelizeModel {}',
                'export class OrdersService {',
                '  listPaid() {',
                '    return Order.findAll({ where: { paid: true }, limit: 100 });',
                '  }',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // A user-supplied `take` with no upper bound.
      code: lines(EXPRESS, PRISMA, "app.get('/items', async (req, res) => res.json(await prisma.item.findMany({ take: Number(req.query.limit) })));"),
      errors: [
        {
          messageId: 'uncappedLimit',
          data: { source: 'req.query' },
          line: 5,
          column: 83,
          endColumn: 106,
          suggestions: [
            {
              messageId: 'capLimit',
              data: { max: '100' },
              output: lines(
                EXPRESS,
                PRISMA,
                "app.get('/items', async (req, res) => res.json(await prisma.item.findMany({ take: Math.min(Number(req.query.limit), 100) })));",
              ),
            },
          ],
        },
      ],
    },
    {
      // A helper outside the handlers that receives the request: its limit comes from the client too.
      code: lines(PRISMA, "import type { Request } from 'express';", 'export function listItems(req: Request) {', '  return prisma.item.findMany({ take: Number(req.query.limit) });', '}'),
      errors: [
        {
          messageId: 'uncappedLimit',
          data: { source: 'req.query' },
          line: 5,
          column: 39,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'capLimit',
              data: { max: '100' },
              output: lines(PRISMA, "import type { Request } from 'express';", 'export function listItems(req: Request) {', '  return prisma.item.findMany({ take: Math.min(Number(req.query.limit), 100) });', '}'),
            },
          ],
        },
      ],
    },
    {
      // A middleware keeps the client's limit in a module variable that a plain function reads.
      code: lines(EXPRESS, PRISMA, 'let pageSize;', 'app.use((req, res, next) => { pageSize = req.query.size; next(); });', 'export const listItems = () => prisma.item.findMany({ take: pageSize });'),
      errors: [
        {
          messageId: 'uncappedLimit',
          data: { source: 'req.query' },
          line: 7,
          column: 61,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'capLimit',
              data: { max: '100' },
              output: lines(EXPRESS, PRISMA, 'let pageSize;', 'app.use((req, res, next) => { pageSize = req.query.size; next(); });', 'export const listItems = () => prisma.item.findMany({ take: Math.min(pageSize, 100) });'),
            },
          ],
        },
      ],
    },
    {
      // The seed's own fix, with its values in a const array: `parseInt(…) || 50` bounds nothing.
      code: lines(
        "import { Router } from 'express';",
        "import pool from '../config/database';",
        'const router = Router();',
        "router.get('/topics/:id/messages', async (req, res) => {",
        '  const limit = parseInt(req.query.limit as string) || 50;',
        "  const result = await pool.query('SELECT * FROM messages WHERE topic_id = $1 ORDER BY created_at DESC LIMIT $2', [req.params.id, limit]);",
        '  res.json(result.rows);',
        '});',
      ),
      options: [{ maxLimit: 200 }],
      errors: [
        {
          messageId: 'uncappedLimit',
          line: 6,
          column: 131,
          endColumn: 136,
          suggestions: [
            {
              messageId: 'capLimit',
              data: { max: '200' },
              output: lines(
                "import { Router } from 'express';",
                "import pool from '../config/database';",
                'const router = Router();',
                "router.get('/topics/:id/messages', async (req, res) => {",
                '  const limit = parseInt(req.query.limit as string) || 50;',
                "  const result = await pool.query('SELECT * FROM messages WHERE topic_id = $1 ORDER BY created_at DESC LIMIT $2', [req.params.id, Math.min(limit, 200)]);",
                '  res.json(result.rows);',
                '});',
              ),
            },
          ],
        },
      ],
    },
    {
      // A shorthand `{ take }`, and a destructured `limit` with a default.
      code: lines(
        EXPRESS,
        PRISMA,
        "import { drizzle } from 'drizzle-orm/node-postgres';",
        'const db = drizzle(pool);',
        "app.get('/items', async (req, res) => {",
        '  const take = +req.query.take || 20;',
        '  const { limit = 20 } = req.query;',
        '  res.json([await prisma.item.findMany({ take }), await db.select().from(items).limit(limit)]);',
        '});',
      ),
      errors: [
        {
          messageId: 'uncappedLimit',
          line: 10,
          column: 42,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'capLimit',
              output: lines(
                EXPRESS,
                PRISMA,
                "import { drizzle } from 'drizzle-orm/node-postgres';",
                'const db = drizzle(pool);',
                "app.get('/items', async (req, res) => {",
                '  const take = +req.query.take || 20;',
                '  const { limit = 20 } = req.query;',
                '  res.json([await prisma.item.findMany({ take: Math.min(take, 100) }), await db.select().from(items).limit(limit)]);',
                '});',
              ),
            },
          ],
        },
        {
          messageId: 'uncappedLimit',
          line: 10,
          column: 87,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'capLimit',
              output: lines(
                EXPRESS,
                PRISMA,
                "import { drizzle } from 'drizzle-orm/node-postgres';",
                'const db = drizzle(pool);',
                "app.get('/items', async (req, res) => {",
                '  const take = +req.query.take || 20;',
                '  const { limit = 20 } = req.query;',
                '  res.json([await prisma.item.findMany({ take }), await db.select().from(items).limit(Math.min(limit, 100))]);',
                '});',
              ),
            },
          ],
        },
      ],
    },
    {
      // NestJS @Query() string parameter turned into a Sequelize limit, and a Next.js searchParams limit.
      code: lines(
        "import { Controller, Get, Query } from '@nestjs/common';",
        "import { Model } from 'sequelize';",
        'class Order extends Model {}',
        "@Controller('orders')",
        'export class OrdersController {',
        '  @Get()',
        "  list(@Query('limit') limit: string) {",
        '    return Order.findAll({ where: { paid: true }, limit: Number(limit) });',
        '  }',
        '}',
      ),
      filename: 'src/orders/orders.controller.tsx',
      errors: [
        {
          messageId: 'uncappedLimit',
          data: { source: '@Query()' },
          line: 8,
          column: 58,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'capLimit',
              output: lines(
                "import { Controller, Get, Query } from '@nestjs/common';",
                "import { Model } from 'sequelize';",
                'class Order extends Model {}',
                "@Controller('orders')",
                'export class OrdersController {',
                '  @Get()',
                "  list(@Query('limit') limit: string) {",
                '    return Order.findAll({ where: { paid: true }, limit: Math.min(Number(limit), 100) });',
                '  }',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      code: lines(
        "import { NextResponse, type NextRequest } from 'next/server';",
        "import { prisma } from '@/lib/prisma';",
        'export async function GET(request: NextRequest) {',
        "  const limit = Number(request.nextUrl.searchParams.get('limit') ?? 20);",
        '  return NextResponse.json(await prisma.sku.findMany({ take: limit }));',
        '}',
      ),
      filename: 'app/api/skus/route.ts',
      errors: [
        {
          messageId: 'uncappedLimit',
          data: { source: 'request.nextUrl' },
          line: 5,
          column: 62,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'capLimit',
              output: lines(
                "import { NextResponse, type NextRequest } from 'next/server';",
                "import { prisma } from '@/lib/prisma';",
                'export async function GET(request: NextRequest) {',
                "  const limit = Number(request.nextUrl.searchParams.get('limit') ?? 20);",
                '  return NextResponse.json(await prisma.sku.findMany({ take: Math.min(limit, 100) }));',
                '}',
              ),
            },
          ],
        },
      ],
    },
  ],
});
