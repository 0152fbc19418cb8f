import { Router } from 'express';

import pool from '../config/database.js';
import { asyncHandler } from '../middleware/asyncHandler.js';
import { requireAdmin } from '../middleware/auth.js';

const router = Router();

/** Every report is a view in the `reports` schema with the same shape. */
function report(view: string) {
  return asyncHandler(async (_req, res) => {
    const result = await pool.query('SELECT * FROM reports.report_rows($1) LIMIT 500', [view]);
    res.json(result.rows);
  });
}

router.get('/reports/books-by-status', requireAdmin, report('books_by_status'));
router.get('/reports/books-by-topic', requireAdmin, report('books_by_topic'));
router.get('/reports/books-failed', requireAdmin, report('books_failed'));
router.get('/reports/books-recent', requireAdmin, report('books_recent'));
router.get('/reports/books-largest', requireAdmin, report('books_largest'));
router.get('/reports/pages-per-book', requireAdmin, report('pages_per_book'));
router.get('/reports/chunks-per-book', requireAdmin, report('chunks_per_book'));
router.get('/reports/embeddings-cost', requireAdmin, report('embeddings_cost'));
router.get('/reports/messages-per-day', requireAdmin, report('messages_per_day'));
router.get('/reports/messages-per-topic', requireAdmin, report('messages_per_topic'));
router.get('/reports/messages-per-user', requireAdmin, report('messages_per_user'));
router.get('/reports/questions-unanswered', requireAdmin, report('questions_unanswered'));
router.get('/reports/answers-rated', requireAdmin, report('answers_rated'));
router.get('/reports/answers-flagged', requireAdmin, report('answers_flagged'));
router.get('/reports/citations-top', requireAdmin, report('citations_top'));
router.get('/reports/citations-missing', requireAdmin, report('citations_missing'));
router.get('/reports/users-active', requireAdmin, report('users_active'));
router.get('/reports/users-new', requireAdmin, report('users_new'));
router.get('/reports/users-dormant', requireAdmin, report('users_dormant'));
router.get('/reports/users-by-role', requireAdmin, report('users_by_role'));
router.get('/reports/sessions-per-day', requireAdmin, report('sessions_per_day'));
router.get('/reports/sessions-length', requireAdmin, report('sessions_length'));
router.get('/reports/logins-failed', requireAdmin, report('logins_failed'));
router.get('/reports/logins-by-provider', requireAdmin, report('logins_by_provider'));
router.get('/reports/topics-popular', requireAdmin, report('topics_popular'));
router.get('/reports/topics-empty', requireAdmin, report('topics_empty'));
router.get('/reports/topics-growth', requireAdmin, report('topics_growth'));
router.get('/reports/uploads-per-day', requireAdmin, report('uploads_per_day'));
router.get('/reports/uploads-failed', requireAdmin, report('uploads_failed'));
router.get('/reports/uploads-size', requireAdmin, report('uploads_size'));
router.get('/reports/processing-time', requireAdmin, report('processing_time'));
router.get('/reports/processing-queue', requireAdmin, report('processing_queue'));
router.get('/reports/openai-tokens', requireAdmin, report('openai_tokens'));
router.get('/reports/openai-latency', requireAdmin, report('openai_latency'));
router.get('/reports/openai-errors', requireAdmin, report('openai_errors'));
router.get('/reports/db-slow-queries', requireAdmin, report('db_slow_queries'));
router.get('/reports/db-table-sizes', requireAdmin, report('db_table_sizes'));
router.get('/reports/db-index-usage', requireAdmin, report('db_index_usage'));
router.get('/reports/cache-hit-rate', requireAdmin, report('cache_hit_rate'));
router.get('/reports/errors-by-route', requireAdmin, report('errors_by_route'));
router.get('/reports/errors-by-type', requireAdmin, report('errors_by_type'));
router.get('/reports/latency-by-route', requireAdmin, report('latency_by_route'));

router.post('/reports/refresh', requireAdmin, asyncHandler(async (_req, res) => {
  await pool.query('REFRESH MATERIALIZED VIEW CONCURRENTLY reports.daily_rollup');
  res.status(202).end();
}));

export default router;
