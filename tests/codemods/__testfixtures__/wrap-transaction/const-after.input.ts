import { PrismaClient } from '@prisma/client';

export class OrderService {
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: { userId: string; total: number }) {
    const order = await this.prisma.order.create({ data: input });
    const { id: lineId } = await this.prisma.orderLine.create({ data: { orderId: order.id } });
    await this.prisma.user.update({ where: { id: input.userId }, data: { orders: { increment: 1 } } });
    return { order, lineId };
  }
}
