import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  DataAccess,
  DEFAULT_READ_METHODS,
  DEFAULT_WRITE_METHODS,
  classifySql,
  continuesChain,
  dataAccessOptionsSchema,
  getDataAccess,
  type DataAccessOptions,
  type DbCall,
} from '../../src/util/data-access.js';
import { probe } from './probe.js';

/** `library:kind[/transaction] [model.]method [COMMAND] [list|one] [limit|nolimit] [batched] [~heuristic|~pattern]`. */
function describeCall(call: DbCall): string {
  const parts = [`${call.library}:${call.kind}${call.transaction ? `/${call.transaction}` : ''}`, `${call.model === undefined ? '' : `${call.model}.`}${call.method}`];
  if (call.command !== undefined) parts.push(call.command);
  if (call.isList !== undefined) parts.push(call.isList ? 'list' : 'one');
  if (call.hasLimit !== undefined) parts.push(call.hasLimit ? 'limit' : 'nolimit');
  if (call.isBatched) parts.push('batched');
  if (call.confidence !== 'tracked') parts.push(`~${call.confidence}`);
  return parts.join(' ');
}

/** Every call and tagged template the model classifies, as `line:column description`. */
function calls(code: string, options: DataAccessOptions = {}, filename?: string): string[] {
  return probe(
    code,
    (context) => {
      const model = new DataAccess(context.sourceCode, options);
      const visit = (node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void => {
        const call = model.classifyCall(node);
        if (call) context.report({ node, messageId: 'found', data: { text: describeCall(call) } });
      };
      return { CallExpression: visit, TaggedTemplateExpression: visit };
    },
    filename,
  );
}

/** For every `check(x)`, the client `x` is (`library:role[:model][:tx]`) or `none`. */
function clients(code: string, filename?: string): string[] {
  return probe(
    code,
    (context) => {
      const model = new DataAccess(context.sourceCode);
      return {
        'CallExpression[callee.name="check"]'(node: TSESTree.CallExpression) {
          const argument = node.arguments[0];
          const client = argument ? model.getClient(argument) : undefined;
          const text = client
            ? [client.library, client.role, client.model, client.isTransaction ? 'tx' : undefined, client.confidence === 'heuristic' ? '~' : undefined].filter((part) => part !== undefined).join(':')
            : 'none';
          context.report({ node, messageId: 'found', data: { text } });
        },
      };
    },
    filename,
  );
}

/** Every classified non-control call with the transaction it runs in (`method:kind` or `method:none`). */
function transactions(code: string): string[] {
  return probe(code, (context) => {
    const model = getDataAccess(context.sourceCode);
    const visit = (node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void => {
      const call = model.classifyCall(node);
      if (!call || call.kind === 'transaction') return;
      const scope = model.getTransaction(node);
      expect(model.isInTransaction(node)).toBe(scope !== undefined);
      context.report({ node, messageId: 'found', data: { text: `${call.method}:${scope ? scope.kind : 'none'}` } });
    };
    return { CallExpression: visit, TaggedTemplateExpression: visit };
  });
}

/** Every classified call with its enclosing loop: `method kind[.method][#length][ concurrent][ await] dep=…` or `method -`. */
function loops(code: string): string[] {
  return probe(code, (context) => {
    const model = getDataAccess(context.sourceCode);
    return {
      CallExpression(node) {
        const call = model.classifyCall(node);
        if (!call) return;
        const loop = model.getEnclosingLoop(node);
        const text = loop
          ? [
              `${call.method} ${loop.kind}${loop.method === undefined ? '' : `.${loop.method}`}${loop.staticLength === undefined ? '' : `#${loop.staticLength}`}`,
              loop.iterable ? `over=${context.sourceCode.getText(loop.iterable)}` : undefined,
              loop.concurrent ? 'concurrent' : undefined,
              loop.isAwait ? 'await' : undefined,
              `dep=${String(model.referencesLoopVariable(node, loop))}`,
            ]
              .filter((part) => part !== undefined)
              .join(' ')
          : `${call.method} -`;
        context.report({ node, messageId: 'found', data: { text } });
      },
    };
  });
}

describe('client recognition from tracked imports', () => {
  it('follows node-postgres through every import form and through pool.connect()', () => {
    expect(
      clients(
        [
          "import { Pool, Client as PgClient } from 'pg';",
          "import pg from 'pg';",
          "import * as pgAll from 'pg';",
          "import { Pool as NotPg } from 'generic-pool';",
          'const a = new Pool(); const b = new PgClient(); const c = new pg.Pool(); const d = new pgAll.Client();',
          'const { Pool: Destructured } = pg; const e = new Destructured();',
          'const conn = await a.connect();',
          'let later: import("pg").Pool; const f = new NotPg();',
          'check(a); check(b); check(c); check(d); check(e); check(conn); check(f);',
        ].join('\n'),
      ),
    ).toEqual(['9:1 pg:pool', '9:11 pg:client', '9:21 pg:pool', '9:31 pg:client', '9:41 pg:pool', '9:51 pg:client', '9:64 none']);
  });

  it('follows require, destructured require, aliases and re-exports of a factory', () => {
    expect(
      clients(
        [
          "const { Pool } = require('pg');",
          "const mysql = require('mysql2/promise');",
          "const createPool = require('mysql').createPool;",
          "const knex = require('knex')({ client: 'pg' });",
          "const Redis = require('ioredis');",
          'const pool = new Pool(); const my = mysql.createPool({}); const legacy = createPool({}); const cache = new Redis();',
          'const alias = pool;',
          'check(pool); check(my); check(legacy); check(knex); check(cache); check(alias);',
        ].join('\n'),
        'file.cjs',
      ),
    ).toEqual(['8:1 pg:pool', '8:14 mysql:pool', '8:25 mysql:pool', '8:40 knex:db', '8:53 redis:client', '8:67 pg:pool']);
  });

  it('recognises Prisma clients: new PrismaClient(), $extends, the Next.js singleton, custom output, types and tx handles', () => {
    expect(
      clients(
        [
          "import { PrismaClient, Prisma } from '@prisma/client';",
          "import { PrismaClient as Generated } from '../generated/prisma';",
          "import { PrismaService } from './prisma.service';",
          'const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };',
          'export const prisma = globalForPrisma.prisma ?? new PrismaClient();',
          'const extended = new PrismaClient().$extends({});',
          'const gen = new Generated();',
          'async function helper(tx: Prisma.TransactionClient, db: PrismaClient) { check(tx); check(db); }',
          'class Users { constructor(private readonly prisma: PrismaService) {} run() { check(this.prisma); } }',
          'await prisma.$transaction(async (tx) => { check(tx); });',
          'check(prisma); check(extended); check(gen);',
        ].join('\n'),
      ),
    ).toEqual([
      '8:73 prisma:client:tx',
      '8:84 prisma:client',
      '9:78 prisma:client:~',
      '10:43 prisma:client:tx',
      '11:1 prisma:client',
      '11:16 prisma:client',
      '11:33 prisma:client',
    ]);
  });

  it('recognises Drizzle, Knex and postgres.js clients and their transaction handles', () => {
    expect(
      clients(
        [
          "import { drizzle } from 'drizzle-orm/node-postgres';",
          "import { drizzle as d1 } from 'drizzle-orm/d1';",
          "import type { NodePgDatabase } from 'drizzle-orm/node-postgres';",
          "import { knex } from 'knex';",
          "import type { Knex } from 'knex';",
          "import postgres from 'postgres';",
          'const db = drizzle(pool); const edge = d1(env.DB); const k = knex({}); const sql = postgres(url);',
          'function repo(database: NodePgDatabase, trx: Knex.Transaction) { check(database); check(trx); }',
          'await db.transaction(async (tx) => check(tx));',
          'await k.transaction(async (t) => check(t));',
          'await sql.begin(async (s) => check(s));',
          'const manual = await k.transaction();',
          'check(db); check(edge); check(k); check(sql); check(manual);',
        ].join('\n'),
      ),
    ).toEqual([
      '8:66 drizzle:db',
      '8:83 knex:db:tx',
      '9:36 drizzle:db:tx',
      '10:34 knex:db:tx',
      '11:30 postgres:client:tx',
      '13:1 drizzle:db',
      '13:12 drizzle:db',
      '13:25 knex:db',
      '13:35 postgres:client',
      '13:47 knex:db:tx',
    ]);
  });

  it('recognises TypeORM data sources, repositories, managers, query runners and Nest injection', () => {
    expect(
      clients(
        [
          "import { DataSource, Repository, BaseEntity, getRepository } from 'typeorm';",
          "import { InjectRepository, InjectDataSource } from '@nestjs/typeorm';",
          'export const ds = new DataSource({});',
          'const users = ds.getRepository(User); const manager = ds.manager; const qr = ds.createQueryRunner();',
          'const legacy = getRepository(Post);',
          'class Photo extends BaseEntity {}',
          'class S {',
          '  constructor(@InjectRepository(Cat) private cats: Repository<Cat>, @InjectDataSource() private source: DataSource, private dogs: Repository<Dog>) {}',
          '  run() { check(this.cats); check(this.source); check(this.dogs); }',
          '}',
          'check(users); check(manager); check(qr); check(legacy); check(Photo); check(qr.manager);',
        ].join('\n'),
      ),
    ).toEqual([
      '9:11 typeorm:repository:Cat',
      '9:29 typeorm:dataSource',
      '9:49 typeorm:repository:Dog',
      '11:1 typeorm:repository:User',
      '11:15 typeorm:manager',
      '11:31 typeorm:queryRunner',
      '11:42 typeorm:repository:Post',
      '11:57 typeorm:repository:Photo',
      '11:71 typeorm:manager',
    ]);
  });

  it('recognises Sequelize and Mongoose models, documents and sessions', () => {
    expect(
      clients(
        [
          "import { Sequelize, Model } from 'sequelize';",
          "import mongoose, { model, models } from 'mongoose';",
          "import { InjectModel } from '@nestjs/mongoose';",
          'const sequelize = new Sequelize(url);',
          "const User = sequelize.define('User', {});",
          'class Post extends Model {}',
          "const Cat = models.Cat || model('Cat', schema);",
          "const Dog = mongoose.model('Dog', schema);",
          'const rex = new Dog({ name });',
          'const found = await Dog.findById(id);',
          'const session = await mongoose.startSession();',
          'const pending = Dog.findById(id);',
          'class S { constructor(@InjectModel(Owner.name) private owners: Model<Owner>) {} run() { check(this.owners); } }',
          'check(sequelize); check(User); check(Post); check(Cat); check(Dog); check(rex); check(found); check(session); check(pending);',
        ].join('\n'),
      ),
    ).toEqual([
      '13:89 mongoose:model:Owner',
      '14:1 sequelize:db',
      '14:19 sequelize:model:User',
      '14:32 sequelize:model:Post',
      '14:45 mongoose:model:Cat',
      '14:57 mongoose:model:Dog',
      '14:69 mongoose:document:Dog',
      '14:81 mongoose:document:Dog',
      '14:95 mongoose:session',
      '14:111 none',
    ]);
  });

  it('recognises Redis clients from ioredis, node-redis and Upstash, and nothing else named like them', () => {
    expect(
      clients(
        [
          "import Redis, { Cluster } from 'ioredis';",
          "import { createClient } from 'redis';",
          "import { Redis as Upstash } from '@upstash/redis';",
          "import { createClient as createSupabase } from '@supabase/supabase-js';",
          'const a = new Redis(); const b = new Cluster([]); const c = createClient(); const d = Upstash.fromEnv(); const e = c.duplicate();',
          'const supabase = createSupabase(url, key); const redis = new Map();',
          'check(a); check(b); check(c); check(d); check(e); check(supabase); check(redis);',
        ].join('\n'),
      ),
    ).toEqual(['7:1 redis:client', '7:11 redis:client', '7:21 redis:client', '7:31 redis:client', '7:41 redis:client', '7:51 none', '7:68 none']);
  });

  it('reports where clients are created, with their options object', () => {
    const found = probe(
      [
        "import { Pool } from 'pg';",
        "import mysql from 'mysql2';",
        "import { Sequelize } from 'sequelize';",
        'const options = { max: 20, idleTimeoutMillis: 30_000 };',
        'new Pool(options);',
        'mysql.createPool({ connectionLimit: 10 });',
        "new Sequelize('db', 'user', 'pass', { pool: { max: 5 } });",
        'new Pool();',
        'new Map(); createPool({});',
      ].join('\n'),
      (context) => {
        const model = new DataAccess(context.sourceCode);
        const visit = (node: TSESTree.NewExpression | TSESTree.CallExpression): void => {
          const creation = model.getClientCreation(node);
          if (!creation) return;
          const keys = creation.options?.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? context.sourceCode.getText(property.key) : '...')) ?? [];
          context.report({ node, messageId: 'found', data: { text: `${creation.library}:${creation.role} [${keys.join(',')}]` } });
        };
        return { NewExpression: visit, CallExpression: visit };
      },
    );
    expect(found).toEqual(['5:1 pg:pool [max,idleTimeoutMillis]', '6:1 mysql:pool [connectionLimit]', '7:1 sequelize:db [pool]', '8:1 pg:pool []']);
  });
});

