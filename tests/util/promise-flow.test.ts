import type { TSESTree } from '@typescript-eslint/utils';

import { getPromiseUse } from '../../src/util/promise-flow.js';
import { probe } from './probe.js';

/** For every call of `q()`, how its promise is used (`line:column use`, or `dropped`). */
function uses(code: string): string[] {
  return probe(code, (context) => ({
    'CallExpression[callee.name="q"]'(node: TSESTree.CallExpression) {
      context.report({ node, messageId: 'found', data: { text: getPromiseUse(node) ?? 'dropped' } });
    },
  }));
}

describe('getPromiseUse', () => {
  it('follows awaits, returns, chains, combinators and pushes', () => {
    expect(
      uses(
        [
          'async function f() {',
          '  await q();',
          '  const a = await q().then((x) => x);',
          '  await Promise.all([q(), other()]);',
          '  items.map((item) => q());',
          '  promises.push(q());',
          '  const p = q();',
          '  q();',
          '  void q();',
          '  Promise.all([q()]);',
          '  await (flag ? q() : null);',
          '  return q() as Promise<void>;',
          '}',
          'function* g() { yield q(); }',
        ].join('\n'),
      ),
    ).toEqual([
      '2:9 await',
      '3:19 await',
      '4:22 await',
      '5:23 return',
      '6:17 collected',
      '7:13 stored',
      '8:3 dropped',
      '9:8 dropped',
      '10:16 dropped',
      '11:17 await',
      '12:10 return',
      '14:23 yield',
    ]);
  });
});
