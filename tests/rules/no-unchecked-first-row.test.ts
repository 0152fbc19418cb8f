import rule from '../../src/rules/no-unchecked-first-row.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const lines = (...parts: string[]): string => parts.join('\n');
const PG = "import { Pool } from 'pg';\nconst pool = new Pool({ max: 10 });";

ruleTester.run('no-unchecked-first-row', rule, {
  valid: [
    // The seed's fix: check the row, then use it.
    lines(
      "import pool from './database';",
      'passport.deserializeUser(async (id: string, done) => {',
      "  const result = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
      '  if (!result.rows[0]) {',
      "    return done(new Error('User not found'));",
      '  }',
      '  done(null, result.rows[0]);',
      '});',
    ),
    // An aggregate always returns one row: the seed's count for the pagination UI.
    lines(
      PG,
      'export async function countMessages(topicId: string) {',
      "  const countResult = await pool.query('SELECT COUNT(*) FROM messages WHERE topic_id = $1', [topicId]);",
      "  const sum = await pool.query('SELECT COALESCE(SUM(amount), 0) AS total FROM orders WHERE user_id = $1', [topicId]);",
      "  const now = await pool.query('SELECT NOW() AS now');",
      '  return [parseInt(countResult.rows[0].count), sum.rows[0].total, now.rows[0].now];',
      '}',
    ),
    // The demo's passport strategy: a length check, an INSERT … RETURNING, and a `?? false` fallback.
    lines(
      "import pool from './database.js';",
      'async function verify(profile, done) {',
      "  const existing = await pool.query('SELECT * FROM users WHERE google_id = $1', [profile.id]);",
      '  if (existing.rows.length > 0) {',
      '    done(null, existing.rows[0]);',
      '    return;',
      '  }',
      "  const created = await pool.query('INSERT INTO users (google_id, email) VALUES ($1, $2) RETURNING *', [profile.id, profile.email]);",
      '  console.log(created.rows[0].id);',
      '  done(null, created.rows[0]);',
      '}',
      'passport.deserializeUser(async (id, done) => {',
      "  const result = await pool.query('SELECT id, email FROM users WHERE id = $1', [id]);",
      '  done(null, result.rows[0] ?? false);',
      '});',
    ),
    // Optional chaining, an explicit non-null assertion, and a fallback object.
    lines(
      PG,
      'export async function names(id: string) {',
      "  const { rows } = await pool.query('SELECT name FROM users WHERE id = $1', [id]);",
      '  return [rows[0]?.name, rows[0]!.name, (rows[0] ?? { name: "?" }).name];',
      '}',
    ),
    // Guards: an enclosing if, a ternary, `&&`, an early exit on rowCount, an assertion.
    lines(
      PG,
      "import assert from 'node:assert';",
      'export async function guarded(id: string) {',
      "  const result = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
      '  if (result.rows.length > 0) console.log(result.rows[0].email);',
      '  const label = result.rows.length ? result.rows[0].name : "anonymous";',
      '  const active = result.rows[0] && result.rows[0].active;',
      "  const other = await pool.query('SELECT * FROM users WHERE email = $1', [id]);",
      "  if (other.rowCount === 0) throw new Error('not found');",
      "  const [user] = (await pool.query('SELECT * FROM users WHERE id = $1', [id])).rows;",
      '  assert(user);',
      '  return [label, active, other.rows[0].id, user.name];',
      '}',
    ),
    // A destructured first row checked before use (postgres.js, early return with a 404).
    lines(
      "import postgres from 'postgres';",
      'const sql = postgres(process.env.DATABASE_URL);',
      "app.get('/users/:id', async (req, res) => {",
      '  const [user] = await sql`SELECT * FROM users WHERE id = ${req.params.id}`;',
      "  if (!user) return res.status(404).json({ error: 'Not found' });",
      '  res.json({ name: user.name });',
      '});',
    ),
    // Inserts always return the row they insert; aggregates in builders return one row.
    lines(
      "import { drizzle } from 'drizzle-orm/node-postgres';",
      "import knex from 'knex';",
      'const db = drizzle(pool);',
      "const kx = knex({ client: 'pg', pool: { max: 5 } });",
      'export async function create(values) {',
      '  const [user] = await db.insert(users).values(values).returning();',
      '  const [{ n }] = await db.select({ n: count() }).from(users);',
      "  const [{ total }] = await kx('orders').count('* as total');",
      '  return { id: user.id, n, total };',
      '}',
    ),
    // Arrays that are not query results: split, argv, uploaded files, regex matches.
    lines(
      "app.post('/import', (req, res) => {",
      "  const first = req.body.csv.split('\\n')[0].trim();",
      '  const bin = process.argv[0].length;',
      '  const file = req.files[0].path;',
      '  const match = /id=(\\d+)/u.exec(req.url);',
      '  res.json({ first, bin, file, id: match[0].length });',
      '});',
    ),
    // Rows from a helper of yours: its contract is not visible here.
    "import { getRows } from './db';\nexport async function f() {\n  const { rows } = await getRows();\n  return rows[0].name;\n}",
    // findFirst / findUnique return null, not an array: another concern.
    lines(
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'export async function load(id: string) {',
      '  const user = await prisma.user.findFirst({ where: { id } });',
      '  const users = await prisma.user.findMany({ where: { id } });',
      '  return users.length === 0 ? null : users[0].email;',
      '}',
    ),
    // mysql2 writes give a ResultSetHeader, not rows.
    lines(
      "import mysql from 'mysql2/promise';",
      'const pool = mysql.createPool({ connectionLimit: 5, queueLimit: 10 });',
      'export async function add(name: string) {',
      "  const [result] = await pool.execute('INSERT INTO tags (name) VALUES (?)', [name]);",
      '  return result.insertId;',
      '}',
    ),
    // A row variable that is re-assigned to a fallback before use.
    lines(
      PG,
      'export async function ensure(id: string) {',
      "  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
      '  let user = rows[0];',
      '  if (!user) user = await createUser(id);',
      '  return user.name;',
      '}',
    ),
    // A first row passed to a response or returned is not dereferenced here.
    lines(
      PG,
      "app.get('/books/:id/status', async (req, res) => {",
      "  const result = await pool.query('SELECT processing_status FROM books WHERE id = $1', [req.params.id]);",
      '  res.json(result.rows[0]);',
      '});',
    ),
    // A custom guard function, and callbacks left unchecked by option.
    {
      code: lines(
        PG,
        'export async function load(id: string, done) {',
        "  const [user] = (await pool.query('SELECT * FROM users WHERE id = $1', [id])).rows;",
        '  requireFound(user);',
        "  const other = await pool.query('SELECT * FROM users WHERE email = $1', [id]);",
        '  done(null, other.rows[0]);',
        '  return user.name;',
        '}',
      ),
      options: [{ guardFunctions: ['requireFound'], checkCallbacks: false }],
    },
    // Test code reads fixtures it just inserted.
    {
      code: lines(PG, "it('reads', async () => {", "  const { rows } = await pool.query('SELECT * FROM users');", '  expect(rows[0].name).toBe("a");', '});'),
      filename: 'src/__tests__/users.ts',
    },
  ],
  invalid: [
    {
      // The seed: passport's deserializeUser hands an undefined row to `done`.
      code: lines(
        "import pool from './database';",
        'passport.deserializeUser(async (id: string, done) => {',
        "  const result = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
        '  done(null, result.rows[0]);',
        '});',
      ),
      errors: [
        {
          messageId: 'uncheckedFirstRowCallback',
          data: { row: '`result.rows[0]`', callee: 'done' },
          line: 4,
          column: 14,
          endColumn: 28,
        },
      ],
    },
    {
      // The demo's status route: two reads of the same missing row, reported once.
      code: lines(
        "import { Router } from 'express';",
        "import pool from '../config/database.js';",
        'const router = Router();',
        "router.get('/books/:bookId/status', async (req, res) => {",
        "  const result = await pool.query('SELECT processing_status, error_message FROM books WHERE id = $1', [req.params.bookId]);",
        '  res.json({ status: result.rows[0].processing_status, error: result.rows[0].error_message });',
        '});',
      ),
      errors: [
        {
          messageId: 'uncheckedFirstRow',
          data: { row: '`result.rows[0]`' },
          line: 6,
          column: 22,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                "import { Router } from 'express';",
                "import pool from '../config/database.js';",
                'const router = Router();',
                "router.get('/books/:bookId/status', async (req, res) => {",
                "  const result = await pool.query('SELECT processing_status, error_message FROM books WHERE id = $1', [req.params.bookId]);",
                '  res.json({ status: result.rows[0]?.processing_status, error: result.rows[0].error_message });',
                '});',
              ),
            },
          ],
        },
      ],
    },
    {
      // Destructured `rows`, aliased pg import.
      code: lines(
        "import { Pool as PgPool } from 'pg';",
        'const db = new PgPool();',
        'export async function userName(id: string) {',
        "  const { rows } = await db.query('SELECT name FROM users WHERE id = $1', [id]);",
        '  return rows[0].name.toUpperCase();',
        '}',
      ),
      errors: [
        {
          messageId: 'uncheckedFirstRow',
          data: { row: '`rows[0]`' },
          line: 5,
          column: 10,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                "import { Pool as PgPool } from 'pg';",
                'const db = new PgPool();',
                'export async function userName(id: string) {',
                "  const { rows } = await db.query('SELECT name FROM users WHERE id = $1', [id]);",
                '  return rows[0]?.name.toUpperCase();',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // postgres.js: `const [user] = await sql…` then `user.email`.
      code: lines(
        "import postgres from 'postgres';",
        'const sql = postgres(process.env.DATABASE_URL);',
        'export async function email(id: string) {',
        '  const [user] = await sql`SELECT email FROM users WHERE id = ${id}`;',
        '  return user.email;',
        '}',
      ),
      errors: [
        {
          messageId: 'uncheckedFirstRow',
          data: { row: '`user`' },
          line: 5,
          column: 10,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                "import postgres from 'postgres';",
                'const sql = postgres(process.env.DATABASE_URL);',
                'export async function email(id: string) {',
                '  const [user] = await sql`SELECT email FROM users WHERE id = ${id}`;',
                '  return user?.email;',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // mysql2: `const [[user]] = await pool.query(…)` then destructured.
      code: lines(
        "const mysql = require('mysql2/promise');",
        'const pool = mysql.createPool({ connectionLimit: 5, queueLimit: 10 });',
        'async function profile(id) {',
        "  const [[user]] = await pool.query('SELECT * FROM users WHERE id = ?', [id]);",
        '  const { name, email } = user;',
        '  return { name, email };',
        '}',
      ),
      filename: 'profile.cjs',
      errors: [{ messageId: 'uncheckedFirstRowDestructured', line: 5, column: 27, endColumn: 31 }],
    },
    {
      // Drizzle UPDATE … RETURNING matches nothing when the id is unknown.
      code: lines(
        "import { drizzle } from 'drizzle-orm/postgres-js';",
        'const db = drizzle(client);',
        'export async function rename(id: string, name: string) {',
        '  const [row] = await db.update(users).set({ name }).where(eq(users.id, id)).returning();',
        '  const [{ updatedAt }] = await db.update(users).set({ seen: true }).where(eq(users.id, id)).returning();',
        '  return [row.id, updatedAt];',
        '}',
      ),
      errors: [
        { messageId: 'uncheckedFirstRowDestructured', line: 5, column: 10, endColumn: 23 },
        {
          messageId: 'uncheckedFirstRow',
          data: { row: '`row`' },
          line: 6,
          column: 11,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                "import { drizzle } from 'drizzle-orm/postgres-js';",
                'const db = drizzle(client);',
                'export async function rename(id: string, name: string) {',
                '  const [row] = await db.update(users).set({ name }).where(eq(users.id, id)).returning();',
                '  const [{ updatedAt }] = await db.update(users).set({ seen: true }).where(eq(users.id, id)).returning();',
                '  return [row?.id, updatedAt];',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // Inline: the awaited result read straight through `.rows[0]`.
      code: lines(
        PG,
        'export async function title(id: string) {',
        "  return (await pool.query('SELECT title FROM books WHERE id = $1', [id])).rows[0].title;",
        '}',
      ),
      errors: [
        {
          messageId: 'uncheckedFirstRow',
          data: { row: 'The first row' },
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                PG,
                'export async function title(id: string) {',
                "  return (await pool.query('SELECT title FROM books WHERE id = $1', [id])).rows[0]?.title;",
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // A `.then(({ rows }) => …)` callback, and a computed property read.
      code: lines(
        "const pg = require('pg');",
        'const pool = new pg.Pool();',
        'function lookup(id) {',
        "  return pool.query('SELECT * FROM users WHERE id = $1', [id]).then(({ rows }) => rows[0]['email']);",
        '}',
      ),
      filename: 'lookup.js',
      errors: [
        {
          messageId: 'uncheckedFirstRow',
          line: 4,
          column: 83,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                "const pg = require('pg');",
                'const pool = new pg.Pool();',
                'function lookup(id) {',
                "  return pool.query('SELECT * FROM users WHERE id = $1', [id]).then(({ rows }) => rows[0]?.['email']);",
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // Prisma findMany read through index 0, and Mongoose find.
      code: lines(
        "import { PrismaClient } from '@prisma/client';",
        "import mongoose from 'mongoose';",
        'const prisma = new PrismaClient();',
        "const User = mongoose.model('User', userSchema);",
        'export async function owner(slug: string) {',
        '  const teams = await prisma.team.findMany({ where: { slug } });',
        '  const docs = await User.find({ team: slug });',
        '  return [teams[0].ownerId, docs[0].email];',
        '}',
      ),
      errors: [
        { messageId: 'uncheckedFirstRow', data: { row: '`teams[0]`' }, line: 8, column: 11, endColumn: 19, suggestions: [{ messageId: 'useOptionalChaining', output: lines("import { PrismaClient } from '@prisma/client';", "import mongoose from 'mongoose';", 'const prisma = new PrismaClient();', "const User = mongoose.model('User', userSchema);", 'export async function owner(slug: string) {', '  const teams = await prisma.team.findMany({ where: { slug } });', '  const docs = await User.find({ team: slug });', '  return [teams[0]?.ownerId, docs[0].email];', '}') }] },
        { messageId: 'uncheckedFirstRow', data: { row: '`docs[0]`' }, line: 8, column: 29, endColumn: 36, suggestions: [{ messageId: 'useOptionalChaining', output: lines("import { PrismaClient } from '@prisma/client';", "import mongoose from 'mongoose';", 'const prisma = new PrismaClient();', "const User = mongoose.model('User', userSchema);", 'export async function owner(slug: string) {', '  const teams = await prisma.team.findMany({ where: { slug } });', '  const docs = await User.find({ team: slug });', '  return [teams[0].ownerId, docs[0]?.email];', '}') }] },
      ],
    },
    {
      // A check that does not leave (no return) does not guard, and a check after the use is too late.
      code: lines(
        PG,
        "app.get('/users/:id', async (req, res) => {",
        "  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);",
        '  const user = rows[0];',
        "  if (!user) res.status(404).json({ error: 'Not found' });",
        '  res.json({ name: user.name });',
        '});',
      ),
      errors: [
        {
          messageId: 'uncheckedFirstRow',
          data: { row: '`user`' },
          line: 7,
          column: 20,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                PG,
                "app.get('/users/:id', async (req, res) => {",
                "  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);",
                '  const user = rows[0];',
                "  if (!user) res.status(404).json({ error: 'Not found' });",
                '  res.json({ name: user?.name });',
                '});',
              ),
            },
          ],
        },
      ],
    },
    {
      code: lines(
        PG,
        'export async function late(id: string) {',
        "  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
        '  const name = (rows[0] as { name: string }).name;',
        '  if (!rows[0]) return null;',
        '  return name;',
        '}',
      ),
      errors: [
        {
          messageId: 'uncheckedFirstRow',
          line: 5,
          column: 17,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useOptionalChaining',
              output: lines(
                PG,
                'export async function late(id: string) {',
                "  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
                '  const name = (rows[0] as { name: string })?.name;',
                '  if (!rows[0]) return null;',
                '  return name;',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      // UPDATE … RETURNING and INSERT … ON CONFLICT DO NOTHING can both return no row.
      code: lines(
        PG,
        'export async function touch(id: string, email: string) {',
        "  const updated = await pool.query('UPDATE users SET seen_at = now() WHERE id = $1 RETURNING seen_at', [id]);",
        "  const inserted = await pool.query('INSERT INTO invites (email) VALUES ($1) ON CONFLICT (email) DO NOTHING RETURNING id', [email]);",
        '  return [updated.rows[0].seen_at, inserted.rows[0].id];',
        '}',
      ),
      errors: [
        { messageId: 'uncheckedFirstRow', data: { row: '`updated.rows[0]`' }, line: 6, column: 11, endColumn: 26, suggestions: [{ messageId: 'useOptionalChaining', output: lines(PG, 'export async function touch(id: string, email: string) {', "  const updated = await pool.query('UPDATE users SET seen_at = now() WHERE id = $1 RETURNING seen_at', [id]);", "  const inserted = await pool.query('INSERT INTO invites (email) VALUES ($1) ON CONFLICT (email) DO NOTHING RETURNING id', [email]);", '  return [updated.rows[0]?.seen_at, inserted.rows[0].id];', '}') }] },
        { messageId: 'uncheckedFirstRow', data: { row: '`inserted.rows[0]`' }, line: 6, column: 36, endColumn: 52, suggestions: [{ messageId: 'useOptionalChaining', output: lines(PG, 'export async function touch(id: string, email: string) {', "  const updated = await pool.query('UPDATE users SET seen_at = now() WHERE id = $1 RETURNING seen_at', [id]);", "  const inserted = await pool.query('INSERT INTO invites (email) VALUES ($1) ON CONFLICT (email) DO NOTHING RETURNING id', [email]);", '  return [updated.rows[0].seen_at, inserted.rows[0]?.id];', '}') }] },
      ],
    },
    {
      // Knex update … returning, in a TSX file; the write target gets no suggestion (`?.` cannot be assigned to).
      code: lines(
        "import knex from 'knex';",
        "const db = knex({ client: 'pg', pool: { max: 5 } });",
        'export async function close(id: string) {',
        "  const [order] = await db('orders').where({ id }).update({ status: 'closed' }).returning('*');",
        '  order.closedBy = "system";',
        '  return <span>{order.status}</span>;',
        '}',
      ),
      filename: 'close.tsx',
      errors: [{ messageId: 'uncheckedFirstRow', data: { row: '`order`' }, line: 5, column: 3, endColumn: 8 }],
    },
  ],
});
