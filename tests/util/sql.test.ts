import type { TSESTree } from '@typescript-eslint/utils';

import { InertValueChecker } from '../../src/util/inert-values.js';
import {
  findDynamicSqlPart,
  getConstantSqlText,
  inferPlaceholderStyle,
  looksLikeSql,
  parameterizeTemplate,
  type PlaceholderStyle,
} from '../../src/util/sql.js';
import { probe } from './probe.js';

describe('looksLikeSql', () => {
  it.each([
    'SELECT * FROM users WHERE id = $1',
    '  insert into logs (msg) values (?)',
    '/* report */ -- daily\n(SELECT 1)',
    'WITH recent AS (SELECT 1) SELECT * FROM recent',
    'delete from sessions',
    'REFRESH MATERIALIZED VIEW stats',
    'count: SELECT id FROM t',
    'then UPDATE accounts SET balance = 0',
  ])('sees SQL in %j', (text) => {
    expect(looksLikeSql(text)).toBe(true);
  });

  it.each(['{"select": true, "source": "form"}', 'Please select an option', 'last update: today', 'Selected items from cart', 'insert coin', ''])(
    'sees no SQL in %j',
    (text) => {
      expect(looksLikeSql(text)).toBe(false);
    },
  );
});

/** For every `sql(x)` call: the constant text, and the first dynamic part (or `inert`). */
function queries(code: string): string[] {
  return probe(code, (context) => {
    const checker = new InertValueChecker(context.sourceCode);
    return {
      'CallExpression[callee.name="sql"]'(node: TSESTree.CallExpression) {
        const [argument] = node.arguments;
        if (!argument) return;
        const part = findDynamicSqlPart(context.sourceCode, argument, checker);
        const dynamic = part ? `${part.kind} ${context.sourceCode.getText(part.node)}` : 'inert';
        context.report({ node, messageId: 'found', data: { text: `${JSON.stringify(getConstantSqlText(context.sourceCode, argument))} ${dynamic}` } });
      },
    };
  });
}

describe('getConstantSqlText and findDynamicSqlPart', () => {
  it('follows templates, concatenations and local writes to the first non-inert part', () => {
    expect(
      queries(
        [
          'function f(id, name) {',
          '  sql(`SELECT * FROM users WHERE id = ${id}`);',
          "  sql('SELECT * FROM t WHERE name = \\'' + name + \"'\");",
          "  let q = 'SELECT * FROM orders';",
          "  q += ' WHERE user_id = ' + id;",
          '  sql(q);',
          "  sql(id ? 'SELECT 1' : `SELECT ${name}`);",
          '}',
        ].join('\n'),
      ),
    ).toEqual([
      '2:3 "SELECT * FROM users WHERE id =  " interpolation id',
      '3:3 "SELECT * FROM t WHERE name = \'\'" concatenation name',
      '6:3 "SELECT * FROM orders  WHERE user_id = " concatenation id',
      '7:3 "SELECT 1 SELECT  " interpolation name',
    ]);
  });

  it('finds nothing dynamic in inert parts or opaque text', () => {
    expect(
      queries(
        [
          "const TABLE = 'users';",
          'function f(limit: number, text) {',
          '  sql(`SELECT * FROM ${TABLE} LIMIT ${limit}`);',
          "  sql('SELECT * FROM t WHERE env = ' + process.env.APP_ENV);",
          '  sql(text);',
          '  sql(buildQuery());',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['3:3 "SELECT * FROM   LIMIT  " inert', '4:3 "SELECT * FROM t WHERE env = " inert', '5:3 "" inert', '6:3 "" inert']);
  });
});

/** Rewrites every `sql\`…\`` argument template in `style`, keeping SCREAMING_CASE interpolations. */
function rewrite(code: string, style: PlaceholderStyle | 'tagged'): string[] {
  return probe(code, (context) => ({
    'CallExpression[callee.name="sql"] > TemplateLiteral'(node: TSESTree.TemplateLiteral) {
      const result = parameterizeTemplate(context.sourceCode, node, style, (expression) => /^[A-Z_]+$/u.test(context.sourceCode.getText(expression)));
      const text = result ? `${result.text} [${result.values.map((value) => context.sourceCode.getText(value)).join(', ')}]` : 'none';
      context.report({ node, messageId: 'found', data: { text } });
    },
  }));
}

describe('parameterizeTemplate', () => {
  it('turns quoted and bare value positions into placeholders', () => {
    const code = "sql(`SELECT * FROM ${TABLE} WHERE email = '${email}' AND id = ${id} LIMIT ${n}`);";
    expect(rewrite(code, 'dollar')).toEqual(['1:5 `SELECT * FROM ${TABLE} WHERE email = $1 AND id = $2 LIMIT $3` [email, id, n]']);
    expect(rewrite(code, 'question')).toEqual(['1:5 `SELECT * FROM ${TABLE} WHERE email = ? AND id = ? LIMIT ?` [email, id, n]']);
  });

  it('keeps bare interpolations for tagged templates, where nothing may stay inline', () => {
    expect(rewrite("sql(`SELECT * FROM t WHERE email = '${email}' AND id = ${id}`);", 'tagged')).toEqual([
      '1:5 `SELECT * FROM t WHERE email = ${email} AND id = ${id}` [email, id]',
    ]);
    expect(rewrite('sql(`SELECT * FROM ${TABLE} WHERE id = ${id}`);', 'tagged')).toEqual(['1:5 none']);
  });

  it.each([
    ['an identifier position', 'sql(`SELECT * FROM ${table} WHERE id = 1`);', 'dollar'],
    ['an IN list', 'sql(`SELECT * FROM t WHERE id IN (${ids})`);', 'dollar'],
    ['a LIKE pattern', "sql(`SELECT * FROM t WHERE name LIKE '%${q}%'`);", 'dollar'],
    ['existing $n placeholders', 'sql(`SELECT * FROM t WHERE a = $1 AND b = ${b}`);', 'dollar'],
    ['existing ? placeholders', 'sql(`SELECT * FROM t WHERE a = ? AND b = ${b}`);', 'question'],
    ['only kept interpolations', 'sql(`SELECT * FROM ${TABLE}`);', 'dollar'],
  ] as const)('gives up on %s', (_label, code, style) => {
    expect(rewrite(code, style)).toEqual(['1:5 none']);
  });
});

describe('inferPlaceholderStyle', () => {
  function style(code: string): string[] {
    return probe(code, (context) => ({
      Program(node) {
        context.report({ node, messageId: 'found', data: { text: inferPlaceholderStyle(context.sourceCode) ?? 'none' } });
      },
    }));
  }

  it.each([
    ["db.query('SELECT * FROM users WHERE id = $1', [id]);", 'dollar'],
    ['db.query(`UPDATE t SET a = ? WHERE id = ?`, [a, id]);', 'question'],
    ["db.query('SELECT * FROM t WHERE id IN (?)');", 'question'],
    ["db.query('SELECT * FROM users WHERE id = ?', [id]);", 'question'],
    ['db.query(`SELECT * FROM users WHERE id = ?`, [id]);', 'question'],
    ["db.query('SELECT 1 WHERE a = $1'); db.query('SELECT 1 WHERE a = ? AND b = 2');", 'none'],
    ["const price = 'costs $1 or more'; const q = 'is it = ?';", 'none'],
    ["db.query('SELECT * FROM users');", 'none'],
  ])('infers %j as %s', (code, expected) => {
    expect(style(code)).toEqual([`1:1 ${expected}`]);
  });
});
