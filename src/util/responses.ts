/**
 * Responses and caught errors: what sends a body to the client (Express/Fastify/Node `res`,
 * Web/Next.js `Response`, NestJS HTTP exceptions), and which values are errors caught at run time
 * (catch-clause params, error-middleware `err`, `.catch((e) => …)` params, a Nest exception
 * filter's `exception`), followed through local aliases and destructuring.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getMemberName, getPropertyKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from './ast.js';
import { namesModule, resolveImportBinding } from './modules.js';

/** Methods of an Express / Fastify / Node response that write a body. */
export const RESPONSE_SEND_METHODS: readonly string[] = ['json', 'jsonp', 'send', 'end', 'write'];

/** Methods of a response that return the response itself (`res.status(500).json(…)`). */
export const RESPONSE_CHAIN_METHODS: readonly string[] = [
  'status',
  'code',
  'set',
  'header',
  'headers',
  'type',
  'contentType',
  'append',
  'vary',
  'cookie',
  'clearCookie',
  'location',
  'links',
  'attachment',
];

/** Type names of response objects (`express.Response`, `NextApiResponse`, `FastifyReply`…). */
export const RESPONSE_TYPE_NAMES: readonly string[] = ['Response', 'ServerResponse', 'NextApiResponse', 'FastifyReply', 'Reply', 'OutgoingMessage'];

const RESPONSE_PARAMETER_NAME = /^(?:res|resp|response|reply)$/u;
const NEST_RESPONSE_DECORATORS = ['Res', 'Response'];

/** Names that mark a parameter as an error when it is untyped or typed `Error`/`unknown`/`any`. */
export const ERROR_PARAMETER_NAMES: readonly string[] = ['err', 'error', 'ex', 'exc', 'exception'];

/** Built-in error classes: `instanceof` one of these says nothing about who wrote the message. */
export const BUILTIN_ERROR_CLASSES: readonly string[] = [
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
];

export type ResponseKind = 'node' | 'web' | 'nest';

export interface ResponsePayload {
  /** The call or `new` expression that sends the body. */
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  kind: ResponseKind;
  /** `json`, `send`, `end`, `write`, `Response.json`, `new Response`, or the Nest exception class. */
  method: string;
  /** The arguments that end up in the body sent to the client. */
  payloads: TSESTree.Node[];
  /** Whether the body is serialised as JSON (an object payload stays an object). */
  json: boolean;
}

/**
 * Whether `node` is a response object: a parameter named `res`/`response`/`reply` or typed as
 * one, a NestJS `@Res()` parameter, the third parameter of a four-parameter error middleware, a
 * local initialised with `….getResponse()` (Nest `host.switchToHttp().getResponse()`), or a
 * chained call that returns the response (`res.status(500)`).
 */
