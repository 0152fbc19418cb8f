import express, { type Express, type Request, type Response } from 'express';

export function setupRoutes(app: Express): void {
  app.get('/api/users', (_req: Request, res: Response) => {
    res.json([]);
  });
  app.use(express.json());
  app.post('/api/orders', (req: Request, res: Response) => {
    res.json(req.body);
  });
}
