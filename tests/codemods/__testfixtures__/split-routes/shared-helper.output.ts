export { registerRoutes } from './routes/index';
