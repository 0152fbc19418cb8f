import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getDottedName, getMemberName, isFunctionNode, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { LoggingCallMatcher } from '../util/logging.js';
import { BUILTIN_ERROR_CLASSES, getResponsePayload, resolveCaughtError, type ResponsePayload } from '../util/responses.js';

export type Options = [
  {
    genericMessage?: string;
  },
];
export type MessageIds = 'leakedErrorDetails' | 'leakedErrorDetailsUnlogged' | 'useGenericMessage';

/** Properties of an error whose value describes internals (messages, stacks, SQL, request config). */
const LEAKY_PROPERTIES = ['message', 'stack', 'detail', 'hint', 'where', 'sql', 'sqlMessage', 'query', 'parameters', 'config', 'cause'];

/** Functions that turn an error into its text: `Error: <message>`. */
const TO_TEXT = ['String', 'util.format', 'format'];

/** Functions that serialise an error with its fields (and, for `inspect`, its stack). */
const SERIALIZERS = ['JSON.stringify', 'util.inspect', 'inspect', 'serializeError'];

/** Methods whose result still carries the text of the string they are called on. */
const STRING_PASS_THROUGH = ['toString', 'trim', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'split', 'toLowerCase', 'toUpperCase', 'concat', 'padEnd', 'padStart'];

/** Calls that send an error to an error tracker (counts as logging it). */
const ERROR_REPORTERS = ['captureException', 'captureError', 'noticeError', 'notify', 'reportError'];

const PRODUCTION_VALUES = ['production', 'prod'];
const NON_PRODUCTION_VALUES = ['development', 'dev', 'test', 'local'];
const PRODUCTION_FLAG = /^(?:is_?)?prod(?:uction)?(?:_?mode)?$/iu;
const NON_PRODUCTION_FLAG = /^(?:_{0,2}(?:is_?)?(?:dev(?:elopment)?|local|test)(?:_?mode)?_{0,2})$/iu;

/** Error flags that mark a message as written for the client (http-errors' `expose`, the "operational error" convention). */
const USER_FACING_FLAGS = ['expose', 'isOperational'];

interface Leak {
  /** The expression inside the payload that carries the details; replaced by the suggestion. */
  node: TSESTree.Node;
  detail: string;
  variable: TSESLint.Scope.Variable;
}

