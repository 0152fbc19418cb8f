import type { Express, Request, Response } from 'express';
import { createServer, type Server } from 'node:http';

/** Everything the SPA does not know goes to index.html. */
const INDEX_HTML = '<!doctype html>';

export async function registerRoutes(app: Express): Promise<Server> {
  app.get('/api/users', (_req: Request, res: Response) => {
    res.json([]);
  });
  app.post('/api/orders', (_req: Request, res: Response) => {
    res.status(201).send();
  });
  // SPA fallback: must stay last.
  app.get('*', (_req: Request, res: Response) => {
    res.send(INDEX_HTML);
  });

  const server = createServer();
  return server;
}
