import { logger } from './lib/logger';

export function start(port: number): void {
  logger.info({ port }, 'server started');
  // hardening-codemod: console.time has no structured-logger equivalent: left as is
  console.time('boot');
}
