// hotels routes, split from shared-helper.input.ts by hardening split-routes.
import type { Express, Request, Response } from 'express';
import { db } from '../db';
import { overLimit } from './shared';

export function registerHotelsRoutes(app: Express): void {
  app.get('/api/hotels', (req: Request, res: Response) => {
    if (overLimit(req.ip ?? '')) return res.status(429).end();
    return res.json(db.hotels);
  });
}
