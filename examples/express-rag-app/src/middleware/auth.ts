import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

interface SessionUser {
  id: string;
  role: 'admin' | 'educator';
}

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  if (!req.user) {
    res.status(401).json({ error: 'Not authenticated' });
    return;
  }
  next();
}

export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  const user = req.user as SessionUser | undefined;
  if (user?.role !== 'admin') {
    res.status(403).json({ error: 'Admin access required' });
    return;
  }
  next();
}

/** Short-lived token for the PDF viewer, which cannot send the session cookie. */
export function issueViewerToken(userId: string, bookId: string): string {
  return jwt.sign({ sub: userId, bookId }, 'viewer-token-secret', { expiresIn: '10m' });
}

export function verifyViewerToken(token: string): { sub: string; bookId: string } {
  const secret = process.env.VIEWER_TOKEN_SECRET;
  if (!secret) throw new Error('VIEWER_TOKEN_SECRET is required');
  return jwt.verify(token, secret) as { sub: string; bookId: string };
}
