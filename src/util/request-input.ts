/**
 * Request-input tracking: does an expression derive from what the client sent, and did it pass a
 * validator or sanitizer on the way?
 *
 * Sources: `req.params/query/body/headers/cookies/files/url/path` and `req.get()/header()/param()`
 * of Express-style request objects; `request.json()/text()/formData()`, `request.nextUrl` and the
 * route `params` of Next.js handlers; NestJS `@Body()/@Param()/@Query()/@Headers()` parameters.
 * Taint flows through local variables (including destructuring and re-assignment), member access,
 * templates, concatenation, conditionals and a small list of value-preserving functions
 * (`path.join`, `String`, `decodeURIComponent`, `.trim()`…). Any other call ends the flow: the
 * result of `getUser(req.params.id)` is a user, not request input.
 *
 * A value counts as validated when it went through a sanitizer (`path.basename`, `Number`,
 * `schema.parse`, `DOMPurify.sanitize`, names given in options…) or when the use follows a guard
 * that leaves the function on failure (`if (!isValidUUID(id)) return …`,
 * `if (!full.startsWith(root)) throw …`, `if (!ALLOWED.includes(x)) return`), or sits inside
 * `if (isValid(x)) { … }`.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  alwaysExits,
  forEachChildNode,
  getCalleeName,
  getDottedName,
  getMemberName,
  isFunctionNode,
  typeReferenceName,
  unwrapAwait,
  unwrapExpression,
  type FunctionNode,
} from './ast.js';
import { resolveImportBinding } from './modules.js';

export interface RequestInputOptions {
  /** Extra function names (last segment or dotted name) whose result is safe to use. */
  sanitizers?: readonly string[];
  /** Extra function names that validate a value when they guard its use. */
  validators?: readonly string[];
}

/** JSON schema of {@link RequestInputOptions}, for rules that expose them. */
export const requestInputOptionsSchema = {
  sanitizers: {
    type: 'array',
    items: { type: 'string' },
    uniqueItems: true,
    description: 'Extra function names (e.g. `cleanPath` or `utils.cleanPath`) whose result counts as sanitized.',
  },
  validators: {
    type: 'array',
    items: { type: 'string' },
    uniqueItems: true,
    description: 'Extra function names that validate a value when a failed check returns or throws before the use.',
  },
} as const;

export interface RequestInputSource {
  /** The expression where the input enters: `req.params`, `request.json()`, a `@Body()` parameter. */
  node: TSESTree.Node;
  /** How to name it in a message: `req.params`, `request.json()`, `@Query()`. */
  label: string;
}

/** Properties of an Express / Node request object that carry client input. */
export const REQUEST_INPUT_PROPERTIES: readonly string[] = [
  'params',
  'query',
  'body',
  'headers',
  'cookies',
  'signedCookies',
  'files',
  'file',
  'url',
  'originalUrl',
  'path',
  'nextUrl',
];

const REQUEST_INPUT_METHODS = ['get', 'header', 'param', 'json', 'text', 'formData'];
const REQUEST_TYPE_NAMES = ['Request', 'NextRequest', 'NextApiRequest', 'FastifyRequest', 'IncomingMessage'];
const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head'];
const NEXT_ROUTE_EXPORTS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const NEST_INPUT_DECORATORS = ['Body', 'Param', 'Query', 'Headers', 'UploadedFile', 'UploadedFiles', 'Cookies'];
const NEST_REQUEST_DECORATORS = ['Req', 'Request'];

/** Calls whose result carries their argument's content unchanged. */
const PASS_THROUGH_FUNCTIONS = ['String', 'decodeURIComponent', 'decodeURI', 'unescape', 'structuredClone'];
const PASS_THROUGH_MEMBERS = ['Buffer.from', 'JSON.parse', 'Array.from', 'Object.assign', 'Object.values', 'Object.entries', 'util.format'];
const PATH_PASS_THROUGH = ['join', 'resolve', 'normalize', 'relative', 'format', 'toNamespacedPath', 'dirname'];
const PASS_THROUGH_METHODS = [
  'toString',
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'slice',
  'substring',
  'substr',
  'concat',
  'padStart',
  'padEnd',
  'split',
  'join',
  'at',
  'get',
  'getAll',
  'normalize',
  'flat',
  'values',
  'entries',
];

