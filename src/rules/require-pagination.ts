import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty, getDottedName, getMemberName, isFunctionNode, typeReferenceName, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { continuesChain, getDataAccess, type DbCall } from '../util/data-access.js';
import { setObjectProperties } from '../util/fix.js';
import { chainMethodNames, QueryResults } from '../util/query-results.js';
import { fileMayReadRequestInput, RequestInputTracker, type RequestInputSource } from '../util/request-input.js';
import { getRouteModel } from '../util/routes.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    defaultLimit?: number;
    maxLimit?: number;
    routeHandlersOnly?: boolean;
    ignoreModels?: string[];
    uniqueColumns?: string[];
  },
];

const DEFAULT_OPTIONS: Required<Options[0]> = {
  defaultLimit: 100,
  maxLimit: 100,
  routeHandlersOnly: true,
  ignoreModels: [],
  uniqueColumns: ['email', 'username', 'slug', 'uuid', 'token'],
};
export type MessageIds = 'missingLimit' | 'uncappedLimit' | 'addLimit' | 'capLimit';

/** Option keys that hold a row limit, per library and method. */
const LIMIT_OPTION: Readonly<Record<string, string>> = {
  'prisma:findMany': 'take',
  'typeorm:find': 'take',
  'sequelize:findAll': 'limit',
  'drizzle:findMany': 'limit',
};
/** Mongoose aggregation stages whose output is a set of groups, not of documents. */
const GROUPING_STAGES = ['$group', '$count', '$bucket', '$bucketAuto', '$sortByCount', '$facet'];
/** Functions that keep a value a number without bounding it: `Number(x)`, `parseInt(x, 10)`, `Math.floor(x)`. */
const NUMERIC_WRAPPERS = new Set(['Number', 'parseInt', 'parseFloat', 'Number.parseInt', 'Number.parseFloat', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Math.abs', 'Math.max', 'BigInt']);
/** How many same-file calls deep the helpers of a handler are followed. */
const MAX_CALL_DEPTH = 3;

export default createRule<Options, MessageIds>({
  name: 'require-pagination',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a row limit on list queries in request handlers, and an upper bound on limits taken from the request',
      recommended: true,
      category: 'performance',
      cwe: 'CWE-770',
    },
    hasSuggestions: true,
    messages: {
      missingLimit:
        'This {{query}} runs in a request handler with no row limit: it returns every matching row, so as the table grows each request reads more into memory and holds its connection longer.',
      uncappedLimit:
        'This limit comes from the request ({{source}}) with no upper bound: a client can send `limit=1000000` and read the whole table in one request.',
      addLimit: 'Limit the query to {{limit}} rows with `{{code}}`.',
      capLimit: 'Cap the limit at {{max}} with `Math.min(…, {{max}})`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          defaultLimit: {
            type: 'integer',
            minimum: 1,
            description: 'The row limit the "add a limit" suggestion writes (`take`, `limit`, `.limit(n)`, `LIMIT n`).',
          },
          maxLimit: {
            type: 'integer',
            minimum: 1,
            description: 'The upper bound the "cap the limit" suggestion writes around a limit taken from the request.',
          },
          routeHandlersOnly: {
            type: 'boolean',
            description:
              'Only report missing limits in route handlers of the file (Express, NestJS, Next.js) and in the functions of the same file they call. Set to false to check every list query, e.g. in service or repository files.',
          },
          ignoreModels: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Tables or models (compared case-insensitively) that are small by design and may be listed whole, e.g. `countries`, `Role`.',
          },
          uniqueColumns: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Columns besides `id` whose equality in a SQL WHERE clause selects at most one row (`WHERE email = $1`), so the query is a lookup, not a list.',
          },
        },
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
  },
  create(context, [given]) {
    const options = { ...DEFAULT_OPTIONS, ...given };
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const ignoredModels = new Set(options.ignoreModels.map((name) => name.toLowerCase()));
    // Compiled on the first unbounded SQL list read: most files have none.
    let uniqueLookup: RegExp | null | undefined;
    const candidates: (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] = [];
    const localCalls: { caller: FunctionNode; callee: TSESTree.Node }[] = [];
    const handlerShaped: FunctionNode[] = [];
    let tracker: RequestInputTracker | undefined;

    function collect(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void {
      // A call in the middle of a chain is at most a Redis pipeline step, never a list read with a
      // limit to check: most calls are dropped here without being classified.
      if (!continuesChain(node)) candidates.push(node);
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = unwrapExpression(node.callee);
      const caller = enclosingFunction(node);
      if (!caller) return;
      if (callee.type === AST_NODE_TYPES.Identifier) localCalls.push({ caller, callee });
      else if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) localCalls.push({ caller, callee });
    }

    return {
      CallExpression: collect,
      TaggedTemplateExpression: collect,
      ':function'(node: FunctionNode) {
        if (options.routeHandlersOnly && hasHandlerSignature(node)) handlerShaped.push(node);
      },
      'Program:exit'() {
        const dataAccess = getDataAccess(sourceCode);
        const handlers = options.routeHandlersOnly ? requestFunctions() : undefined;
        let readsInput: boolean | undefined;
        let results: QueryResults | undefined;
        for (const node of candidates) {
          const inHandler = handlers === undefined || runsIn(node, handlers);
          // Outside the handlers only a limit taken from the request is reported: in a file where
          // no function receives a request (most service code), such calls are not classified.
          if (!inHandler && !(readsInput ??= fileMayReadRequestInput(sourceCode))) continue;
          const call = dataAccess.classifyCall(node);
          if (!call || call.node !== node) continue;
          if (inHandler && isUnboundedList(call)) {
            results ??= new QueryResults(sourceCode, dataAccess);
            if (!results.readsFirstRowOnly(call)) reportMissingLimit(call);
          }
          checkUserLimit(call);
        }
      },
    };

    /** Route handlers of this file and the functions of this file they call (a few levels deep). */
    function requestFunctions(): Set<FunctionNode> {
      const found = new Set<FunctionNode>(handlerShaped);
      for (const route of getRouteModel(context).routes) if (route.handlerFunction) found.add(route.handlerFunction);
      let frontier: ReadonlySet<FunctionNode> = new Set(found);
      for (let depth = 0; depth < MAX_CALL_DEPTH && frontier.size > 0; depth += 1) {
        const next = new Set<FunctionNode>();
        for (const { caller, callee } of localCalls) {
          if (!frontier.has(caller) && !runsIn(caller, frontier)) continue;
          const target = resolveLocalFunction(callee);
          if (target && !found.has(target)) {
            found.add(target);
            next.add(target);
          }
        }
        frontier = next;
      }
      return found;
    }

    function resolveLocalFunction(callee: TSESTree.Node): FunctionNode | undefined {
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
        if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
          const init = unwrapExpression(def.node.init);
          return isFunctionNode(init) ? init : undefined;
        }
        return undefined;
      }
      // `this.listMessages()` inside a controller: a method of the same class.
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const name = getMemberName(callee);
      let current: TSESTree.Node | undefined = callee.parent;
      while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
      if (!current || name === undefined) return undefined;
      for (const member of current.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
          return member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : undefined;
        }
      }
      return undefined;
    }

    /** A list read with no limit that is not exempt (batched, grouped, locking, streamed, an ignored model, a unique lookup). */
    function isUnboundedList(call: DbCall): boolean {
      if (call.kind !== 'read' || call.isList !== true || call.hasLimit !== false) return false;
      if (call.library === 'redis' || call.library === 'repository' || call.isBatched === true) return false;
      if (call.model !== undefined && ignoredModels.has(call.model.toLowerCase())) return false;
      const chain = chainMethodNames(call.node);
      if (chain.has('groupBy') || chain.has('cursor') || chain.has('stream') || chain.has('distinct') || chain.has('forUpdate') || chain.has('forShare')) return false;
      if (call.method === 'groupBy' || call.method === 'distinct' || call.method === 'stream') return false;
      if (call.sql !== undefined) {
        // A LIMIT in a subquery or CTE (`SELECT * FROM (SELECT … LIMIT 10) t`) bounds it in practice.
        if (/\bGROUP\s+BY\b|\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE)\b|\bLIMIT\b|\bFETCH\s+(?:FIRST|NEXT)\b/i.test(call.sql)) return false;
        uniqueLookup ??= options.uniqueColumns.length > 0 ? uniqueColumnPattern(options.uniqueColumns) : null;
        if (uniqueLookup && isUniqueLookup(call.sql, uniqueLookup)) return false;
      }
      if (call.library === 'mongoose' && call.method === 'aggregate' && groupsDocuments(call.node)) return false;
      return true;
    }

    function reportMissingLimit(call: DbCall): void {
      const query = describeQuery(call);
      const suggestion = limitSuggestion(call);
      context.report({
        node: call.node,
        loc: reportLocation(call),
        messageId: 'missingLimit',
        data: { query },
        ...(suggestion
          ? { suggest: [{ messageId: 'addLimit' as const, data: { limit: String(options.defaultLimit), code: suggestion.code }, fix: suggestion.fix }] }
          : {}),
      });
    }

    function checkUserLimit(call: DbCall): void {
      const limit = call.limit;
      if (!limit) return;
      const source = uncappedSource(limit, 0);
      if (!source) return;
      const max = String(options.maxLimit);
      context.report({
        node: limit,
        messageId: 'uncappedLimit',
        data: { source: source.label },
        suggest: [
          {
            messageId: 'capLimit',
            data: { max },
            fix: (fixer) => {
              const property = limit.parent;
              if (property?.type === AST_NODE_TYPES.Property && property.shorthand && property.value === limit) {
                return fixer.replaceText(property, `${sourceCode.getText(property.key)}: Math.min(${sourceCode.getText(limit)}, ${max})`);
              }
              return fixer.replaceText(limit, `Math.min(${sourceCode.getText(limit)}, ${max})`);
            },
          },
        ],
      });
    }

    /**
     * The request input a limit comes from when nothing bounds it on the way: through `Number()`,
     * `parseInt()`, `+x`, `x || 20`, `x ?? 20`, TS casts, `const`s and the calls the request-input
     * tracker passes through (`searchParams.get('limit')`). `Math.min(…)`, a comparison
     * (`x > 100 ? 100 : x`, `if (limit > 100) …` before the use) or any other call (a schema, a
     * helper) counts as a cap.
     */
    function uncappedSource(node: TSESTree.Node, depth: number): RequestInputSource | undefined {
      if (depth > 8) return undefined;
      const target = unwrapExpression(node);
      switch (target.type) {
        case AST_NODE_TYPES.CallExpression: {
          const name = getDottedName(target.callee);
          // Anything else is request input only if the tracker says so (`searchParams.get('limit')`,
          // `.trim()`); a schema, `Math.min` or a helper of yours ends the trail.
          if (name === undefined || !NUMERIC_WRAPPERS.has(name)) return requestInput(target);
          const values = name === 'Math.max' ? target.arguments : target.arguments.slice(0, 1);
          for (const value of values) {
            const found = uncappedSource(value, depth + 1);
            if (found) return found;
          }
          return undefined;
        }
        case AST_NODE_TYPES.UnaryExpression:
          return target.operator === '+' ? uncappedSource(target.argument, depth + 1) : undefined;
        case AST_NODE_TYPES.LogicalExpression:
          return uncappedSource(target.left, depth + 1) ?? uncappedSource(target.right, depth + 1);
        case AST_NODE_TYPES.ConditionalExpression:
          if (isComparison(target.test)) return undefined;
          return uncappedSource(target.consequent, depth + 1) ?? uncappedSource(target.alternate, depth + 1);
        case AST_NODE_TYPES.Identifier: {
          const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
          if (!variable) return undefined;
          if (writeCount(variable) > 1) return undefined; // `if (limit > 100) limit = 100`
          if (isComparedBefore(target, variable)) return undefined;
          const def = variable.defs[0];
          if (def?.type === 'Variable' && def.node.init) {
            if (def.node.id.type === AST_NODE_TYPES.Identifier) return uncappedSource(def.node.init, depth + 1);
            // `const { limit = 20 } = req.query`: the value comes out of what is destructured.
            return requestInput(def.node.init);
          }
          return requestInput(target);
        }
        case AST_NODE_TYPES.MemberExpression:
          return requestInput(target);
        default:
          return undefined;
      }
    }

    function requestInput(node: TSESTree.Node): RequestInputSource | undefined {
      tracker ??= new RequestInputTracker(sourceCode);
      return tracker.getSource(node);
    }

    /** Whether an `if` before `use`, in the blocks around it, compares the variable (`if (limit > 100) return …`). */
    function isComparedBefore(use: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
      let child: TSESTree.Node = use;
      let parent = use.parent;
      while (parent) {
        if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
          for (const statement of parent.body) {
            if (statement === child) break;
            if (statement.type === AST_NODE_TYPES.IfStatement && comparesVariable(statement.test, variable)) return true;
          }
        }
        if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test && comparesVariable(parent.test, variable)) {
          return true;
        }
        child = parent;
        parent = parent.parent;
      }
      return false;
    }

    function comparesVariable(test: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
      const target = unwrapExpression(test);
      if (target.type === AST_NODE_TYPES.LogicalExpression) return comparesVariable(target.left, variable) || comparesVariable(target.right, variable);
      if (target.type === AST_NODE_TYPES.UnaryExpression) return comparesVariable(target.argument, variable);
      if (!isComparison(target) || target.type !== AST_NODE_TYPES.BinaryExpression) return false;
      return [target.left, target.right].some((side) => {
        const operand = unwrapExpression(side);
        return operand.type === AST_NODE_TYPES.Identifier && ASTUtils.findVariable(sourceCode.getScope(operand), operand) === variable;
      });
    }

    function limitSuggestion(call: DbCall): { code: string; fix: TSESLint.ReportFixFunction } | undefined {
      const limit = String(options.defaultLimit);
      const key = LIMIT_OPTION[`${call.library}:${call.method}`];
      const node = call.node;
      if (key !== undefined && node.type === AST_NODE_TYPES.CallExpression) {
        const [first] = node.arguments;
        if (!first) {
          const closing = sourceCode.getLastToken(node);
          return closing ? { code: `${key}: ${limit}`, fix: (fixer) => fixer.insertTextBefore(closing, `{ ${key}: ${limit} }`) } : undefined;
        }
        const object = unwrapExpression(first);
        if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
        return { code: `${key}: ${limit}`, fix: (fixer) => setObjectProperties(fixer, sourceCode, object, { [key]: limit }) };
      }
      if (call.sql !== undefined && call.sqlNode) return sqlLimitSuggestion(call.sqlNode, limit);
      return builderLimitSuggestion(call, limit);
    }

    /** `.limit(n)` after the query (Drizzle, Knex), after `find(…)` (Mongoose), or `.take(n)` before `getMany()` (TypeORM). */
    function builderLimitSuggestion(call: DbCall, limit: string): { code: string; fix: TSESLint.ReportFixFunction } | undefined {
      const node = call.node;
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      if (call.library === 'drizzle' && call.method !== 'findMany') return { code: `.limit(${limit})`, fix: (fixer) => fixer.insertTextAfter(node, `.limit(${limit})`) };
      if (call.library === 'knex') return { code: `.limit(${limit})`, fix: (fixer) => fixer.insertTextAfter(node, `.limit(${limit})`) };
      if (call.library === 'mongoose' && call.method === 'find') {
        const find = findChainCall(node, 'find');
        return find ? { code: `.limit(${limit})`, fix: (fixer) => fixer.insertTextAfter(find, `.limit(${limit})`) } : undefined;
      }
      if (call.library === 'typeorm' && (call.method === 'getMany' || call.method === 'getRawMany')) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const object = callee.object;
        return { code: `.take(${limit})`, fix: (fixer) => fixer.insertTextAfter(object, `.take(${limit})`) };
      }
      return undefined;
    }

    /** ` LIMIT n` at the end of an inline SQL literal or template that ends in static text. */
    function sqlLimitSuggestion(sqlNode: TSESTree.Node, limit: string): { code: string; fix: TSESLint.ReportFixFunction } | undefined {
      const target = unwrapExpression(sqlNode);
      let raw: string;
      let start: number;
      if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') {
        raw = sourceCode.getText(target).slice(1, -1);
        start = target.range[0] + 1;
      } else if (target.type === AST_NODE_TYPES.TemplateLiteral) {
        const last = target.quasis[target.quasis.length - 1];
        if (!last) return undefined;
        raw = last.value.raw;
        start = last.range[1] - 1 - raw.length;
      } else if (target.type === AST_NODE_TYPES.TaggedTemplateExpression) {
        const last = target.quasi.quasis[target.quasi.quasis.length - 1];
        if (!last) return undefined;
        raw = last.value.raw;
        start = last.range[1] - 1 - raw.length;
      } else {
        return undefined;
      }
      const trimmed = raw.replace(/[\s;]*$/u, '');
      if (/\bOFFSET\b/i.test(trimmed)) return undefined; // MySQL wants LIMIT before OFFSET
      const at = start + trimmed.length;
      return { code: `LIMIT ${limit}`, fix: (fixer) => fixer.insertTextAfterRange([at, at], ` LIMIT ${limit}`) };
    }

    /** Where to point: the method name of the query (`findMany`, `query`, `select`), or the tag of a template. */
    function reportLocation(call: DbCall): TSESTree.SourceLocation {
      const node = call.node;
      if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return node.tag.loc;
      if (call.library === 'knex') return innermostCall(node).loc; // `knex('orders')`
      const names = call.method === 'sql' ? [] : [call.method, 'query', 'execute'];
      for (const name of names) {
        const found = findChainCall(node, name);
        if (found && found.type === AST_NODE_TYPES.CallExpression) {
          const callee = unwrapExpression(found.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression) return callee.property.loc;
        }
      }
      return node.loc;
    }

    function isUniqueLookup(sql: string, pattern: RegExp): boolean {
      const where = /\bWHERE\b([^]*)$/i.exec(sql)?.[1];
      return where !== undefined && pattern.test(where) && !/\bOR\b/i.test(where);
    }

    function groupsDocuments(node: TSESTree.Node): boolean {
      const find = findChainCall(node, 'aggregate');
      const stages = find?.type === AST_NODE_TYPES.CallExpression ? find.arguments[0] : undefined;
      if (stages?.type !== AST_NODE_TYPES.ArrayExpression) return true;
      return stages.elements.some(
        (stage) => stage?.type === AST_NODE_TYPES.ObjectExpression && GROUPING_STAGES.some((name) => findProperty(stage, name) !== undefined),
      );
    }
  },
});

