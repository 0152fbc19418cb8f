// misc routes, split from router-chain-catch-all.input.ts by hardening split-routes.
import { Router, type Request, type Response } from 'express';

const api = Router();

// Unknown API paths answer JSON, not the SPA's HTML: keep it last.
api.all('*', (_req: Request, res: Response) => {
  res.status(404).json({ error: 'not found' });
});

export { api as miscRouter };