/** Parsers that turn text into structure without checking it. */
const UNCHECKED_PARSERS = ['JSON.parse', 'qs.parse', 'querystring.parse', 'url.parse', 'path.parse'];

const SANITIZER_NAMES = [
  'basename',
  'Number',
  'parseInt',
  'parseFloat',
  'Boolean',
  'BigInt',
  'encodeURIComponent',
  'encodeURI',
  'escape',
  'escapeHtml',
  'escapeHTML',
  'escapeId',
  'escapeLiteral',
  'escapeIdentifier',
  'xss',
  'filterXSS',
  'matchedData',
  'validationResult',
  'plainToClass',
  'replace',
  'replaceAll',
];
const SANITIZER_PATTERN = /^(?:sanitiz|escape|clean|validat|parse|safeParse|assert|verify|coerce|whitelist|allowlist)/iu;
const ASSERTION_PATTERN = /^(?:assert|validate|ensure|check|verify)/iu;
const VALIDATOR_PATTERN =
  /(?:valid|uuid|safe|allow|permit|check|verify|assert|sanitiz|whitelist|^is[A-Z_]|^has[A-Z_]|^test$|^match|^includes$|^has$|startsWith$|endsWith$)/u;

/**
 * Tracks request input within one file. Create one per rule invocation (`create`): it memoises
 * per variable, and holds no state across files.
 */
