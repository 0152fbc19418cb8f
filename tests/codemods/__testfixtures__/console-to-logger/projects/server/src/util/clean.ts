export function clean(value: string): string {
  return value.trim();
}
