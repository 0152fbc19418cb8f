import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty, getCalleeName, getMemberName, unwrapExpression, UNWRAPPED_TYPES_PATTERN } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { InertValueChecker } from '../util/inert-values.js';
import { CALL, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { RequestInputTracker } from '../util/request-input.js';
import {
  findDynamicSqlPart,
  getConstantSqlText,
  inferPlaceholderStyle,
  looksLikeSql,
  parameterizeTemplate,
  type PlaceholderStyle,
} from '../util/sql.js';
import { ClientReceivers, looksLikeDbHandle, type ClientKind } from './no-sql-injection/receivers.js';

export type Options = [
  {
    sanitizers?: string[];
    dbHandleNames?: string[];
  },
];
export type MessageIds = 'nonConstantSql' | 'requestInputInSql' | 'useParameters' | 'useTaggedTemplate';

/** Query methods per client whose first argument is SQL text. */
const QUERY_METHODS: Readonly<Record<ClientKind, readonly string[]>> = {
  pg: ['query'],
  mysql: ['query', 'execute'],
  knex: ['raw'],
  sequelize: ['query'],
  typeorm: ['query'],
  prisma: [],
  sqlite: ['prepare', 'exec', 'run', 'all', 'get', 'each'],
  postgres: ['unsafe'],
};
/** Methods whose name alone says "raw SQL", on any receiver. */
const RAW_METHODS: Readonly<Record<string, ClientKind>> = {
  $queryRawUnsafe: 'prisma',
  $executeRawUnsafe: 'prisma',
  whereRaw: 'knex',
  orWhereRaw: 'knex',
  andWhereRaw: 'knex',
  havingRaw: 'knex',
  orHavingRaw: 'knex',
  orderByRaw: 'knex',
  groupByRaw: 'knex',
  joinRaw: 'knex',
  fromRaw: 'knex',
};
/** Methods checked on receivers of unknown origin whose name reads like a database handle. */
const HEURISTIC_METHODS = ['query', 'execute', 'raw', 'unsafe', 'prepare', 'exec', 'run', 'all', 'get'];
const SQL_METHODS = new Set([...Object.values(QUERY_METHODS).flat(), ...Object.keys(RAW_METHODS), ...HEURISTIC_METHODS]);
/**
 * Calls whose callee can be a SQL method: a member named like one, a computed member, or a callee
 * in a cast or chain (looked through).
 */
const SQL_CALL_SELECTOR = [
  `CallExpression[callee.computed=false][callee.property.name=/^(?:${[...SQL_METHODS].map((method) => method.replace(/\$/gu, '\\$')).join('|')})$/]`,
  'CallExpression[callee.computed=true]',
  `CallExpression[callee.type=/^(?:${UNWRAPPED_TYPES_PATTERN})$/]`,
].join(', ');
/** Functions that turn a string into raw SQL. */
const RAW_FUNCTIONS: TraceMap<ClientKind> = {
  '@prisma/client': { Prisma: { raw: { [CALL]: 'prisma' } } },
  'drizzle-orm': { sql: { raw: { [CALL]: 'postgres' } } },
  sequelize: { literal: { [CALL]: 'sequelize' }, Sequelize: { literal: { [CALL]: 'sequelize' } } },
};
/** Methods taking no values array, so no placeholder rewrite. */
const NO_VALUES_METHODS = ['prepare', 'exec', 'literal', 'raw'];
/** SQL escapers: mysql/mysql2/sqlstring `escape`/`escapeId`, pg `escapeLiteral`/`escapeIdentifier`, pg-format. */
const SQL_ESCAPERS: readonly string[] = [
  'escape',
  'escapeId',
  'escapeLiteral',
  'escapeIdentifier',
  'quoteIdentifier',
  'quoteLiteral',
  'format.literal',
  'format.ident',
  'format.string',
];
const MAX_PART_LENGTH = 40;

export default createRule<Options, MessageIds>({
  name: 'no-sql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL text built from values that are not constants',
      recommended: true,
      category: 'security',
      cwe: 'CWE-89',
    },
    hasSuggestions: true,
    messages: {
      nonConstantSql:
        'This SQL text is built by {{how}} of `{{part}}`, which is not a constant: a `\'` in that value closes the SQL string and the rest runs as SQL, so pass it as a query parameter.',
      requestInputInSql:
        'This SQL text embeds {{source}} through `{{part}}`: a `\'` in that input closes the SQL string and lets the client run their own SQL (read or drop any table), so pass it as a query parameter.',
      useParameters: 'Move the interpolated values into a values array with {{placeholder}} placeholders.',
      useTaggedTemplate: 'Use the tagged template `{{method}}`, which sends every interpolation as a parameter.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Extra function names (e.g. `quoteIdent` or `db.escape`) whose result is safely escaped for SQL, on top of the built-in `escape`, `escapeId`, `escapeLiteral`, `escapeIdentifier` and pg-format.',
          },
          dbHandleNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Extra words that make a receiver of unknown origin read like a database handle (e.g. `warehouse` for `warehouse.query(…)`), on top of db, pool, client, connection, knex, sequelize….',
          },
        },
      },
    ],
    defaultOptions: [{ sanitizers: [], dbHandleNames: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const checker = new InertValueChecker(sourceCode, { escapers: [...SQL_ESCAPERS, ...(options.sanitizers ?? [])] });
    let trackerInstance: RequestInputTracker | undefined;
    const tracker = (): RequestInputTracker => (trackerInstance ??= new RequestInputTracker(sourceCode));
    let receiversInstance: ClientReceivers | undefined;
    const receivers = (): ClientReceivers => (receiversInstance ??= new ClientReceivers(sourceCode));
    const rawFunctionCalls = new Set<TSESTree.CallExpression>();

    /** The SQL text argument: the first argument, or its `text` / `sql` property (`query({ text, values })`). */
    function textArgument(call: TSESTree.CallExpression): TSESTree.Node | undefined {
      const first = call.arguments[0];
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const target = unwrapExpression(first);
      if (target.type !== AST_NODE_TYPES.ObjectExpression) return first;
      return (findProperty(target, 'text') ?? findProperty(target, 'sql'))?.value;
    }

    /** Which client runs `call`, and whether we only guess it from the receiver's name. */
    function classify(call: TSESTree.CallExpression): { kind: ClientKind | undefined; method: string } | undefined {
      if (rawFunctionCalls.has(call)) return { kind: undefined, method: 'literal' };
      const callee = unwrapExpression(call.callee);
      const method = getCalleeName(call);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || method === undefined || !SQL_METHODS.has(method)) return undefined;
      const raw = RAW_METHODS[method];
      if (raw) return { kind: raw, method };
      const kind = receivers().kindOf(callee.object);
      if (kind) return QUERY_METHODS[kind].includes(method) ? { kind, method } : undefined;
      if (!HEURISTIC_METHODS.includes(method) || !looksLikeDbHandle(callee.object, options.dbHandleNames ?? [])) return undefined;
      return { kind: undefined, method };
    }

    function check(call: TSESTree.CallExpression): void {
      // Cheap shape tests first: a method that is no SQL method, or text that cannot be dynamic
      // (`router.get('/path', …)`), settles the call before its receiver is resolved.
      if (!rawFunctionCalls.has(call)) {
        const callee = unwrapExpression(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = getMemberName(callee);
        if (method === undefined || !SQL_METHODS.has(method)) return;
        const first = textArgument(call);
        if (!first || !mayBeDynamicText(first)) return;
      }
      const client = classify(call);
      if (!client) return;
      const text = textArgument(call);
      if (!text) return;
      // `Prisma.raw(x)`, `sql.raw(x)`, `literal(x)`: the argument is itself a SQL fragment.
      const part =
        findDynamicSqlPart(sourceCode, text, checker) ??
        (rawFunctionCalls.has(call) && !checker.isInert(text) ? { node: text, kind: 'interpolation' as const } : undefined);
      if (!part) return;
      const known = client.kind !== undefined || rawFunctionCalls.has(call);
      // A receiver we only know by name must also be handed text that reads like SQL.
      if (!known && !looksLikeSql(getConstantSqlText(sourceCode, text))) return;
      const partText = abbreviate(sourceCode.getText(part.node));
      const source = tracker().getSource(part.node);
      const suggestion = suggest(call, text, client.kind, client.method);
      context.report({
        node: text,
        messageId: source ? 'requestInputInSql' : 'nonConstantSql',
        data: {
          how: part.kind === 'interpolation' ? 'interpolation' : 'concatenation',
          part: partText,
          source: source ? `\`${source.label}\`` : '',
        },
        suggest: suggestion ? [suggestion] : [],
      });
    }

    function suggest(
      call: TSESTree.CallExpression,
      text: TSESTree.Node,
      kind: ClientKind | undefined,
      method: string,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (text !== call.arguments[0] || text.type !== AST_NODE_TYPES.TemplateLiteral || call.arguments.length !== 1) return undefined;
      const keep = (expression: TSESTree.Expression): boolean => checker.isInert(expression);
      const callee = unwrapExpression(call.callee);
      if (kind === 'prisma' && (method === '$queryRawUnsafe' || method === '$executeRawUnsafe')) {
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return undefined;
        const rewritten = parameterizeTemplate(sourceCode, text, 'tagged', keep);
        if (!rewritten) return undefined;
        const tagged = method === '$queryRawUnsafe' ? '$queryRaw' : '$executeRaw';
        const typeArguments = call.typeArguments ? sourceCode.getText(call.typeArguments) : '';
        return {
          messageId: 'useTaggedTemplate',
          data: { method: tagged },
          fix: (fixer) => fixer.replaceTextRange([callee.property.range[0], call.range[1]], `${tagged}${typeArguments}${rewritten.text}`),
        };
      }
      if (NO_VALUES_METHODS.includes(method) && kind !== 'knex') return undefined;
      if (kind === 'knex' && method !== 'raw' && RAW_METHODS[method] !== 'knex') return undefined;
      const style = placeholderStyle(kind, callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined);
      if (!style) return undefined;
      const rewritten = parameterizeTemplate(sourceCode, text, style, keep);
      if (!rewritten) return undefined;
      const values = `[${rewritten.values.map((value) => sourceCode.getText(value)).join(', ')}]`;
      const second = kind === 'sequelize' ? `{ replacements: ${values} }` : values;
      return {
        messageId: 'useParameters',
        data: { placeholder: style === 'dollar' ? '`$1`' : '`?`' },
        fix: (fixer) => fixer.replaceText(text, `${rewritten.text}, ${second}`),
      };
    }

    /** `$1` for Postgres drivers, `?` for mysql, sqlite, knex, sequelize; else what the file's other queries use. */
    function placeholderStyle(kind: ClientKind | undefined, receiver: TSESTree.Node | undefined): PlaceholderStyle | undefined {
      switch (kind) {
        case 'pg':
        case 'postgres':
          return 'dollar';
        case 'mysql':
        case 'knex':
        case 'sequelize':
        case 'sqlite':
          return 'question';
        default: {
          const name = receiver ? sourceCode.getText(receiver).toLowerCase() : '';
          if (/pg|postgres/u.test(name)) return 'dollar';
          if (/mysql|maria|sqlite/u.test(name)) return 'question';
          return inferPlaceholderStyle(sourceCode);
        }
      }
    }

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, RAW_FUNCTIONS)) {
          if (reference.type === CALL && reference.node.type === AST_NODE_TYPES.CallExpression) rawFunctionCalls.add(reference.node);
        }
        // Raw-SQL functions are known from the imports: checked here, so the call listener below
        // needs only the calls that can name a SQL method.
        for (const call of rawFunctionCalls) check(call);
      },
      [SQL_CALL_SELECTOR](node: TSESTree.CallExpression) {
        if (!rawFunctionCalls.has(node)) check(node);
      },
    };
  },
});

/** Whether {@link findDynamicSqlPart} can find anything in `node`: a literal, function or object never holds a dynamic part. */
function mayBeDynamicText(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return target.expressions.length > 0;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.Identifier:
      return true;
    default:
      return false;
  }
}

function abbreviate(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ');
  return oneLine.length > MAX_PART_LENGTH ? `${oneLine.slice(0, MAX_PART_LENGTH - 1)}…` : oneLine;
}
