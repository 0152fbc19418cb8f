import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Forwards a rejected promise from an async handler to Express's error middleware. */
export function asyncHandler(handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}
