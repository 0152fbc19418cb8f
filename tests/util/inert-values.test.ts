import type { TSESTree } from '@typescript-eslint/utils';

import { InertValueChecker, type InertValueOptions } from '../../src/util/inert-values.js';
import { probe } from './probe.js';

/** For every `check(x)`: whether `x` is inert; for every `elements(x)`: whether its elements are. */
function inert(code: string, options: InertValueOptions = {}): string[] {
  return probe(code, (context) => {
    const checker = new InertValueChecker(context.sourceCode, options);
    const report = (node: TSESTree.CallExpression, value: (argument: TSESTree.Node) => boolean): void => {
      const [argument] = node.arguments;
      if (argument) context.report({ node, messageId: 'found', data: { text: value(argument) ? 'inert' : 'open' } });
    };
    return {
      'CallExpression[callee.name="check"]': (node: TSESTree.CallExpression) => report(node, (argument) => checker.isInert(argument)),
      'CallExpression[callee.name="elements"]': (node: TSESTree.CallExpression) => report(node, (argument) => checker.hasInertElements(argument)),
    };
  });
}

/** One `check(…)` per line of `body`, inside a handler whose `req` and `name` are input. */
function lines(body: string[], options?: InertValueOptions, prelude: string[] = []): string[] {
  return inert([...prelude, 'app.get("/", (req, res, name) => {', ...body, '});'].join('\n'), options).map((report) => report.replace(/:\d+ /u, ' '));
}

describe('InertValueChecker.isInert', () => {
  it('accepts constants, numbers, configuration and templates built from them', () => {
    expect(
      lines(
        [
          "check('users');",
          'check(`${TABLE}_archive`);',
          'check(Number(req.query.limit));',
          'check(parseInt(req.query.page, 10) * 20);',
          'check(req.body.items.length);',
          'check(Math.max(1, req.query.n));',
          'check(process.env.DB_SCHEMA);',
          'check(path.join(__dirname, "sql", FILE));',
          'check(Status.Active);',
          'check(new Date().toISOString());',
          'check(req.query.dir === "asc" ? "ASC" : "DESC");',
          "check(['a', 'b'].join(', '));",
        ],
        {},
        ["import path from 'node:path';", "import { FILE } from './constants';", "const TABLE = 'users';", 'enum Status { Active = "active" }'],
      ),
    ).toEqual(Array.from({ length: 12 }, (_, index) => `${index + 6} inert`));
  });

  it('rejects request input, parameters, unknown calls and what is built from them', () => {
    expect(
      lines([
        'check(req.query.sort);',
        'check(name);',
        'check(`ORDER BY ${req.query.sort}`);',
        "check('id' + name);",
        'check(getColumn());',
        'check(name.trim().toLowerCase());',
        'check(JSON.parse(req.body.raw));',
        'check(req.query.q || "default");',
        "let column = 'id'; column = req.query.sort; check(column);",
        'check(String(req.params.id));',
      ]),
    ).toEqual(Array.from({ length: 10 }, (_, index) => `${index + 2} open`));
  });

  it('accepts values checked against a constant allow-list, typed parameters and escaper results', () => {
    expect(
      inert(
        [
          "const ALLOWED = ['name', 'created_at'];",
          'function list(sort: string, dir: "asc" | "desc", limit: number, column: string) {',
          '  check(ALLOWED.includes(sort) ? sort : "id");',
          '  check(dir); check(limit); check(column);',
          '  if (!ALLOWED.includes(column)) return;',
          '  check(column); check(escapeId(sort)); check(format.literal(sort)); check(other.literal(sort));',
          '}',
        ].join('\n'),
        { escapers: ['escapeId', 'format.literal'] },
      ),
    ).toEqual(['3:3 inert', '4:3 inert', '4:15 inert', '4:29 open', '6:3 inert', '6:18 inert', '6:41 inert', '6:70 open']);
  });

  it('accepts readonly class fields and loop indexes, not mutable fields', () => {
    expect(
      inert(
        [
          'class Repo {',
          "  readonly table = 'orders';",
          "  prefix = 'o_';",
          '  find(ids) { check(this.table); check(this.prefix); ids.forEach((id, i) => { check(i); check(id); }); }',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['4:15 inert', '4:34 open', '4:79 inert', '4:89 open']);
  });
});

describe('InertValueChecker.hasInertElements', () => {
  it('follows arrays, pushes, maps and sets', () => {
    expect(
      inert(
        [
          'function f(ids, req) {',
          "  const placeholders = ids.map(() => '?');",
          "  const columns = ['id']; columns.push('name');",
          '  const tainted = []; tainted.push(req.query.col);',
          "  elements(placeholders); elements(columns); elements(tainted); elements(ids); elements(new Set(['a']));",
          '  elements(Array.from({ length: 3 }, (_, i) => `$${i + 1}`)); elements(Object.keys(req.body));',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['5:3 inert', '5:27 inert', '5:46 open', '5:65 open', '5:80 inert', '6:3 inert', '6:63 open']);
  });
});
