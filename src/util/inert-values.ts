/**
 * Inert values: can this expression carry text from outside the program into a string it is
 * embedded in (a shell command, a SQL query)?
 *
 * Inert are: constants (anything `getStaticValue` can compute: literals, `const` strings, const
 * objects and their members), numbers and booleans (`Number(x)`, `parseInt(x)`, `Math.*`, `x.length`,
 * arithmetic, `i++`, parameters typed `number`/`boolean`/literal unions, the index of a
 * `.map`/`.forEach` callback), TS enum members, `readonly` class fields with an inert value,
 * imported SCREAMING_CASE constants, configuration (`process.env.X`, `__dirname`, `process.cwd()`,
 * `path.join` of inert parts), results of the escapers the caller names, values picked from a
 * constant allow-list (`ALLOWED.includes(x) ? x : 'id'`, `if (!ALLOWED.includes(x)) return`), and
 * templates, concatenations, conditionals and arrays built only from inert parts. A variable is
 * inert when every value ever written to it is.
 *
 * Anything else (a parameter, a call result, request input) is not inert: the rules that use this
 * treat it as text that may hold a `'` or a `;`.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  alwaysExits,
  forEachChildNode,
  findProperty,
  getCalleeName,
  getDottedName,
  getMemberName,
  hasSpread,
  isFunctionNode,
  resolveObjectExpression,
  unwrapAwait,
  unwrapExpression,
  type FunctionNode,
} from './ast.js';
import { resolveImportBinding } from './modules.js';

export interface InertValueOptions {
  /** Function names (last segment such as `escapeLiteral`, or dotted such as `format.literal`) whose result is safe to embed. */
  escapers?: readonly string[];
}

const MAX_DEPTH = 30;
const NUMERIC_FUNCTIONS = ['Number', 'parseInt', 'parseFloat', 'Boolean', 'BigInt', 'isNaN', 'isFinite'];
const NUMERIC_NAMESPACES = /^(?:Math|Number|Date)\./u;
/** Methods whose result is a number, a boolean or a formatted number/date whatever the receiver. */
const NUMERIC_METHODS = [
  'toFixed',
  'toPrecision',
  'toExponential',
  'toISOString',
  'getTime',
  'indexOf',
  'lastIndexOf',
  'findIndex',
  'findLastIndex',
  'localeCompare',
  'charCodeAt',
  'codePointAt',
  'search',
  'includes',
  'startsWith',
  'endsWith',
  'some',
  'every',
  'test',
];
/** Methods whose result is inert when the receiver and the arguments are. */
const PRESERVING_METHODS = [
  'toString',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'padStart',
  'padEnd',
  'slice',
  'substring',
  'substr',
  'at',
  'concat',
  'repeat',
  'normalize',
  'replace',
  'replaceAll',
];
/** Array methods whose result holds (some of) the receiver's elements. */
const ELEMENT_PRESERVING_METHODS = ['filter', 'slice', 'reverse', 'sort', 'toSorted', 'toReversed', 'flat', 'concat', 'splice'];
/** Callbacks whose parameter at the given index is an array index (a number). */
const INDEX_PARAMETER: Readonly<Record<string, number>> = {
  map: 1,
  flatMap: 1,
  forEach: 1,
  filter: 1,
  some: 1,
  every: 1,
  find: 1,
  findIndex: 1,
  findLast: 1,
  findLastIndex: 1,
  reduce: 2,
  reduceRight: 2,
};
const ELEMENT_CALLBACKS = ['map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find', 'findLast'];
const PATH_FUNCTIONS = ['join', 'resolve', 'normalize', 'relative', 'dirname', 'basename', 'extname', 'format'];
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/u;
const CONFIGURATION_GLOBALS = ['__dirname', '__filename', 'undefined', 'NaN', 'Infinity'];

/**
 * Decides whether values are inert. Create one per file (inside `create`): it remembers the
 * variables it is visiting to stop on cycles and holds nothing across files.
 */