export default createRule<Options, MessageIds>({
  name: 'no-leaked-error-details',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending error messages, stack traces and raw error objects to the client',
      recommended: true,
      category: 'security',
      cwe: 'CWE-209',
    },
    hasSuggestions: true,
    messages: {
      leakedErrorDetails:
        'This response sends {{detail}} to the client, which tells an attacker about your database, queries, file paths and dependencies: send a generic message and keep the details in your server logs.',
      leakedErrorDetailsUnlogged:
        'This response sends {{detail}} to the client and nothing here logs the error, so attackers learn your internals while you lose the details: log the error server-side and send a generic message.',
      useGenericMessage: 'Send the generic message {{message}} instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          genericMessage: {
            type: 'string',
            description: 'The message the suggestion sends instead of the error details.',
          },
        },
      },
    ],
    defaultOptions: [{ genericMessage: 'Internal server error' }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const genericMessage = options.genericMessage ?? 'Internal server error';
    let logging: LoggingCallMatcher | undefined;

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const response = getResponsePayload(node, sourceCode);
      if (!response || isNonProductionOnly(node)) return;
      for (const payload of response.payloads) {
        for (const leak of findLeaks(payload)) report(leak, response);
      }
    }

    function report(leak: Leak, response: ResponsePayload): void {
      logging ??= new LoggingCallMatcher(sourceCode);
      const logged = isLogged(leak.variable, leak.node, logging);
      const literal = `'${genericMessage.replace(/[\\']/gu, (character) => `\\${character}`)}'`;
      const parent = leak.node.parent;
      const replacement =
        leak.node === response.payloads[0] && response.json && leak.detail === 'the raw error object' ? `{ error: ${literal} }` : literal;
      context.report({
        node: leak.node,
        messageId: logged ? 'leakedErrorDetails' : 'leakedErrorDetailsUnlogged',
        data: { detail: leak.detail },
        suggest: [
          {
            messageId: 'useGenericMessage',
            data: { message: literal },
            fix: (fixer) => {
              if (leak.node.type === AST_NODE_TYPES.SpreadElement) return fixer.replaceText(leak.node, `error: ${literal}`);
              if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand) return fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${literal}`);
              return fixer.replaceText(leak.node, replacement);
            },
          },
        ],
      });
    }

    /** The leaking values in a payload: object and array literals are opened, anything else is one value. */
    function findLeaks(payload: TSESTree.Node): Leak[] {
      const target = unwrapExpression(payload);
      switch (target.type) {
        case AST_NODE_TYPES.ObjectExpression:
          return target.properties.flatMap((property) => {
            if (property.type === AST_NODE_TYPES.Property) return findLeaks(property.value);
            // `{ ...err }` copies the error's enumerable fields (pg's `detail`, axios' `config`).
            const caught = resolveCaughtError(property.argument, sourceCode);
            if (caught?.path.length === 0 && !isUserFacing(property)) {
              return [{ node: property, detail: 'the raw error object', variable: caught.variable }];
            }
            return findLeaks(property.argument);
          });
        case AST_NODE_TYPES.ArrayExpression:
          return target.elements.flatMap((element) => (element ? findLeaks(element) : []));
        case AST_NODE_TYPES.ConditionalExpression: {
          const production = productionBranchOf(target);
          if (production) return findLeaks(production);
          if (isLiteralShape(target.consequent) || isLiteralShape(target.alternate)) {
            return [...findLeaks(target.consequent), ...findLeaks(target.alternate)];
          }
          break;
        }
        case AST_NODE_TYPES.LogicalExpression:
          if (target.operator === '&&' && productionMakesTrue(target.left) === false) return [];
          if (target.operator === '&&' && isLiteralShape(target.right)) return findLeaks(target.right);
          break;
        default:
          break;
      }
      const found = evaluate(target, 0);
      if (!found || isUserFacing(target)) return [];
      return [{ node: target, detail: found.detail, variable: found.variable }];
    }

    /** Whether the value of `node` carries error details, and which. */
    function evaluate(node: TSESTree.Node, depth: number): { detail: string; variable: TSESLint.Scope.Variable } | undefined {
      if (depth > 8) return undefined;
      const target = unwrapExpression(node);
      switch (target.type) {
        case AST_NODE_TYPES.Identifier: {
          // A plain local is followed write by write (so a write in a non-production branch is
          // skipped); catch params, error params and destructured fields resolve directly.
          const local = evaluateVariable(target, depth);
          if (local !== null) return local;
          const caught = resolveCaughtError(target, sourceCode);
          return caught ? describe(caught.path, caught.variable) : undefined;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const caught = resolveCaughtError(target, sourceCode);
          return caught ? describe(caught.path, caught.variable) : undefined;
        }
        case AST_NODE_TYPES.TemplateLiteral:
          return first(target.expressions, depth, 'text');
        case AST_NODE_TYPES.BinaryExpression:
          return target.operator === '+' ? first([target.left, target.right], depth, 'text') : undefined;
        case AST_NODE_TYPES.LogicalExpression: {
          if (target.operator === '&&' && productionMakesTrue(target.left) === false) return undefined;
          return first(target.operator === '&&' ? [target.right] : [target.left, target.right], depth);
        }
        case AST_NODE_TYPES.ConditionalExpression: {
          const production = productionBranchOf(target);
          if (production) return evaluate(production, depth + 1);
          if (isUserFacingTest(target.test)) return evaluate(target.alternate, depth + 1);
          return first([target.consequent, target.alternate], depth);
        }
        case AST_NODE_TYPES.AwaitExpression:
          return evaluate(target.argument, depth + 1);
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapExpression(target.callee);
          const dotted = getDottedName(callee);
          if (dotted !== undefined && TO_TEXT.includes(dotted)) return first(target.arguments, depth, 'text');
          if (dotted !== undefined && SERIALIZERS.includes(dotted)) return first(target.arguments, depth);
          const name = getCalleeName(target);
          if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && STRING_PASS_THROUGH.includes(name)) {
            return asText(evaluate(callee.object, depth + 1));
          }
          return undefined;
        }
        default:
          return undefined;
      }
    }

    function first(
      nodes: readonly TSESTree.Node[],
      depth: number,
      as?: 'text',
    ): { detail: string; variable: TSESLint.Scope.Variable } | undefined {
      for (const node of nodes) {
        const found = evaluate(node, depth + 1);
        if (found) return as === 'text' ? asText(found) : found;
      }
      return undefined;
    }

    /**
     * `const msg = …; res.json({ error: msg })`, `let message = 'x'; if (dev) message = err.message`.
     * Null when `identifier` is not a plain local variable.
     */
    function evaluateVariable(identifier: TSESTree.Identifier, depth: number): { detail: string; variable: TSESLint.Scope.Variable } | undefined | null {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const def = variable?.defs[0];
      if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
      for (const reference of variable.references) {
        if (!reference.isWrite() || !reference.writeExpr || reference.identifier.range[0] > identifier.range[0]) continue;
        if (isNonProductionOnly(reference.writeExpr)) continue;
        const found = evaluate(reference.writeExpr, depth + 1);
        if (found) return found;
      }
      return undefined;
    }

    return {
      CallExpression: check,
      NewExpression: check,
    };
  },
});

/** How to name what a path into a caught error exposes, or undefined when it is harmless (`err.code`). */
function describe(path: readonly string[], variable: TSESLint.Scope.Variable): { detail: string; variable: TSESLint.Scope.Variable } | undefined {
  if (path.length === 0 || (path.length === 1 && path[0] === 'cause')) return { detail: 'the raw error object', variable };
  const leaky = path.find((part) => LEAKY_PROPERTIES.includes(part));
  if (leaky === undefined) return undefined;
  if (leaky === 'stack') return { detail: 'the stack trace', variable };
  if (leaky === 'message') return { detail: 'the error message', variable };
  return { detail: `the error's \`${leaky}\``, variable };
}

function isLiteralShape(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  return target.type === AST_NODE_TYPES.ObjectExpression || target.type === AST_NODE_TYPES.ArrayExpression;
}

/** An error turned into text (`${err}`, `String(err)`) shows its message. */
function asText(found: { detail: string; variable: TSESLint.Scope.Variable } | undefined): { detail: string; variable: TSESLint.Scope.Variable } | undefined {
  if (found?.detail === 'the raw error object') return { detail: 'the error message', variable: found.variable };
  return found;
}

/**
 * For a test that tells production from other environments, whether it is true in production:
 * `NODE_ENV === 'production'` → true, `NODE_ENV !== 'production'` / `isDev` → false. Undefined when
 * the test is about something else.
 */
function productionMakesTrue(test: TSESTree.Node): boolean | undefined {
  const target = unwrapExpression(test);
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') {
    const inner = productionMakesTrue(target.argument);
    return inner === undefined ? undefined : !inner;
  }
  if (target.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(target.operator)) {
    const literal = [target.left, target.right].find(
      (side): side is TSESTree.StringLiteral => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string',
    );
    if (!literal) return undefined;
    const value = literal.value.toLowerCase();
    const equal = target.operator === '===' || target.operator === '==';
    if (PRODUCTION_VALUES.includes(value)) return equal;
    if (NON_PRODUCTION_VALUES.includes(value)) return !equal;
    return undefined;
  }
  if (target.type === AST_NODE_TYPES.LogicalExpression) {
    const left = productionMakesTrue(target.left);
    const right = productionMakesTrue(target.right);
    if (target.operator === '&&' && (left === false || right === false)) return false;
    if (target.operator === '||' && (left === true || right === true)) return true;
    return undefined;
  }
  const name =
    target.type === AST_NODE_TYPES.Identifier ? target.name : target.type === AST_NODE_TYPES.MemberExpression ? getMemberName(target) : undefined;
  if (name === undefined) return undefined;
  if (PRODUCTION_FLAG.test(name)) return true;
  if (NON_PRODUCTION_FLAG.test(name)) return false;
  return undefined;
}

/** The branch of an environment conditional that runs in production. */
function productionBranchOf(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.ConditionalExpression) return undefined;
  const production = productionMakesTrue(node.test);
  if (production === undefined) return undefined;
  return production ? node.consequent : node.alternate;
}

/**
 * Whether `node` only runs outside production: inside the non-production branch of an `if`, a
 * conditional or `&&`, or after `if (isProduction) return …`, within the enclosing function.
 */
function isNonProductionOnly(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && !isFunctionNode(child)) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      const production = productionMakesTrue(parent.test);
      if (production === false && child === parent.consequent) return true;
      if (production === true && child === parent.alternate) return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right && productionMakesTrue(parent.left) === false) {
      return true;
    }
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && productionMakesTrue(statement.test) === true && exits(statement.consequent)) return true;
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.some((inner) => exits(inner));
}

