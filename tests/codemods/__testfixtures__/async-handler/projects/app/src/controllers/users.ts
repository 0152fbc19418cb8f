import type { Request, Response } from 'express';

export async function getUser(req: Request, res: Response): Promise<void> {
  res.json({ id: req.params.id });
}
