import { prisma } from './db';

export async function upsertUser(id: string | undefined, email: string) {
  // hardening-codemod: the writes are in different branches; wrap each branch by hand
  if (id) {
    await prisma.user.update({ where: { id }, data: { email } });
  } else {
    await prisma.user.create({ data: { email } });
  }
  await prisma.audit.create({ data: { email } });
}
