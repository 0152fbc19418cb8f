/**
 * Worker entry point.
 */
export function work(jobId: string): void {
  console.warn(`job ${jobId} is slow`);
}
