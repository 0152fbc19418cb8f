import express from 'express';

import pool from './config/database.js';

// Prometheus scrapes this on a separate port inside the cluster.
const metrics = express();

metrics.get('/metrics', (_req, res) => {
  res.type('text/plain').send(
    [
      `db_pool_total ${pool.totalCount}`,
      `db_pool_idle ${pool.idleCount}`,
      `db_pool_waiting ${pool.waitingCount}`,
    ].join('\n'),
  );
});

metrics.listen(Number(process.env.METRICS_PORT ?? 9100));
