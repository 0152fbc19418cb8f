import express from 'express';
import * as controller from './controller';

const router = express.Router();

router.post('/topics', [requireAuth, async (req, res) => {
  res.status(201).json(await createTopic(req.body));
}]);

router.put('/topics/:id', requireAuth, controller.update);

export default router;
