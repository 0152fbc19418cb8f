import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  enclosingClassBody,
  type FunctionNode,
  getDottedName,
  getEnclosingFunction,
  getMemberName,
  getPropertyKeyName,
  isFunctionNode,
  resolveLocalFunction,
  unwrapExpression,
} from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import {
  CALL,
  CONSTRUCT,
  InstanceSet,
  isLocalModule,
  resolveImportBinding,
  trackImplicitGlobalReferences,
  trackModuleReferences,
  type TraceMap,
  type TraceNode,
} from '../util/modules.js';
import { getRouteModel } from '../util/routes.js';

export type Options = [
  {
    promiseFunctions: string[];
  },
];
export type MessageIds = 'floatingPromise' | 'thenWithoutCatch' | 'addAwait' | 'addCatch';

/** What a tracked reference makes: a promise right away, or a client whose methods return promises. */
type Kind = 'promise' | 'axiosInstance' | 'sqlClient' | 'prisma' | 'sdk';
type ClientKind = Exclude<Kind, 'promise'>;

const calls = <T>(names: readonly string[], info: T): Record<string, TraceNode<T>> =>
  Object.fromEntries(names.map((name) => [name, { [CALL]: info }]));

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const FS_PROMISE_FUNCTIONS = [
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'link', 'lstat', 'mkdir', 'mkdtemp', 'open', 'readdir',
  'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
];

const TRACE_MAP: TraceMap<Kind> = {
  axios: { [CALL]: 'promise', ...calls(HTTP_METHODS, 'promise' as const), create: { [CALL]: 'axiosInstance' } },
  got: { [CALL]: 'promise', ...calls(HTTP_METHODS, 'promise' as const) },
  'node-fetch': { [CALL]: 'promise' },
  undici: calls(['fetch', 'request'], 'promise' as const),
  'fs/promises': calls(FS_PROMISE_FUNCTIONS, 'promise' as const),
  fs: { promises: calls(FS_PROMISE_FUNCTIONS, 'promise' as const) },
  'timers/promises': calls(['setTimeout', 'setImmediate'], 'promise' as const),
  pg: { Pool: { [CONSTRUCT]: 'sqlClient' }, Client: { [CONSTRUCT]: 'sqlClient' } },
  'mysql2/promise': calls(['createPool', 'createConnection'], 'sqlClient' as const),
  '@prisma/client': { PrismaClient: { [CONSTRUCT]: 'prisma' } },
  openai: { [CONSTRUCT]: 'sdk', OpenAI: { [CONSTRUCT]: 'sdk' } },
  '@anthropic-ai/sdk': { [CONSTRUCT]: 'sdk', Anthropic: { [CONSTRUCT]: 'sdk' } },
};

const GLOBAL_MAP: TraceMap<Kind> = {
  fetch: { [CALL]: 'promise' },
  Promise: calls(['all', 'race', 'any'], 'promise' as const),
};