export class InertValueChecker {
  private readonly visiting = new Set<TSESLint.Scope.Variable>();
  private readonly escapers: readonly string[];

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    options: InertValueOptions = {},
  ) {
    this.escapers = options.escapers ?? [];
  }

  /** Whether `node` can only evaluate to text the program itself chose (see the module comment). */
  isInert(node: TSESTree.Node): boolean {
    return this.inert(node, 0);
  }

  /** Whether every element of the array (or Set) `node` is inert: `['?', '?']`, `ids.map(() => '?')`. */
  hasInertElements(node: TSESTree.Node): boolean {
    return this.elementsInert(node, 0);
  }

  private scope(node: TSESTree.Node): TSESLint.Scope.Scope {
    return this.sourceCode.getScope(node);
  }

  private inert(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const target = unwrapAwait(node);
    if (target.type === AST_NODE_TYPES.Literal) return true;
    if (ASTUtils.getStaticValue(target, this.scope(target)) !== null) return true;
    switch (target.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        return target.expressions.every((expression) => this.inert(expression, depth + 1));
      case AST_NODE_TYPES.BinaryExpression:
        // Only `+` can produce text; every other operator yields a number or a boolean.
        return target.operator !== '+' || (this.inert(target.left, depth + 1) && this.inert(target.right, depth + 1));
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
        return true;
      case AST_NODE_TYPES.LogicalExpression:
        return this.inert(target.left, depth + 1) && this.inert(target.right, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.inert(target.consequent, depth + 1) && this.inert(target.alternate, depth + 1);
      case AST_NODE_TYPES.SequenceExpression: {
        const last = target.expressions[target.expressions.length - 1];
        return last !== undefined && this.inert(last, depth + 1);
      }
      case AST_NODE_TYPES.AssignmentExpression:
        return this.inert(target.right, depth + 1);
      case AST_NODE_TYPES.ArrayExpression:
        return this.elementsInert(target, depth + 1);
      case AST_NODE_TYPES.NewExpression:
        return getDottedName(target.callee) === 'Date';
      case AST_NODE_TYPES.Identifier:
        return this.identifierInert(target, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberInert(target, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.callInert(target, depth);
      default:
        return false;
    }
  }

  private identifierInert(node: TSESTree.Identifier, depth: number): boolean {
    if (this.isAllowListed(node)) return true;
    const variable = ASTUtils.findVariable(this.scope(node), node);
    if (!variable || variable.defs.length === 0) return CONFIGURATION_GLOBALS.includes(node.name);
    if (this.visiting.has(variable)) return true;
    const def = variable.defs[0];
    if (!def) return false;
    switch (def.type) {
      case 'ImportBinding':
        return CONSTANT_NAME.test(node.name);
      case 'Parameter':
        return isFunctionNode(def.node) && this.parameterInert(def.node, def.name, depth);
      case 'Variable':
        break;
      default:
        return false;
    }
    this.visiting.add(variable);
    try {
      return this.writesInert(variable, def.node, depth);
    } finally {
      this.visiting.delete(variable);
    }
  }

  /** Every value written to `variable`: its initializer, assignments, `+=` parts, loop elements. */
  private writesInert(variable: TSESLint.Scope.Variable, declarator: TSESTree.Node, depth: number): boolean {
    if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
    const loop = declarator.parent.parent;
    if (
      loop?.type === AST_NODE_TYPES.ForOfStatement &&
      loop.left === declarator.parent
    ) {
      return this.elementsInert(loop.right, depth + 1);
    }
    if (loop?.type === AST_NODE_TYPES.ForInStatement && loop.left === declarator.parent) return false;
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.UpdateExpression) continue;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier) {
        // `x -= 1`, `x *= 2`: numeric. `x = v`, `x += v`, `x ??= v`: v must be inert.
        if (!['=', '+=', '??=', '||=', '&&='].includes(parent.operator)) continue;
        if (!this.inert(parent.right, depth + 1)) return false;
        continue;
      }
      if (reference.writeExpr && parent === declarator) {
        if (!this.inert(reference.writeExpr, depth + 1)) return false;
        continue;
      }
      // Destructuring assignment, or a write we cannot see the value of.
      return false;
    }
    return true;
  }

  private parameterInert(fn: FunctionNode, name: TSESTree.Node, depth: number): boolean {
    const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
    const param = fn.params[index];
    if (!param) return false;
    const identifier = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (identifier !== name) return false;
    const annotation = identifier.type === AST_NODE_TYPES.Identifier ? identifier.typeAnnotation?.typeAnnotation : undefined;
    if (annotation && isInertType(annotation)) return true;
    // The index of `items.map((item, i) => …)`, or an element of an inert array.
    const call = fn.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const method = getCalleeName(call);
    if (method === undefined) return false;
    if (getDottedName(call.callee) === 'Array.from' && call.arguments[1] === fn) {
      return index === 1 || (index === 0 && this.elementsInert(call.arguments[0] ?? call, depth + 1));
    }
    if (call.arguments[0] !== fn || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (INDEX_PARAMETER[method] === index) return true;
    return index === 0 && ELEMENT_CALLBACKS.includes(method) && this.elementsInert(call.callee.object, depth + 1);
  }

  private memberInert(node: TSESTree.MemberExpression, depth: number): boolean {
    const name = getMemberName(node);
    if (!node.computed && (name === 'length' || name === 'size')) return true;
    if (this.isAllowListed(node)) return true;
    const object = unwrapExpression(node.object);
    const dotted = getDottedName(node);
    // Configuration, not input: process.env.X, import.meta.dirname.
    if (dotted?.startsWith('process.env.') === true) return true;
    if (object.type === AST_NODE_TYPES.MetaProperty) return true;
    if (object.type === AST_NODE_TYPES.ThisExpression && name !== undefined) return this.classFieldInert(node, name, depth);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.scope(object), object);
      const def = variable?.defs[0];
      if (def?.type === 'TSEnumName') return true;
      if (def?.type === 'ImportBinding' && CONSTANT_NAME.test(object.name)) return true;
    }
    const literal = resolveObjectExpression(object, this.scope(object));
    if (literal) {
      if (!node.computed && name !== undefined) {
        const property = findProperty(literal, name);
        return property !== undefined && !hasSpread(literal) && this.inert(property.value, depth + 1);
      }
      // SORT_COLUMNS[req.query.sort]: one of the object's values, or undefined.
      return (
        !hasSpread(literal) &&
        literal.properties.every((property) => property.type === AST_NODE_TYPES.Property && this.inert(property.value, depth + 1))
      );
    }
    if (node.computed) return this.elementsInert(object, depth + 1);
    return false;
  }

  /** `this.table` where the class declares `readonly table = 'users'`. */
  private classFieldInert(node: TSESTree.MemberExpression, name: string, depth: number): boolean {
    let current: TSESTree.Node | undefined = node.parent;
    while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
    if (!current) return false;
    for (const member of current.body) {
      if (
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        !member.computed &&
        member.key.type === AST_NODE_TYPES.Identifier &&
        member.key.name === name
      ) {
        return member.readonly && member.value !== null && this.inert(member.value, depth + 1);
      }
    }
    return false;
  }

  private callInert(node: TSESTree.CallExpression, depth: number): boolean {
    const callee = unwrapExpression(node.callee);
    const name = getCalleeName(node);
    const dotted = getDottedName(callee);
    if (name === undefined) return false;
    if (callee.type === AST_NODE_TYPES.Identifier && NUMERIC_FUNCTIONS.includes(name)) return true;
    if (dotted !== undefined && (NUMERIC_NAMESPACES.test(dotted) || dotted === 'process.cwd')) return true;
    if (this.escapers.includes(name) || (dotted !== undefined && this.escapers.includes(dotted))) return true;
    if (callee.type === AST_NODE_TYPES.Identifier && name === 'String') {
      return node.arguments.every((argument) => this.inert(argument, depth + 1));
    }
    const binding = resolveImportBinding(callee, this.scope(node));
    if (binding?.source === 'path' || binding?.source === 'path/posix' || binding?.source === 'path/win32') {
      const fn = binding.path[binding.path.length - 1];
      return fn !== undefined && PATH_FUNCTIONS.includes(fn) && node.arguments.every((argument) => this.inert(argument, depth + 1));
    }
    if (binding?.source === 'os') return ['tmpdir', 'homedir', 'hostname', 'platform'].includes(name);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (NUMERIC_METHODS.includes(name)) return true;
    if (name === 'join') {
      return this.elementsInert(callee.object, depth + 1) && node.arguments.every((argument) => this.inert(argument, depth + 1));
    }
    if (PRESERVING_METHODS.includes(name)) {
      return this.inert(callee.object, depth + 1) && node.arguments.every((argument) => this.inert(argument, depth + 1));
    }
    return false;
  }

  private elementsInert(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const target = unwrapAwait(node);
    const constant = ASTUtils.getStaticValue(target, this.scope(target));
    if (constant !== null && (Array.isArray(constant.value) || typeof constant.value === 'string')) return true;
    switch (target.type) {
      case AST_NODE_TYPES.ArrayExpression:
        return target.elements.every(
          (element) =>
            element === null ||
            (element.type === AST_NODE_TYPES.SpreadElement
              ? this.elementsInert(element.argument, depth + 1)
              : this.inert(element, depth + 1)),
        );
      case AST_NODE_TYPES.NewExpression: {
        const name = getDottedName(target.callee);
        if (name === 'Array') return true;
        const first = target.arguments[0];
        return name === 'Set' && (first === undefined || this.elementsInert(first, depth + 1));
      }
      case AST_NODE_TYPES.Identifier:
        return this.arrayVariableInert(target, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.arrayCallInert(target, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberInert(target, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.elementsInert(target.consequent, depth + 1) && this.elementsInert(target.alternate, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return this.elementsInert(target.left, depth + 1) && this.elementsInert(target.right, depth + 1);
      default:
        return false;
    }
  }

  /** An array variable: its initial value, and everything pushed or assigned into it. */
  private arrayVariableInert(node: TSESTree.Identifier, depth: number): boolean {
    const variable = ASTUtils.findVariable(this.scope(node), node);
    const def = variable?.defs[0];
    if (!variable || !def) return false;
    if (def.type === 'ImportBinding') return CONSTANT_NAME.test(node.name);
    if (def.type === 'Parameter') {
      return isFunctionNode(def.node) && this.parameterInert(def.node, def.name, depth);
    }
    if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
    if (this.visiting.has(variable)) return true;
    this.visiting.add(variable);
    try {
      for (const reference of variable.references) {
        const identifier = reference.identifier;
        const parent = identifier.parent;
        if (reference.isWrite()) {
          if (!reference.writeExpr || !this.elementsInert(reference.writeExpr, depth + 1)) return false;
          continue;
        }
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) continue;
        const method = getMemberName(parent);
        const call = parent.parent;
        if (
          (method === 'push' || method === 'unshift') &&
          call.type === AST_NODE_TYPES.CallExpression &&
          call.callee === parent &&
          !call.arguments.every((argument) =>
            argument.type === AST_NODE_TYPES.SpreadElement
              ? this.elementsInert(argument.argument, depth + 1)
              : this.inert(argument, depth + 1),
          )
        ) {
          return false;
        }
        if (
          parent.computed &&
          call.type === AST_NODE_TYPES.AssignmentExpression &&
          call.left === parent &&
          !this.inert(call.right, depth + 1)
        ) {
          return false;
        }
      }
      return true;
    } finally {
      this.visiting.delete(variable);
    }
  }

  private arrayCallInert(node: TSESTree.CallExpression, depth: number): boolean {
    const callee = unwrapExpression(node.callee);
    const name = getCalleeName(node);
    const dotted = getDottedName(callee);
    if (dotted === 'Array' || dotted === 'Array.of') {
      return dotted === 'Array' ? node.arguments.length <= 1 : node.arguments.every((argument) => this.inert(argument, depth + 1));
    }
    if (dotted === 'Array.from') {
      const [source, callback] = node.arguments;
      if (callback && isFunctionNode(callback)) return this.returnsInert(callback, depth);
      return source !== undefined && this.elementsInert(source, depth + 1);
    }
    if (dotted === 'Object.keys' || dotted === 'Object.values') {
      const source = node.arguments[0];
      const literal = source && resolveObjectExpression(source, this.scope(source));
      if (!literal || hasSpread(literal)) return false;
      return literal.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          (dotted === 'Object.keys' ? !property.computed : this.inert(property.value, depth + 1)),
      );
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return false;
    if (name === 'map' || name === 'flatMap') {
      const callback = node.arguments[0];
      return callback !== undefined && isFunctionNode(callback) && this.returnsInert(callback, depth);
    }
    if (name === 'fill') return node.arguments[0] !== undefined && this.inert(node.arguments[0], depth + 1);
    if (name === 'split') return this.inert(callee.object, depth + 1);
    if (ELEMENT_PRESERVING_METHODS.includes(name)) {
      return (
        this.elementsInert(callee.object, depth + 1) &&
        (name !== 'concat' || node.arguments.every((argument) => this.elementsInert(argument, depth + 1) || this.inert(argument, depth + 1)))
      );
    }
    return false;
  }

  /** Whether every value a callback returns is inert. */
  private returnsInert(fn: FunctionNode, depth: number): boolean {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.inert(fn.body, depth + 1);
    const returns: TSESTree.ReturnStatement[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node !== fn && isFunctionNode(node)) return;
      if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
      forEachChildNode(node, visit);
    };
    visit(fn.body);
    return returns.every((statement) => statement.argument === null || this.inert(statement.argument, depth + 1));
  }

  /**
   * Whether the value at `use` was checked against a constant allow-list: it sits in the `true`
   * branch of `ALLOWED.includes(v)` (`?:`, `&&`, `if`), or follows `if (!ALLOWED.includes(v)) return`.
   */
  private isAllowListed(use: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
    let child: TSESTree.Node = use;
    let parent: TSESTree.Node | undefined = use.parent;
    while (parent) {
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && child === parent.consequent && this.allowListTest(parent.test, use)) return true;
      if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right && this.allowListTest(parent.left, use)) {
        return true;
      }
      if (parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent && this.allowListTest(parent.test, use)) return true;
      if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.SwitchCase) {
        const statements: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
        for (const statement of statements) {
          if (statement === child) break;
          if (
            statement.type === AST_NODE_TYPES.IfStatement &&
            alwaysExits(statement.consequent) &&
            this.negatedAllowListTest(statement.test, use)
          ) {
            return true;
          }
        }
      }
      if (isFunctionNode(parent)) return false;
      child = parent;
      parent = parent.parent;
    }
    return false;
  }

  private negatedAllowListTest(test: TSESTree.Node, use: TSESTree.Node): boolean {
    const target = unwrapExpression(test);
    if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') return this.allowListTest(target.argument, use);
    if (target.type === AST_NODE_TYPES.LogicalExpression && target.operator === '||') {
      return this.negatedAllowListTest(target.left, use) || this.negatedAllowListTest(target.right, use);
    }
    return false;
  }

  /** `ALLOWED.includes(v)` / `ALLOWED_SET.has(v)` over a collection of inert values. */
  private allowListTest(test: TSESTree.Node, use: TSESTree.Node): boolean {
    const target = unwrapExpression(test);
    if (target.type === AST_NODE_TYPES.LogicalExpression && target.operator === '&&') {
      return this.allowListTest(target.left, use) || this.allowListTest(target.right, use);
    }
    if (target.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapExpression(target.callee);
    const name = getCalleeName(target);
    const argument = target.arguments[0];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || (name !== 'includes' && name !== 'has') || !argument) return false;
    return this.sameValue(argument, use) && this.elementsInert(callee.object, 1);
  }

  private sameValue(a: TSESTree.Node, b: TSESTree.Node): boolean {
    const left = unwrapExpression(a);
    const right = unwrapExpression(b);
    if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
      return (
        left.name === right.name &&
        ASTUtils.findVariable(this.scope(left), left) === ASTUtils.findVariable(this.scope(right), right)
      );
    }
    if (left.type === AST_NODE_TYPES.MemberExpression && right.type === AST_NODE_TYPES.MemberExpression) {
      const name = getDottedName(left);
      return name !== undefined && name === getDottedName(right);
    }
    return false;
  }
}

/** `number`, `boolean`, `bigint`, literal types, unions of them, and arrays or sets of those. */
function isInertType(annotation: TSESTree.TypeNode): boolean {
  switch (annotation.type) {
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSLiteralType:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return annotation.types.every((type) => isInertType(type));
    case AST_NODE_TYPES.TSArrayType:
      return isInertType(annotation.elementType);
    case AST_NODE_TYPES.TSTypeOperator:
      // readonly number[]
      return annotation.operator === 'readonly' && annotation.typeAnnotation !== undefined && isInertType(annotation.typeAnnotation);
    case AST_NODE_TYPES.TSTypeReference: {
      // Array<number>, ReadonlyArray<number>, Set<number>
      const name = annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : '';
      const [element, ...others] = annotation.typeArguments?.params ?? [];
      return ['Array', 'ReadonlyArray', 'Set', 'ReadonlySet'].includes(name) && element !== undefined && others.length === 0 && isInertType(element);
    }
    default:
      return false;
  }
}