describe('classifySql', () => {
  it('classifies by the first keyword, looking through comments, CTEs and RETURNING', () => {
    const summary = (text: string): string => {
      const info = classifySql(text);
      return [info.kind, info.command, info.transaction, info.table, info.isList === undefined ? undefined : info.isList ? 'list' : 'one', info.hasLimit ? 'limit' : undefined]
        .filter((part) => part !== undefined)
        .join(' ');
    };
    expect(
      [
        'SELECT id, name FROM topics ORDER BY name ASC',
        '  -- newest first\n  select * from messages where topic_id = $1 order by created_at desc limit $2 offset $3',
        'SELECT COUNT(*) FROM messages WHERE topic_id IS NULL',
        'SELECT * FROM users WHERE id = $1',
        'SELECT * FROM users WHERE id = $1 OR email = $2',
        'SELECT NOW()',
        'SELECT topic_id, COUNT(*) FROM messages GROUP BY topic_id',
        'WITH recent AS (SELECT * FROM m LIMIT 10) SELECT * FROM recent',
        'WITH moved AS (DELETE FROM a RETURNING *) SELECT * FROM moved',
        'INSERT INTO "users" (email) VALUES ($1) RETURNING id',
        "UPDATE books SET status = 'x' WHERE id = $1",
        'DELETE FROM book_processing_jobs WHERE status = $1',
        '/* ddl */ CREATE INDEX idx ON messages(topic_id)',
        'BEGIN',
        'start transaction',
        'COMMIT',
        'ROLLBACK',
        'SAVEPOINT a',
        'VACUUM',
        '',
      ].map(summary),
    ).toEqual([
      'read SELECT topics list',
      'read SELECT messages list limit',
      'read SELECT messages one',
      'read SELECT users one',
      'read SELECT users list',
      'read SELECT one',
      'read SELECT messages list',
      'read SELECT recent list',
      'write SELECT moved',
      'write INSERT users',
      'write UPDATE books',
      'write DELETE book_processing_jobs',
      'write CREATE',
      'transaction BEGIN begin',
      'transaction START begin',
      'transaction COMMIT commit',
      'transaction ROLLBACK rollback',
      'transaction SAVEPOINT savepoint',
      'unknown VACUUM',
      'unknown',
    ]);
  });

  it('sees batches and the pg placeholder of LIMIT', () => {
    expect(classifySql('SELECT * FROM t WHERE id = ANY($1)').isBatched).toBe(true);
    expect(classifySql('SELECT * FROM t WHERE id IN ($1, $2)').isBatched).toBe(true);
    expect(classifySql('SELECT * FROM t WHERE id = $1').isBatched).toBe(false);
    expect(classifySql('INSERT INTO t (a) VALUES ($1), ($2)').isBatched).toBe(true);
    expect(classifySql('SELECT * FROM t LIMIT $4').limitParameter).toBe(4);
    expect(classifySql("SELECT * FROM t WHERE note = 'no limit here'").hasLimit).toBe(false);
  });
});