export class RequestInputTracker {
  private readonly memo = new Map<TSESTree.Node, RequestInputSource | null>();
  private readonly pending = new Set<TSESTree.Node>();
  private readonly sanitizers: readonly string[];
  private readonly validators: readonly string[];

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    options: RequestInputOptions = {},
  ) {
    this.sanitizers = options.sanitizers ?? [];
    this.validators = options.validators ?? [];
  }

  /** The unvalidated request input `node` derives from at this position, if any. */
  getSource(node: TSESTree.Node): RequestInputSource | undefined {
    return this.origin(node, 0) ?? undefined;
  }

  /** Whether `node` derives from request input that was not validated or sanitized first. */
  isUnvalidatedInput(node: TSESTree.Node): boolean {
    return this.getSource(node) !== undefined;
  }

  /** Whether `node` is an Express/Next/Node request object (`req` of a handler, `@Req() req`). */
  isRequestObject(node: TSESTree.Node): boolean {
    const target = unwrapExpression(node);
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    const parameter = this.findParameter(target);
    return parameter !== undefined && parameterIsRequest(parameter.fn, parameter.index, parameter.param);
  }

  private origin(node: TSESTree.Node, depth: number): RequestInputSource | null {
    if (depth > 40) return null;
    const target = unwrapAwait(node);
    switch (target.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierOrigin(target, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberOrigin(target, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.callOrigin(target, depth);
      case AST_NODE_TYPES.NewExpression: {
        const name = getDottedName(target.callee);
        if (name === 'URL' || name === 'URLSearchParams') return this.firstOrigin(target.arguments, depth);
        return null;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        return this.firstOrigin(target.expressions, depth);
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return null;
      case AST_NODE_TYPES.BinaryExpression:
        if (target.operator !== '+') return null;
        return this.origin(target.left, depth + 1) ?? this.origin(target.right, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return this.origin(target.left, depth + 1) ?? this.origin(target.right, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.origin(target.consequent, depth + 1) ?? this.origin(target.alternate, depth + 1);
      case AST_NODE_TYPES.ArrayExpression:
        return this.firstOrigin(target.elements.filter((element) => element !== null), depth);
      case AST_NODE_TYPES.SpreadElement:
        return this.origin(target.argument, depth + 1);
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of target.properties) {
          const value = property.type === AST_NODE_TYPES.Property ? property.value : property.argument;
          const found = this.origin(value, depth + 1);
          if (found) return found;
        }
        return null;
      case AST_NODE_TYPES.AssignmentExpression:
        return this.origin(target.right, depth + 1);
      case AST_NODE_TYPES.SequenceExpression: {
        const last = target.expressions[target.expressions.length - 1];
        return last ? this.origin(last, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  private firstOrigin(nodes: readonly TSESTree.Node[], depth: number): RequestInputSource | null {
    for (const node of nodes) {
      const found = this.origin(node, depth + 1);
      if (found) return found;
    }
    return null;
  }

  private memberOrigin(node: TSESTree.MemberExpression, depth: number): RequestInputSource | null {
    const object = unwrapAwait(node.object);
    const name = getMemberName(node);
    if (name !== undefined && REQUEST_INPUT_PROPERTIES.includes(name) && this.isRequestObject(object)) {
      return this.unlessGuarded(node, { node, label: `${getDottedName(object) ?? 'req'}.${name}` });
    }
    if (name === 'params' && object.type === AST_NODE_TYPES.Identifier && this.isNextRouteContext(object)) {
      return this.unlessGuarded(node, { node, label: `${object.name}.params` });
    }
    if (node.computed && this.isRequestObject(object)) return null;
    const found = this.origin(object, depth + 1);
    return found ? this.unlessGuarded(node, found) : null;
  }

  private callOrigin(node: TSESTree.CallExpression, depth: number): RequestInputSource | null {
    const callee = unwrapExpression(node.callee);
    const name = getCalleeName(node);
    const dotted = getDottedName(callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const receiver = unwrapAwait(callee.object);
      if (name !== undefined && REQUEST_INPUT_METHODS.includes(name) && this.isRequestObject(receiver)) {
        return this.unlessGuarded(node, { node, label: `${getDottedName(receiver) ?? 'req'}.${name}()` });
      }
    }
    if (this.isSanitizer(node, name, dotted)) return null;

    const binding = resolveImportBinding(callee, this.sourceCode.getScope(node));
    const pathFunction =
      binding && (binding.source === 'path' || binding.source === 'path/posix' || binding.source === 'path/win32')
        ? binding.path[binding.path.length - 1]
        : callee.type === AST_NODE_TYPES.MemberExpression && getDottedName(callee.object) === 'path'
          ? name
          : undefined;
    if (pathFunction === 'basename') return null;
    if (
      (pathFunction !== undefined && PATH_PASS_THROUGH.includes(pathFunction)) ||
      (callee.type === AST_NODE_TYPES.Identifier && PASS_THROUGH_FUNCTIONS.includes(callee.name)) ||
      (dotted !== undefined && PASS_THROUGH_MEMBERS.includes(dotted))
    ) {
      const found = this.firstOrigin(node.arguments, depth);
      return found ? this.unlessGuarded(node, found) : null;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && PASS_THROUGH_METHODS.includes(name)) {
      const found = this.origin(callee.object, depth + 1);
      return found ? this.unlessGuarded(node, found) : null;
    }
    return null;
  }

  private isSanitizer(node: TSESTree.CallExpression, name: string | undefined, dotted: string | undefined): boolean {
    if (dotted !== undefined && UNCHECKED_PARSERS.includes(dotted)) return false;
    if (dotted !== undefined && this.sanitizers.includes(dotted)) return true;
    if (name === undefined) return false;
    if (this.sanitizers.includes(name) || SANITIZER_NAMES.includes(name)) return true;
    if (SANITIZER_PATTERN.test(name)) return true;
    // `parse(schema, input)` from valibot and friends.
    return name === 'parse' && node.arguments.length >= 2;
  }

  private identifierOrigin(node: TSESTree.Identifier, depth: number): RequestInputSource | null {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(node), node);
    if (!variable) return null;
    const def = variable.defs[0];
    if (!def) return null;

    if (def.type === 'Parameter') {
      const source = this.parameterSource(node, variable);
      return source ? this.unlessGuarded(node, source) : null;
    }
    if (def.type !== 'Variable') return null;

    const write = lastWriteBefore(variable, node);
    if (!write) return null;
    let found: RequestInputSource | null;
    if (this.memo.has(write)) {
      found = this.memo.get(write) ?? null;
    } else if (this.pending.has(write)) {
      return null;
    } else {
      this.pending.add(write);
      found = this.origin(write, depth + 1);
      this.pending.delete(write);
      this.memo.set(write, found);
    }
    return found ? this.unlessGuarded(node, found) : null;
  }

  /** A parameter that is itself request input: a NestJS `@Body() body`, a Next.js `{ params }`. */
  private parameterSource(node: TSESTree.Identifier, variable: TSESLint.Scope.Variable): RequestInputSource | null {
    const parameter = this.findParameter(node, variable);
    if (!parameter) return null;
    const { fn, index, param } = parameter;
    const decorators = param.type === AST_NODE_TYPES.TSParameterProperty ? param.decorators : (param as { decorators?: TSESTree.Decorator[] }).decorators;
    for (const decorator of decorators ?? []) {
      const expression = decorator.expression;
      if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
      const decoratorName = getCalleeName(expression);
      if (decoratorName === undefined || !NEST_INPUT_DECORATORS.includes(decoratorName)) continue;
      if (nestParameterIsValidated(param, expression)) return null;
      return { node: param, label: `@${decoratorName}()` };
    }
    if (index === 1 && isNextRouteHandler(fn) && param.type === AST_NODE_TYPES.ObjectPattern) {
      return { node: param, label: 'route params' };
    }
    return null;
  }

  private isNextRouteContext(node: TSESTree.Identifier): boolean {
    const parameter = this.findParameter(node);
    return parameter !== undefined && parameter.index === 1 && isNextRouteHandler(parameter.fn);
  }

  private findParameter(
    node: TSESTree.Identifier,
    known?: TSESLint.Scope.Variable,
  ): { fn: FunctionNode; index: number; param: TSESTree.Parameter } | undefined {
    const variable = known ?? ASTUtils.findVariable(this.sourceCode.getScope(node), node);
    const def = variable?.defs[0];
    if (!def || def.type !== 'Parameter' || !isFunctionNode(def.node)) return undefined;
    const fn = def.node;
    const index = fn.params.findIndex((param) => param.range[0] <= def.name.range[0] && def.name.range[1] <= param.range[1]);
    const param = fn.params[index];
    return param ? { fn, index, param } : undefined;
  }

  /** Returns `source` unless a guard before `use` (or around it) validates `use`. */
  private unlessGuarded(use: TSESTree.Node, source: RequestInputSource): RequestInputSource | null {
    return this.isGuarded(use) ? null : source;
  }

  private isGuarded(use: TSESTree.Node): boolean {
    let child: TSESTree.Node = use;
    let parent = use.parent;
    while (parent) {
      if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
        const validates = this.testValidates(parent.test, use);
        if (validates && child === parent.consequent && !isNegated(parent.test)) return true;
        if (validates && child === parent.alternate && isNegated(parent.test)) return true;
      }
      if (
        parent.type === AST_NODE_TYPES.ConditionalExpression &&
        child === parent.consequent &&
        !isNegated(parent.test) &&
        this.testValidates(parent.test, use)
      ) {
        return true;
      }
      if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right) {
        if (!isNegated(parent.left) && this.testValidates(parent.left, use)) return true;
      }
      if (
        parent.type === AST_NODE_TYPES.BlockStatement ||
        parent.type === AST_NODE_TYPES.Program ||
        parent.type === AST_NODE_TYPES.SwitchCase
      ) {
        const statements: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
        for (const statement of statements) {
          if (statement === child) break;
          if (this.statementGuards(statement, use)) return true;
        }
      }
      if (isFunctionNode(parent)) return false;
      child = parent;
      parent = parent.parent;
    }
    return false;
  }

  private statementGuards(statement: TSESTree.Node, use: TSESTree.Node): boolean {
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      return alwaysExits(statement.consequent) && this.testValidates(statement.test, use);
    }
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const expression = unwrapAwait(statement.expression);
      // assertSafePath(p); validate(input); — a call that throws on bad input, not one whose result is dropped.
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      const name = getCalleeName(expression);
      const dotted = getDottedName(expression.callee);
      const throwsOnFailure =
        name !== undefined &&
        (ASSERTION_PATTERN.test(name) || this.validators.includes(name) || (dotted !== undefined && this.validators.includes(dotted)));
      return throwsOnFailure && expression.arguments.some((argument) => this.mentions(argument, use));
    }
    return false;
  }

  /** Whether a condition checks `use` (or what it is built from) with a validator-like call. */
  private testValidates(test: TSESTree.Node, use: TSESTree.Node): boolean {
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const name = getCalleeName(node);
        const dotted = getDottedName(node.callee);
        const isValidator =
          name !== undefined &&
          (VALIDATOR_PATTERN.test(name) || this.validators.includes(name) || (dotted !== undefined && this.validators.includes(dotted)));
        if (name === 'validationResult' || (name === 'isEmpty' && this.mentionsValidationResult(node))) {
          found = true;
          return;
        }
        if (isValidator) {
          const parts: TSESTree.Node[] = [...node.arguments];
          const callee = unwrapExpression(node.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression) parts.push(callee.object);
          if (parts.some((part) => this.mentions(part, use))) {
            found = true;
            return;
          }
        }
      }
      forEachChildNode(node, visit);
    };
    visit(test);
    return found;
  }

  private mentionsValidationResult(node: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const receiver = unwrapExpression(callee.object);
    if (receiver.type === AST_NODE_TYPES.CallExpression) return getCalleeName(receiver) === 'validationResult';
    if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(receiver), receiver);
    const init = variable?.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? variable.defs[0].node.init : null;
    return init?.type === AST_NODE_TYPES.CallExpression && getCalleeName(init) === 'validationResult';
  }

  /** Whether `expression` refers to the same value as `use` or to something `use` was built from. */
  private mentions(expression: TSESTree.Node, use: TSESTree.Node): boolean {
    const subjects = this.subjectsOf(use);
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if (subjects.some((subject) => this.sameValue(node, subject))) {
        found = true;
        return;
      }
      forEachChildNode(node, visit);
    };
    visit(expression);
    return found;
  }

  /** `use` itself, and for a member chain its prefixes below the request object (`req.query.file` → also `req.query`). */
  private subjectsOf(use: TSESTree.Node): TSESTree.Node[] {
    const subjects: TSESTree.Node[] = [use];
    let current = unwrapAwait(use);
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapAwait(current.object);
      if (this.isRequestObject(current)) break;
      subjects.push(current);
    }
    return subjects;
  }

  private sameValue(a: TSESTree.Node, b: TSESTree.Node): boolean {
    const left = unwrapAwait(a);
    const right = unwrapAwait(b);
    if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
      if (left.name !== right.name) return false;
      const leftVariable = ASTUtils.findVariable(this.sourceCode.getScope(left), left);
      const rightVariable = ASTUtils.findVariable(this.sourceCode.getScope(right), right);
      return leftVariable === rightVariable;
    }
    if (left.type === AST_NODE_TYPES.MemberExpression && right.type === AST_NODE_TYPES.MemberExpression) {
      const leftName = getDottedName(left);
      return leftName !== undefined && leftName === getDottedName(right);
    }
    return false;
  }
}

