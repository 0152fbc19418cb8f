import type { Express } from 'express';
import { registerHotelsRoutes } from './hotels';
import { registerFlightsRoutes } from './flights';

export function registerRoutes(app: Express): void {
  registerHotelsRoutes(app);
  registerFlightsRoutes(app);
}
