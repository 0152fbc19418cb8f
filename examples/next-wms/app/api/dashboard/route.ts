import { NextResponse } from 'next/server';

import { prisma } from '../../../lib/prisma';

export async function GET() {
  const locations = await prisma.location.findMany({ take: 500 });
  const inventory = await prisma.inventory.findMany({ take: 5_000 });
  const skus = await prisma.sku.findMany({ take: 5_000, select: { id: true, name: true } });

  const byLocation = locations.map((location) => {
    const rows = inventory.filter((row) => row.locationId === location.id);
    return {
      location: location.name,
      lines: rows.map((row) => ({
        sku: skus.find((sku) => sku.id === row.skuId)?.name ?? 'unknown',
        quantity: row.quantity,
      })),
    };
  });

  const skuById = new Map(skus.map((sku) => [sku.id, sku]));
  const lowStock = inventory
    .filter((row) => row.quantity < 10)
    .map((row) => ({ sku: skuById.get(row.skuId)?.name ?? 'unknown', quantity: row.quantity }));

  return NextResponse.json({ byLocation, lowStock });
}
