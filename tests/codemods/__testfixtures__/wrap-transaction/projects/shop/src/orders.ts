import { prisma } from './db';

/** Creates an order and its audit entry. */
export async function createOrder(total: number) {
  const order = await prisma.order.create({ data: { total } });
  // Audit rows must never exist without their order.
  const audit = await prisma.audit.create({ data: { orderId: order.id, action: 'create' } });
  return { orderId: order.id, auditId: audit.id };
}
