// teams routes, split from router-chain-catch-all.input.ts by hardening split-routes.
import { Router, type Request, type Response } from 'express';

const api = Router();

api.route('/teams').get((_req: Request, res: Response) => {
  res.json([]);
});

export { api as teamsRouter };
