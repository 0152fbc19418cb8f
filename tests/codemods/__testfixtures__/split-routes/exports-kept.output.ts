/* eslint-disable no-console */

import './instrumentation';

// Not used by any route: stays here.
export function legacyHelper(): string {
  return 'legacy';
}

export { registerRoutes } from './routes/index';
export { MAX_PAGE } from './routes/users';
export type { Page } from './routes/users';
