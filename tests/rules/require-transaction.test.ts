import rule from '../../src/rules/require-transaction.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";

ruleTester.run('require-transaction', rule, {
  valid: [
    // One write, then reads: nothing to keep consistent.
    `${prisma}export async function rename(id: string, name: string) {
  await prisma.user.update({ where: { id }, data: { name } });
  const user = await prisma.user.findUnique({ where: { id } });
  const count = await prisma.user.count();
  return { user, count };
}`,
    // Both writes inside `$transaction(async (tx) => …)`.
    `${prisma}export async function transfer(from: string, to: string, amount: number) {
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
    await tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
  });
}`,
    // The array form of `$transaction`, built inline or in a variable.
    `${prisma}export async function publish(id: string) {
  await prisma.$transaction([prisma.post.update({ where: { id }, data: { published: true } }), prisma.audit.create({ data: { id } })]);
  const ops = [prisma.a.create({ data: {} }), prisma.b.delete({ where: { id } })];
  await prisma.$transaction(ops);
}`,
    // Drizzle's `db.transaction`.
    `import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function place(order: Order) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values(order);
    await tx.update(stock).set({ reserved: true }).where(eq(stock.id, order.stockId));
  });
}`,
    // pg BEGIN … COMMIT on one client.
    `import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(from: string, to: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - 1 WHERE id = $1', [from]);
    await client.query('UPDATE accounts SET balance = balance + 1 WHERE id = $1', [to]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
    // Writes on a transaction handle passed to a helper.
    `import { Prisma } from '@prisma/client';
export async function applyInventoryEvent(tx: Prisma.TransactionClient, event: InventoryEvent) {
  await tx.inventoryEvent.create({ data: event });
  await tx.item.update({ where: { id: event.itemId }, data: { onHand: { increment: event.quantity } } });
}`,
    // The seed's fix: the receive route inside `withTransaction`.
    `import { withTransaction } from '../lib/db';
export async function receive(purchaseOrder: PurchaseOrder, lines: Line[]) {
  await withTransaction(async (tx) => {
    const receipt = await tx.receipt.create({ data: { purchaseOrderId: purchaseOrder.id } });
    for (const receiveLine of lines) {
      await tx.receiptLine.create({ data: { receiptId: receipt.id, ...receiveLine } });
      await tx.purchaseOrderLine.update({ where: { id: receiveLine.poLineId }, data: { received: { increment: receiveLine.quantity } } });
      await tx.inventoryEvent.create({ data: { itemId: receiveLine.itemId, quantity: receiveLine.quantity } });
      await tx.item.update({ where: { id: receiveLine.itemId }, data: { onHand: { increment: receiveLine.quantity } } });
    }
    await tx.purchaseOrder.update({ where: { id: purchaseOrder.id }, data: { status: 'RECEIVED' } });
  });
}`,
    // Only one branch runs: if / else, an early return, a switch whose cases break.
    `${prisma}export async function save(input: User) {
  if (input.id) await prisma.user.update({ where: { id: input.id }, data: input });
  else await prisma.user.create({ data: input });
}`,
    `${prisma}export async function upsertUser(input: User) {
  const existing = await prisma.user.findUnique({ where: { email: input.email } });
  if (existing) {
    await prisma.user.update({ where: { id: existing.id }, data: input });
    return existing;
  }
  return prisma.user.create({ data: input });
}`,
    `${prisma}export async function handle(event: Event) {
  switch (event.type) {
    case 'created':
      await prisma.order.create({ data: event.order });
      break;
    case 'cancelled':
      await prisma.order.delete({ where: { id: event.order.id } });
      break;
  }
}`,
    // A compensating write in `catch` runs only when the try block's write did not happen.
    `${prisma}export async function run(job: Job) {
  try {
    await prisma.result.create({ data: await compute(job) });
  } catch (error) {
    await prisma.failure.create({ data: { jobId: job.id } });
  }
}`,
    // Writes in separate functions: each one is its own unit.
    `${prisma}export async function createUser(data: User) { return prisma.user.create({ data }); }
export async function createAudit(data: Audit) { await prisma.audit.create({ data }); }`,
    // A single `createMany` is one statement.
    `${prisma}export async function importRows(rows: Row[]) {
  await prisma.row.createMany({ data: rows });
  return prisma.row.count();
}`,
    // A database write and a Redis write cannot share a transaction.
    `${prisma}import Redis from 'ioredis';
const redis = new Redis();
export async function rename(id: string, name: string) {
  await prisma.user.update({ where: { id }, data: { name } });
  await redis.del(\`user:\${id}\`);
  await redis.set(\`user:\${id}:name\`, name, 'EX', 60);
}`,
    // Same method names on things that are not databases.
    `import express from 'express';
const router = express.Router();
const cache = new Map<string, string>();
export async function reset(userService: UserService) {
  cache.set('a', 'b');
  cache.delete('a');
  await userService.create({ name: 'a' });
  await userService.update('a', { name: 'b' });
  router.delete('/users/:id', handler);
}`,
    // Sequelize writes given the transaction as an option.
    `import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
const Order = sequelize.define('Order', {});
const Line = sequelize.define('Line', {});
export async function place(data: OrderInput) {
  const t = await sequelize.transaction();
  await Order.create(data, { transaction: t });
  await Line.bulkCreate(data.lines, { transaction: t });
  await t.commit();
}`,
    // Test files and seed scripts write in bulk on purpose.
    { code: `${prisma}beforeEach(async () => { await prisma.user.create({ data: {} }); await prisma.post.create({ data: {} }); });\nasync function setup() { await prisma.user.deleteMany(); await prisma.post.deleteMany(); }`, filename: 'src/users.test.ts' },
    { code: `${prisma}async function main() { await prisma.user.create({ data: {} }); await prisma.post.create({ data: {} }); }`, filename: 'prisma/seed.ts' },
    // Three writes are allowed when `minWrites` is 4.
    {
      code: `${prisma}export async function f() { await prisma.a.create({ data: {} }); await prisma.b.create({ data: {} }); await prisma.c.create({ data: {} }); }`,
      options: [{ minWrites: 4 }],
    },
  ],
  invalid: [
    {
      // Seed 004's receive route: repository writes before, inside and after a loop.
      code: `import { storage } from '../storage';
export async function POST(req: Request) {
  const receipt = await storage.createReceipt({ purchaseOrderId: po.id });
  for (const receiveLine of validatedData.lines) {
    await storage.createReceiptLine({ receiptId: receipt.id, ...receiveLine });
    await storage.updatePurchaseOrderLine(receiveLine.poLineId, { received: receiveLine.quantity });
    await storage.updateItem(receiveLine.itemId, { onHand: receiveLine.quantity });
  }
  await storage.updatePurchaseOrder(po.id, { status: 'RECEIVED' });
}`,
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 5, firstLine: 3 }, line: 5, column: 11, endColumn: 36 }],
    },
    {
      // Prisma, ESM named import: create then update.
      code: `${prisma}export async function transfer(from: string, to: string) {
  await prisma.account.update({ where: { id: from }, data: { balance: { decrement: 10 } } });
  await prisma.account.update({ where: { id: to }, data: { balance: { increment: 10 } } });
}`,
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 2, firstLine: 4 }, line: 5, column: 9, endColumn: 30 }],
    },
    {
      // Aliased import, in an Express handler.
      code: `import { PrismaClient as Db } from '@prisma/client';
const db = new Db();
app.post('/orders', async (req, res) => {
  const order = await db.order.create({ data: { userId: req.user.id } });
  await db.cart.deleteMany({ where: { userId: req.user.id } });
  res.json(order);
});`,
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 2, firstLine: 4 }, line: 5, column: 9, endColumn: 27 }],
    },
    {
      // node-postgres through a default import.
      code: `import pg from 'pg';
const pool = new pg.Pool();
export async function publish(id: string) {
  await pool.query('UPDATE contents SET status = $1 WHERE id = $2', ['published', id]);
  await pool.query('INSERT INTO publish_log (content_id) VALUES ($1)', [id]);
}`,
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 2, firstLine: 4 }, line: 5, column: 9, endColumn: 19 }],
    },
    {
      // Namespace import; the writes run inside an `if` together.
      code: `import * as pg from 'pg';
const pool = new pg.Pool();
export async function archive(id: string, hard: boolean) {
  if (hard) {
    await pool.query('DELETE FROM comments WHERE post_id = $1', [id]);
    await pool.query('DELETE FROM posts WHERE id = $1', [id]);
  }
}`,
      errors: [{ messageId: 'writesOutsideTransaction', line: 6, column: 11, endColumn: 21 }],
    },
    {
      // CommonJS: destructured require of pg.
      code: `const { Pool } = require('pg');
const pool = new Pool();
async function close(id) {
  await pool.query('UPDATE tickets SET closed = true WHERE id = $1', [id]);
  await pool.query('DELETE FROM assignments WHERE ticket_id = $1', [id]);
}
module.exports = { close };`,
      filename: 'tickets.cjs',
      errors: [{ messageId: 'writesOutsideTransaction', line: 5, column: 9, endColumn: 19 }],
    },
    {
      // CommonJS: plain require of mysql2/promise.
      code: `const mysql = require('mysql2/promise');
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
exports.ship = async function ship(orderId) {
  await pool.execute('UPDATE orders SET status = ? WHERE id = ?', ['shipped', orderId]);
  await pool.execute('INSERT INTO shipments (order_id) VALUES (?)', [orderId]);
};`,
      filename: 'orders.js',
      errors: [{ messageId: 'writesOutsideTransaction', line: 5, column: 9, endColumn: 21 }],
    },
    {
      // Drizzle insert and update.
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function createContent(input: NewContent) {
  const [content] = await db.insert(contents).values(input).returning();
  await db.insert(hotels).values({ contentId: content.id, ...input.hotel });
  await db.update(stats).set({ count: sql\`count + 1\` }).where(eq(stats.id, 1));
}`,
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 3, firstLine: 4 }, line: 5, column: 9, endColumn: 33 }],
    },
    {
      // An if / else inside a loop: the branches alternate between iterations, so both run.
      code: `${prisma}export async function sync(items: Item[]) {
  for (const item of items) {
    if (item.id) await prisma.item.update({ where: { id: item.id }, data: item });
    else await prisma.item.create({ data: item });
  }
}`,
      errors: [{ messageId: 'writesOutsideTransaction', line: 6, column: 16, endColumn: 34 }],
    },
    {
      // `Promise.all` of writes: when one rejects, the others still commit.
      code: `${prisma}export async function close(id: string) {
  await Promise.all([
    prisma.ticket.update({ where: { id }, data: { closed: true } }),
    prisma.assignment.deleteMany({ where: { ticketId: id } }),
  ]);
}`,
      errors: [{ messageId: 'writesOutsideTransaction', line: 6, column: 5, endColumn: 33 }],
    },
    {
      // Writes in an iteration callback belong to the function that iterates; a returned write counts.
      code: `${prisma}export async function checkout(cart: Cart) {
  const order = await prisma.order.create({ data: { userId: cart.userId } });
  await Promise.all(cart.items.map((item) => prisma.orderLine.create({ data: { orderId: order.id, ...item } })));
  return prisma.cart.delete({ where: { id: cart.id } });
}`,
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 3, firstLine: 4 }, line: 5, column: 46, endColumn: 69 }],
    },
    {
      // `minWrites: 3`: reported at the third write.
      code: `${prisma}export async function f() {
  await prisma.a.create({ data: {} });
  await prisma.b.create({ data: {} });
  await prisma.c.create({ data: {} });
}`,
      options: [{ minWrites: 3 }],
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 3, firstLine: 4 }, line: 6, column: 9, endColumn: 24 }],
    },
    {
      // Configured repository methods.
      code: `export async function save(dal: Dal) {
  await dal.insertOrder({});
  await dal.insertLine({});
}`,
      options: [{ writeMethods: ['dal.insert*'] }],
      errors: [{ messageId: 'writesOutsideTransaction', line: 3, column: 9, endColumn: 23 }],
    },
    {
      // A Next.js server action in a TSX file.
      code: `'use server';
import { prisma } from '@/lib/prisma';
export async function approve(formData: FormData) {
  const id = String(formData.get('id'));
  await prisma.cycleCount.update({ where: { id }, data: { status: 'APPROVED' } });
  await prisma.inventoryBalance.updateMany({ where: { countId: id }, data: { locked: false } });
  return <p>Approved</p>;
}`,
      filename: 'app/counts/actions.tsx',
      errors: [{ messageId: 'writesOutsideTransaction', line: 6, column: 9, endColumn: 43 }],
    },
    {
      // Mongoose models; the second write runs only after an `if` that does not return.
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', userSchema);
const Log = mongoose.model('Log', logSchema);
export async function ban(id: string) {
  const user = await User.findById(id);
  if (!user) console.warn('missing');
  await User.updateOne({ _id: id }, { banned: true });
  await Log.create({ action: 'ban', userId: id });
}`,
      errors: [{ messageId: 'writesOutsideTransaction', line: 8, column: 9, endColumn: 19 }],
    },
    {
      // A write before BEGIN is outside the transaction the other writes share.
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function move(id: string) {
  const client = await pool.connect();
  await client.query('INSERT INTO audit (id) VALUES ($1)', [id]);
  await client.query('BEGIN');
  await client.query('UPDATE items SET bin = 2 WHERE id = $1', [id]);
  await client.query('COMMIT');
  await client.query('DELETE FROM holds WHERE item_id = $1', [id]);
}`,
      errors: [{ messageId: 'writesOutsideTransaction', data: { count: 2, firstLine: 5 }, line: 9, column: 9, endColumn: 21 }],
    },
    {
      // A NestJS service with an injected PrismaClient.
      code: `import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaClient) {}
  async remove(id: string) {
    await this.prisma.session.deleteMany({ where: { userId: id } });
    await this.prisma.user.delete({ where: { id } });
  }
}`,
      errors: [{ messageId: 'writesOutsideTransaction', line: 8, column: 11, endColumn: 34 }],
    },
  ],
});