describe('SQL clients: pg, mysql2, postgres.js', () => {
  it('classifies query() by the SQL text, through consts, branches, ternaries, QueryConfig and concatenation', () => {
    expect(
      calls(
        [
          "import { Pool } from 'pg';",
          'const pool = new Pool();',
          "const BY_ID = 'SELECT * FROM users WHERE id = $1';",
          'let query;',
          "if (topicId === null) { query = 'SELECT id FROM messages WHERE topic_id IS NULL ORDER BY created_at DESC LIMIT $1 OFFSET $2'; }",
          "else { query = 'SELECT id FROM messages WHERE topic_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3'; }",
          'await pool.query(BY_ID, [id]);',
          'await pool.query(query, params);',
          "await pool.query(topicId === null ? 'SELECT COUNT(*) FROM messages' : 'SELECT COUNT(*) FROM messages WHERE topic_id = $1');",
          "await pool.query({ text: 'UPDATE books SET a = $1', values: [a] });",
          "await pool.query('DELETE FROM ' + table + ' WHERE id = $1', [id]);",
          'await pool.query(`SELECT * FROM ${table}`);',
          'await pool.query(sqlFromCaller);',
          "pool.on('error', log); await pool.end();",
        ].join('\n'),
      ),
    ).toEqual([
      '7:7 pg:read users.query SELECT one',
      '8:7 pg:read messages.query SELECT list limit',
      '9:7 pg:read messages.query SELECT one',
      '10:7 pg:write books.query UPDATE',
      '11:7 pg:write query DELETE',
      '12:7 pg:read query SELECT list nolimit',
      '13:7 pg:unknown query',
    ]);
  });

  it('points at the value bound to LIMIT $n, so a rule can look for a cap', () => {
    const found = probe(
      [
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        "await pool.query('SELECT * FROM m WHERE t = $1 LIMIT $2 OFFSET $3', [t, Math.min(limit, 100), offset]);",
        "await pool.query('SELECT * FROM m LIMIT $1', values);",
      ].join('\n'),
      (context) => {
        const model = new DataAccess(context.sourceCode);
        return {
          CallExpression(node) {
            const call = model.classifyCall(node);
            if (call) context.report({ node, messageId: 'found', data: { text: call.limit ? context.sourceCode.getText(call.limit) : 'none' } });
          },
        };
      },
    );
    expect(found).toEqual(['3:7 Math.min(limit, 100)', '4:7 none']);
  });

  it('classifies mysql2 execute/query and connection transactions', () => {
    expect(
      calls(
        [
          "const mysql = require('mysql2/promise');",
          'const pool = mysql.createPool({});',
          'async function move(id) {',
          "  const [rows] = await pool.execute('SELECT * FROM users WHERE email = ?', [email]);",
          '  const conn = await pool.getConnection();',
          '  await conn.beginTransaction();',
          "  await conn.query('UPDATE accounts SET balance = balance - ? WHERE id = ?', [1, id]);",
          '  await conn.commit();',
          '  conn.release();',
          '}',
        ].join('\n'),
        {},
        'file.cjs',
      ),
    ).toEqual([
      '4:24 mysql:read users.execute SELECT list nolimit',
      '6:9 mysql:transaction/begin beginTransaction',
      '7:9 mysql:write accounts.query UPDATE',
      '8:9 mysql:transaction/commit commit',
    ]);
  });

  it('classifies tagged-template clients and ignores nested fragments', () => {
    expect(
      calls(
        [
          "import postgres from 'postgres';",
          "import { sql as vercel } from '@vercel/postgres';",
          'const sql = postgres(url);',
          'await sql`SELECT * FROM users WHERE id = ${id}`;',
          'await sql`SELECT * FROM posts ${sql`WHERE a = ${a}`}`;',
          'await sql`INSERT INTO users ${sql(user)}`;',
          'await sql.unsafe(`UPDATE t SET a = 1`);',
          'await vercel`DELETE FROM sessions WHERE expires < now()`;',
          'await sql.begin(async (tx) => tx`INSERT INTO a VALUES (1)`);',
          'await other`SELECT 1`;',
        ].join('\n'),
      ),
    ).toEqual([
      '4:7 postgres:read users.sql SELECT one',
      '5:7 postgres:read posts.sql SELECT list nolimit',
      '6:7 postgres:write users.sql INSERT',
      '7:7 postgres:write t.unsafe UPDATE',
      '8:7 postgres:write sessions.sql DELETE',
      '9:7 postgres:transaction/scope begin',
      '9:31 postgres:write a.sql INSERT',
    ]);
  });
});

