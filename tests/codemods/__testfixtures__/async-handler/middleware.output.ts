import express, { type NextFunction, type Request, type Response } from 'express';
import { asyncHandler } from './middleware/asyncHandler';

const app = express();

app.use(express.json());

app.use(asyncHandler(async (req, res, next) => {
  req.user = await loadSession(req);
  next();
}));

// hardening-codemod: async error middleware (4 parameters): a wrapper would hide its arity from Express; catch inside it instead
app.use(async (err: Error, req: Request, res: Response, next: NextFunction) => {
  await report(err);
  res.status(500).json({ error: 'Internal error' });
});

app.listen(3000);
