import { logger } from '../../../../src/lib/logger';
export async function sync(orders: string[], count: number, started: Date): Promise<void> {
  logger.info({ count }, 'synced orders');
  logger.warn({ ms: Date.now() - started.getTime(), count }, 'slow sync');
  logger.info({ event: 'sync', count });
  logger.info({ event: 'sync' }, 'sync finished');
  logger.info({ ordersLength: orders.length, value: orders[0] }, 'queue');
  // hardening-codemod: printf-style placeholders (%s, %d…): rewrite the message by hand
  console.log('user %s synced', count);
  // hardening-codemod: spread arguments: cannot tell the message from the values
  console.log(...orders);
  // hardening-codemod: console.table has no structured-logger equivalent: left as is
  console.table(orders);
  // hardening-codemod: comments inside the call: move them out, then run again
  console.log('retrying in', /* seconds */ count);
}
