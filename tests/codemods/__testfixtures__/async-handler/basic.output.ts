import express from 'express';
import { pool } from '../db';
import { asyncHandler } from './middleware/asyncHandler';

const router = express.Router();

// Lists every topic.
router.get('/topics', asyncHandler(async (req, res) => {
  // The query is cheap: no cache.
  const result = await pool.query('SELECT * FROM topics');
  res.json(result.rows);
}));

router.get('/health', (req, res) => {
  res.json({ ok: true });
});

router
  .route('/topics/:id')
  .get(asyncHandler(async function (req, res) {
    const result = await pool.query('SELECT * FROM topics WHERE id = $1', [req.params.id]);
    res.json(result.rows[0]);
  }))
  .delete(asyncHandler(async (req, res) => {
    await pool.query('DELETE FROM topics WHERE id = $1', [req.params.id]);
    res.status(204).end();
  }));

export default router;
