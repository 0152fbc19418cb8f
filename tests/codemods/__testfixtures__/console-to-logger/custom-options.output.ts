/**
 * Worker entry point.
 */
import { log } from '../../../../app/log';

export function work(jobId: string): void {
  log.warn({ jobId }, 'job is slow');
}
