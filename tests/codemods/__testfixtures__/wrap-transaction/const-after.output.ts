import { PrismaClient } from '@prisma/client';

export class OrderService {
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: { userId: string; total: number }) {
    const { order, lineId } = await this.prisma.$transaction(async (tx) => {
      const order = await tx.order.create({ data: input });
      const { id: lineId } = await tx.orderLine.create({ data: { orderId: order.id } });
      await tx.user.update({ where: { id: input.userId }, data: { orders: { increment: 1 } } });
      return { order, lineId };
    });
    return { order, lineId };
  }
}
