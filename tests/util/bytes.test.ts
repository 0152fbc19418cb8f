import { formatByteSize, parseByteSize } from '../../src/util/bytes.js';

describe('parseByteSize', () => {
  it.each([
    [100, 100],
    [0, 0],
    [1.5, 1.5],
    ['100kb', 102_400],
    ['1mb', 1_048_576],
    ['10MB', 10_485_760],
    ['1 gb', 1_073_741_824],
    ['2tb', 2 * 1024 ** 4],
    ['1pb', 1024 ** 5],
    ['1.5kb', 1536],
    ['0.1kb', 102],
    ['512', 512],
    ['42b', 42],
    ['  7', 7],
  ] as const)('reads %j as %d bytes', (value, expected) => {
    expect(parseByteSize(value)).toBe(expected);
  });

  it.each([[Number.NaN], ['abc'], ['kb'], [''], [undefined], [null], [{ limit: '1mb' }], [true]])(
    'does not read %j',
    (value) => {
      expect(parseByteSize(value)).toBeUndefined();
    },
  );
});

describe('formatByteSize', () => {
  it.each([
    [10_485_760, '10mb'],
    [1024, '1kb'],
    [1536, '1536b'],
    [1500, '1500b'],
    [1_073_741_824, '1gb'],
    [3 * 1024 ** 4, '3tb'],
    [1024 ** 5, '1pb'],
    [2048 * 1024, '2mb'],
    [1, '1b'],
    [0, '0b'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NaN, 'NaN'],
  ] as const)('formats %d as %s', (bytes, expected) => {
    expect(formatByteSize(bytes)).toBe(expected);
  });

  it('round-trips through parseByteSize', () => {
    for (const text of ['100kb', '10mb', '5gb', '1500b']) {
      expect(formatByteSize(parseByteSize(text) ?? -1)).toBe(text);
    }
  });
});
