import express, { type NextFunction, type Request, type Response } from 'express';

const app = express();

app.use(express.json());

app.use(async (req, res, next) => {
  req.user = await loadSession(req);
  next();
});

app.use(async (err: Error, req: Request, res: Response, next: NextFunction) => {
  await report(err);
  res.status(500).json({ error: 'Internal error' });
});

app.listen(3000);
