/**
 * Byte sizes as the `bytes` package reads them (body-parser, express, raw-body use it for their
 * `limit`): a number is bytes; a string is `<number><unit>` with unit b, kb, mb, gb, tb or pb
 * (case-insensitive, powers of 1024, optional spaces), or plain digits meaning bytes.
 */

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  pb: 1024 ** 5,
};

const SIZE_PATTERN = /^([-+]?\d+(?:\.\d+)?) *(kb|mb|gb|tb|pb)$/iu;

/** The number of bytes a `limit` value stands for, or undefined when `bytes` would not read it. */
export function parseByteSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const match = SIZE_PATTERN.exec(value);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    const unit = UNITS[match[2].toLowerCase()];
    return unit === undefined ? undefined : Math.floor(Number.parseFloat(match[1]) * unit);
  }
  const plain = Number.parseInt(value, 10);
  return Number.isNaN(plain) ? undefined : plain;
}

/** A byte count in the largest unit that divides it exactly: 10485760 → `10mb`, 1500 → `1500b`. */
export function formatByteSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const units = Object.entries(UNITS).reverse();
  for (const [unit, size] of units) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}
