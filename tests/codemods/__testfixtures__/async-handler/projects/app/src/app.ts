import express, { type NextFunction, type Request, type Response } from 'express';
import { db } from './db';
import { registerRoutes } from './routes';

const app = express();

app.use(express.json());

// Loads the session before any route.
app.use(async (req, res, next) => {
  req.user = await db.session();
  next();
});

registerRoutes(app);

app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
  console.error(err);
  res.status(500).json({ error: 'Internal error' });
});

app.listen(3000);
