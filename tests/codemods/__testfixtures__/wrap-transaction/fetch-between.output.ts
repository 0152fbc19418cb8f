import { prisma } from './db';

export async function signup(email: string) {
  const user = await prisma.user.create({ data: { email } });
  // hardening-codemod: awaits `fetch(…)` between the writes, which is not a call of `prisma`: a transaction must not wait on the network or a queue; move it before or after the writes
  await fetch('https://hooks.example.com/signup', { method: 'POST', body: JSON.stringify({ id: user.id }) });
  await prisma.audit.create({ data: { userId: user.id, action: 'signup' } });
}