function isNegated(test: TSESTree.Node): boolean {
  const target = unwrapExpression(test);
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') return true;
  if (target.type === AST_NODE_TYPES.BinaryExpression && (target.operator === '===' || target.operator === '==')) {
    // `if (isValid(x) === false) return`
    return (
      (target.right.type === AST_NODE_TYPES.Literal && target.right.value === false) ||
      (target.left.type === AST_NODE_TYPES.Literal && target.left.value === false)
    );
  }
  if (target.type === AST_NODE_TYPES.LogicalExpression && target.operator === '||') {
    return isNegated(target.left) || isNegated(target.right);
  }
  return false;
}

function lastWriteBefore(variable: TSESLint.Scope.Variable, use: TSESTree.Node): TSESTree.Node | undefined {
  let best: TSESTree.Node | undefined;
  let bestStart = -1;
  for (const reference of variable.references) {
    if (!reference.isWrite() || !reference.writeExpr) continue;
    const start = reference.identifier.range[0];
    if (start < use.range[0] && start > bestStart) {
      best = writeSource(reference);
      bestStart = start;
    }
  }
  if (!best) {
    // `for (const x of req.body.items)`: the write is the loop header.
    const def = variable.defs[0];
    const declaration = def?.parent;
    const loop = declaration?.parent;
    if (
      loop &&
      (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === declaration
    ) {
      return loop.right;
    }
  }
  return best;
}

/** For a destructuring write, the whole value destructured; else the assigned expression. */
function writeSource(reference: TSESLint.Scope.Reference): TSESTree.Node | undefined {
  const identifier = reference.identifier;
  // `const { limit = 20 } = req.query`: scope analysis names the default (20) as the written
  // value, but what the variable holds is the destructured source whenever the client sent it.
  if (identifier.parent?.type === AST_NODE_TYPES.AssignmentPattern && identifier.parent.left === identifier) {
    let pattern: TSESTree.Node | undefined = identifier.parent.parent;
    while (pattern && (pattern.type === AST_NODE_TYPES.Property || pattern.type === AST_NODE_TYPES.ObjectPattern || pattern.type === AST_NODE_TYPES.ArrayPattern || pattern.type === AST_NODE_TYPES.AssignmentPattern)) {
      const parent: TSESTree.Node | undefined = pattern.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === pattern) return parent.init ?? undefined;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === pattern) return parent.right;
      pattern = parent;
    }
  }
  return reference.writeExpr ?? undefined;
}

