export function Badge({ count }: { count: number }) {
  console.debug('badge', count);
  return <span>{count}</span>;
}
