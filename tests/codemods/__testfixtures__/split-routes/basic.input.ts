// Routes of the whole API (seed 002: one file, every domain).
import type { Express, Request, Response } from 'express';
import { requireAuth, login } from './auth';
import { db } from './db';

const PAGE_SIZE = 20;
const SEARCH_BASE = '/api/search';

/** Sends a 404 with a readable message. */
function notFound(res: Response, what: string): void {
  res.status(404).json({ error: `${what} not found` });
}

export function registerRoutes(app: Express): void {
  // Login: rate limited upstream.
  app.post('/api/auth/login', (req: Request, res: Response) => {
    res.json({ token: login(req.body) });
  });

  app.get('/api/content', requireAuth, async (_req: Request, res: Response) => {
    res.json(await db.listContent(PAGE_SIZE));
  });

  app.get('/api/content/:id', requireAuth, async (req: Request, res: Response) => {
    const content = await db.findContent(req.params.id ?? '');
    if (!content) return notFound(res, 'content');
    res.json(content);
  });

  app.get(`${SEARCH_BASE}/content`, async (req: Request, res: Response) => {
    const results = await db.search(req.query.q ?? '');
    if (results.length === 0) return notFound(res, 'result');
    res.json(results);
  }); // search is public

  app.post('/api/auth/logout', requireAuth, (_req: Request, res: Response) => {
    res.status(204).send();
  });
}
