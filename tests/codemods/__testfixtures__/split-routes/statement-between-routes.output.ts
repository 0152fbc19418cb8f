import express, { type Express, type Request, type Response } from 'express';

export function setupRoutes(app: Express): void {
  app.get('/api/users', (_req: Request, res: Response) => {
    res.json([]);
  });
  // hardening-codemod: middleware mounted without a constant path applies to every route after it: its place among the modules is unknown
  app.use(express.json());
  app.post('/api/orders', (req: Request, res: Response) => {
    res.json(req.body);
  });
}
