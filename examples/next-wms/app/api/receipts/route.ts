import { NextResponse } from 'next/server';
import { z } from 'zod';

import { logger } from '../../../lib/logger';
import { prisma } from '../../../lib/prisma';

const receiptSchema = z.object({
  purchaseOrderId: z.string().uuid(),
  locationId: z.string().uuid(),
  lines: z.array(z.object({ skuId: z.string().uuid(), quantity: z.number().int().positive() })).max(200),
});

export async function POST(request: Request) {
  const parsed = receiptSchema.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: 'Invalid receipt' }, { status: 400 });
  }
  const { purchaseOrderId, locationId, lines } = parsed.data;

  const receipt = await prisma.receipt.create({ data: { purchaseOrderId, locationId } });
  await prisma.receiptLine.createMany({
    data: lines.map((line) => ({ receiptId: receipt.id, skuId: line.skuId, quantity: line.quantity })),
  });
  for (const line of lines) {
    await prisma.inventory.upsert({
      where: { skuId_locationId: { skuId: line.skuId, locationId } },
      create: { skuId: line.skuId, locationId, quantity: line.quantity },
      update: { quantity: { increment: line.quantity } },
    });
  }
  await prisma.purchaseOrder.update({ where: { id: purchaseOrderId }, data: { status: 'RECEIVED' } });

  logger.info({ receiptId: receipt.id, lines: lines.length }, 'receipt recorded');
  return NextResponse.json({ id: receipt.id }, { status: 201 });
}
