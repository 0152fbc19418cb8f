import { prisma } from './db';

export async function transfer(from: string, to: string, amount: number) {
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
    await tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
  });
}

export async function withHandle(tx: typeof prisma, id: string) {
  await tx.a.delete({ where: { id } });
  await tx.b.delete({ where: { id } });
}