export function isResponseObject(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(target.callee);
    const name = getCalleeName(target);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      name !== undefined &&
      RESPONSE_CHAIN_METHODS.includes(name) &&
      isResponseObject(callee.object, sourceCode)
    );
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  const def = variable?.defs[0];
  if (!variable || !def) return false;
  if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier) {
    if (def.node.id.typeAnnotation) return isResponseType(def.node.id.typeAnnotation.typeAnnotation);
    const init = def.node.init ? unwrapExpression(def.node.init) : undefined;
    return init?.type === AST_NODE_TYPES.CallExpression && getCalleeName(init) === 'getResponse';
  }
  if (def.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  const fn = def.node;
  const index = parameterIndex(fn, def.name);
  const param = fn.params[index];
  if (!param) return false;
  const decorators = (param as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  if (decorators.some((decorator) => decoratorName(decorator) !== undefined && NEST_RESPONSE_DECORATORS.includes(decoratorName(decorator) ?? ''))) {
    return true;
  }
  const identifier = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (identifier.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  if (annotation) return isResponseType(annotation);
  return RESPONSE_PARAMETER_NAME.test(identifier.name.replace(/^_+/u, ''));
}

/**
 * What a call or `new` expression sends to the client, if it is a response write:
 * `res.json/jsonp/send/end/write(x)` on a response object (also chained after `res.status(…)`),
 * `Response.json(x)` / `NextResponse.json(x)`, `new Response(x)` / `new NextResponse(x)`, and
 * `new XxxException(x)` from `@nestjs/common` (plus its description argument).
 */
export function getResponsePayload(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ResponsePayload | undefined {
  const callee = unwrapExpression(node.callee);
  const first = node.arguments[0];
  if (!first) return undefined;

  if (node.type === AST_NODE_TYPES.NewExpression) {
    const isGlobalName = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Response';
    if (!isGlobalName && !namesResponseModule(sourceCode)) return undefined;
    const scope = sourceCode.getScope(node);
    if (isWebResponseClass(callee, sourceCode, node)) {
      return { node, kind: 'web', method: `new ${callee.type === AST_NODE_TYPES.Identifier ? callee.name : 'Response'}`, payloads: [first], json: false };
    }
    const binding = resolveImportBinding(callee, scope);
    const exported = binding?.path[binding.path.length - 1];
    if (binding?.source !== '@nestjs/common' || exported === undefined || !exported.endsWith('Exception')) return undefined;
    const payloads: TSESTree.Node[] = [first];
    const second = node.arguments[1] ? unwrapExpression(node.arguments[1]) : undefined;
    if (exported !== 'HttpException' && second) {
      if (second.type !== AST_NODE_TYPES.ObjectExpression) payloads.push(second);
      else {
        // `{ cause, description }`: the cause stays on the server, the description is sent.
        for (const property of second.properties) {
          if (property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === 'description') payloads.push(property.value);
        }
      }
    }
    return { node, kind: 'nest', method: exported, payloads, json: true };
  }

  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getMemberName(callee);
  // Only the send methods (`json` among them) write a body: the scope lookups are for those calls.
  if (method === undefined || !RESPONSE_SEND_METHODS.includes(method)) return undefined;
  if (method === 'json' && isWebResponseClass(unwrapExpression(callee.object), sourceCode, node)) {
    const owner = unwrapExpression(callee.object);
    return { node, kind: 'web', method: `${owner.type === AST_NODE_TYPES.Identifier ? owner.name : 'Response'}.json`, payloads: [first], json: true };
  }
  if (!isResponseObject(callee.object, sourceCode)) return undefined;
  return { node, kind: 'node', method, payloads: [first], json: method === 'json' || method === 'jsonp' || method === 'send' };
}

/**
 * Whether the file imports or requires `next/server` (NextResponse) or `@nestjs/common` (HTTP
 * exceptions): every class other than the global `Response` that sends is imported from one.
 */
function namesResponseModule(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return namesModule(sourceCode, 'next/server') || namesModule(sourceCode, '@nestjs/common');
}

/** The global `Response` (not shadowed) or `NextResponse` from `next/server`. */
function isWebResponseClass(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, at: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  if (node.name !== 'Response' && !namesResponseModule(sourceCode)) return false;
  const scope = sourceCode.getScope(at);
  if (node.name === 'Response') {
    const variable = ASTUtils.findVariable(scope, node);
    return !variable || variable.defs.length === 0;
  }
  const binding = resolveImportBinding(node, scope);
  return binding?.source === 'next/server' && binding.path.length === 1 && binding.path[0] === 'NextResponse';
}

export interface CaughtError {
  /** The variable that holds the caught error (the catch param, `err` of the middleware…). */
  variable: TSESLint.Scope.Variable;
  /** Property path from the error to the value: `[]` for the error itself, `['message']` for `err.message`. */
  path: readonly string[];
}

const MAX_DEPTH = 8;

/**
 * Whether `node` is (a property of) an error caught at run time, and which: `err`,
 * `err.message`, `const { stack } = err`, `const e = err as Error`, `(e as Error).message`,
 * `err instanceof Error ? err : …`. See {@link isCaughtErrorVariable} for what counts as caught.
 */
export function resolveCaughtError(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth = 0,
): CaughtError | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const base = resolveCaughtError(target.object, sourceCode, depth + 1);
      const name = getMemberName(target);
      return base && name !== undefined ? { variable: base.variable, path: [...base.path, name] } : undefined;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return resolveCaughtError(target.consequent, sourceCode, depth + 1) ?? resolveCaughtError(target.alternate, sourceCode, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return resolveCaughtError(target.left, sourceCode, depth + 1) ?? resolveCaughtError(target.right, sourceCode, depth + 1);
    case AST_NODE_TYPES.Identifier:
      break;
    default:
      return undefined;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  const def = variable?.defs[0];
  if (!variable || !def) return undefined;
  if (def.type === 'CatchClause' || def.type === 'Parameter') {
    const path = patternPath(def.type === 'CatchClause' ? def.node.param : parameterOf(def.node, def.name), target.name);
    return path && isCaughtErrorVariable(variable) ? { variable, path } : undefined;
  }
  if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const base = resolveCaughtError(def.node.init, sourceCode, depth + 1);
  const path = patternPath(def.node.id, target.name);
  return base && path ? { variable: base.variable, path: [...base.path, ...path] } : undefined;
}

/**
 * Whether a variable holds an error caught at run time: a catch-clause parameter; the first
 * parameter of a `.catch(fn)` / `.then(ok, fn)` callback, of a four-parameter Express error
 * middleware or of a NestJS exception filter's `catch()`; or a parameter named `err`, `error`,
 * `ex`, `exception` that is untyped or typed `Error`, `unknown` or `any` (a parameter typed with
 * an application error class such as `AppError` is not: its message is written for users).
 */
export function isCaughtErrorVariable(variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (!def) return false;
  if (def.type === 'CatchClause') return true;
  if (def.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  const fn = def.node;
  const index = parameterIndex(fn, def.name);
  const param = fn.params[index];
  if (!param) return false;
  const identifier = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const annotation =
    identifier.type === AST_NODE_TYPES.Identifier || identifier.type === AST_NODE_TYPES.ObjectPattern
      ? identifier.typeAnnotation?.typeAnnotation
      : undefined;
  if (annotation && !isGenericErrorType(annotation)) return false;
  if (index === 0 && isErrorCallbackPosition(fn)) return true;
  return identifier.type === AST_NODE_TYPES.Identifier && (ERROR_PARAMETER_NAMES.includes(identifier.name) || isErrorTypeReference(annotation));
}

function isErrorCallbackPosition(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression) {
    const name = getCalleeName(parent);
    if (name === 'catch' && parent.arguments[0] === fn) return true;
    if (name === 'then' && parent.arguments[1] === fn) return true;
  }
  if (fn.params.length === 4) {
    // (err, req, res, next): Express recognises error middleware by its arity.
    const third = fn.params[2];
    const identifier = third?.type === AST_NODE_TYPES.AssignmentPattern ? third.left : third;
    if (identifier?.type === AST_NODE_TYPES.Identifier) {
      const annotation = identifier.typeAnnotation?.typeAnnotation;
      if (annotation ? isResponseType(annotation) : RESPONSE_PARAMETER_NAME.test(identifier.name.replace(/^_+/u, ''))) return true;
    }
  }
  // @Catch() class AllExceptionsFilter { catch(exception, host) { … } }
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier && parent.key.name === 'catch') {
    const classNode = parent.parent.parent;
    if (classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression) {
      return (
        classNode.decorators.some((decorator) => decoratorName(decorator) === 'Catch') ||
        classNode.implements.some((clause) => clause.expression.type === AST_NODE_TYPES.Identifier && clause.expression.name === 'ExceptionFilter')
      );
    }
  }
  return false;
}

function isGenericErrorType(annotation: TSESTree.TypeNode): boolean {
  return (
    annotation.type === AST_NODE_TYPES.TSUnknownKeyword ||
    annotation.type === AST_NODE_TYPES.TSAnyKeyword ||
    isErrorTypeReference(annotation)
  );
}

function isErrorTypeReference(annotation: TSESTree.TypeNode | undefined): boolean {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = annotation.typeName;
  return name.type === AST_NODE_TYPES.Identifier && BUILTIN_ERROR_CLASSES.includes(name.name);
}

function isResponseType(annotation: TSESTree.TypeNode): boolean {
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const typeName = annotation.typeName;
  const last =
    typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right.name : typeName.type === AST_NODE_TYPES.Identifier ? importedName(typeName) : '';
  return RESPONSE_TYPE_NAMES.includes(last);
}

/** The exported name behind a local type name: `ExpressResponse` in `import { Response as ExpressResponse }` is `Response`. */
function importedName(identifier: TSESTree.Identifier): string {
  let program: TSESTree.Node = identifier;
  while (program.parent) program = program.parent;
  if (program.type !== AST_NODE_TYPES.Program) return identifier.name;
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.local.name === identifier.name) {
        return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
      }
    }
  }
  return identifier.name;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) return getCalleeName(expression);
  return expression.type === AST_NODE_TYPES.Identifier ? expression.name : undefined;
}

function parameterIndex(fn: FunctionNode, name: TSESTree.Node): number {
  return fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
}

function parameterOf(fn: TSESTree.Node, name: TSESTree.Node): TSESTree.Node | null {
  if (!isFunctionNode(fn)) return null;
  return fn.params[parameterIndex(fn, name)] ?? null;
}

/** The property path to `name` inside a binding pattern: `{ message }` → `['message']`, `err` → `[]`. */
function patternPath(pattern: TSESTree.Node | null, name: string): string[] | undefined {
  if (!pattern) return undefined;
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern.name === name ? [] : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return patternPath(pattern.left, name);
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = getPropertyKeyName(property);
        const rest = key === undefined ? undefined : patternPath(property.value, name);
        if (key !== undefined && rest) return [key, ...rest];
      }
      return undefined;
    default:
      return undefined;
  }
}
