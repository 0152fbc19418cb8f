export async function sync(orders: string[], count: number, started: Date): Promise<void> {
  console.log('synced', count, 'orders');
  console.warn('slow sync', { ms: Date.now() - started.getTime(), count });
  console.log({ event: 'sync', count });
  console.info({ event: 'sync' }, 'sync finished');
  console.log('queue', orders.length, orders[0]);
  console.log('user %s synced', count);
  console.log(...orders);
  console.table(orders);
  console.log('retrying in', /* seconds */ count);
}
