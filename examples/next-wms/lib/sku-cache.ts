import { prisma } from './prisma';

// SKU lookups are hot on the scanner endpoints.
const skuCache = new Map<string, { id: string; name: string }>();

export async function findSku(code: string): Promise<{ id: string; name: string } | null> {
  const cached = skuCache.get(code);
  if (cached) return cached;
  const sku = await prisma.sku.findUnique({ where: { code }, select: { id: true, name: true } });
  if (sku) skuCache.set(code, sku);
  return sku;
}