describe('ORM calls', () => {
  it('classifies Prisma model methods, raw queries and transactions', () => {
    expect(
      calls(
        [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          'await prisma.message.findMany({ where: { topicId } });',
          'await prisma.message.findMany({ take: 50, skip: offset });',
          'await prisma.message.findMany(args);',
          'await prisma.user.findMany({ where: { id: { in: ids } }, take: ids.length });',
          'await prisma.user.findUnique({ where: { id } });',
          'await prisma.user.count();',
          'await prisma.receipt.create({ data });',
          'await prisma.item.updateMany({ where: {}, data: {} });',
          'await prisma.item.upsert({ where: {}, create: {}, update: {} });',
          'await prisma.$queryRaw`SELECT * FROM items WHERE tenant = ${t}`;',
          "await prisma.$executeRawUnsafe('DELETE FROM sessions');",
          'await prisma.$executeRaw`SELECT pg_notify(${c}, ${p})`;',
          'await prisma.$transaction([prisma.a.create({ data }), prisma.b.delete({ where })]);',
          'await prisma.user.findUnique({ where: { id } }).posts();',
          'await prisma.$connect(); await prisma.$disconnect();',
          'prisma.user.findMany().then(send);',
        ].join('\n'),
      ),
    ).toEqual([
      '3:7 prisma:read message.findMany list nolimit',
      '4:7 prisma:read message.findMany list limit',
      '5:7 prisma:read message.findMany list',
      '6:7 prisma:read user.findMany list limit batched',
      '7:7 prisma:read user.findUnique one',
      '8:7 prisma:read user.count one',
      '9:7 prisma:write receipt.create',
      '10:7 prisma:write item.updateMany batched',
      '11:7 prisma:write item.upsert',
      '12:7 prisma:read items.$queryRaw SELECT list nolimit',
      '13:7 prisma:write sessions.$executeRawUnsafe DELETE',
      '14:7 prisma:write $executeRaw SELECT',
      '15:7 prisma:transaction/scope $transaction',
      '15:28 prisma:write a.create',
      '15:55 prisma:write b.delete',
      '16:7 prisma:read user.findUnique',
      '18:1 prisma:read user.findMany list nolimit',
    ]);
  });

  it('classifies Drizzle builder chains once, at their last call', () => {
    expect(
      calls(
        [
          "import { drizzle } from 'drizzle-orm/postgres-js';",
          "import { eq, inArray, count, sql } from 'drizzle-orm';",
          'const db = drizzle(client);',
          'await db.select().from(contents).leftJoin(hotels, eq(hotels.contentId, contents.id)).where(eq(contents.id, id)).limit(1);',
          'await db.select().from(users).where(inArray(users.id, ids));',
          'await db.select({ total: count() }).from(users);',
          'await db.insert(users).values([{ a: 1 }, { a: 2 }]).returning();',
          'await db.update(users).set({ a: 1 }).where(eq(users.id, id));',
          'await db.delete(sessions).where(eq(sessions.userId, id));',
          'await db.query.users.findMany({ with: { posts: true } });',
          'await db.query.users.findFirst({ where: eq(users.id, id) });',
          'await db.execute(sql`UPDATE counters SET n = n + 1`);',
          'await db.transaction(async (tx) => { await tx.insert(logs).values(row); });',
          'const query = db.select().from(items).$dynamic();',
          'const rows = await query.limit(10);',
          'db.select().from(users).toSQL();',
        ].join('\n'),
      ),
    ).toEqual([
      '4:7 drizzle:read contents.select list limit',
      '5:7 drizzle:read users.select list nolimit batched',
      '6:7 drizzle:read users.select one',
      '7:7 drizzle:write users.insert batched',
      '8:7 drizzle:write users.update',
      '9:7 drizzle:write sessions.delete',
      '10:7 drizzle:read users.findMany list nolimit',
      '11:7 drizzle:read users.findFirst one',
      '12:7 drizzle:write counters.execute UPDATE',
      '13:7 drizzle:transaction/scope transaction',
      '13:44 drizzle:write logs.insert',
      '15:20 drizzle:read items.select list limit',
    ]);
  });

  it('classifies Knex builders, raw queries and both transaction styles', () => {
    expect(
      calls(
        [
          "import knex from 'knex';",
          'const db = knex(config);',
          'await db("users").where({ id }).first();',
          'await db("users").select("*").orderBy("name");',
          'await db("users").count("id as n");',
          'await db("users").whereIn("id", ids).del();',
          'await db.insert({ a: 1 }).into("logs");',
          'await db.select("a").from("t").limit(5);',
          'await db.raw("SELECT 1");',
          'await db.transaction(async (trx) => { await trx("a").insert(rows).transacting(trx); });',
          'const trx = await db.transaction();',
          'await trx("b").update({ y: 2 }).where({ id });',
          'await trx.commit();',
          'db("users").where({ id }).toString();',
          'db.fn.now(); await db.destroy();',
        ].join('\n'),
      ),
    ).toEqual([
      '3:7 knex:read users.first one limit',
      '4:7 knex:read users.select list nolimit',
      '5:7 knex:read users.count one',
      '6:7 knex:write users.del batched',
      '7:7 knex:write logs.insert',
      '8:7 knex:read t.select list limit',
      '9:7 knex:read raw SELECT one',
      '10:7 knex:transaction/scope transaction',
      '10:45 knex:write a.insert',
      '11:19 knex:transaction/begin transaction',
      '12:7 knex:write b.update',
      '13:7 knex:transaction/commit commit',
    ]);
  });

  it('classifies TypeORM repositories, managers, query builders and query runners', () => {
    expect(
      calls(
        [
          "import { DataSource, Repository, In } from 'typeorm';",
          "import { InjectRepository } from '@nestjs/typeorm';",
          'const ds = new DataSource({});',
          'class Service {',
          '  constructor(@InjectRepository(User) private users: Repository<User>) {}',
          '  a() { return this.users.find({ where: { id: In(ids) } }); }',
          '  b() { return this.users.find({ take: 20 }); }',
          '  c() { return this.users.findOneBy({ id }); }',
          '  d() { const user = this.users.create(dto); return this.users.save(user); }',
          '  e() { return this.users.createQueryBuilder("u").where("u.a = :a", { a }).take(10).getMany(); }',
          '  f() { return this.users.createQueryBuilder().delete().where("id = :id", { id }).execute(); }',
          '  g() { return ds.manager.find(Post, { where: { a } }); }',
          '  h() { return ds.getRepository(Post).softDelete({ id }); }',
          '  i() { return ds.query("SELECT * FROM posts"); }',
          '  j() { const qb = this.users.createQueryBuilder("u"); qb.limit(5); return qb.getRawMany(); }',
          '}',
        ].join('\n'),
      ),
    ).toEqual([
      '6:16 typeorm:read User.find list nolimit batched',
      '7:16 typeorm:read User.find list limit',
      '8:16 typeorm:read User.findOneBy one',
      '9:53 typeorm:write User.save',
      '10:16 typeorm:read User.getMany list limit',
      '11:16 typeorm:write User.delete',
      '12:16 typeorm:read Post.find list nolimit',
      '13:16 typeorm:write Post.softDelete',
      '14:16 typeorm:read posts.query SELECT list nolimit',
      '15:76 typeorm:read User.getRawMany list limit',
    ]);
  });

  it('classifies Sequelize statics, instances and transactions', () => {
    expect(
      calls(
        [
          "const { Sequelize, Model, Op } = require('sequelize');",
          'const sequelize = new Sequelize(url);',
          "const User = sequelize.define('User', {});",
          'class Post extends Model {}',
          'await User.findAll({ limit: 10 });',
          'await Post.findAll({ where: { id: { [Op.in]: ids } } });',
          'await User.findByPk(id);',
          'await Post.bulkCreate(rows);',
          'await User.update({ a }, { where: { id } });',
          'const user = await User.findByPk(id); await user.destroy();',
          'await sequelize.transaction(async (t) => Post.destroy({ where: { id }, transaction: t }));',
          "await sequelize.query('SELECT 1');",
          'await sequelize.sync(); await sequelize.authenticate();',
        ].join('\n'),
        {},
        'file.cjs',
      ),
    ).toEqual([
      '5:7 sequelize:read User.findAll list limit',
      '6:7 sequelize:read Post.findAll list nolimit batched',
      '7:7 sequelize:read User.findByPk one',
      '8:7 sequelize:write Post.bulkCreate batched',
      '9:7 sequelize:write User.update',
      '10:20 sequelize:read User.findByPk one',
      '10:45 sequelize:write User.destroy',
      '11:7 sequelize:transaction/scope transaction',
      '11:42 sequelize:write Post.destroy',
      '12:7 sequelize:read query SELECT one',
    ]);
  });

  it('classifies Mongoose statics with their query chains, documents and sessions', () => {
    expect(
      calls(
        [
          "import mongoose, { Schema, model } from 'mongoose';",
          "const User = mongoose.model('User', new Schema({}));",
          "const Post = model('Post', postSchema);",
          'await User.find({ active: true }).sort({ createdAt: -1 }).limit(20).lean();',
          'await User.find({ _id: { $in: ids } }).exec();',
          'await User.find({}, null, { limit: 5 });',
          'await Post.findOne({ slug });',
          'await Post.findByIdAndUpdate(id, { $set: { a } });',
          'await Post.aggregate([{ $match: {} }, { $limit: 10 }]);',
          'await Post.countDocuments();',
          'const doc = new User({ name }); await doc.save();',
          'const session = await mongoose.startSession();',
          'await session.withTransaction(async () => { await Post.create([{ a }], { session }); });',
          'const pending = User.find({}); pending.limit(3); await pending;',
        ].join('\n'),
      ),
    ).toEqual([
      '4:7 mongoose:read User.find list limit',
      '5:7 mongoose:read User.find list nolimit batched',
      '6:7 mongoose:read User.find list limit',
      '7:7 mongoose:read Post.findOne one',
      '8:7 mongoose:write Post.findByIdAndUpdate',
      '9:7 mongoose:read Post.aggregate list limit',
      '10:7 mongoose:read Post.countDocuments one',
      '11:39 mongoose:write User.save',
      '13:7 mongoose:transaction/scope withTransaction',
      '13:51 mongoose:write Post.create',
      '14:17 mongoose:read User.find list limit',
    ]);
  });

  it('classifies Redis commands, generic commands and MULTI pipelines per command', () => {
    expect(
      calls(
        [
          "import Redis from 'ioredis';",
          "import { createClient } from 'redis';",
          'const redis = new Redis();',
          'const client = createClient();',
          "await redis.set('k', 'v', 'EX', 60);",
          "await redis.keys('session:*');",
          "await redis.scan('0', 'MATCH', 'session:*');",
          "await client.hSet('h', 'f', 'v');",
          "await client.hGetAll('h');",
          "await client.sendCommand(['KEYS', '*']);",
          "await redis.call('DEL', 'k');",
          "await redis.multi().set('a', '1').expire('a', 10).exec();",
          "redis.on('error', log); await client.connect(); await redis.quit();",
        ].join('\n'),
      ),
    ).toEqual([
      '5:7 redis:write set SET',
      '6:7 redis:read keys KEYS list nolimit',
      '7:7 redis:read scan SCAN list limit',
      '8:7 redis:write hSet HSET',
      '9:7 redis:read hGetAll HGETALL list',
      '10:7 redis:read sendCommand KEYS list nolimit',
      '11:7 redis:write call DEL',
      '12:7 redis:transaction/commit exec EXEC',
      '12:7 redis:write expire EXPIRE',
      '12:7 redis:write set SET',
      '12:7 redis:transaction/begin multi MULTI',
    ]);
  });
});

