import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { getFileVariables, getVariableNamesInitialisedWith } from '../../src/util/variables.js';
import { probe } from './probe.js';

function declaredNames(code: string, filename?: string): string[] {
  return probe(
    code,
    (context) => ({
      'Program:exit'(node) {
        const names = getFileVariables(context.sourceCode).map((variable) => variable.name);
        // Asked twice, the same list: it is gathered once per file.
        const again = getFileVariables(context.sourceCode) === getFileVariables(context.sourceCode);
        context.report({ node, messageId: 'found', data: { text: `${again} ${names.join(' ')}` } });
      },
    }),
    filename,
  );
}

describe('getFileVariables', () => {
  it("lists a module's declarations in every scope, not the environment's globals", () => {
    expect(declaredNames("import { Pool } from 'pg';\nconst pool = new Pool();\nfunction run(query) { const rows = []; return Math.max(rows.length, query); }")).toEqual([
      '1:1 true Pool pool run arguments query rows',
    ]);
  });

  it("lists a CommonJS file's declarations", () => {
    const [report] = declaredNames("var express = require('express');\nfunction start(port) {}", 'server.cjs');
    expect(report?.split(' ').slice(1, 2)).toEqual(['true']);
    expect(report?.split(' ')).toEqual(expect.arrayContaining(['express', 'start', 'port']));
  });
});

describe('getVariableNamesInitialisedWith', () => {
  const CALLS = new Set([AST_NODE_TYPES.CallExpression]);
  const LITERALS = new Set([AST_NODE_TYPES.ObjectExpression, AST_NODE_TYPES.ArrayExpression]);

  function initialised(code: string): string[] {
    return probe(code, (context) => ({
      'Program:exit'(node) {
        const calls = getVariableNamesInitialisedWith(context.sourceCode, CALLS);
        const literals = getVariableNamesInitialisedWith(context.sourceCode, LITERALS);
        const again = calls === getVariableNamesInitialisedWith(context.sourceCode, CALLS);
        context.report({ node, messageId: 'found', data: { text: `${again} calls: ${[...calls].join(' ')} literals: ${[...literals].join(' ')}` } });
      },
    }));
  }

  it('names the variables declared once with an initialiser of the given types (destructured ones too), casts looked through', () => {
    expect(
      initialised(
        [
          'const q = db.select(); const data = { a: 1 } as Data; let rows = [];',
          'function f(p = g()) { const inner = h()!; const text = `x`; var twice = k(); var twice = m(); }',
          'const { destructured } = n(); let later; later = o();',
        ].join('\n'),
      ),
    ).toEqual(['1:1 true calls: q destructured inner literals: data rows']);
  });
});