/** How a message names a query: `` `SELECT` on `messages` ``, `` `findMany` on `user` ``, `` Knex query on `orders` ``. */
function describeQuery(call: DbCall): string {
  const on = call.model === undefined ? '' : ` on \`${call.model}\``;
  if (call.command !== undefined) return `\`${call.command}\`${on}`;
  if (call.library === 'knex') return `Knex query${on}`;
  return `\`${call.method}\`${on}`;
}

/**
 * An Express-style handler by its parameters, wherever it is registered (controllers kept in their
 * own file): `(req, res)`, `(req, res, next)`, `(request, reply)`, or parameters typed `Request` and
 * `Response` (`NextApiRequest`, `FastifyReply`…).
 */
function hasHandlerSignature(fn: FunctionNode): boolean {
  const [request, response] = fn.params;
  if (request?.type !== AST_NODE_TYPES.Identifier || response?.type !== AST_NODE_TYPES.Identifier) return false;
  return isNamedOrTyped(request, /^req(?:uest)?$/u, /Request$/u) && isNamedOrTyped(response, /^(?:res|response|reply)$/u, /(?:Response|Reply)$/u);
}

function isNamedOrTyped(parameter: TSESTree.Identifier, name: RegExp, type: RegExp): boolean {
  const annotation = parameter.typeAnnotation?.typeAnnotation;
  const typeName = typeReferenceName(annotation);
  if (typeName !== undefined) return type.test(typeName);
  return annotation === undefined && name.test(parameter.name);
}

