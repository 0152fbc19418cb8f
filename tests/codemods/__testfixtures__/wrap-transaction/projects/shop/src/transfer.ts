import { prisma } from './db';

export async function refund(orderId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { total: 0 } });
    await tx.audit.create({ data: { orderId, action: 'refund' } });
  });
}
