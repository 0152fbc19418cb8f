import express from 'express';
import { asyncHandler } from '../middleware/asyncHandler';

const router = express.Router();

router.get(
  '/a',
  asyncHandler(async (req, res) => {
    try {
      res.json(await load('a'));
    } catch (error) {
      console.log(error);
      res.status(500).json({ error: 'Failed' });
    }
  }),
);

router.get('/b', asyncHandler(async (req, res) => {
  res.json(await load('b'));
}));

router.get('/c', async (req, res) => {
  res.json(await load('c'));
});

router.get('/d', timed(async (req, res) => {
  res.json(await load('d'));
}));

export default router;
