import 'express-async-errors';
import express from 'express';
import { db } from './db';

export const legacy = express.Router();

legacy.get('/topics', async (req, res) => {
  res.json(await db.topics());
});
