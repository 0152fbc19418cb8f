import { charge } from './billing.js';

export async function pay(orderId: string): Promise<void> {
  try {
    await charge(orderId);
  } catch (error) {
    console.error('payment failed', error);
    console.error(`payment ${orderId} failed`, error);
  }
  try {
    await charge(orderId);
  } catch (e) {
    console.error(e);
  }
  charge(orderId).catch((dbError: unknown) => console.error('retry failed', dbError, orderId));
}
