import express, { Router, type Express } from 'express';
import { db } from './db';
import { asyncHandler } from './middleware/asyncHandler';

export function registerRoutes(app: Express): void {
  const api = Router();
  const v1 = express.Router();

  v1.post('/items', asyncHandler(async (req, res) => {
    const item = await db.items.create(req.body);
    res.status(201).json(item);
  }));

  api.use('/v1', v1);
  app.use('/api', api);
  app.get('/version', asyncHandler(async (_req, res) => {
    res.json({ version: await db.version() });
  }));
}

// Not a router: left alone.
const cache = new Map<string, string>();
cache.get('x');
const client = { get: async (key: string) => key };
client.get('y');