/**
 * Whether request input can enter at `fn`'s parameters: true for every function where
 * {@link RequestInputTracker} could find a source (a request object, a NestJS decorated parameter,
 * a Next.js route handler's context), and for some where it finds none (any decorated parameter).
 * Every source is a parameter, so a value read outside all such functions is never request input.
 */
function mayReceiveRequestInput(fn: FunctionNode): boolean {
  if (isNextRouteHandler(fn)) return true;
  let index = 0;
  for (const param of fn.params) {
    if ((param as { decorators?: TSESTree.Decorator[] }).decorators?.length) return true;
    if (parameterIsRequest(fn, index, param)) return true;
    index += 1;
  }
  return false;
}

/** Per file, keyed by the `SourceCode`: nothing survives the file. */
const fileAnswers = new WeakMap<object, boolean>();

/**
 * Whether request input can enter anywhere in the file: some function of it may receive it
 * ({@link mayReceiveRequestInput}). In a file with none, {@link RequestInputTracker} finds no
 * source for any value, so a rule can skip its work there.
 */
export function fileMayReadRequestInput(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let found = fileAnswers.get(sourceCode);
  if (found !== undefined) return found;
  const scopes = sourceCode.scopeManager?.scopes;
  found = scopes === undefined || scopes.some((scope) => scope.type === 'function' && isFunctionNode(scope.block) && mayReceiveRequestInput(scope.block));
  fileAnswers.set(sourceCode, found);
  return found;
}

