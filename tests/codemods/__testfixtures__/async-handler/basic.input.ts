import express from 'express';
import { pool } from '../db';

const router = express.Router();

// Lists every topic.
router.get('/topics', async (req, res) => {
  // The query is cheap: no cache.
  try {
    const result = await pool.query('SELECT * FROM topics');
    res.json(result.rows);
  } catch (error) {
    console.error('Error:', error);
    res.status(500).json({ error: 'Failed to load topics' });
  }
});

router.get('/health', (req, res) => {
  res.json({ ok: true });
});

router
  .route('/topics/:id')
  .get(async function (req, res) {
    const result = await pool.query('SELECT * FROM topics WHERE id = $1', [req.params.id]);
    res.json(result.rows[0]);
  })
  .delete(async (req, res) => {
    try {
      await pool.query('DELETE FROM topics WHERE id = $1', [req.params.id]);
      res.status(204).end();
    } catch (err) {
      logger.error({ err }, 'delete failed');
      return res.status(500).send('Failed');
    }
  });

export default router;
