import { prisma } from '../db';

// Publishing a post also bumps the author's counter.
export async function publish(postId: string, authorId: string) {
  const post = await prisma.$transaction(async (tx) => {
    const post = await tx.post.update({ where: { id: postId }, data: { published: true } });
    // The author must exist before we count.
    const author = await tx.user.findUnique({ where: { id: authorId } });
    if (!author) throw new Error('no author');
    await tx.user.update({ where: { id: authorId }, data: { posts: { increment: 1 } } });
    return post;
  });
  console.log('published', post.id);
}
