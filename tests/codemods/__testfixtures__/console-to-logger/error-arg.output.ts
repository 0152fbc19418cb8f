import { charge } from './billing.js';

import { logger } from '../../../../src/lib/logger.js';

export async function pay(orderId: string): Promise<void> {
  try {
    await charge(orderId);
  } catch (error) {
    logger.error({ err: error }, 'payment failed');
    logger.error({ orderId, err: error }, 'payment failed');
  }
  try {
    await charge(orderId);
  } catch (e) {
    logger.error({ err: e });
  }
  charge(orderId).catch((dbError: unknown) => logger.error({ err: dbError, orderId }, 'retry failed'));
}