function parameterIsRequest(fn: FunctionNode, index: number, param: TSESTree.Parameter): boolean {
  const decorators = (param as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  for (const decorator of decorators) {
    const expression = decorator.expression;
    const name = expression.type === AST_NODE_TYPES.CallExpression ? getCalleeName(expression) : undefined;
    if (name !== undefined && NEST_REQUEST_DECORATORS.includes(name)) return true;
  }
  const identifier = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (identifier.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  if (annotation) {
    const last = typeReferenceName(annotation);
    return last !== undefined && (REQUEST_TYPE_NAMES.includes(last) || /Request$/u.test(last));
  }
  if (/^(?:req|request)$/u.test(identifier.name) && index <= 1) return true;
  return isRouteHandlerArgument(fn) && index === (fn.params.length === 4 ? 1 : 0);
}

/** `app.get('/x', (req, res) => …)`, `router.use(fn)`: a function passed to a route registration. */
function isRouteHandlerArgument(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    return false;
  }
  const name = getCalleeName(parent);
  return name !== undefined && ROUTE_METHODS.includes(name) && parent.callee.type === AST_NODE_TYPES.MemberExpression;
}

/** `export async function GET(request, { params })` or `export const POST = async (…) => …`. */
function isNextRouteHandler(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.id !== null && NEXT_ROUTE_EXPORTS.includes(fn.id.name) && fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration;
  }
  const declarator = fn.parent;
  return (
    declarator.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    NEXT_ROUTE_EXPORTS.includes(declarator.id.name) &&
    declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  );
}

/**
 * A NestJS input parameter is validated when a pipe is given (`@Param('id', ParseIntPipe)`), or
 * when it is typed with a DTO class (class-validator through the ValidationPipe; whether that pipe
 * is strict is `require-strict-validation-pipe`'s concern).
 */
function nestParameterIsValidated(param: TSESTree.Parameter, decorator: TSESTree.CallExpression): boolean {
  if (decorator.arguments.some((argument) => argument.type !== AST_NODE_TYPES.Literal)) return true;
  const identifier = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const annotation =
    identifier.type === AST_NODE_TYPES.Identifier ? identifier.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const typeName = annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : '';
  return !['Record', 'Partial', 'Array', 'Object', 'Express'].includes(typeName) && /^[A-Z]/u.test(typeName);
}
