import { Router, type Request, type Response } from 'express';
import { users } from './services';

export const api = Router();

api
  .route('/users/:id')
  .get((req: Request, res: Response) => {
    res.json(users.find(req.params.id));
  })
  .delete((req: Request, res: Response) => {
    users.remove(req.params.id);
    res.status(204).end();
  });
api.route('/teams').get((_req: Request, res: Response) => {
  res.json([]);
});

// Unknown API paths answer JSON, not the SPA's HTML: keep it last.
api.all('*', (_req: Request, res: Response) => {
  res.status(404).json({ error: 'not found' });
});
