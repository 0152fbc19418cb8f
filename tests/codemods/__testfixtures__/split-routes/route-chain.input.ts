import type { Express, Request, Response } from 'express';

export function registerRoutes(app: Express): void {
  app
    .route('/api/users')
    .get((_req: Request, res: Response) => {
      res.json([]);
    })
    .post((_req: Request, res: Response) => {
      res.status(201).send();
    });
  app.get('/api/orders', (_req: Request, res: Response) => {
    res.json([]);
  });
}