/** Methods of SQL clients that return a promise when called without a callback. */
const SQL_METHODS = ['query', 'execute', 'connect', 'end'];
const PRISMA_CLIENT_METHODS = ['$transaction', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe', '$connect', '$disconnect'];
const PRISMA_MODEL_METHODS = [
  'findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'create', 'createMany', 'createManyAndReturn',
  'update', 'updateMany', 'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy',
];
/** Final methods of OpenAI / Anthropic resources (`openai.chat.completions.create`). */
const SDK_METHODS = ['create', 'createAndPoll', 'generate', 'retrieve', 'list', 'update', 'del', 'delete', 'upload', 'edit'];

const SQL_TEXT = /^\s*(?:select|insert|update|delete|with|merge|upsert|call|truncate|replace)\b/iu;

export default createRule<Options, MessageIds>({
  name: 'no-fire-and-forget',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow promises that request handlers start and drop without awaiting or catching them',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-252',
    },
    hasSuggestions: true,
    messages: {
      floatingPromise:
        '`{{name}}(…)` starts a promise that is neither awaited, returned nor caught: if it fails, the client has already been told it worked, the error is lost, and the unhandled rejection can crash the process.',
      thenWithoutCatch:
        'This `.then()` chain has no `.catch()`: if it rejects, the error is lost and the unhandled rejection can crash the process.',
      addAwait: 'Await it, so a failure reaches this handler’s error handling.',
      addCatch: 'Keep it in the background and append a `.catch()` that logs the failure.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          promiseFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Functions and methods of your code base that return promises: a plain name matches the last segment of the callee (`sendEmail`), a dotted one its end (`mailer.send` matches `this.mailer.send`).',
          },
        },
      },
    ],
    defaultOptions: [{ promiseFunctions: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const isTypeScript = /\.[cm]?tsx?$/u.test(context.filename);
    const statements: TSESTree.ExpressionStatement[] = [];

    return {
      // Only calls can be dropped promises; `void x`, `await x` and assignments are handled or explicit.
      'ExpressionStatement[expression.type=/^(?:CallExpression|ChainExpression|TSAsExpression|TSNonNullExpression)$/]'(node: TSESTree.ExpressionStatement) {
        statements.push(node);
      },
      'Program:exit'() {
        if (statements.length === 0) return;
        const handlers = collectHandlers();
        if (handlers.size === 0) return;
        const inHandlers = statements.filter((statement) => isInside(statement, handlers));
        if (inHandlers.length === 0) return;

        const references = [...trackModuleReferences(sourceCode, TRACE_MAP), ...trackImplicitGlobalReferences(sourceCode, GLOBAL_MAP)];
        const promiseCalls = new Set(references.filter((reference) => reference.info === 'promise').map((reference) => reference.node));
        const clients = new Map<ClientKind, InstanceSet>();
        for (const kind of ['axiosInstance', 'sqlClient', 'prisma', 'sdk'] as const) {
          clients.set(kind, new InstanceSet(sourceCode, references.filter((reference) => reference.info === kind).map((reference) => reference.node)));
        }

        const isPromiseCall = (call: TSESTree.CallExpression): boolean =>
          promiseCalls.has(call) || isLocalAsyncCall(call) || isClientCall(call, clients) || isLocalSqlCall(call) || isConfiguredCall(call);

        for (const statement of inHandlers) {
          const expression = statement.expression;
          const found = classify(expression, isPromiseCall);
          if (!found) continue;
          report(expression, found);
        }
      },
    };

    function collectHandlers(): Set<FunctionNode> {
      const model = getRouteModel(context);
      const handlers = new Set<FunctionNode>();
      const add = (node: TSESTree.Node | undefined): void => {
        const fn = node ? resolveHandlerFunction(node) : undefined;
        if (fn) handlers.add(fn);
      };
      for (const route of model.routes) {
        if (route.handlerFunction) handlers.add(route.handlerFunction);
        for (const middleware of route.framework === 'express' ? route.middleware : []) add(middleware);
      }
      for (const use of model.uses) for (const middleware of use.middleware) add(middleware);
      return handlers;
    }

    /** A handler or middleware written in this file: inline, wrapped (`asyncHandler(fn)`), or a local function. */
    function resolveHandlerFunction(node: TSESTree.Node, depth = 0): FunctionNode | undefined {
      const target = unwrapExpression(node);
      if (isFunctionNode(target)) return target;
      if (depth > 3) return undefined;
      if (target.type === AST_NODE_TYPES.CallExpression) {
        const first = target.arguments[0];
        return first ? resolveHandlerFunction(first, depth + 1) : undefined;
      }
      if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
      return localFunction(target);
    }

    function localFunction(identifier: TSESTree.Identifier): FunctionNode | undefined {
      return resolveLocalFunction(identifier, sourceCode);
    }

    /** `save(x)` where `save` is an async function of this file, or `this.save(x)` an async method of the enclosing class. */
    function isLocalAsyncCall(call: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return localFunction(callee)?.async === true;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return false;
      const name = getMemberName(callee);
      const classBody = enclosingClassBody(call);
      if (name === undefined || !classBody) return false;
      return classBody.body.some((member) => {
        if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) return false;
        if (member.static || getPropertyKeyName(member) !== name) return false;
        const value = member.value ? unwrapExpression(member.value) : undefined;
        return isFunctionNode(value) && value.async;
      });
    }

    function report(expression: TSESTree.Expression, found: { messageId: 'floatingPromise' | 'thenWithoutCatch'; call: TSESTree.CallExpression }): void {
      const enclosing = getEnclosingFunction(expression);
      const callee = unwrapExpression(found.call.callee);
      const text = sourceCode.getText(expression);
      const needsParens = !isPostfixable(expression);
      const handler = isTypeScript ? '(error: unknown)' : '(error)';
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      if (enclosing?.async) {
        suggest.push({ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(expression, 'await ') });
      }
      suggest.push({
        messageId: 'addCatch',
        fix: (fixer) => fixer.replaceText(expression, `${needsParens ? `(${text})` : text}.catch(${handler} => console.error(error))`),
      });
      context.report({
        node: expression,
        loc: { start: expression.loc.start, end: callee.loc.end },
        messageId: found.messageId,
        data: { name: getDottedName(callee) ?? 'this call' },
        suggest,
      });
    }

    function isConfiguredCall(call: TSESTree.CallExpression): boolean {
      if (options.promiseFunctions.length === 0) return false;
      const dotted = getDottedName(call.callee);
      if (dotted === undefined) return false;
      const last = dotted.slice(dotted.lastIndexOf('.') + 1);
      return options.promiseFunctions.some((entry) => (entry.includes('.') ? dotted === entry || dotted.endsWith(`.${entry}`) : last === entry));
    }

    function isLocalSqlCall(call: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = getMemberName(callee);
      if (method !== 'query' && method !== 'execute') return false;
      if (call.arguments.some((argument) => isFunctionNode(argument))) return false;
      const object = unwrapExpression(callee.object);
      if (object.type !== AST_NODE_TYPES.Identifier) return false;
      const binding = resolveImportBinding(object, sourceCode.getScope(object));
      if (!binding || !isLocalModule(binding.source)) return false;
      const first = call.arguments[0];
      if (!first) return false;
      const sql =
        first.type === AST_NODE_TYPES.TemplateLiteral
          ? first.quasis.map((quasi) => quasi.value.cooked).join(' ')
          : ASTUtils.getStringIfConstant(first, sourceCode.getScope(first));
      return typeof sql === 'string' && SQL_TEXT.test(sql);
    }
  },
});

