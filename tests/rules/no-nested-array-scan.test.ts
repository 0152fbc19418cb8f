import rule from '../../src/rules/no-nested-array-scan.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";

ruleTester.run('no-nested-array-scan', rule, {
  valid: [
    // The seed's fix: index the events once, then look items up.
    `${prisma}export async function stats(tenantId: string) {
  const items = await prisma.item.findMany({ where: { tenantId } });
  const allEvents = await prisma.inventoryEvent.findMany({ where: { tenantId } });
  const lastReceiveByItem = new Map<string, InventoryEvent>();
  allEvents.forEach((e) => {
    const seen = lastReceiveByItem.get(e.itemId);
    if (e.eventType === 'RECEIVE' && (!seen || e.createdAt > seen.createdAt)) lastReceiveByItem.set(e.itemId, e);
  });
  const known = new Set(allEvents.map((e) => e.itemId));
  return items.map((item) => ({ item, lastReceive: lastReceiveByItem.get(item.id), active: known.has(item.id) }));
}`,
    // String methods on the loop item and on a text: `includes` / `indexOf` of strings.
    `${prisma}export async function search(term: string) {
  const users = await prisma.user.findMany({ take: 100 });
  const text = await readFile('./banned.txt', 'utf8');
  return users.filter((user) => user.name.includes(term) && user.email.indexOf('@') > 0 && !text.includes(user.name));
}`,
    // Small constant lists: literals, SCREAMING_CASE, keys of a literal object, imported constants.
    `${prisma}import { statuses } from './constants';
const ROLES = ['admin', 'editor'];
export async function f() {
  const users = await prisma.user.findMany({ take: 100 });
  const allowed = ['active', 'invited'];
  const fields = Object.keys({ name: 1, email: 1 });
  return users.filter((u) => allowed.includes(u.status) && ROLES.includes(u.role) && fields.some((f) => f === u.sort) && statuses.includes(u.status));
}`,
    // An array built per iteration is not the scanned-for-every-item pattern.
    `${prisma}export async function f(orders: Order[]) {
  for (const order of orders) {
    const lines = await prisma.line.findMany({ where: { orderId: order.id } });
    const first = lines.find((line) => line.sku === order.sku);
    const open = await prisma.line.findMany({ where: { open: true } });
    const mine = open.filter((line) => line.orderId === order.id);
  }
}`,
    // The scan does not use the loop's item.
    `${prisma}export async function f() {
  const items = await prisma.item.findMany();
  const events = await prisma.event.findMany();
  items.forEach((item) => { const active = events.filter((e) => e.active); render(item, active); });
}`,
    // An outer loop of fixed size is O(m).
    `${prisma}export async function f() {
  const events = await prisma.event.findMany();
  return ['RECEIVE', 'SHIP'].map((type) => events.filter((e) => e.eventType === type).length);
}`,
    // The scanned array comes from the loop item itself.
    `${prisma}export async function f() {
  const orders = await prisma.order.findMany({ include: { lines: true } });
  return orders.map((order) => order.lines.find((line) => line.sku === order.primarySku));
}`,
    // Not inside a loop.
    `${prisma}export async function f(id: string) {
  const events = await prisma.event.findMany();
  return events.filter((e) => e.itemId === id);
}`,
    // Arrays whose size does not come from loaded data (a typed parameter, a pushed list): off by default.
    `export function join(items: Item[], events: Event[]) {
  const seen: string[] = [];
  for (const item of items) seen.push(item.id);
  return items.map((item) => events.find((e) => e.itemId === item.id) ?? seen.includes(item.id));
}`,
    // `find` that is a query, not an array scan; a method of an unknown object.
    `import mongoose from 'mongoose';
const User = mongoose.model('User', schema);
export async function f(ids: string[], widgets: WidgetRegistry) {
  for (const id of ids) {
    await User.find({ _id: id });
    widgets.find((w) => w.id === id);
  }
}`,
    // A while loop: no collection to index against.
    `${prisma}export async function f() {
  const events = await prisma.event.findMany();
  let cursor = events[0];
  while (cursor) cursor = events.find((e) => e.id === cursor.parentId);
}`,
    // Names known to stay small.
    {
      code: `${prisma}export async function f() {
  const rows = await prisma.row.findMany();
  const columns = await prisma.column.findMany();
  return rows.map((row) => columns.find((c) => c.key === row.key));
}`,
      options: [{ ignoreNames: ['columns'] }],
    },
    // Test files.
    {
      code: `${prisma}it('links', async () => { const events = await prisma.event.findMany(); items.forEach((item) => expect(events.find((e) => e.itemId === item.id)).toBeDefined()); });`,
      filename: 'src/stats.test.ts',
    },
  ],
  invalid: [
    {
      // Seed 004's dashboard: one `filter` over all events for every item.
      code: `${prisma}export async function GET() {
  const items = await prisma.item.findMany({ where: { tenantId } });
  const allEvents = await prisma.inventoryEvent.findMany({ where: { tenantId } });
  items.forEach((item) => {
    const lastReceive = allEvents
      .filter((e) => e.itemId === item.id && e.eventType === 'RECEIVE')
      .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())[0];
  });
}`,
      errors: [{ messageId: 'nestedScan', data: { receiver: 'allEvents', method: 'filter', where: 'for every item of `items`' }, line: 8, column: 8, endColumn: 14 }],
    },
    {
      // The demo dashboard: two nested scans, the inner one inside a map of a per-location list.
      code: `import { prisma } from '../../../lib/prisma';
export async function GET() {
  const locations = await prisma.location.findMany({ take: 500 });
  const inventory = await prisma.inventory.findMany({ take: 5_000 });
  const skus = await prisma.sku.findMany({ take: 5_000, select: { id: true, name: true } });
  return locations.map((location) => {
    const rows = inventory.filter((row) => row.locationId === location.id);
    return rows.map((row) => ({ sku: skus.find((sku) => sku.id === row.skuId)?.name, quantity: row.quantity }));
  });
}`,
      errors: [
        { messageId: 'nestedScan', data: { receiver: 'inventory', method: 'filter', where: 'for every item of `locations`' }, line: 7, column: 28, endColumn: 34 },
        { messageId: 'nestedScan', data: { receiver: 'skus', method: 'find', where: 'for every item of `rows`' }, line: 8, column: 43, endColumn: 47 },
      ],
    },
    {
      // pg rows, destructured; a for…of loop.
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function report(orders: Order[]) {
  const { rows: customers } = await pool.query('SELECT id, name FROM customers');
  for (const order of orders) {
    order.customer = customers.find((c) => c.id === order.customerId);
  }
}`,
      errors: [{ messageId: 'nestedScan', line: 6, column: 32, endColumn: 36 }],
    },
    {
      // `result.rows` of a pg query, default import; an index loop.
      code: `import pg from 'pg';
const pool = new pg.Pool();
export async function report(orders: Order[]) {
  const result = await pool.query('SELECT * FROM customers');
  for (let i = 0; i < orders.length; i++) {
    orders[i].customer = result.rows.find((c) => c.id === orders[i].customerId);
  }
}`,
      errors: [{ messageId: 'nestedScan', data: { receiver: 'result.rows', method: 'find', where: 'on every iteration of the loop' }, line: 6, column: 38, endColumn: 42 }],
    },
    {
      // `includes` on ids mapped from rows: a Set lookup.
      code: `${prisma}export async function active() {
  const items = await prisma.item.findMany();
  const events = await prisma.event.findMany();
  const ids = items.map((item) => item.id);
  return events.filter((e) => ids.includes(e.itemId));
}`,
      errors: [{ messageId: 'nestedLookup', data: { receiver: 'ids', method: 'includes', where: 'for every item of `events`' }, line: 7, column: 35, endColumn: 43 }],
    },
    {
      // The quadratic dedupe.
      code: `${prisma}export async function tags() {
  const posts = await prisma.post.findMany();
  const all = posts.flatMap((post) => post.tags);
  return all.filter((tag, index) => all.indexOf(tag) === index);
}`,
      errors: [{ messageId: 'nestedLookup', line: 6, column: 41, endColumn: 48 }],
    },
    {
      // Lists loaded together with Promise.all.
      code: `${prisma}export async function f() {
  const [locations, inventory] = await Promise.all([prisma.location.findMany(), prisma.inventory.findMany()]);
  return locations.map((l) => inventory.filter((row) => row.locationId === l.id).length);
}`,
      errors: [{ messageId: 'nestedScan', line: 5, column: 41, endColumn: 47 }],
    },
    {
      // An awaited call from another module: data, and `some` only exists on arrays.
      code: `import { getEvents } from '../services/events';
export async function f(items: Item[]) {
  const events = await getEvents();
  return items.filter((item) => events.some((e) => e.itemId === item.id));
}`,
      errors: [{ messageId: 'nestedScan', line: 4, column: 40, endColumn: 44 }],
    },
    {
      // An awaited HTTP body, used with `forEach` elsewhere: an array, so `includes` scans it.
      code: `export async function f(posts: Post[]) {
  const banned = await (await fetch('https://moderation.example.com/banned')).json();
  banned.forEach((tag: string) => console.log(tag));
  return posts.filter((post) => !banned.includes(post.tag));
}`,
      errors: [{ messageId: 'nestedLookup', line: 4, column: 41, endColumn: 49 }],
    },
    {
      // for…in over a grouping object; `findLast` and `every`.
      code: `${prisma}export async function f(groups: Record<string, number>) {
  const events = await prisma.event.findMany();
  for (const key in groups) {
    const last = events.findLast((e) => e.group === key);
    const done = events.every((e) => e.group !== key || e.done);
  }
}`,
      errors: [
        { messageId: 'nestedScan', line: 6, column: 25, endColumn: 33 },
        { messageId: 'nestedScan', line: 7, column: 25, endColumn: 30 },
      ],
    },
    {
      // CommonJS, destructured require of pg; a loop over each item's tags inside a loop over items.
      code: `const { Pool } = require('pg');
const pool = new Pool();
async function label(items) {
  const { rows: tags } = await pool.query('SELECT * FROM tags');
  for (const item of items) {
    item.labels = item.tagIds.map((tagId) => tags.find((tag) => tag.id === tagId));
  }
}
module.exports = { label };`,
      filename: 'labels.cjs',
      errors: [{ messageId: 'nestedScan', data: { receiver: 'tags', method: 'find', where: 'for every item of `item.tagIds`' }, line: 6, column: 51, endColumn: 55 }],
    },
    {
      // mysql2: `const [rows] = await pool.query(…)`, CommonJS require.
      code: `const mysql = require('mysql2/promise');
const pool = mysql.createPool(process.env.DATABASE_URL);
async function join(orders) {
  const [customers] = await pool.query('SELECT * FROM customers');
  return orders.map((order) => customers.findIndex((c) => c.id === order.customerId));
}
module.exports = { join };`,
      filename: 'join.js',
      errors: [{ messageId: 'nestedScan', line: 5, column: 42, endColumn: 51 }],
    },
    {
      // A server component (TSX) rendering rows with a lookup per row.
      code: `import { db } from '@/lib/db';
export default async function Table() {
  const rows = await db.row.findMany({ take: 1000 });
  const owners = await db.user.findMany({ take: 1000 });
  return <table>{rows.map((row) => <tr key={row.id}><td>{owners.find((o) => o.id === row.ownerId)?.name}</td></tr>)}</table>;
}`,
      filename: 'app/table/page.tsx',
      errors: [{ messageId: 'nestedScan', line: 5, column: 65, endColumn: 69 }],
    },
    {
      // `checkAllArrays`: a typed parameter and a pushed list count too.
      code: `export function join(items: Item[], events: Event[]) {
  const seen: string[] = [];
  for (const item of items) seen.push(item.id);
  return items.map((item) => events.find((e) => e.itemId === item.id) ?? seen.includes(item.id));
}`,
      options: [{ checkAllArrays: true }],
      errors: [
        { messageId: 'nestedScan', line: 4, column: 37, endColumn: 41 },
        { messageId: 'nestedLookup', line: 4, column: 79, endColumn: 87 },
      ],
    },
  ],
});
