export { router } from './routes/index';
export { default } from './routes/index';
