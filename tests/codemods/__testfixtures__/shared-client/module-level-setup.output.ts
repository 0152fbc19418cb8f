import { createClient } from 'redis';

// hardening-codemod: `redis` is also set up at module level (connect, listeners…); every importer would repeat it, move that setup to the shared module by hand
const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', (error) => console.error('redis', error));

export async function start(): Promise<void> {
  await redis.connect();
}