/** `WHERE email = $1`, `u.username = ?`, `"slug" = :slug`. */
function uniqueColumnPattern(columns: readonly string[]): RegExp {
  const names = columns.map((column) => column.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
  return new RegExp(`(?:^|[\\s(])(?:\\w+\\.)?["\`]?(?:${names})["\`]?\\s*=\\s*(?:\\$\\d+|\\?|:\\w+|@\\w+|\\$\\{…\\})`, 'iu');
}

/** Assignments to a variable; a destructuring default (`{ limit = 20 } = req.query`) is part of its declaration. */
function writeCount(variable: TSESLint.Scope.Variable): number {
  return new Set(variable.references.filter((reference) => reference.isWrite()).map((reference) => reference.identifier)).size;
}

function isComparison(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  return target.type === AST_NODE_TYPES.BinaryExpression && ['<', '>', '<=', '>='].includes(target.operator);
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}

function runsIn(node: TSESTree.Node, functions: ReadonlySet<FunctionNode>): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && functions.has(current)) return true;
  }
  return false;
}

/** The first call of a builder chain: `knex('orders')` in `knex('orders').where(…).select()`. */
function innermostCall(node: TSESTree.CallExpression): TSESTree.CallExpression {
  let current = node;
  for (let step = 0; step < 40; step += 1) {
    const callee = unwrapExpression(current.callee);
    const inner = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
    if (inner?.type !== AST_NODE_TYPES.CallExpression) return current;
    current = inner;
  }
  return current;
}

/** The call named `name` along the builder chain that ends at `node`. */
function findChainCall(node: TSESTree.Node, name: string): TSESTree.CallExpression | undefined {
  let current = unwrapExpression(node);
  for (let step = 0; step < 40; step += 1) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    if (getMemberName(callee) === name) return current;
    current = unwrapExpression(callee.object);
  }
  return undefined;
}
