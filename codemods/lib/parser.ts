/** The jscodeshift parser for a file: `ts` for .ts (so `<T>x` casts parse), `tsx` for .tsx/.jsx, `babel` for JavaScript. */
export function parserFor(filePath: string): 'ts' | 'tsx' | 'babel' {
  if (/\.[cm]?ts$/u.test(filePath)) return 'ts';
  if (/\.[jt]sx$/u.test(filePath)) return 'tsx';
  return 'babel';
}
