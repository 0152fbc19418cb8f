import express from 'express';

import { log as logger } from '../lib/log';

const app = express();

export function boot(port: number): void {
  logger.info('booting');
  console.log(`listening on ${port}`);
}

export default app;
