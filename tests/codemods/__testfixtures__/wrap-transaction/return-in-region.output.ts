import { prisma } from './db';

export async function archive(id: string, force: boolean) {
  await prisma.post.update({ where: { id }, data: { archived: true } });
  if (!force) {
    // hardening-codemod: a `return` between the writes would leave the transaction callback, not the function; wrap by hand
    return false;
  }
  await prisma.comment.deleteMany({ where: { postId: id } });
  return true;
}
