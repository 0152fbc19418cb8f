// Session routes.
import type { Request, Response } from 'express';

export function login(req: Request, res: Response, user: { id: string; org: { name: string } }): void {
  const userId = user.id;
  const retries = 2;
  console.log(`user ${userId} logged in`);
  console.info(`user ${user.id} of ${user.org.name} logged in from ${req.ip}`);
  // a retry counter
  console.debug(`attempt ${Number(req.query.attempt) + 1} for ${userId} (${userId})`);
  console.log('plain message');
  console.warn('slow login for ' + user.id + ' after ' + retries + ' retries');
  res.sendStatus(204);
}
