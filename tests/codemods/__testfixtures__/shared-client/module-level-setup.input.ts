import { createClient } from 'redis';

const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', (error) => console.error('redis', error));

export async function start(): Promise<void> {
  await redis.connect();
}
