import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getMemberName, getRootIdentifier, isFunctionNode, resolveLocalFunction, someNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { insertImport } from '../util/fix.js';
import { getRequireSource } from '../util/modules.js';
import { getRouteModel } from '../util/routes.js';

export type Options = [
  {
    expressVersion: 4 | 5;
    wrappers: string[];
    asyncHandlerModule: string;
    asyncHandlerExport: string;
  },
];
export type MessageIds = 'asyncHandler' | 'promiseHandler' | 'wrapHandler';

/** A handler's own nodes: not its type annotations, nor the functions it defines (they run later, if at all). */
const OWN_NODES = { skipTypes: true, skipFunctions: true } as const;

/** Wrapper names the suggestion reuses when the file imports or declares one. */
const WRAPPER_NAMES = ['asyncHandler', 'expressAsyncHandler', 'catchAsync', 'catchAsyncErrors', 'asyncWrap', 'wrapAsync', 'asyncMiddleware', 'catchErrors'];

/** Imports that make Express forward rejections itself, for the routers of the file. */
const PATCHING_MODULES = ['express-async-errors', 'express-promise-router'];

/** Frameworks that await their handlers: a file using one is not an Express 4 file. */
const OTHER_FRAMEWORKS = ['fastify', 'fastify-plugin', 'koa', '@koa/router', 'koa-router', 'hono', 'restify', '@hapi/hapi', 'h3', 'elysia'];
const OTHER_FRAMEWORK_SCOPES = ['@fastify/', '@hono/'];

/** Parameter names of non-Express handlers: Fastify `(request, reply)`, hapi `(request, h)`, Koa/Hono `(ctx, next)` / `(c)`. */
const REPLY_PARAMETERS = ['reply', 'h'];
const CONTEXT_PARAMETERS = ['ctx', 'c', 'context'];

export default createRule<Options, MessageIds>({
  name: 'require-async-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require async Express 4 route handlers and middleware to pass rejections to `next`',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-755',
    },
    hasSuggestions: true,
    messages: {
      asyncHandler:
        'Express 4 ignores the promise this async handler returns: when it rejects, the error never reaches your error middleware, the request hangs until the client gives up, and the rejection goes unhandled.',
      promiseHandler:
        'This handler returns a promise chain with no `.catch`: Express 4 ignores the promise, so a rejection never reaches your error middleware and the request hangs.',
      wrapHandler: 'Wrap the handler in `{{wrapper}}(…)` so a rejection is passed to `next`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          expressVersion: {
            type: 'integer',
            enum: [4, 5],
            description: 'The Express major version: 5 forwards rejected promises to the error middleware itself, so the rule reports nothing.',
          },
          wrappers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Names of your own async wrappers, tried before the built-in names when the suggestion looks for a wrapper the file imports or declares.',
          },
          asyncHandlerModule: {
            type: 'string',
            description:
              "Module the suggestion imports the wrapper from when the file has none (e.g. `'express-async-handler'` or `'@/middleware/async-handler'`); empty: no import is added and the suggestion is offered only where a wrapper is in scope.",
          },
          asyncHandlerExport: {
            type: 'string',
            description: "The wrapper's export in `asyncHandlerModule`: a named export, or `'default'` (imported as `asyncHandler`).",
          },
        },
      },
    ],
    defaultOptions: [{ expressVersion: 4, wrappers: [], asyncHandlerModule: '', asyncHandlerExport: 'asyncHandler' }],
  },
  create(context, [options]) {
    if (options.expressVersion === 5) return {};
    const sourceCode = context.sourceCode;

    /** A wrapper the suggestion can call at `node`: one in scope, else the configured import. */
    function findWrapper(node: TSESTree.Node): { name: string; fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] } | undefined {
      const scope = sourceCode.getScope(node);
      for (const name of [...options.wrappers, ...WRAPPER_NAMES]) {
        const variable = ASTUtils.findVariable(scope, name);
        const def = variable?.defs[0];
        if (!def) continue;
        if (def.type === 'ImportBinding' || def.type === 'FunctionName' || (def.type === 'Variable' && def.node.init !== null)) {
          return { name, fix: () => [] };
        }
      }
      if (options.asyncHandlerModule === '') return undefined;
      const isDefault = options.asyncHandlerExport === 'default';
      const name = isDefault ? 'asyncHandler' : options.asyncHandlerExport;
      // A binding of that name that is not the wrapper would be shadowed or clash.
      if (ASTUtils.findVariable(scope, name)) return undefined;
      const spec = isDefault
        ? { source: options.asyncHandlerModule, defaultName: name }
        : { source: options.asyncHandlerModule, named: name };
      return { name, fix: (fixer) => insertImport(fixer, sourceCode, spec) };
    }

    function check(node: TSESTree.Node, reported: Set<TSESTree.Node>): void {
      const target = unwrapExpression(node);
      if (reported.has(target)) return;
      const fn = resolveLocalFunction(target, sourceCode);
      if (!fn || isOtherFrameworkHandler(fn)) return;
      let messageId: 'asyncHandler' | 'promiseHandler';
      if (fn.async) {
        if (handlesOwnErrors(fn)) return;
        messageId = 'asyncHandler';
      } else if (returnsUncaughtChain(fn)) {
        messageId = 'promiseHandler';
      } else {
        return;
      }
      reported.add(target);
      const wrapper = findWrapper(target);
      context.report({
        node: target,
        loc: isFunctionNode(target) ? headLoc(target) : target.loc,
        messageId,
        suggest: wrapper
          ? [
              {
                messageId: 'wrapHandler',
                data: { wrapper: wrapper.name },
                fix: (fixer) => [...wrapper.fix(fixer), fixer.replaceText(target, `${wrapper.name}(${sourceCode.getText(target)})`)],
              },
            ]
          : [],
      });
    }

    /** `async (req, res) =>`: from the start of the function to its arrow (or closing parenthesis). */
    function headLoc(fn: FunctionNode): TSESTree.SourceLocation {
      const before =
        fn.type === AST_NODE_TYPES.ArrowFunctionExpression
          ? sourceCode.getTokenBefore(fn.body, { filter: (token) => token.value === '=>' })
          : sourceCode.getTokenBefore(fn.body);
      return { start: fn.loc.start, end: before?.loc.end ?? fn.loc.end };
    }

    return {
      'Program:exit'() {
        const model = getRouteModel(context);
        // Most files register nothing: the import scan is for those that do.
        if (model.uses.length === 0 && !model.routes.some((route) => route.framework === 'express')) return;
        if (fileOptsOut(sourceCode)) return;
        const reported = new Set<TSESTree.Node>();
        for (const route of model.routes) {
          if (route.framework !== 'express') continue;
          for (const middleware of route.middleware) check(middleware, reported);
          if (route.handler) check(route.handler, reported);
        }
        for (const use of model.uses) {
          for (const middleware of use.middleware) check(middleware, reported);
        }
      },
    };
  },
});


