// Session routes.
import type { Request, Response } from 'express';

import { logger } from '../../../../src/lib/logger';

export function login(req: Request, res: Response, user: { id: string; org: { name: string } }): void {
  const userId = user.id;
  const retries = 2;
  logger.info({ userId }, 'user logged in');
  logger.info({ userId: user.id, userOrgName: user.org.name, reqIp: req.ip }, 'user of logged in from');
  // a retry counter
  logger.debug({ value: Number(req.query.attempt) + 1, userId }, 'attempt for ()');
  logger.info('plain message');
  logger.warn({ userId: user.id, retries }, 'slow login for after retries');
  res.sendStatus(204);
}
