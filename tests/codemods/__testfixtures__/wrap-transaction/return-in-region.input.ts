import { prisma } from './db';

export async function archive(id: string, force: boolean) {
  await prisma.post.update({ where: { id }, data: { archived: true } });
  if (!force) {
    return false;
  }
  await prisma.comment.deleteMany({ where: { postId: id } });
  return true;
}
