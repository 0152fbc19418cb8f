import { Router, type Request, type Response } from 'express';
import { requireAuth } from './auth';

/** The API router, mounted on /api by the app. */
export const router = Router();

router.use(requireAuth);

// Users: read-only for now.
router.get('/users', (_req: Request, res: Response) => {
  res.json([]);
});

const ORDER_STATUSES = ['open', 'closed'];

router.get('/orders', (_req: Request, res: Response) => {
  res.json(ORDER_STATUSES);
});
router.post('/orders/:id/close', (req: Request, res: Response) => {
  res.json({ id: req.params.id, status: ORDER_STATUSES[1] });
});
router.get('/users/:id', (req: Request, res: Response) => {
  res.json({ id: req.params.id });
});

export default router;