describe('heuristics for clients from local modules', () => {
  it('recognises the seeds: a pg pool from ../config/database, a Drizzle db, Prisma from ../lib/prisma', () => {
    expect(
      calls(
        [
          "import pool from '../config/database';",
          "import { db } from './db';",
          "import { prisma } from '@/lib/prisma';",
          "const result = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
          'const rows = await db.select().from(contents).where(eq(contents.id, id)).limit(1);',
          'await db.insert(receipts).values(row);',
          'await prisma.item.findMany({ where: { tenantId } });',
          'await prisma.$transaction(async (tx) => { await tx.receipt.create({ data }); });',
        ].join('\n'),
      ),
    ).toEqual([
      '4:22 pg:read users.query SELECT one ~heuristic',
      '5:20 drizzle:read contents.select list limit ~heuristic',
      '6:7 drizzle:write receipts.insert ~heuristic',
      '7:7 prisma:read item.findMany list nolimit ~heuristic',
      '8:7 prisma:transaction/scope $transaction ~heuristic',
      '8:49 prisma:write receipt.create ~heuristic',
    ]);
  });

  it('recognises injected and context receivers: this.prismaService, ctx.db, knex and repositories', () => {
    expect(
      calls(
        [
          "import { db as knexDb } from '../knexfile';",
          'export const router = createTRPCRouter({ list: publicProcedure.query(({ ctx }) => ctx.db.post.findMany({ take: 10 })) });',
          'class S { constructor(private prismaService: PrismaService, private readonly userRepository: UserRepository) {}',
          '  a() { return this.prismaService.user.delete({ where: { id } }); }',
          '  b() { return this.userRepository.findOne({ where: { id } }); }',
          '}',
          "await knexDb('users').where({ id }).update({ a });",
          "const mysqlConn = await getConnection(); await mysqlConn.query('INSERT INTO t SET ?', [row]);",
          "await redis.setex('k', 60, v);",
        ].join('\n'),
      ),
    ).toEqual([
      '2:83 prisma:read post.findMany list limit ~heuristic',
      '4:16 prisma:write user.delete ~heuristic',
      '5:16 typeorm:read findOne one ~heuristic',
      '7:7 knex:write users.update ~heuristic',
      '8:48 mysql:write t.query INSERT ~heuristic',
      '9:7 redis:write setex SETEX ~heuristic',
    ]);
  });

  it('tells imported models apart by their methods and by the file imports', () => {
    expect(
      calls(
        [
          "import User from '../models/User';",
          "import { Order } from '../models';",
          "import CatModel from './cat.model';",
          "import { Invoice } from '../entities/invoice.entity';",
          "const db = require('../models');",
          'await User.find({}).limit(10);',
          'await Order.findAll({ where: {} });',
          'await Order.create({ a });',
          'await CatModel.create({ a });',
          'await Invoice.findOneBy({ id });',
          'await db.Order.destroy({ where: { id } });',
        ].join('\n'),
      ),
    ).toEqual([
      '6:7 mongoose:read User.find list limit ~heuristic',
      '7:7 sequelize:read Order.findAll list nolimit ~heuristic',
      '8:7 sequelize:write Order.create ~heuristic',
      '9:7 mongoose:write Cat.create ~heuristic',
      '10:7 typeorm:read Invoice.findOneBy one ~heuristic',
      '11:7 sequelize:write Order.destroy ~heuristic',
    ]);
  });

  it('does not classify look-alikes: routers, maps, caches, arrays, responses, HTTP clients, globals, locals', () => {
    expect(
      calls(
        [
          "import express from 'express';",
          "import axios from 'axios';",
          "import { prisma } from './prisma';",
          'const router = express.Router();',
          'const map = new Map(); const cache = new Map(); const db = new Map();',
          "router.delete('/x', handler); router.get('/users', list);",
          "map.delete(k); cache.set(k, v); cache.get(k); db.delete(k); db.set('a', 1);",
          'const found = items.find((item) => item.id === id); items.filter(Boolean); items.map(String);',
          "res.json(data); res.status(500).json({ error: 'x' }); res.send(body);",
          "axios.post('/api', body); await fetch(url); const api = axios.create(); await api.get('/x'); await api.delete('/x');",
          'Object.create(null); JSON.parse(text); Promise.all(jobs); Array.from(set);',
          'function update(x) { return x; } update(1); const value = req.query.page;',
          'await client.query({ query: GET_USERS }); await client.query("hello");',
          'await session.save(); await user.save(); await repo.get(1); await store.update(state);',
          'await prisma.user.findMany();',
        ].join('\n'),
      ),
    ).toEqual(['15:7 prisma:read user.findMany list nolimit ~heuristic']);
  });

  it('does not trust a name alone, nor a value from a database package that is not a client', () => {
    expect(
      calls(
        [
          "import { sql } from 'drizzle-orm';",
          "import { Pool } from 'pg';",
          'sql.raw("SELECT 1"); Pool.query("SELECT 1");',
          'pool.connect(); db.delete(users); db.select(); knex("users");',
          'const prisma = { user: { findMany() { return []; } } }; prisma.user.findMany();',
          "const real = new Pool(); real.query('SELECT 1');",
        ].join('\n'),
      ),
    ).toEqual(['6:26 pg:read query SELECT one']);
  });
});

