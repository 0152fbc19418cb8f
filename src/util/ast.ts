import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * The node types {@link unwrapExpression} looks through, for selectors that must let such a
 * wrapper through (`CallExpression[callee.type=/^(?:…)$/]`): kept in step with its `switch`.
 */
export const UNWRAPPED_TYPES: readonly AST_NODE_TYPES[] = [
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
  AST_NODE_TYPES.ChainExpression,
];

/** `UNWRAPPED_TYPES` as the alternatives of a selector's regular expression. */
export const UNWRAPPED_TYPES_PATTERN = UNWRAPPED_TYPES.join('|');

/** Strips what does not change a value: TS casts, non-null assertions, `satisfies`, optional chains. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** As {@link unwrapExpression}, and also looks through `await`. */
export function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) {
    current = unwrapExpression(current.argument);
  }
  return current;
}

/** The static name of a member's property (`a.b`, `a['b']`), or undefined when computed. */
export function getMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  if (
    node.property.type === AST_NODE_TYPES.TemplateLiteral &&
    node.property.expressions.length === 0 &&
    node.property.quasis[0]
  ) {
    return node.property.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

/** The static key of an object property (`a: 1`, `'a': 1`, `['a']: 1`), or undefined when computed. */
export function getPropertyKeyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  const key = node.key;
  if (!node.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0 && key.quasis[0]) {
    return key.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * The dotted name of a callee or member chain: `res.status(500).json` → `res.status().json`,
 * `path.join` → `path.join`, `this.logger.info` → `this.logger.info`. Undefined for computed parts.
 */
export function getDottedName(node: TSESTree.Node): string | undefined {
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return target.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.Super:
      return 'super';
    case AST_NODE_TYPES.MemberExpression: {
      const object = getDottedName(target.object);
      const property = getMemberName(target);
      return object === undefined || property === undefined ? undefined : `${object}.${property}`;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = getDottedName(target.callee);
      return callee === undefined ? undefined : `${callee}()`;
    }
    default:
      return undefined;
  }
}

/** The last segment of a callee: `a.b.c()` → `c`, `f()` → `f`. */
export function getCalleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getMemberName(callee);
  return undefined;
}

/** The root identifier of a member chain: `req.body.user.name` → `req`. */
export function getRootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
      continue;
    }
    if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapExpression(current.callee);
      continue;
    }
    return undefined;
  }
}

/** The property `name` of an object literal (last one wins, as at run time), skipping spreads. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === name) found = property;
  }
  return found;
}

/** Whether an object literal has a spread whose contents cannot be seen (`{ ...defaults }`). */
export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

/**
 * Follows an identifier to the object literal it was initialised with, in the same file
 * (`const opts = { … }; new Pool(opts)`). Returns the node itself when it already is one.
 */
export function resolveObjectExpression(
  node: TSESTree.Node | undefined,
  scope: TSESLint.Scope.Scope,
): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = getConstInitializer(target, scope);
  return init && unwrapExpression(init).type === AST_NODE_TYPES.ObjectExpression
    ? (unwrapExpression(init) as TSESTree.ObjectExpression)
    : undefined;
}

/** The initializer of a variable that is never re-assigned (`const x = …` or an unmodified `let`). */
export function getConstInitializer(
  identifier: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): TSESTree.Expression | undefined {
  return variableInitializer(ASTUtils.findVariable(scope, identifier));
}

/**
 * {@link getConstInitializer} for a variable already looked up: its initializer when it is declared
 * once, by itself (not destructured), with an initializer, and written no other time.
 */
export function variableInitializer(variable: TSESLint.Scope.Variable | null | undefined): TSESTree.Expression | undefined {
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator) {
    return undefined;
  }
  if (def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  let writes = 0;
  for (const reference of variable.references) if (reference.isWrite() && (writes += 1) > 1) return undefined;
  return def.node.init;
}

