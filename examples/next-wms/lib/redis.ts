import Redis from 'ioredis';

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

export async function cacheDashboard(tenantId: string, payload: unknown): Promise<void> {
  await redis.set(`dashboard:${tenantId}`, JSON.stringify(payload));
}

export async function invalidateTenant(tenantId: string): Promise<void> {
  const keys = await redis.keys(`dashboard:${tenantId}*`);
  if (keys.length > 0) await redis.del(...keys);
}
