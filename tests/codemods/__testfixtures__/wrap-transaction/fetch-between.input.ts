import { prisma } from './db';

export async function signup(email: string) {
  const user = await prisma.user.create({ data: { email } });
  await fetch('https://hooks.example.com/signup', { method: 'POST', body: JSON.stringify({ id: user.id }) });
  await prisma.audit.create({ data: { userId: user.id, action: 'signup' } });
}
