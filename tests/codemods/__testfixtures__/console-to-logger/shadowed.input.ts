import { queue } from './queue';

export function drain(logger: { push(line: string): void }): void {
  console.log('draining', logger);
  queue.flush().catch(console.error);
}

export function report(console: { log(line: string): void }): void {
  console.log('custom console');
}

export function done(): void {
  console.info('drained');
}