/** Whether a statement always leaves the block it stands in (return, throw, continue, break). */
export function alwaysExits(statement: TSESTree.Statement | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((inner) => alwaysExits(inner));
    case AST_NODE_TYPES.IfStatement:
      return alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    default:
      return false;
  }
}

/** The nearest enclosing function of a node, if any. */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/** Whether `inner` lies within `outer` (inclusive). */
export function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

const SKIPPED_KEYS = new Set(['parent', 'range', 'loc']);
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments']);

/** The child nodes of a node in the order of its properties, without `parent` links; optionally without type annotations. */
export function childNodes(node: TSESTree.Node, options: { skipTypes?: boolean } = {}): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  forEachChildNode(node, (child) => children.push(child), options);
  return children;
}

/**
 * Calls `visit` on each child node of `node` in source order (as {@link childNodes}, without
 * building arrays: walks run on many nodes of every file, and the garbage adds up).
 */
export function forEachChildNode(node: TSESTree.Node, visit: (child: TSESTree.Node) => void, options: { skipTypes?: boolean } = {}): void {
  const skipTypes = options.skipTypes === true;
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || SKIPPED_KEYS.has(key) || (skipTypes && TYPE_KEYS.has(key))) continue;
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Whether `test` holds for `root` or a node inside it (depth first, stopping at the first).
 * `skipTypes` leaves type annotations out; `skipFunctions` neither tests nor enters functions
 * nested in `root`.
 */
export function someNode(
  root: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
  options: { skipTypes?: boolean; skipFunctions?: boolean } = {},
): boolean {
  const stack: TSESTree.Node[] = [root];
  const walkOptions = { skipTypes: options.skipTypes === true };
  const push = options.skipFunctions
    ? (child: TSESTree.Node): void => {
        if (!isFunctionNode(child)) stack.push(child);
      }
    : (child: TSESTree.Node): void => {
        stack.push(child);
      };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (test(node)) return true;
    forEachChildNode(node, push, walkOptions);
  }
  return false;
}

/** The last name of a type reference (`Request` in `express.Request`), or undefined for any other type. */
export function typeReferenceName(type: TSESTree.TypeNode | undefined): string | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = type.typeName;
  return name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : name.type === AST_NODE_TYPES.Identifier ? name.name : '';
}

/** The class body whose `this` a node sees, or undefined inside a plain function (which has its own `this`). */
export function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      (current.type === AST_NODE_TYPES.FunctionExpression && current.parent.type !== AST_NODE_TYPES.MethodDefinition)
    ) {
      return undefined;
    }
    current = current.parent;
  }
  return undefined;
}

/**
 * The function a name or expression stands for when it is written in this file: inline, a
 * function declaration, or a `const`/never-reassigned variable initialised with a function.
 */
export function resolveLocalFunction(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const target = unwrapExpression(node);
  if (isFunctionNode(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !def) return undefined;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const init = unwrapExpression(def.node.init);
  return isFunctionNode(init) ? init : undefined;
}

/** Climbs from `node` while its parent is of one of `through`, to the outermost such node. */
export function climbThrough(node: TSESTree.Node, through: ReadonlySet<AST_NODE_TYPES>): TSESTree.Node {
  let current = node;
  while (current.parent && through.has(current.parent.type)) current = current.parent;
  return current;
}

/** TS casts: `x as T`, `x!`, `x satisfies T`. */
export const TS_CASTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
]);

/** TS casts and optional chains (`a?.b` stands as a `ChainExpression` around its member or call). */
export const CASTS_AND_CHAINS: ReadonlySet<AST_NODE_TYPES> = new Set([...TS_CASTS, AST_NODE_TYPES.ChainExpression]);

const VALUE_PASSERS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.AwaitExpression, ...TS_CASTS]);

/** Climbs from a value through what passes it on unchanged (`await`, TS casts) to the outermost such node. */
export function outermostValueNode(node: TSESTree.Node): TSESTree.Node {
  return climbThrough(node, VALUE_PASSERS);
}