describe('repository-method patterns', () => {
  it('classifies the storage wrapper of seed 004 with the default patterns', () => {
    expect(
      calls(
        [
          "import { storage } from '../storage';",
          'const receipt = await storage.createReceipt({ poId });',
          'await storage.updatePurchaseOrderLine(line.id, {});',
          'const items = await storage.getItemsByTenant(tenantId);',
          'await this.storage.deleteItem(id);',
          'await ordersRepository.updateStatus(id, status);',
          'storage.initialize(); localStorage.getItem("a"); sessionStorage.setItem("a", "b");',
        ].join('\n'),
      ),
    ).toEqual([
      '2:23 repository:write createReceipt ~pattern',
      '3:7 repository:write updatePurchaseOrderLine ~pattern',
      '4:21 repository:read getItemsByTenant ~pattern',
      '5:7 repository:write deleteItem ~pattern',
      '6:7 repository:write updateStatus ~pattern',
    ]);
  });

  it('tells which calls match a write pattern without classifying them', () => {
    const found = probe(
      [
        'await storage.createReceipt(a); await this.storage.deleteItem(id); await usersRepository.save(u);',
        "await storage.getItems(a); storage['create'](a); await db.createUser(a); createUser(a);",
      ].join('\n'),
      (context) => {
        const model = new DataAccess(context.sourceCode);
        return {
          CallExpression(node) {
            context.report({ node, messageId: 'found', data: { text: String(model.matchesWritePattern(node)) } });
          },
        };
      },
    );
    expect(found).toEqual(['1:7 true', '1:39 true', '1:74 true', '2:7 false', '2:28 true', '2:56 false', '2:74 false']);
  });

  it('uses configured patterns in place of the defaults', () => {
    expect(
      calls(
        ['await storage.createReceipt(a);', 'await dal.insertRow(a);', 'await dal.fetchRows(a);', 'await order.save();', 'await store.persist(a);'].join('\n'),
        { writeMethods: ['dal.insert*', '*.save'], readMethods: ['dal.fetch*'] },
      ),
    ).toEqual(['2:7 repository:write insertRow ~pattern', '3:7 repository:read fetchRows ~pattern', '4:7 repository:write save ~pattern']);
  });

  it('exposes a schema with a description for every option, and defaults that fit it', () => {
    for (const property of Object.values(dataAccessOptionsSchema)) {
      expect(property.type).toBe('array');
      expect(property.items.type).toBe('string');
      expect(property.description.length).toBeGreaterThan(20);
    }
    expect(Object.keys(dataAccessOptionsSchema)).toEqual(['writeMethods', 'readMethods']);
    expect(DEFAULT_WRITE_METHODS).toContain('storage.create*');
    expect(DEFAULT_READ_METHODS).toContain('*Repository.find*');
    expect(new Set(DEFAULT_WRITE_METHODS).size).toBe(DEFAULT_WRITE_METHODS.length);
  });
});

