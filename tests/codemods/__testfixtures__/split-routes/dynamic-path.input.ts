import type { Express, Request, Response } from 'express';
import { config } from './config';

export function registerRoutes(app: Express): void {
  app.get('/api/users', (_req: Request, res: Response) => {
    res.json([]);
  });
  app.get(config.healthPath, (_req: Request, res: Response) => {
    res.send('ok');
  });
}
