/** Rate-limit counters per client, for every domain. */
export const hits = new Map<string, number>();

/** Counts a request of `client`; true once it went over `limit`. */
export function overLimit(client: string, limit = 100): boolean {
  const count = (hits.get(client) ?? 0) + 1;
  hits.set(client, count);
  return count > limit;
}
