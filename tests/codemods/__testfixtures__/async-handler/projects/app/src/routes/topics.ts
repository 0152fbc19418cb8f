import express, { type Request, type Response } from 'express';
import { getUser } from '../controllers/users';
import { db, NotFoundError } from '../db';

export const topics = express.Router();

async function listTopics(req: Request, res: Response): Promise<void> {
  try {
    res.json(await db.topics());
  } catch (error) {
    console.error('Failed to list topics', error);
    res.status(500).json({ error: 'Failed to load topics' });
  }
}

topics.get('/', listTopics);

// A missing topic is a 404, not a 500: this catch stays.
topics.get('/:id', async (req, res) => {
  try {
    res.json(await db.topic(req.params.id));
  } catch (error) {
    if (error instanceof NotFoundError) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    throw error;
  }
});

topics.get('/users/:id', getUser);
