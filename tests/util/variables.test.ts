import { getFileVariables } from '../../src/util/variables.js';
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
