import type { TSESTree } from '@typescript-eslint/utils';

import { DataAccess, sqlReturnsOneRow } from '../../src/util/data-access.js';
import { canReturnNoRows, QueryResults, resultShape } from '../../src/util/query-results.js';
import { probe } from './probe.js';

describe('sqlReturnsOneRow', () => {
  it('knows aggregate-only and FROM-less selects return exactly one row', () => {
    expect(sqlReturnsOneRow('SELECT COUNT(*) FROM messages WHERE topic_id = $1')).toBe(true);
    expect(sqlReturnsOneRow('select coalesce(sum(amount), 0) as total, max(created_at) from orders')).toBe(true);
    expect(sqlReturnsOneRow('SELECT NOW()')).toBe(true);
    expect(sqlReturnsOneRow('SELECT EXISTS(SELECT 1 FROM users WHERE email = $1) AS taken')).toBe(true);
    expect(sqlReturnsOneRow('SELECT (SELECT COUNT(*) FROM a) AS a, (SELECT COUNT(*) FROM b) AS b')).toBe(true);
  });

  it('does not for lists, lookups, groups, windows and writes', () => {
    expect(sqlReturnsOneRow('SELECT * FROM users WHERE id = $1')).toBe(false);
    expect(sqlReturnsOneRow('SELECT status, COUNT(*) FROM orders GROUP BY status')).toBe(false);
    expect(sqlReturnsOneRow('SELECT COUNT(*) FROM orders HAVING COUNT(*) > 1')).toBe(false);
    expect(sqlReturnsOneRow('SELECT COUNT(*) OVER () FROM orders')).toBe(false);
    expect(sqlReturnsOneRow('SELECT 1 WHERE false')).toBe(false);
    expect(sqlReturnsOneRow('UPDATE t SET n = (SELECT COUNT(*) FROM u)')).toBe(false);
    expect(sqlReturnsOneRow('\u0000 FROM t')).toBe(false);
  });
});

/** For every `check(x)`: the kind of query value `x` is, and whether its query can return no rows. */
function values(code: string): string[] {
  return probe(code, (context) => {
    const results = new QueryResults(context.sourceCode, new DataAccess(context.sourceCode));
    return {
      'CallExpression[callee.name="check"]'(node: TSESTree.CallExpression) {
        const argument = node.arguments[0];
        const value = argument ? results.valueOf(argument) : undefined;
        const text = value ? `${value.kind} ${canReturnNoRows(value.call) ? 'maybe-empty' : 'never-empty'} via ${value.variables.map((variable) => variable.name).join(',') || '-'}` : 'none';
        context.report({ node, messageId: 'found', data: { text } });
      },
    };
  });
}

describe('QueryResults.valueOf', () => {
  it('follows results, rows and first rows through locals and destructuring', () => {
    expect(
      values(
        [
          "import { Pool } from 'pg';",
          "import mysql from 'mysql2/promise';",
          "import postgres from 'postgres';",
          'const pool = new Pool();',
          'const my = mysql.createPool({});',
          'const sql = postgres();',
          'async function f(id) {',
          "  const result = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
          '  check(result); check(result.rows); check(result.rows[0]);',
          "  const { rows: [user] } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);",
          '  check(user);',
          "  const [[row]] = await my.query('SELECT * FROM t WHERE id = ?', [id]);",
          '  check(row);',
          '  const [first] = await sql`SELECT COUNT(*) FROM t`;',
          '  check(first);',
          "  const created = await pool.query('INSERT INTO t (a) VALUES ($1) RETURNING id', [id]);",
          '  check(created.rows[0]);',
          '  check(notAQuery[0]); check(result.fields[0]);',
          '}',
        ].join('\n'),
      ),
    ).toEqual([
      '9:3 result maybe-empty via result',
      '9:18 rows maybe-empty via result',
      '9:38 row maybe-empty via result',
      '11:3 row maybe-empty via user',
      '13:3 row maybe-empty via row',
      '15:3 row never-empty via first',
      '17:3 row never-empty via created',
      '18:3 none',
      '18:24 none',
    ]);
  });

  it('tells which calls give arrays of rows', () => {
    const shapes = probe(
      [
        "import { PrismaClient } from '@prisma/client';",
        "import knex from 'knex';",
        'const prisma = new PrismaClient();',
        "const db = knex({ client: 'pg' });",
        'await prisma.user.findMany();',
        'await prisma.user.findFirst();',
        "await db('users').where({ id }).first();",
        "await db('users').where({ id });",
        "await db('users').where({ id }).update({ a: 1 });",
        "await db('users').where({ id }).update({ a: 1 }).returning('*');",
      ].join('\n'),
      (context) => {
        const model = new DataAccess(context.sourceCode);
        return {
          CallExpression(node) {
            const call = model.classifyCall(node);
            if (call) context.report({ node, messageId: 'found', data: { text: `${call.method} ${resultShape(call) ?? 'none'}` } });
          },
        };
      },
    );
    expect(shapes).toEqual(['5:7 findMany rows', '6:7 findFirst none', '7:7 first none', '8:7 where rows', '9:7 update none', '10:7 update rows']);
  });
});
