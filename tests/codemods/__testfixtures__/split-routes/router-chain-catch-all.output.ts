export { api } from './routes/index';
