import type { Express, Request, Response } from 'express';
import { db } from './db';

/** Rate-limit counters per client, for every domain. */
const hits = new Map<string, number>();

/** Counts a request of `client`; true once it went over `limit`. */
function overLimit(client: string, limit = 100): boolean {
  const count = (hits.get(client) ?? 0) + 1;
  hits.set(client, count);
  return count > limit;
}

export function registerRoutes(app: Express): void {
  app.get('/api/hotels', (req: Request, res: Response) => {
    if (overLimit(req.ip ?? '')) return res.status(429).end();
    return res.json(db.hotels);
  });
  app.get('/api/flights', (req: Request, res: Response) => {
    if (overLimit(req.ip ?? '', 10)) return res.status(429).end();
    return res.json(db.flights);
  });
}
