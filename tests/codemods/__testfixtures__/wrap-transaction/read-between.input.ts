import { prisma } from '../db';

// Publishing a post also bumps the author's counter.
export async function publish(postId: string, authorId: string) {
  const post = await prisma.post.update({ where: { id: postId }, data: { published: true } });
  // The author must exist before we count.
  const author = await prisma.user.findUnique({ where: { id: authorId } });
  if (!author) throw new Error('no author');
  await prisma.user.update({ where: { id: authorId }, data: { posts: { increment: 1 } } });
  console.log('published', post.id);
}
