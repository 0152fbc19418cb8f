import type { TSESTree } from '@typescript-eslint/utils';

import { readOptionsObject } from '../../src/util/options-object.js';
import { probe } from './probe.js';

/**
 * For every `opts(x, 'a', 'b')` call: where each named key stands in the options `x`, as
 * `a=<value source>` when set, `a=missing` or `a=unknown`; `unreadable` when the options cannot be seen.
 */
function lookups(code: string): string[] {
  return probe(code, (context) => ({
    'CallExpression[callee.name="opts"]'(node: TSESTree.CallExpression) {
      const [argument, ...names] = node.arguments;
      const options = readOptionsObject(argument, context.sourceCode.getScope(node));
      const text = options
        ? names
            .map((name) => {
              const key = name.type === 'Literal' ? String(name.value) : '?';
              const lookup = options.get(key);
              return lookup.state === 'set' ? `${key}=${context.sourceCode.getText(lookup.property.value)}` : `${key}=${lookup.state}`;
            })
            .join(' ')
        : 'unreadable';
      context.report({ node, messageId: 'found', data: { text } });
    },
  }));
}

describe('readOptionsObject', () => {
  it('reads literal options and constants that name them', () => {
    expect(
      lookups(
        [
          "const cookieOptions = { httpOnly: true, 'secure': isProd, ['sameSite']: 'lax' };",
          "opts({ origin: true, credentials: false }, 'origin', 'credentials', 'methods');",
          "opts(cookieOptions, 'httpOnly', 'secure', 'sameSite', 'maxAge');",
          "opts(cookieOptions as CookieOptions, 'httpOnly');",
        ].join('\n'),
      ),
    ).toEqual([
      '2:1 origin=true credentials=false methods=missing',
      "3:1 httpOnly=true secure=isProd sameSite='lax' maxAge=missing",
      '4:1 httpOnly=true',
    ]);
  });

  it('looks through spreads of local constants, the last definition winning', () => {
    expect(
      lookups(
        [
          "const base = { secure: true, sameSite: 'strict' };",
          'const defaults = { ...base, httpOnly: true };',
          "opts({ ...defaults, sameSite: 'none' }, 'secure', 'sameSite', 'httpOnly', 'domain');",
          "opts({ secure: false, ...base }, 'secure');",
        ].join('\n'),
      ),
    ).toEqual(["3:1 secure=true sameSite='none' httpOnly=true domain=missing", '4:1 secure=true']);
  });

  it('treats what an unknown spread or computed key could override as unknown', () => {
    expect(
      lookups(
        [
          'function setup(userOptions, key) {',
          "  opts({ origin: '*', ...userOptions, credentials: true }, 'origin', 'credentials', 'maxAge');",
          "  opts({ [key]: 1, secure: true }, 'secure', 'httpOnly');",
          "  opts({ ...getDefaults() }, 'secure');",
          '}',
        ].join('\n'),
      ),
    ).toEqual(['2:3 origin=unknown credentials=true maxAge=unknown', '3:3 secure=true httpOnly=unknown', '4:3 secure=unknown']);
  });

  it('cannot read parameters, call results, reassigned variables or a missing argument', () => {
    expect(
      lookups(
        [
          "import { corsOptions } from './config';",
          'let mutable = { secure: true };',
          'mutable = {};',
          'function f(options) {',
          "  opts(options, 'secure'); opts(corsOptions, 'origin'); opts(build(), 'secure'); opts(mutable, 'secure'); opts();",
          '}',
        ].join('\n'),
      ),
    ).toEqual(['5:3 unreadable', '5:28 unreadable', '5:57 unreadable', '5:82 unreadable', '5:107 unreadable']);
  });

  it('exposes the object literal the options are written in', () => {
    expect(
      probe("const options = { origin: true };\ncors(options);", (context) => ({
        'CallExpression[callee.name="cors"]'(node: TSESTree.CallExpression) {
          const options = readOptionsObject(node.arguments[0], context.sourceCode.getScope(node));
          context.report({ node, messageId: 'found', data: { text: options ? context.sourceCode.getText(options.object) : '-' } });
        },
      })),
    ).toEqual(['2:1 { origin: true }']);
  });
});
