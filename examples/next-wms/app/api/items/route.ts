import { NextResponse, type NextRequest } from 'next/server';

import { prisma } from '../../../lib/prisma';

export async function GET(request: NextRequest) {
  const search = request.nextUrl.searchParams.get('q') ?? '';
  const items = await prisma.sku.findMany({
    where: { name: { contains: search, mode: 'insensitive' } },
    orderBy: { name: 'asc' },
  });
  return NextResponse.json(items);
}
