// flights routes, split from shared-helper.input.ts by hardening split-routes.
import type { Express, Request, Response } from 'express';
import { db } from '../db';
import { overLimit } from './shared';

export function registerFlightsRoutes(app: Express): void {
  app.get('/api/flights', (req: Request, res: Response) => {
    if (overLimit(req.ip ?? '', 10)) return res.status(429).end();
    return res.json(db.flights);
  });
}
