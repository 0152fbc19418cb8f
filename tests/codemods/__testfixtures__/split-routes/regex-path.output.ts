import type { Express, Request, Response } from 'express';

export function registerRoutes(app: Express): void {
  app.get('/api/users', (_req: Request, res: Response) => {
    res.json([]);
  });
  app.get(/^\/api\/.*\.json$/, (_req: Request, res: Response) => {
    res.json({});
  });
  // hardening-codemod: a route registered after a catch-all or parameter route: moving it before the catch-all would change which handler answers
  app.get('/api/orders', (_req: Request, res: Response) => {
    res.json([]);
  });
}
