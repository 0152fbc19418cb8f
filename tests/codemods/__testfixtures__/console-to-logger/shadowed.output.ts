import { queue } from './queue';

import { logger } from '../../../../src/lib/logger';

export function drain(logger: { push(line: string): void }): void {
  // hardening-codemod: a local `logger` shadows the logger here: rename it, then run again
  console.log('draining', logger);
  // hardening-codemod: console method used as a value: pass a function that calls the logger instead
  queue.flush().catch(console.error);
}

export function report(console: { log(line: string): void }): void {
  console.log('custom console');
}

export function done(): void {
  logger.info('drained');
}
