import { Router, type Express } from 'express';
import { db } from '../db';
import { topics } from './topics';

export function registerRoutes(app: Express): void {
  const api = Router();
  api.use('/topics', topics);

  api
    .route('/session')
    .get(async (req, res) => {
      res.json({ user: await db.session() });
    })
    .delete((req, res) => {
      res.sendStatus(204);
    });

  app.use('/api', api);
}
