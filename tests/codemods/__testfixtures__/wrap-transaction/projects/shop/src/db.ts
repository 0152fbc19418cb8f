import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

export const prisma = new PrismaClient();
export const pool = new Pool({ max: 10 });