/**
 * Whether `node` sits where the error was checked to be one the application raises on purpose
 * for the client: `if (err instanceof ZodError)`, `err.expose ? err.message : …`,
 * `if (err.isOperational)`, `if (err.status < 500)`, `if (err.name === 'ValidationError')`.
 */
function isUserFacing(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && !isFunctionNode(child)) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child === parent.consequent) {
      if (isUserFacingTest(parent.test)) return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right && isUserFacingTest(parent.left)) {
      return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

function isUserFacingTest(test: TSESTree.Node): boolean {
  const target = unwrapExpression(test);
  switch (target.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return target.operator === '&&' ? isUserFacingTest(target.left) || isUserFacingTest(target.right) : isUserFacingTest(target.left) && isUserFacingTest(target.right);
    case AST_NODE_TYPES.MemberExpression:
      return USER_FACING_FLAGS.includes(getMemberName(target) ?? '');
    case AST_NODE_TYPES.BinaryExpression: {
      if (target.operator === 'instanceof') {
        const name = getDottedName(target.right);
        return name !== undefined && !BUILTIN_ERROR_CLASSES.includes(name);
      }
      const member = target.left.type === AST_NODE_TYPES.MemberExpression ? getMemberName(target.left) : undefined;
      if ((member === 'status' || member === 'statusCode') && (target.operator === '<' || target.operator === '<=')) {
        return target.right.type === AST_NODE_TYPES.Literal && typeof target.right.value === 'number' && target.right.value <= 500;
      }
      if (member === 'name' && (target.operator === '===' || target.operator === '==')) {
        return target.right.type === AST_NODE_TYPES.Literal && typeof target.right.value === 'string' && !BUILTIN_ERROR_CLASSES.includes(target.right.value);
      }
      return false;
    }
    default:
      return false;
  }
}

/** Whether the enclosing function (or catch block) logs or reports the error anywhere. */
function isLogged(variable: TSESLint.Scope.Variable, from: TSESTree.Node, logging: LoggingCallMatcher): boolean {
  let scopeNode: TSESTree.Node | undefined = from.parent;
  while (scopeNode && !isFunctionNode(scopeNode) && scopeNode.type !== AST_NODE_TYPES.CatchClause) scopeNode = scopeNode.parent;
  if (!scopeNode) return false;
  const owner = scopeNode;
  return variable.references.some((reference) => {
    const identifier = reference.identifier;
    if (identifier.range[0] < owner.range[0] || identifier.range[1] > owner.range[1]) return false;
    let current: TSESTree.Node | undefined = identifier.parent;
    while (current && current !== owner) {
      if (current.type === AST_NODE_TYPES.CallExpression) {
        const name = getCalleeName(current);
        if (logging.isLoggingCall(current) || (name !== undefined && ERROR_REPORTERS.includes(name))) return true;
      }
      if (isFunctionNode(current)) break;
      current = current.parent;
    }
    return false;
  });
}
