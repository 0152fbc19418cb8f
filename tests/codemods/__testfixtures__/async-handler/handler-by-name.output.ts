import { Router, type Request, type Response } from 'express';
import { createTopic } from './controllers.js';
import { requireAuth } from './auth.js';
import { asyncHandler } from './middleware/asyncHandler.js';

const router = Router();

async function listTopics(req: Request, res: Response) {
  res.json(await loadTopics());
}

const getTopic = async (req: Request, res: Response) => {
  res.json(await loadTopic(req.params.id));
};

function ping(req: Request, res: Response) {
  res.send('pong');
}

router.get('/topics', asyncHandler(listTopics));
router.get('/topics/:id', requireAuth, asyncHandler(getTopic));
router.post('/topics', requireAuth, createTopic);
router.get('/ping', ping);

export default router;
