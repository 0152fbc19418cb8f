import { prisma } from './db';

export async function upsertUser(id: string | undefined, email: string) {
  if (id) {
    await prisma.user.update({ where: { id }, data: { email } });
  } else {
    await prisma.user.create({ data: { email } });
  }
  await prisma.audit.create({ data: { email } });
}
