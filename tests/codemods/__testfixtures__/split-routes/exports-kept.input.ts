/* eslint-disable no-console */
import './instrumentation';
import type { Express, Request, Response } from 'express';

export const MAX_PAGE = 100;

export interface Page {
  items: unknown[];
}

// Not used by any route: stays here.
export function legacyHelper(): string {
  return 'legacy';
}

export function registerRoutes(app: Express): void {
  app.get('/v1/users', (_req: Request, res: Response) => {
    const page: Page = { items: [] };
    res.json({ page, max: MAX_PAGE });
  });
  app.get('/v1/orders', (_req: Request, res: Response) => {
    res.json([]);
  });
}
