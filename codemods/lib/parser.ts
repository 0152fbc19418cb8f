import jscodeshift, { type JSCodeshift } from 'jscodeshift';

/** The jscodeshift parser for a file: `ts` for .ts (so `<T>x` casts parse), `tsx` for .tsx/.jsx, `babel` for JavaScript. */
export function parserFor(filePath: string): 'ts' | 'tsx' | 'babel' {
  if (/\.[cm]?ts$/u.test(filePath)) return 'ts';
  if (/\.[jt]sx$/u.test(filePath)) return 'tsx';
  return 'babel';
}

// `withParser` copies every builder on each call, which cost more than transforming most files:
// one core per parser, made on first use (a pure derived value, the same for every file).
const cores = new Map<string, JSCodeshift>();

/** jscodeshift bound to the right parser for `filePath` (see `parserFor`). */
export function jscodeshiftFor(filePath: string): JSCodeshift {
  const parser = parserFor(filePath);
  let core = cores.get(parser);
  if (core === undefined) {
    core = jscodeshift.withParser(parser);
    cores.set(parser, core);
  }
  return core;
}
