// Routes of the whole API (seed 002: one file, every domain).

export { registerRoutes } from './routes/index';
