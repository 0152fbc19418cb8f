import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getDottedName, getMemberName, isFunctionNode, isWithin, unwrapAwait, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { getDataAccess, type DataAccess, type LoopInfo } from '../util/data-access.js';
import { resolveImportBinding } from '../util/modules.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    checkAllArrays?: boolean;
    ignoreNames?: string[];
  },
];
export type MessageIds = 'nestedScan' | 'nestedLookup';

/** Scans that take a callback: only arrays (and typed arrays) have them, so the receiver is an array. */
const CALLBACK_SCANS = new Set(['filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every']);
/** Scans by value: strings have them too, so the receiver needs evidence of being an array. */
const VALUE_SCANS = new Set(['includes', 'indexOf', 'lastIndexOf']);
/** Methods that return a new array as long as their receiver (or longer). */
const ARRAY_RESULT_METHODS = new Set([
  'map', 'filter', 'flatMap', 'flat', 'slice', 'concat', 'sort', 'toSorted', 'reverse', 'toReversed', 'toSpliced', 'with', 'fill',
]);
/** Methods that exist on arrays and not on strings: calling one on a name shows the name holds an array. */
const ARRAY_ONLY_METHODS = new Set(['map', 'filter', 'forEach', 'flatMap', 'flat', 'reduce', 'reduceRight', 'find', 'findIndex', 'some', 'every', 'push', 'sort']);

/**
 * What is known of a scanned value. `array`: it is an array, not a string (query rows, `[]` filled
 * with `push`, `x.split()`, a `T[]` annotation, a name also used with `map`/`forEach`…). `data`: its
 * size comes from data the program loads (a database list read, an awaited call such as
 * `await getEvents()` or `await res.json()`, or an array derived from one), not from the code.
 */
interface Evidence {
  array: boolean;
  data: boolean;
}

const ROWS: Evidence = { array: true, data: true };
/** Calls that grow an array declared empty. */
const GROWING_METHODS = new Set(['push', 'unshift', 'splice']);

const MAX_DEPTH = 6;