describe('transactions', () => {
  it('sees Prisma transaction callbacks, arrays, handles passed to helpers and helper-named wrappers', () => {
    expect(
      transactions(
        [
          "import { PrismaClient, Prisma } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          'async function receive() {',
          '  await prisma.receipt.create({ data });',
          '  await prisma.$transaction(async (tx) => {',
          '    await tx.receiptLine.create({ data });',
          '    await Promise.all(lines.map((line) => tx.item.update({ where: { id: line.id }, data })));',
          '  });',
          '  await prisma.$transaction([prisma.a.create({ data }), prisma.b.update({ where, data })]);',
          '  const ops = [prisma.c.create({ data })];',
          '  await prisma.$transaction(ops);',
          '}',
          'async function applyEvent(tx: Prisma.TransactionClient) { await tx.inventoryEvent.create({ data }); }',
          'await withTransaction(async (tx) => { await tx.purchaseOrder.update({ where, data }); });',
          'await runLater(async () => { await prisma.d.create({ data }); });',
        ].join('\n'),
      ),
    ).toEqual([
      '4:9 create:none',
      '6:11 create:handle',
      '7:43 update:handle',
      '9:30 create:array',
      '9:57 update:array',
      '10:16 create:array',
      '13:65 create:handle',
      '14:45 update:handle',
      '15:36 create:none',
    ]);
  });

  it('sees BEGIN…COMMIT and startTransaction()…commitTransaction() regions on the same client only', () => {
    expect(
      transactions(
        [
          "import { Pool } from 'pg';",
          "import { DataSource } from 'typeorm';",
          'const pool = new Pool(); const ds = new DataSource({});',
          'async function transfer() {',
          '  const client = await pool.connect();',
          "  await client.query('SELECT 1 FROM a');",
          '  try {',
          "    await client.query('BEGIN');",
          "    await client.query('UPDATE a SET x = 1');",
          "    await pool.query('UPDATE b SET x = 1');",
          "    for (const id of ids) await client.query('DELETE FROM c WHERE id = $1', [id]);",
          "    await client.query('COMMIT');",
          '  } catch (error) {',
          "    await client.query('ROLLBACK');",
          '    throw error;',
          '  } finally { client.release(); }',
          "  await client.query('DELETE FROM d');",
          '}',
          'async function other() {',
          '  const qr = ds.createQueryRunner();',
          '  await qr.startTransaction();',
          '  try { await qr.manager.save(order); await qr.commitTransaction(); } catch { await qr.rollbackTransaction(); }',
          '  await ds.manager.save(log);',
          '}',
        ].join('\n'),
      ),
    ).toEqual([
      '6:9 query:none',
      '9:11 query:region',
      '10:11 query:none',
      '11:33 query:region',
      '17:9 query:none',
      '22:15 save:region',
      '23:9 save:none',
    ]);
  });

  it('sees transactions given as options and handles of Knex, Sequelize and Mongoose', () => {
    expect(
      transactions(
        [
          "import knex from 'knex';",
          "import { Sequelize } from 'sequelize';",
          "import mongoose from 'mongoose';",
          'const db = knex({}); const sequelize = new Sequelize(url);',
          "const User = sequelize.define('User', {}); const Log = mongoose.model('Log', schema);",
          'const trx = await db.transaction();',
          "await trx('a').insert(row);",
          "await db('b').insert(row).transacting(trx);",
          "await db('c').insert(row);",
          'const t = await sequelize.transaction();',
          'await User.create(row, { transaction: t });',
          'await User.create(row);',
          'const session = await mongoose.startSession();',
          'await Log.create([row], { session });',
          'await Log.find({}).session(session);',
          'await db.transaction(async (inner) => { await inner("d").del(); });',
        ].join('\n'),
      ),
    ).toEqual([
      '7:7 insert:handle',
      '8:7 insert:option',
      '9:7 insert:none',
      '11:7 create:option',
      '12:7 create:none',
      '14:7 create:option',
      '15:7 find:option',
      '16:47 del:handle',
    ]);
  });

  it('answers for any node inside a transaction callback, not only database calls', () => {
    const found = probe(
      [
        "import { drizzle } from 'drizzle-orm/node-postgres';",
        'const db = drizzle(pool);',
        'await db.transaction(async (tx) => { mark(1); });',
        'mark(2);',
      ].join('\n'),
      (context) => {
        const model = getDataAccess(context.sourceCode);
        return {
          'CallExpression[callee.name="mark"]'(node: TSESTree.CallExpression) {
            context.report({ node, messageId: 'found', data: { text: String(model.isInTransaction(node)) } });
          },
        };
      },
    );
    expect(found).toEqual(['3:38 true', '4:1 false']);
  });
});