/** Whether the file patches Express for promises or belongs to another framework. */
function fileOptsOut(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (const statement of sourceCode.ast.body) {
    const sources: string[] = [];
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) sources.push(statement.source.value);
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const source = getRequireSource(statement.expression);
      if (source !== undefined) sources.push(source);
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const source = declarator.init ? getRequireSource(declarator.init) : undefined;
        if (source !== undefined) sources.push(source);
      }
    }
    for (const source of sources) {
      if (PATCHING_MODULES.includes(source) || OTHER_FRAMEWORKS.includes(source)) return true;
      if (OTHER_FRAMEWORK_SCOPES.some((scope) => source.startsWith(scope))) return true;
    }
  }
  return false;
}

function parameterName(fn: FunctionNode, index: number): string | undefined {
  const param = fn.params[index];
  if (!param) return undefined;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
}

function isOtherFrameworkHandler(fn: FunctionNode): boolean {
  const second = parameterName(fn, 1);
  if (second !== undefined && REPLY_PARAMETERS.includes(second)) return true;
  const first = parameterName(fn, 0);
  return fn.params.length <= 2 && first !== undefined && CONTEXT_PARAMETERS.includes(first);
}

/** `(req, res, next)` or, for error middleware, `(err, req, res, next)`: the names to look for in a catch. */
function responseAndNext(fn: FunctionNode): { res: string | undefined; next: string | undefined } {
  const offset = fn.params.length >= 4 ? 1 : 0;
  return { res: parameterName(fn, 1 + offset), next: parameterName(fn, 2 + offset) };
}

/**
 * Whether an async handler already turns its failures into a response: every statement is either a
 * `try` whose `catch` responds or calls `next` (and neither rethrows nor awaits), or synchronous
 * code that neither awaits, throws, nor returns an unawaited call (`const parsed = schema.safeParse(req.body)`,
 * `if (!parsed.success) return res.status(400).end()`). Such code could still throw by accident; that
 * risk is accepted for precision.
 */
function handlesOwnErrors(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const names = responseAndNext(fn);
  let tries = 0;
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.TryStatement) {
      if (!catchHandles(statement, names)) return false;
      tries += 1;
    } else if (!isTriviallySafe(statement, names)) {
      return false;
    }
  }
  return tries > 0;
}

function catchHandles(statement: TSESTree.TryStatement, names: { res: string | undefined; next: string | undefined }): boolean {
  const handler = statement.handler;
  if (!handler) return false;
  if (someNode(handler.body, (node) => node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AwaitExpression, OWN_NODES)) return false;
  if (statement.finalizer && someNode(statement.finalizer, (node) => node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AwaitExpression, OWN_NODES)) {
    return false;
  }
  // `return fetchX()` inside the try returns the promise unawaited: the catch never sees its rejection.
  if (someNode(statement.block, (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && isUnawaitedCall(node.argument, names), OWN_NODES)) {
    return false;
  }
  return someNode(handler.body, (node) => node.type === AST_NODE_TYPES.CallExpression && isResponseOrNextCall(node, names), OWN_NODES);
}

function isResponseOrNextCall(node: TSESTree.CallExpression, names: { res: string | undefined; next: string | undefined }): boolean {
  const root = getRootIdentifier(node.callee);
  return root !== undefined && (root.name === names.res || root.name === names.next);
}

function isUnawaitedCall(node: TSESTree.Node, names: { res: string | undefined; next: string | undefined }): boolean {
  const target = unwrapExpression(node);
  return target.type === AST_NODE_TYPES.CallExpression && !isResponseOrNextCall(target, names);
}

function isTriviallySafe(statement: TSESTree.Statement, names: { res: string | undefined; next: string | undefined }): boolean {
  return !someNode(statement, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.TryStatement:
        return true;
      case AST_NODE_TYPES.ForOfStatement:
        return node.await;
      case AST_NODE_TYPES.ReturnStatement:
        return node.argument !== null && isUnawaitedCall(node.argument, names);
      default:
        return false;
    }
  }, OWN_NODES);
}

/** A non-async handler that returns `.then(…)` with no `.catch` / rejection callback after it. */
function returnsUncaughtChain(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isUncaughtChain(fn.body);
  return someNode(fn.body, (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && isUncaughtChain(node.argument), OWN_NODES);
}

function isUncaughtChain(node: TSESTree.Node): boolean {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = getMemberName(callee);
    if (name === 'catch') return false;
    if (name === 'then') return current.arguments.length < 2;
    if (name !== 'finally') return false;
    current = unwrapExpression(callee.object);
  }
  return false;
}