export default createRule<Options, MessageIds>({
  name: 'no-nested-array-scan',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow scanning one array with `filter`/`find`/`includes` for every item of another (O(n·m))',
      // Strict only: the rule cannot see sizes, and many nested scans run over a few dozen items.
      recommended: false,
      category: 'performance',
      cwe: 'CWE-407',
    },
    messages: {
      nestedScan:
        '`{{receiver}}.{{method}}()` walks all of `{{receiver}}` {{where}}: O(n·m), and 1,000 × 10,000 items is 10 million comparisons per call. Index it once before the loop (`const byId = new Map({{receiver}}.map((x) => [x.id, x]))`, or a `Map` of arrays for `filter`) and look items up with `byId.get(…)`.',
      nestedLookup:
        '`{{receiver}}.{{method}}()` walks all of `{{receiver}}` {{where}}: O(n·m), and 1,000 × 10,000 items is 10 million comparisons per call. Build `const known = new Set({{receiver}})` once before the loop and test with `known.has(…)`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkAllArrays: {
            type: 'boolean',
            description:
              'Also report scans of arrays whose size does not visibly come from loaded data (a `T[]` parameter, an array filled with `push`, the `map` of a parameter). Off by default: such arrays are most often small.',
          },
          ignoreNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Names of arrays known to stay small (e.g. `columns`, `steps`), whose scans inside a loop are not reported.',
          },
        },
      },
    ],
    defaultOptions: [{ checkAllArrays: false, ignoreNames: [] }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const ignoreNames = new Set(options.ignoreNames ?? []);
    let model: DataAccess | undefined;
    const dataAccess = (): DataAccess => (model ??= getDataAccess(sourceCode));
    const checkAllArrays = options.checkAllArrays ?? false;
    const evidenceCache = new Map<TSESLint.Scope.Variable, Evidence | null>();

    return {
      'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(?:filter|find|findIndex|findLast|findLastIndex|some|every|includes|indexOf|lastIndexOf)$/u]'(
        node: TSESTree.CallExpression,
      ) {
        const callee = node.callee as TSESTree.MemberExpression;
        const method = getMemberName(callee);
        if (method === undefined || node.arguments.length === 0) return;
        const isCallbackScan = CALLBACK_SCANS.has(method);
        if (isCallbackScan && !isFunctionNode(node.arguments[0])) return;
        if (!isCallbackScan && !VALUE_SCANS.has(method)) return;

        const receiver = unwrapExpression(callee.object);
        const root = rootVariable(receiver);
        if (!root || isSmallConstant(root.variable)) return;
        const evidence = evidenceOf(receiver, 0);
        if (!evidence || (!evidence.data && !checkAllArrays) || (!isCallbackScan && !evidence.array)) return;

        const loop = findOuterLoop(node, root.variable);
        if (!loop) return;
        context.report({
          node,
          loc: callee.property.loc,
          messageId: isCallbackScan ? 'nestedScan' : 'nestedLookup',
          data: { receiver: text(receiver), method, where: loop.iterable ? `for every item of \`${text(loop.iterable)}\`` : 'on every iteration of the loop' },
        });
      },
    };

    /**
     * The nearest loop over another, unbounded collection that repeats the scan with its item: the
     * scan's arguments use the item, and the scanned array is declared outside the loop (an array
     * built per iteration is not the same pattern). Loops of a size fixed in the code do not count.
     */
    function findOuterLoop(node: TSESTree.CallExpression, variable: TSESLint.Scope.Variable): LoopInfo | undefined {
      const model = dataAccess();
      for (let loop = model.getEnclosingLoop(node); loop; loop = model.getEnclosingLoop(loop.node)) {
        const definition = variable.defs[0]?.name;
        if (definition && isWithin(definition, loop.node)) return undefined;
        if (loop.kind === 'while' || loop.kind === 'do-while' || loop.staticLength !== undefined) continue;
        if (node.arguments.some((argument) => model.referencesLoopVariable(argument, loop))) return loop;
      }
      return undefined;
    }

    /** The variable an array expression starts from: `events` of `events`, `result` of `result.rows`. */
    function rootVariable(node: TSESTree.Node): { variable: TSESLint.Scope.Variable } | undefined {
      let current = unwrapExpression(node);
      while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) current = unwrapExpression(current.object);
      if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
      return variable && variable.defs.length > 0 ? { variable } : undefined;
    }

    /** SCREAMING_CASE constants, imported values, configured names: lists fixed by the program, not by data. */
    function isSmallConstant(variable: TSESLint.Scope.Variable): boolean {
      if (ignoreNames.has(variable.name) || /^[A-Z][A-Z0-9_]*$/u.test(variable.name)) return true;
      const def = variable.defs[0];
      return def?.type === 'ImportBinding' || (def !== undefined && resolveImportBinding(def.name, sourceCode.getScope(def.name)) !== undefined);
    }

    /** What is known of `node`: whether it is an array, and whether its size comes from data (see {@link Evidence}). */
    function evidenceOf(node: TSESTree.Node, depth: number): Evidence | undefined {
      if (depth > MAX_DEPTH) return undefined;
      const target = unwrapExpression(node);
      switch (target.type) {
        case AST_NODE_TYPES.Identifier: {
          const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
          return variable ? variableEvidence(variable, depth) : undefined;
        }
        case AST_NODE_TYPES.MemberExpression:
          // `result.rows` of a pg / mysql query.
          return getMemberName(target) === 'rows' && isListQuery(target.object) ? ROWS : undefined;
        case AST_NODE_TYPES.AwaitExpression: {
          const inner = unwrapAwait(target);
          if (isListQuery(inner)) return ROWS;
          // `await getEvents()`, `await res.json()`: data, array or not.
          return evidenceOf(inner, depth + 1) ?? (inner.type === AST_NODE_TYPES.CallExpression ? { array: false, data: true } : undefined);
        }
        case AST_NODE_TYPES.CallExpression:
          return callEvidence(target, depth);
        case AST_NODE_TYPES.ArrayExpression: {
          // `[...a, ...b]`: as large as its spread parts; a literal list is as small as the code.
          const parts = target.elements.map((element) =>
            element?.type === AST_NODE_TYPES.SpreadElement ? evidenceOf(element.argument, depth + 1) : undefined,
          );
          return parts.some((part) => part !== undefined) ? { array: true, data: parts.some((part) => part?.data === true) } : undefined;
        }
        case AST_NODE_TYPES.LogicalExpression:
          return merge(evidenceOf(target.left, depth + 1), evidenceOf(target.right, depth + 1));
        case AST_NODE_TYPES.ConditionalExpression:
          return merge(evidenceOf(target.consequent, depth + 1), evidenceOf(target.alternate, depth + 1));
        default:
          return undefined;
      }
    }

    function callEvidence(call: TSESTree.CallExpression, depth: number): Evidence | undefined {
      if (isListQuery(call)) return ROWS;
      const dotted = getDottedName(call.callee);
      if (dotted === 'Array.from' || dotted === 'Object.values' || dotted === 'Object.keys' || dotted === 'Object.entries') {
        // `Object.keys({ a: 1 })` has no evidence: a literal object is as small as the code.
        const source = call.arguments[0] ? evidenceOf(call.arguments[0], depth + 1) : undefined;
        return source ? { array: true, data: source.data } : undefined;
      }
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberName(callee);
      if (method === 'split') {
        // `text.split('\n')`: as many items as the text has lines; a literal's split is fixed.
        const source = unwrapExpression(callee.object);
        if (source.type === AST_NODE_TYPES.Literal || source.type === AST_NODE_TYPES.TemplateLiteral) return undefined;
        return { array: true, data: evidenceOf(source, depth + 1)?.data === true };
      }
      if (method !== undefined && ARRAY_RESULT_METHODS.has(method)) {
        const source = evidenceOf(callee.object, depth + 1);
        return source ? { array: true, data: source.data } : undefined;
      }
      return undefined;
    }

    /** A database read that returns rows (`findMany`, `SELECT` without `WHERE id = $1`, `find()`), awaited or not. */
    function isListQuery(node: TSESTree.Node): boolean {
      const target = unwrapAwait(node);
      if (target.type === AST_NODE_TYPES.Identifier) {
        const init = constInit(target);
        return init !== undefined && isListQuery(init);
      }
      const call = dataAccess().classifyCall(target);
      return call?.kind === 'read' && call.isList !== false;
    }

    function constInit(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const def = variable?.defs[0];
      if (variable?.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      return def.node.init ?? undefined;
    }

    function variableEvidence(variable: TSESLint.Scope.Variable, depth: number): Evidence | undefined {
      const cached = evidenceCache.get(variable);
      if (cached !== undefined) return cached ?? undefined;
      evidenceCache.set(variable, null); // cycle guard
      const found = computeVariableEvidence(variable, depth);
      evidenceCache.set(variable, found ?? null);
      return found;
    }

    function computeVariableEvidence(variable: TSESLint.Scope.Variable, depth: number): Evidence | undefined {
      const def = variable.defs[0];
      if (!def || variable.defs.length !== 1) return undefined;
      const typed: Evidence | undefined = isArrayType(typeAnnotationOf(def.name)) ? { array: true, data: false } : undefined;
      if (def.type === 'Parameter') return typed;
      if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
      const declarator = def.node;
      let found: Evidence | undefined;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
        // `const seen = []; … seen.push(x)`: an array, grown by the code.
        if (init?.type === AST_NODE_TYPES.ArrayExpression && init.elements.length === 0 && hasMethodCall(variable, GROWING_METHODS)) {
          found = { array: true, data: false };
        } else if (declarator.init) {
          found = evidenceOf(declarator.init, depth + 1);
        }
        // `let rows = []; rows = await load();`
        for (const reference of variable.references) {
          const parent = reference.identifier.parent;
          if (reference.isWrite() && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier) {
            found = merge(found, evidenceOf(parent.right, depth + 1));
          }
        }
      } else if (declarator.init) {
        found = destructuredEvidence(declarator.id, declarator.init, def.name, depth);
      }
      found = merge(found, typed);
      // Called with `map`/`forEach`/…: strings have none of them, so the value is an array.
      if (found && !found.array && hasMethodCall(variable, ARRAY_ONLY_METHODS)) return { array: true, data: found.data };
      return found;
    }

    /** `const { rows } = await pool.query(…)`, `const [items, events] = await Promise.all([a.findMany(), b.findMany()])`. */
    function destructuredEvidence(pattern: TSESTree.Node, init: TSESTree.Expression, name: TSESTree.Node, depth: number): Evidence | undefined {
      const value = unwrapAwait(init);
      if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
        const property = pattern.properties.find((item) => item.type === AST_NODE_TYPES.Property && isWithin(name, item.value));
        if (property?.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
        return property.key.name === 'rows' && isListQuery(value) ? ROWS : undefined;
      }
      if (pattern.type !== AST_NODE_TYPES.ArrayPattern) return undefined;
      const index = pattern.elements.findIndex((element) => element !== null && isWithin(name, element) && element.type === AST_NODE_TYPES.Identifier);
      if (index === -1) return undefined;
      if (value.type === AST_NODE_TYPES.CallExpression && /^Promise\.(?:all|allSettled)$/u.test(getDottedName(value.callee) ?? '')) {
        const array = value.arguments[0];
        const element = array?.type === AST_NODE_TYPES.ArrayExpression ? array.elements[index] : undefined;
        if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
        if (isListQuery(element)) return ROWS;
        return evidenceOf(element, depth + 1) ?? (unwrapAwait(element).type === AST_NODE_TYPES.CallExpression ? { array: false, data: true } : undefined);
      }
      // mysql2: `const [rows] = await pool.query('SELECT …')`.
      return index === 0 && isListQuery(value) ? ROWS : undefined;
    }

    /** Whether the variable is used as the receiver of one of `methods` somewhere in the file. */
    function hasMethodCall(variable: TSESLint.Scope.Variable, methods: ReadonlySet<string>): boolean {
      return variable.references.some((reference) => {
        const member = reference.identifier.parent;
        if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
        const name = getMemberName(member);
        return name !== undefined && methods.has(name) && member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
      });
    }

    function text(node: TSESTree.Node): string {
      const value = sourceCode.getText(node);
      return value.length <= 40 && !value.includes('\n') ? value : 'the list';
    }
  },
});

function typeAnnotationOf(name: TSESTree.Node): TSESTree.TypeNode | undefined {
  return name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
}

/** `T[]`, `readonly T[]`, `Array<T>`, `ReadonlyArray<T>`. */
function isArrayType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === AST_NODE_TYPES.TSArrayType) return true;
  if (type.type === AST_NODE_TYPES.TSTypeOperator && type.operator === 'readonly') return isArrayType(type.typeAnnotation);
  return (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    (type.typeName.name === 'Array' || type.typeName.name === 'ReadonlyArray')
  );
}

/** What either of two values may be (`a ?? b`, `c ? a : b`, a variable written twice). */
function merge(a: Evidence | undefined, b: Evidence | undefined): Evidence | undefined {
  if (!a) return b;
  if (!b) return a;
  return { array: a.array || b.array, data: a.data || b.data };
}
