import rule from '../../src/rules/no-query-in-loop.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";

ruleTester.run('no-query-in-loop', rule, {
  valid: [
    // A constant list of at most three items.
    `${prisma}export async function seedRoles() {
  for (const name of ['admin', 'editor', 'viewer']) await prisma.role.upsert({ where: { name }, create: { name }, update: {} });
  for (let i = 0; i < 3; i++) await prisma.slot.create({ data: { index: i } });
}`,
    // The fix: one batched query before the loop, then Map lookups.
    `${prisma}export async function withAuthors(posts: Post[]) {
  const authors = await prisma.user.findMany({ where: { id: { in: posts.map((post) => post.authorId) } } });
  const byId = new Map(authors.map((author) => [author.id, author]));
  for (const post of posts) post.author = byId.get(post.authorId);
  return posts;
}`,
    // Paging: one query per page is how a cursor loop works.
    `${prisma}export async function exportAll() {
  let cursor: string | undefined;
  do {
    const page = await prisma.event.findMany({ take: 500, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    await write(page);
    cursor = page.at(-1)?.id;
  } while (cursor);
}`,
    // Retry loops around one call.
    `${prisma}export async function load(id: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const item = await prisma.item.findUniqueOrThrow({ where: { id } });
      return item;
    } catch {
      await sleep(100 * 2 ** attempt);
    }
  }
}`,
    `export async function ping(url: string) {
  let retries = 5;
  while (retries > 0) {
    const response = await fetch(url);
    if (response.ok) return response;
    retries -= 1;
  }
}`,
    // A worker polling for the next job.
    `${prisma}export async function work() {
  while (running) {
    const job = await prisma.job.findFirst({ where: { status: 'PENDING' } });
    if (!job) { await sleep(1000); continue; }
    await prisma.job.update({ where: { id: job.id }, data: { status: 'DONE' } });
  }
}`,
    // Chunked batch writes: each iteration is already one batch.
    `import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function importRows(rows: Row[]) {
  for (const batch of chunks(rows, 500)) await db.insert(items).values(batch);
  for (let i = 0; i < rows.length; i += 500) await db.insert(items).values(rows.slice(i, i + 500));
}`,
    // The seed's fixed receive route: per-line writes inside one transaction.
    `${prisma}export async function receive(lines: Line[]) {
  await prisma.$transaction(async (tx) => {
    for (const line of lines) {
      await tx.receiptLine.create({ data: line });
      await tx.item.update({ where: { id: line.itemId }, data: { onHand: { increment: line.quantity } } });
    }
  });
}`,
    // Same method names on things that are not databases or HTTP clients.
    `import express from 'express';
const router = express.Router();
const cache = new Map<string, User>();
export async function register(routes: RouteDef[], ids: string[], loader: DataLoader<string, User>) {
  for (const route of routes) router.get(route.path, route.handler);
  for (const id of ids) {
    cache.get(id);
    cache.set(id, await loader.load(id));
  }
}`,
    // A local `fetch` and one from an unknown module are not the global fetch.
    `async function fetch(id: string) { return cache.get(id); }
export async function all(ids: string[]) { for (const id of ids) await fetch(id); }`,
    `import { fetchUser } from './users';
export async function all(ids: string[]) { for (const id of ids) await fetchUser(id); }`,
    // The query runs once: in the loop's iterable, in a function created per item but not called, or returned from the loop.
    `${prisma}export async function f(ids: string[]) {
  for (const user of await prisma.user.findMany({ take: 100 })) send(user);
  const handlers = [];
  for (const id of ids) handlers.push(async () => prisma.user.findUnique({ where: { id } }));
  for (const id of ids) {
    if (id.startsWith('admin')) return await prisma.user.findUnique({ where: { id } });
  }
}`,
    // Options: HTTP off; a larger fixed list allowed.
    {
      code: 'export async function ping(urls: string[]) { for (const url of urls) await fetch(url); }',
      options: [{ checkHttp: false }],
    },
    {
      code: `${prisma}export async function f() { for (const day of [1, 2, 3, 4, 5]) await prisma.slot.create({ data: { day } }); }`,
      options: [{ maxStaticIterations: 5 }],
    },
    // Test files and seed scripts.
    { code: `${prisma}it('creates', async () => { for (const user of users) await prisma.user.create({ data: user }); });`, filename: 'src/users.test.ts' },
    { code: `${prisma}for (const user of users) await prisma.user.create({ data: user });`, filename: 'prisma/seed.ts' },
  ],
  invalid: [
    {
      // Prisma, for…of: one read per item.
      code: `${prisma}export async function withAuthors(posts: Post[]) {
  for (const post of posts) {
    post.author = await prisma.user.findUnique({ where: { id: post.authorId } });
  }
}`,
      errors: [{ messageId: 'queryInLoop', data: { where: 'per item of `posts`' }, line: 5, column: 25, endColumn: 47 }],
    },
    {
      // A write per line of a receipt (the demo's receive route).
      code: `import { prisma } from '../../../lib/prisma';
export async function POST(request: Request) {
  const { lines, locationId } = await request.json();
  for (const line of lines) {
    await prisma.inventory.upsert({
      where: { skuId_locationId: { skuId: line.skuId, locationId } },
      create: { skuId: line.skuId, locationId, quantity: line.quantity },
      update: { quantity: { increment: line.quantity } },
    });
  }
}`,
      errors: [{ messageId: 'writeInLoop', line: 5, column: 11, endColumn: 34 }],
    },
    {
      // `Promise.all(items.map(…))`: N queries at once.
      code: `${prisma}export async function load(ids: string[]) {
  return Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } })));
}`,
      errors: [{ messageId: 'concurrentQueriesInLoop', data: { where: 'per item of `ids`' }, line: 4, column: 38, endColumn: 60 }],
    },
    {
      // node-postgres through a default import, in a forEach callback.
      code: `import pg from 'pg';
const pool = new pg.Pool();
export function touch(ids: string[]) {
  ids.forEach(async (id) => {
    await pool.query('UPDATE sessions SET seen_at = now() WHERE id = $1', [id]);
  });
}`,
      errors: [{ messageId: 'writeInLoop', line: 5, column: 11, endColumn: 21 }],
    },
    {
      // The same query on every iteration.
      code: `${prisma}export async function price(items: Item[]) {
  for (const item of items) {
    const settings = await prisma.settings.findFirst();
    item.total = item.price * settings.taxRate;
  }
}`,
      errors: [{ messageId: 'loopInvariantQuery', line: 5, column: 28, endColumn: 53 }],
    },
    {
      // A write that ignores the item still runs once per item.
      code: `${prisma}export async function count(items: Item[]) {
  for (const item of items) await prisma.counter.update({ where: { id: 'orders' }, data: { value: { increment: 1 } } });
}`,
      errors: [{ messageId: 'writeInLoop', line: 4, column: 35, endColumn: 56 }],
    },
    {
      // An index loop over a list, namespace import of pg.
      code: `import * as pg from 'pg';
const pool = new pg.Pool();
export async function names(ids: string[]) {
  const result = [];
  for (let i = 0; i < ids.length; i++) {
    const { rows } = await pool.query('SELECT name FROM users WHERE id = $1', [ids[i]]);
    result.push(rows[0]);
  }
  return result;
}`,
      errors: [{ messageId: 'queryInLoop', data: { where: 'per item of `ids`' }, line: 6, column: 28, endColumn: 38 }],
    },
    {
      // A queue drained item by item.
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function drain(queue: Job[]) {
  while (queue.length > 0) {
    const job = queue.shift()!;
    await pool.query('INSERT INTO done (id) VALUES ($1)', [job.id]);
  }
}`,
      errors: [{ messageId: 'writeInLoop', data: { where: 'per item of `queue`' }, line: 6, column: 11, endColumn: 21 }],
    },
    {
      // A retry loop inside a loop over items: the outer loop is the N+1.
      code: `${prisma}export async function load(ids: string[]) {
  for (const id of ids) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await prisma.user.findUniqueOrThrow({ where: { id } });
        break;
      } catch {}
    }
  }
}`,
      errors: [{ messageId: 'queryInLoop', data: { where: 'per item of `ids`' }, line: 7, column: 15, endColumn: 44 }],
    },
    {
      // A constant list longer than `maxStaticIterations`; promises collected with push.
      code: `${prisma}export async function f() {
  const pending = [];
  for (const day of [1, 2, 3, 4, 5]) pending.push(prisma.slot.create({ data: { day } }));
  await Promise.all(pending);
}`,
      errors: [{ messageId: 'writeInLoop', data: { where: 'per item of `[1, 2, 3, 4, 5]`' }, line: 5, column: 51, endColumn: 69 }],
    },
    {
      // CommonJS, plain require of mysql2/promise.
      code: `const mysql = require('mysql2/promise');
const pool = mysql.createPool(process.env.DATABASE_URL);
async function stock(skus) {
  for (const sku of skus) {
    const [rows] = await pool.execute('SELECT qty FROM stock WHERE sku = ?', [sku]);
    sku.qty = rows[0].qty;
  }
}
module.exports = { stock };`,
      filename: 'stock.js',
      errors: [{ messageId: 'queryInLoop', line: 5, column: 26, endColumn: 38 }],
    },
    {
      // A React server component (TSX) awaiting one query per post.
      code: `import { db } from '@/lib/db';
export default async function Posts({ posts }: { posts: Post[] }) {
  const rows = [];
  for (const post of posts) {
    const author = await db.user.findUnique({ where: { id: post.authorId } });
    rows.push(<li key={post.id}>{author?.name}</li>);
  }
  return <ul>{rows}</ul>;
}`,
      filename: 'app/posts/page.tsx',
      errors: [{ messageId: 'queryInLoop', line: 5, column: 26, endColumn: 44 }],
    },
    {
      // Redis, one round trip per key.
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function counts(keys: string[]) {
  const result: Record<string, string | null> = {};
  for (const key of keys) result[key] = await redis.get(key);
  return result;
}`,
      errors: [{ messageId: 'queryInLoop', line: 5, column: 47, endColumn: 56 }],
    },
    {
      // Global fetch, one request after the other.
      code: `export async function enrich(places: Place[]) {
  for (const place of places) {
    const response = await fetch(\`https://maps.example.com/geocode?q=\${encodeURIComponent(place.address)}\`);
    place.location = await response.json();
  }
}`,
      errors: [{ messageId: 'requestInLoop', data: { where: 'per item of `places`' }, line: 3, column: 28, endColumn: 33 }],
    },
    {
      // axios, default import.
      code: `import ax from 'axios';
export async function translate(texts: string[]) {
  const out = [];
  for (const text of texts) out.push((await ax.post('https://translate.example.com', { text })).data);
  return out;
}`,
      errors: [{ messageId: 'requestInLoop', line: 4, column: 45, endColumn: 52 }],
    },
    {
      // CommonJS require of axios, all at once.
      code: `const axios = require('axios');
async function check(urls) {
  return Promise.all(urls.map((url) => axios.get(url, { timeout: 5000 })));
}
module.exports = { check };`,
      filename: 'check.cjs',
      errors: [{ messageId: 'concurrentRequestsInLoop', line: 3, column: 40, endColumn: 49 }],
    },
    {
      // An axios instance.
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
export async function users(ids: number[]) {
  for (const id of ids) await api.get(\`/users/\${id}\`);
}`,
      errors: [{ messageId: 'requestInLoop', line: 4, column: 31, endColumn: 38 }],
    },
    {
      // Destructured require of undici, aliased ESM import of undici, node-fetch default import.
      code: `const { fetch: undiciFetch } = require('undici');
async function a(urls) { for (const url of urls) await undiciFetch(url); }
module.exports = { a };`,
      filename: 'a.js',
      errors: [{ messageId: 'requestInLoop', line: 2, column: 56, endColumn: 67 }],
    },
    {
      code: `import { request as send } from 'undici';
import nodeFetch from 'node-fetch';
export async function a(urls: string[]) {
  for (const url of urls) {
    await send(url);
    await nodeFetch(url);
  }
}`,
      errors: [
        { messageId: 'requestInLoop', line: 5, column: 11, endColumn: 15 },
        { messageId: 'requestInLoop', line: 6, column: 11, endColumn: 20 },
      ],
    },
    {
      // Repository-pattern reads (seed 004's storage object).
      code: `import { storage } from '../storage';
export async function GET(req: Request) {
  const orders = await storage.getOrdersByTenant(tenantId);
  return Promise.all(orders.map(async (order) => ({ ...order, lines: await storage.getOrderLines(order.id) })));
}`,
      errors: [{ messageId: 'concurrentQueriesInLoop', line: 4, column: 76, endColumn: 97 }],
    },
  ],
});
