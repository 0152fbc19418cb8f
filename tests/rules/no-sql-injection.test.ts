import rule from '../../src/rules/no-sql-injection.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-sql-injection', rule, {
  valid: [
    // Constant and parameterized queries.
    "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const all = () => pool.query('SELECT * FROM users');",
    "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const one = (id: string) => pool.query('SELECT * FROM users WHERE id = $1', [id]);",
    // Constants, numbers and escapers interpolated.
    "import { Pool } from 'pg';\nconst pool = new Pool();\nconst TABLE = 'users';\nexport const one = (id: string) => pool.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);",
    "import { Pool } from 'pg';\nconst pool = new Pool();\napp.get('/items', (req, res) => {\n  pool.query(`SELECT * FROM items LIMIT ${Number(req.query.limit)} OFFSET ${parseInt(req.query.offset, 10)}`);\n});",
    "import mysql from 'mysql2';\nconst db = mysql.createPool({});\nexport const find = (name: string) => db.query(`SELECT * FROM users WHERE name = ${db.escape(name)}`);",
    // Parameterized tagged templates: Prisma, drizzle, postgres.js.
    "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const byEmail = (email: string) => prisma.$queryRaw`SELECT * FROM \"User\" WHERE email = ${email}`;",
    "import { sql } from 'drizzle-orm';\nimport { db } from './db';\nexport const one = (id: string) => db.execute(sql`SELECT * FROM users WHERE id = ${id}`);",
    "import postgres from 'postgres';\nconst sql = postgres(process.env.DATABASE_URL);\nexport const one = (id: string) => sql`select * from users where id = ${id}`;",
    // `query` that is not SQL: GraphQL clients, a non-database receiver, GraphQL text.
    "import { gql } from '@apollo/client';\nexport const user = (id: string) => client.query({ query: gql`query { user(id: ${id}) { name } }` });",
    "export const run = (id: string) => analytics.query(`SELECT count(*) FROM events WHERE user = '${id}'`);",
    "import client from '../graphql/client';\nexport const user = (id: string) => client.query(`query { user(id: \"${id}\") { name } }`);",
    // The seed's fixed code: the text is chosen between constants, values go as parameters.
    [
      "import pool from '../config/database';",
      "router.get('/messages', async (req, res) => {",
      '  const topicId = req.query.topicId ?? null;',
      '  let query;',
      '  let params;',
      '  if (topicId === null) {',
      '    query = `SELECT id, content FROM messages WHERE topic_id IS NULL LIMIT $1 OFFSET $2`;',
      '    params = [limit, offset];',
      '  } else {',
      '    query = `SELECT id, content FROM messages WHERE topic_id = $1 LIMIT $2 OFFSET $3`;',
      '    params = [topicId, limit, offset];',
      '  }',
      '  const result = await pool.query(query, params);',
      "  const countQuery = topicId === null ? 'SELECT COUNT(*) FROM messages WHERE topic_id IS NULL' : 'SELECT COUNT(*) FROM messages WHERE topic_id = $1';",
      '  const countResult = await pool.query(countQuery, topicId === null ? [] : [topicId]);',
      '});',
    ].join('\n'),
    "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const byIds = (ids: readonly number[]) => pool.query(`SELECT * FROM t WHERE id IN (${ids.join(', ')})`);",
    // A placeholder list and a WHERE clause assembled from placeholders.
    "import { Pool } from 'pg';\nconst pool = new Pool();\nexport function byIds(ids: string[]) {\n  const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');\n  return pool.query(`SELECT * FROM users WHERE id IN (${placeholders})`, ids);\n}",
    [
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      'export function search(filters: { name?: string; city?: string }) {',
      '  const conditions: string[] = [];',
      '  const params: unknown[] = [];',
      '  if (filters.name) {',
      '    params.push(filters.name);',
      '    conditions.push(`name = $${params.length}`);',
      '  }',
      '  if (filters.city) {',
      '    params.push(filters.city);',
      '    conditions.push(`city = $${params.length}`);',
      '  }',
      "  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';",
      '  return pool.query(`SELECT * FROM users ${where}`, params);',
      '}',
    ].join('\n'),
    // ORDER BY from an allow-list or a constant map.
    [
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      "const SORTABLE = ['name', 'created_at'];",
      "app.get('/users', (req, res) => {",
      "  const sort = SORTABLE.includes(req.query.sort) ? req.query.sort : 'created_at';",
      '  pool.query(`SELECT * FROM users ORDER BY ${sort}`);',
      '});',
    ].join('\n'),
    "import pool from './db';\nconst COLUMNS = { name: 'u.name', date: 'u.created_at' };\napp.get('/users', (req, res) => {\n  pool.query(`SELECT * FROM users u ORDER BY ${COLUMNS[req.query.sort] ?? 'u.id'}`);\n});",
    // A helper that forwards its SQL is not where the query is built.
    "import { Pool } from 'pg';\nconst pool = new Pool();\nexport function query(text: string, params?: unknown[]) {\n  return pool.query(text, params);\n}",
    // A readonly table name on the repository class.
    [
      "import { Pool } from 'pg';",
      'export class UserRepository {',
      "  private readonly table = 'users';",
      '  constructor(private readonly pool: Pool) {}',
      '  find(id: string) {',
      '    return this.pool.query(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);',
      '  }',
      '}',
    ].join('\n'),
    // Test setup truncating a constant list of tables.
    "import { Pool } from 'pg';\nconst pool = new Pool();\nafterEach(async () => {\n  for (const table of ['users', 'orders']) await pool.query(`TRUNCATE ${table} CASCADE`);\n});",
    // `req.query` and `router.query` are not database calls.
    "app.get('/search', (req, res) => {\n  const term = req.query.q;\n  res.json(router.query(`SELECT ${term}`));\n});",
  ],
  invalid: [
    {
      // pg Pool (ESM named) with request input: placeholders and a values array.
      code: [
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        "app.get('/users', async (req, res) => {",
        "  const result = await pool.query(`SELECT * FROM users WHERE email = '${req.query.email}'`);",
        '  res.json(result.rows);',
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestInputInSql',
          data: { source: '`req.query`', part: 'req.query.email' },
          line: 4,
          column: 35,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'useParameters',
              output: [
                "import { Pool } from 'pg';",
                'const pool = new Pool();',
                "app.get('/users', async (req, res) => {",
                '  const result = await pool.query(`SELECT * FROM users WHERE email = $1`, [req.query.email]);',
                '  res.json(result.rows);',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Default import `pg.Pool`, `+` concatenation of a parameter: reported, no rewrite.
      code: "import pg from 'pg';\nconst pool = new pg.Pool();\nexport const remove = (id: string) => pool.query('DELETE FROM users WHERE id = ' + id);",
      errors: [
        {
          messageId: 'nonConstantSql',
          data: { how: 'concatenation', part: 'id' },
          line: 3,
          column: 50,
          endColumn: 86,
          suggestions: [],
        },
      ],
    },
    {
      // CommonJS destructured require, the text built in a variable.
      code: "const { Pool } = require('pg');\nconst pool = new Pool();\nasync function find(name) {\n  const sql = `SELECT * FROM users WHERE name = '${name}'`;\n  return pool.query(sql);\n}",
      filename: 'users.js',
      errors: [{ messageId: 'nonConstantSql', data: { how: 'interpolation', part: 'name' }, line: 5, column: 21, endColumn: 24, suggestions: [] }],
    },
    {
      // A client from pool.connect(); a bare value after `=`.
      code: [
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export async function logout(userId: string) {',
        '  const client = await pool.connect();',
        '  await client.query(`DELETE FROM sessions WHERE user_id = ${userId}`);',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'nonConstantSql',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'useParameters',
              output: [
                "import { Pool } from 'pg';",
                'const pool = new Pool();',
                'export async function logout(userId: string) {',
                '  const client = await pool.connect();',
                '  await client.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // mysql2/promise with `?`; the constant table name stays in the text.
      code: [
        "import mysql from 'mysql2/promise';",
        'const db = mysql.createPool({});',
        "const TABLE = 'orders';",
        'export const byStatus = (status: string, limit: string) =>',
        "  db.execute(`SELECT * FROM ${TABLE} WHERE status = '${status}' LIMIT ${limit}`);",
      ].join('\n'),
      errors: [
        {
          messageId: 'nonConstantSql',
          data: { how: 'interpolation', part: 'status' },
          line: 5,
          column: 14,
          suggestions: [
            {
              messageId: 'useParameters',
              output: [
                "import mysql from 'mysql2/promise';",
                'const db = mysql.createPool({});',
                "const TABLE = 'orders';",
                'export const byStatus = (status: string, limit: string) =>',
                '  db.execute(`SELECT * FROM ${TABLE} WHERE status = ? LIMIT ?`, [status, limit]);',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // knex whereRaw on a query builder.
      code: "import knex from 'knex';\nconst db = knex({ client: 'pg' });\nexport const byName = (name: string) => db('users').whereRaw(`name = '${name}'`);",
      errors: [
        {
          messageId: 'nonConstantSql',
          line: 3,
          column: 62,
          suggestions: [
            {
              messageId: 'useParameters',
              output: "import knex from 'knex';\nconst db = knex({ client: 'pg' });\nexport const byName = (name: string) => db('users').whereRaw(`name = ?`, [name]);",
            },
          ],
        },
      ],
    },
    {
      // knex.raw on the instance (named import).
      code: "import { knex } from 'knex';\nconst db = knex({ client: 'mysql2' });\nexport const count = (table: string) => db.raw(`SELECT COUNT(*) FROM ${table}`);",
      errors: [{ messageId: 'nonConstantSql', data: { how: 'interpolation', part: 'table' }, line: 3, column: 48, suggestions: [] }],
    },
    {
      // Prisma $queryRawUnsafe: the tagged $queryRaw parameterizes every interpolation.
      code: [
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'export const byEmail = (email: string) =>',
        '  prisma.$queryRawUnsafe<User[]>(`SELECT * FROM "User" WHERE email = \'${email}\'`);',
      ].join('\n'),
      errors: [
        {
          messageId: 'nonConstantSql',
          line: 4,
          column: 34,
          suggestions: [
            {
              messageId: 'useTaggedTemplate',
              data: { method: '$queryRaw' },
              output: [
                "import { PrismaClient } from '@prisma/client';",
                'const prisma = new PrismaClient();',
                'export const byEmail = (email: string) =>',
                '  prisma.$queryRaw<User[]>`SELECT * FROM "User" WHERE email = ${email}`;',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Sequelize: replacements.
      code: "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize(process.env.DATABASE_URL);\nfunction find(id) {\n  return sequelize.query(`SELECT * FROM users WHERE id = ${id}`);\n}",
      filename: 'find.cjs',
      errors: [
        {
          messageId: 'nonConstantSql',
          line: 4,
          column: 26,
          suggestions: [
            {
              messageId: 'useParameters',
              output:
                "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize(process.env.DATABASE_URL);\nfunction find(id) {\n  return sequelize.query(`SELECT * FROM users WHERE id = ?`, { replacements: [id] });\n}",
            },
          ],
        },
      ],
    },
    {
      // TypeORM DataSource injected in a NestJS service; a LIKE pattern cannot be rewritten locally.
      code: [
        "import { Controller, Get, Query } from '@nestjs/common';",
        "import { DataSource } from 'typeorm';",
        "@Controller('products')",
        'export class ProductsController {',
        '  constructor(private readonly dataSource: DataSource) {}',
        '  @Get()',
        "  search(@Query('q') q: string) {",
        "    return this.dataSource.query(`SELECT * FROM products WHERE name ILIKE '%${q}%'`);",
        '  }',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'requestInputInSql', data: { source: '`@Query()`', part: 'q' }, line: 8, column: 34, suggestions: [] }],
    },
    {
      // The seed's common case: a pool from a local module, known by name and SQL text; `$1` as in the file's other queries.
      code: [
        "import pool from '../config/database';",
        "router.get('/books/:bookId', async (req, res) => {",
        '  const { bookId } = req.params;',
        "  const book = await pool.query(`SELECT * FROM books WHERE id = '${bookId}'`);",
        "  const pages = await pool.query('SELECT * FROM pages WHERE book_id = $1', [bookId]);",
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestInputInSql',
          data: { source: '`req.params`', part: 'bookId' },
          line: 4,
          column: 33,
          suggestions: [
            {
              messageId: 'useParameters',
              output: [
                "import pool from '../config/database';",
                "router.get('/books/:bookId', async (req, res) => {",
                '  const { bookId } = req.params;',
                '  const book = await pool.query(`SELECT * FROM books WHERE id = $1`, [bookId]);',
                "  const pages = await pool.query('SELECT * FROM pages WHERE book_id = $1', [bookId]);",
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // `+=` onto a query text, on a handle from a local module.
      code: [
        "import { db } from '../lib/db';",
        'export async function logs(level?: string) {',
        "  let sql = 'SELECT * FROM logs WHERE 1 = 1';",
        "  if (level) sql += ` AND level = '${level}'`;",
        '  return db.query(sql);',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'nonConstantSql', data: { how: 'interpolation', part: 'level' }, line: 5, column: 19, suggestions: [] }],
    },
    {
      // Raw SQL fragments: Prisma.raw inside a tagged template.
      code: "import { Prisma, PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const sorted = (sort: string) => prisma.$queryRaw`SELECT * FROM \"User\" ORDER BY ${Prisma.raw(sort)}`;",
      errors: [{ messageId: 'nonConstantSql', line: 3, column: 101, endColumn: 105, suggestions: [] }],
    },
    {
      // Sequelize literal inside a model query.
      code: "import { literal } from 'sequelize';\nexport const top = (field: string) => User.findAll({ order: [literal(`${field} DESC`)] });",
      errors: [{ messageId: 'nonConstantSql', line: 2, column: 70 }],
    },
    {
      // postgres.js unsafe.
      code: "import postgres from 'postgres';\nconst sql = postgres(process.env.DATABASE_URL);\nexport const one = (id: string) => sql.unsafe(`select * from users where id = ${id}`);",
      errors: [
        {
          messageId: 'nonConstantSql',
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'useParameters',
              output:
                "import postgres from 'postgres';\nconst sql = postgres(process.env.DATABASE_URL);\nexport const one = (id: string) => sql.unsafe(`select * from users where id = $1`, [id]);",
            },
          ],
        },
      ],
    },
    {
      // mysql query({ sql }) object form: reported at the text.
      code: "import mysql from 'mysql';\nconst connection = mysql.createConnection({});\nexport const one = (id: string) => connection.query({ sql: `SELECT * FROM t WHERE id = ${id}`, timeout: 1000 });",
      errors: [{ messageId: 'nonConstantSql', line: 3, column: 60, suggestions: [] }],
    },
    {
      // A Next.js server component in TSX querying through a local db module.
      code: [
        "import { db } from '@/lib/db';",
        'export default async function Page({ params }: { params: { slug: string } }) {',
        "  const { rows } = await db.query(`SELECT * FROM posts WHERE slug = '${params.slug}'`);",
        '  return <h1>{rows[0].title}</h1>;',
        '}',
      ].join('\n'),
      filename: 'app/posts/[slug]/page.tsx',
      errors: [{ messageId: 'nonConstantSql', data: { how: 'interpolation', part: 'params.slug' }, line: 3, column: 35, suggestions: [] }],
    },
  ],
});
