import type { Express } from 'express';

// Calls the split modules: nothing to do here.
export function registerRoutes(app: Express): void {
  registerUsersRoutes(app);
}

function registerUsersRoutes(app: Express): void {
  app.get('/api/users', () => undefined);
}