/**
 * Whether the dropped expression is a promise left unhandled: `then` for a `.then(f)` with no
 * rejection callback (through trailing `.finally()`), `call` for a known promise-returning call.
 */
function classify(
  node: TSESTree.Node,
  isPromiseCall: (call: TSESTree.CallExpression) => boolean,
): { messageId: 'floatingPromise' | 'thenWithoutCatch'; call: TSESTree.CallExpression } | undefined {
  const target = unwrapExpression(node);
  if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(target.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberName(callee);
    if (name === 'catch') return undefined;
    if (name === 'then') return target.arguments.length >= 2 ? undefined : { messageId: 'thenWithoutCatch', call: target };
    if (name === 'finally') return classify(callee.object, isPromiseCall);
  }
  return isPromiseCall(target) ? { messageId: 'floatingPromise', call: target } : undefined;
}

/** Calls on clients whose methods return promises: `pool.query(sql)`, `prisma.user.create()`, `openai.chat.completions.create()`. */
function isClientCall(call: TSESTree.CallExpression, clients: ReadonlyMap<ClientKind, InstanceSet>): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getMemberName(callee);
  if (method === undefined) return false;
  // Walk the member chain down to the client: `prisma.user.create` → `prisma`, depth 2.
  const path: string[] = [method];
  let object = unwrapExpression(callee.object);
  for (;;) {
    for (const [kind, instances] of clients) {
      if (instances.has(object)) return methodReturnsPromise(kind, path, call);
    }
    if (object.type !== AST_NODE_TYPES.MemberExpression || object.object.type === AST_NODE_TYPES.ThisExpression) return false;
    const name = getMemberName(object);
    if (name === undefined) return false;
    path.unshift(name);
    object = unwrapExpression(object.object);
  }
}

function methodReturnsPromise(kind: ClientKind, path: readonly string[], call: TSESTree.CallExpression): boolean {
  const last = path[path.length - 1] ?? '';
  switch (kind) {
    case 'axiosInstance':
      return path.length === 1 && HTTP_METHODS.includes(last);
    case 'sqlClient':
      // With a callback, node-postgres returns nothing.
      return path.length === 1 && SQL_METHODS.includes(last) && !call.arguments.some((argument) => isFunctionNode(argument));
    case 'prisma':
      return path.length === 1 ? PRISMA_CLIENT_METHODS.includes(last) : path.length === 2 && PRISMA_MODEL_METHODS.includes(last);
    case 'sdk':
      return path.length >= 2 && SDK_METHODS.includes(last);
  }
}

function isInside(node: TSESTree.Node, functions: ReadonlySet<FunctionNode>): boolean {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(current) && functions.has(current)) return true;
    current = current.parent;
  }
  return false;
}


/** Whether `.catch(…)` can be appended without parentheses. */
function isPostfixable(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.ChainExpression;
}