describe('loops', () => {
  it('finds loop statements and iteration callbacks, with what they iterate and how many times', () => {
    expect(
      loops(
        [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          "const ROLES = ['admin', 'editor'];",
          'async function f(items) {',
          '  for (const item of items) { const id = item.id; await prisma.user.findUnique({ where: { id } }); }',
          '  for (let i = 0; i < 3; i++) await prisma.log.create({ data: {} });',
          '  items.forEach(async (item) => { await prisma.user.update({ where: { id: item.id }, data: {} }); });',
          '  await Promise.all(items.map(async (item) => prisma.user.findFirst({ where: { id: item.id } })));',
          '  for (const role of ROLES) await prisma.role.upsert({ where: { role }, create: {}, update: {} });',
          '  for (const key in { a: 1, b: 2 }) await prisma.flag.count();',
          '  while (await prisma.job.count()) await prisma.job.deleteMany({ where: { done: true } });',
          '  do { await prisma.job.findMany({ take: 10 }); } while (more);',
          '  for await (const page of pages) await prisma.page.create({ data: page });',
          '  Array.from({ length: 4 }, (_, index) => prisma.slot.create({ data: { index } }));',
          '  await prisma.user.findMany({ where: { id: { in: items.map((item) => item.id) } } });',
          '  items.forEach((item) => setTimeout(() => prisma.user.count(), 10));',
          '  for (const item of await prisma.user.findMany()) send(item);',
          '}',
        ].join('\n'),
      ),
    ).toEqual([
      '5:57 findUnique for-of over=items dep=true',
      '6:37 create for#3 dep=false',
      '7:41 update callback.forEach over=items dep=true',
      '8:47 findFirst callback.map over=items concurrent dep=true',
      '9:35 upsert for-of#2 over=ROLES dep=true',
      '10:43 count for-in#2 over={ a: 1, b: 2 } dep=false',
      '11:16 count while dep=false',
      '11:42 deleteMany while dep=false',
      '12:14 findMany do-while dep=false',
      '13:41 create for-of over=pages await dep=true',
      '14:43 create callback.from#4 over={ length: 4 } dep=true',
      '15:9 findMany -',
      '16:44 count -',
      '17:28 findMany -',
    ]);
  });

  it('does not give a fixed length to a const array that is mutated, and treats a query callback as no loop', () => {
    expect(
      loops(
        [
          "import mongoose from 'mongoose';",
          "const User = mongoose.model('User', schema);",
          'const ids = [1, 2];',
          'ids.push(3);',
          'for (const id of ids) await User.findById(id);',
          'User.find({}, (err, docs) => User.countDocuments());',
        ].join('\n'),
      ),
    ).toEqual(['5:29 findById for-of over=ids dep=true', '6:1 find -', '6:30 countDocuments -']);
  });
});

describe('continuesChain', () => {
  it('tells a call whose result only receives a further method call from the end of its chain', () => {
    const code = [
      'const rows = await db.select().from(users).where(eq(users.id, id));',
      'z.string().max(5);',
      'fetchUser(id).then(render).catch(report);',
      'await (pool.query(sql) as Promise<Rows>).then(first);',
      'client.query(sql)!.rows.map(format);',
      'builder.where(x)!.orderBy(y);',
    ].join('\n');
    const found = probe(code, (context) => ({
      CallExpression(node) {
        context.report({ node, messageId: 'found', data: { text: `${continuesChain(node)} ${context.sourceCode.getText(node.callee)}` } });
      },
    }));
    expect(found).toEqual([
      '1:20 false db.select().from(users).where',
      '1:20 true db.select().from',
      '1:20 true db.select',
      '1:50 false eq',
      '2:1 false z.string().max',
      '2:1 true z.string',
      '3:1 false fetchUser(id).then(render).catch',
      '3:1 false fetchUser(id).then',
      '3:1 false fetchUser',
      '4:7 false (pool.query(sql) as Promise<Rows>).then',
      '4:8 false pool.query',
      '5:1 false client.query(sql)!.rows.map',
      '5:1 false client.query',
      '6:1 false builder.where(x)!.orderBy',
      '6:1 true builder.where',
    ]);
  });
});

describe('getDataAccess', () => {
  it('builds one model per file and options, shared by every rule', () => {
    const seen: DataAccess[] = [];
    probe('const a = 1;', (context) => {
      seen.push(getDataAccess(context.sourceCode), getDataAccess(context.sourceCode), getDataAccess(context.sourceCode, { writeMethods: ['x.*'] }));
      return {};
    });
    probe('const b = 2;', (context) => {
      seen.push(getDataAccess(context.sourceCode));
      return {};
    });
    const [first, second, configured, otherFile] = seen;
    expect(first).toBeInstanceOf(DataAccess);
    expect(second).toBe(first);
    expect(configured).not.toBe(first);
    expect(otherFile).not.toBe(first);
  });

  it('shares the model between rules that pass the default lists and rules that pass nothing', () => {
    probe('const a = 1;', (context) => {
      const shared = getDataAccess(context.sourceCode);
      expect(getDataAccess(context.sourceCode, { writeMethods: [...DEFAULT_WRITE_METHODS], readMethods: DEFAULT_READ_METHODS })).toBe(shared);
      expect(getDataAccess(context.sourceCode, { readMethods: ['dal.fetch*'] })).not.toBe(shared);
      return {};
    });
  });

  it('knows no client creation in a file that names no database module', () => {
    const creations = (code: string): string[] =>
      probe(code, (context) => {
        const model = getDataAccess(context.sourceCode);
        return {
          NewExpression(node) {
            const creation = model.getClientCreation(node);
            context.report({ node, messageId: 'found', data: { text: creation ? `${creation.library}:${creation.role}` : 'none' } });
          },
        };
      });
    expect(creations("import { Pool } from './local';\nnew Pool();")).toEqual(['2:1 none']);
    expect(creations("import { Pool } from '@neondatabase/serverless';\nnew Pool();")).toEqual(['2:1 pg:pool']);
  });

  it('memoises classification per node', () => {
    probe("import { Pool } from 'pg';\nconst pool = new Pool();\npool.query('SELECT 1');", (context) => {
      const model = getDataAccess(context.sourceCode);
      return {
        'CallExpression[callee.property.name="query"]'(node: TSESTree.CallExpression) {
          const first = model.classifyCall(node);
          expect(first?.kind).toBe('read');
          expect(model.classifyCall(node)).toBe(first);
        },
      };
    });
  });
});
