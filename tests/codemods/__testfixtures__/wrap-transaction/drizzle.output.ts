import { eq } from 'drizzle-orm';
import { db } from './db';
import { orders, stock } from './schema';

export async function placeOrder(itemId: number, qty: number) {
  const order = await db.transaction(async (tx) => {
    const [order] = await tx.insert(orders).values({ itemId, qty }).returning();
    await tx.update(stock).set({ reserved: qty }).where(eq(stock.itemId, itemId));
    return order;
  });
  return order;
}
