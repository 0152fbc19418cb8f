import { Router, type Request, type Response } from 'express';
import { createTopic } from './controllers.js';
import { requireAuth } from './auth.js';

const router = Router();

async function listTopics(req: Request, res: Response) {
  try {
    res.json(await loadTopics());
  } catch (e) {
    console.error(e);
    res.status(500).json({ error: 'Internal error' });
  }
}

const getTopic = async (req: Request, res: Response) => {
  res.json(await loadTopic(req.params.id));
};

function ping(req: Request, res: Response) {
  res.send('pong');
}

router.get('/topics', listTopics);
router.get('/topics/:id', requireAuth, getTopic);
router.post('/topics', requireAuth, createTopic);
router.get('/ping', ping);

export default router;
