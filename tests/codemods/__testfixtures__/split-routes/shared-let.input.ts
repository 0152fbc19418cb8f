import type { Express, Request, Response } from 'express';

let requests = 0;

export function registerRoutes(app: Express): void {
  app.get('/api/users', (_req: Request, res: Response) => {
    requests += 1;
    res.json([]);
  });
  app.get('/api/orders', (_req: Request, res: Response) => {
    res.json({ requests });
  });
}
