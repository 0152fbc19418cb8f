// users routes, split from router-chain-catch-all.input.ts by hardening split-routes.
import { Router, type Request, type Response } from 'express';
import { users } from '../services';

const api = Router();

api
  .route('/users/:id')
  .get((req: Request, res: Response) => {
    res.json(users.find(req.params.id));
  })
  .delete((req: Request, res: Response) => {
    users.remove(req.params.id);
    res.status(204).end();
  });

export { api as usersRouter };
