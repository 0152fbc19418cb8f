import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, isFunctionNode, isWithin, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { DEFAULT_WRITE_METHODS, dataAccessOptionsSchema, getDataAccess, type DataAccess, type DbCall, type DbLibrary } from '../util/data-access.js';
import { matchesFileGlob } from '../util/file-glob.js';
import { getPromiseUse } from '../util/promise-flow.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    minWrites?: number;
    ignoreFiles?: string[];
    writeMethods?: string[];
  },
];
export type MessageIds = 'writesOutsideTransaction';

/** Seed scripts, migrations and one-off scripts write in bulk on purpose and are re-run by hand. */
const DEFAULT_IGNORE_FILES = ['**/seed.{ts,js,mjs,cjs}', '**/seeds/**', '**/migrations/**', '**/scripts/**'];

type Invocation = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

interface Write {
  call: DbCall;
  node: Invocation;
}

export default createRule<Options, MessageIds>({
  name: 'require-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a transaction around two or more database writes in one function',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-662',
    },
    messages: {
      writesOutsideTransaction:
        'This function makes {{count}} database writes (the first on line {{firstLine}}) with no transaction around them: if this one fails, the earlier ones stay committed and the data is left half-updated. Run them in one transaction (`prisma.$transaction`, `db.transaction`, BEGIN/COMMIT); the `wrap-transaction` codemod does it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minWrites: {
            type: 'integer',
            minimum: 2,
            description: 'How many writes that can all run in one call of a function make it need a transaction.',
          },
          ignoreFiles: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs (relative to the project, `{a,b}` alternatives allowed) of files not checked: seed scripts, migrations and maintenance scripts. Test files are never checked.',
          },
          writeMethods: dataAccessOptionsSchema.writeMethods,
        },
      },
    ],
    defaultOptions: [{ minWrites: 2, ignoreFiles: DEFAULT_IGNORE_FILES, writeMethods: [...DEFAULT_WRITE_METHODS] }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename, context.cwd)) return {};
    if (matchesFileGlob(context.filename, options.ignoreFiles ?? DEFAULT_IGNORE_FILES, context.cwd)) return {};
    const minWrites = options.minWrites ?? 2;
    const sourceCode = context.sourceCode;
    const awaitedByFunction = new Map<FunctionNode, Invocation[]>();
    let model: DataAccess | undefined;
    const dataAccess = (): DataAccess => (model ??= getDataAccess(sourceCode, { writeMethods: options.writeMethods ?? DEFAULT_WRITE_METHODS }));

    const collect = (node: Invocation): void => {
      // Only awaited or returned writes count: that check is cheaper than classifying the call.
      const use = getPromiseUse(node);
      if (use !== 'await' && use !== 'return') return;
      const owner = ownerFunction(node, dataAccess());
      if (!owner) return;
      const awaited = awaitedByFunction.get(owner);
      if (awaited) awaited.push(node);
      else awaitedByFunction.set(owner, [node]);
    };

    /** The awaited or returned calls that write to a database outside Redis, in source order. */
    const writesAmong = (calls: readonly Invocation[]): Write[] => {
      const writes: Write[] = [];
      for (const node of calls) {
        const call = dataAccess().classifyCall(node);
        // A Redis write cannot join a database transaction; Redis has MULTI for its own.
        if (call?.kind === 'write' && call.node === node && call.library !== 'redis') writes.push({ call, node });
      }
      return writes;
    };

    return {
      CallExpression: collect,
      TaggedTemplateExpression: collect,
      'Program:exit'() {
        for (const awaited of awaitedByFunction.values()) {
          // Calls are classified only in functions that await enough of them to make the writes:
          // most functions await one or none.
          if (awaited.length < minWrites) continue;
          const collected = writesAmong(awaited);
          if (collected.length < minWrites) continue;
          const writes = collected.filter((write) => !dataAccess().isInTransaction(write.node));
          if (writes.length < minWrites) continue;
          const together = largestSetRunTogether(writes, dataAccess());
          const reported = together[minWrites - 1];
          const first = together[0];
          if (together.length < minWrites || !reported || !first) continue;
          context.report({
            node: reported.node,
            loc: (reported.node.type === AST_NODE_TYPES.CallExpression ? reported.node.callee : reported.node.tag).loc,
            messageId: 'writesOutsideTransaction',
            data: { count: together.length, firstLine: first.node.loc.start.line },
          });
        }
      },
    };
  },
});

/**
 * The function whose single call runs the write: the enclosing function, looking through
 * iteration callbacks (`items.forEach(async (item) => …)`, `Promise.all(items.map(…))`), which run
 * as part of the function that iterates.
 */
function ownerFunction(node: TSESTree.Node, model: DataAccess): FunctionNode | undefined {
  let fn = getEnclosingFunction(node);
  while (fn) {
    const loop = model.getEnclosingLoop(fn.body);
    if (loop?.kind !== 'callback' || loop.callback !== fn) return fn;
    fn = getEnclosingFunction(fn);
  }
  return undefined;
}

/**
 * The largest set of writes that can all run in one call, per database: a library's writes plus the
 * configured repository-method writes (a `storage.*` wrapper sits on the application's database).
 * Greedy in source order, which is exact for the usual shapes (if/else, early returns, switch).
 */
function largestSetRunTogether(writes: readonly Write[], model: DataAccess): Write[] {
  const libraries = new Set<DbLibrary>(writes.map((write) => write.call.library).filter((library) => library !== 'repository'));
  const groups =
    libraries.size === 0
      ? [writes]
      : [...libraries].map((library) => writes.filter((write) => write.call.library === library || write.call.library === 'repository'));
  let best: Write[] = [];
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => a.node.range[0] - b.node.range[0]);
    const together: Write[] = [];
    for (const write of sorted) {
      if (together.every((earlier) => !areExclusive(earlier.node, write.node, model))) together.push(write);
    }
    if (together.length > best.length) best = together;
  }
  return best;
}

/**
 * Whether `first` (earlier in the source) and `second` can never both run in one call: they sit in
 * different branches of an `if`/`?:`/`switch` (a case that does not fall through), in a `try` block
 * and its `catch` (a compensating write), or `first` sits in a branch that always returns or throws.
 */
function areExclusive(first: TSESTree.Node, second: TSESTree.Node, model: DataAccess): boolean {
  let child: TSESTree.Node = first;
  let parent = first.parent;
  let crossedFunction = false;
  let returnsAfterFirst = false;
  while (parent && !isWithin(second, parent)) {
    // A `return` inside a callback ends the callback, not the function making the writes.
    if (!crossedFunction && isBranch(child, parent) && exitsFunction(child)) returnsAfterFirst = true;
    if (isFunctionNode(parent)) crossedFunction = true;
    child = parent;
    parent = parent.parent;
  }
  // In a loop (or an iteration callback) holding both, one iteration can take the `if` and the
  // next the `else`, or run the second write before a later iteration runs the first and returns.
  if (!parent || model.getEnclosingLoop(parent) !== undefined) return false;
  if (returnsAfterFirst) return true;
  // `parent` is the nearest node holding both; `child` is the part of it that holds `first`.
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
      return child === parent.consequent && parent.alternate !== null && isWithin(second, parent.alternate);
    case AST_NODE_TYPES.ConditionalExpression:
      return child === parent.consequent && isWithin(second, parent.alternate);
    case AST_NODE_TYPES.SwitchStatement:
      return child.type === AST_NODE_TYPES.SwitchCase && leavesSwitch(child);
    case AST_NODE_TYPES.TryStatement:
      return child === parent.block && parent.handler !== null && isWithin(second, parent.handler);
    default:
      return false;
  }
}

/** `child` is one branch of `parent`: an `if` branch or a `switch` case. */
function isBranch(child: TSESTree.Node, parent: TSESTree.Node): boolean {
  if (parent.type === AST_NODE_TYPES.IfStatement) return child === parent.consequent || child === parent.alternate;
  return parent.type === AST_NODE_TYPES.SwitchStatement && child.type === AST_NODE_TYPES.SwitchCase;
}

/** Whether a statement (or a switch case) always ends the function: `return` or `throw` on every path. */
function exitsFunction(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return node.body.some((statement) => exitsFunction(statement));
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent.some((statement) => exitsFunction(statement));
    case AST_NODE_TYPES.IfStatement:
      return exitsFunction(node.consequent) && exitsFunction(node.alternate);
    case AST_NODE_TYPES.TryStatement:
      return exitsFunction(node.block) && (node.handler === null || exitsFunction(node.handler.body));
    default:
      return false;
  }
}

/** A `switch` case that does not fall through into the next one. */
function leavesSwitch(node: TSESTree.SwitchCase): boolean {
  return node.consequent.some(
    (statement) =>
      exitsFunction(statement) ||
      (statement.type === AST_NODE_TYPES.BreakStatement && statement.label === null) ||
      (statement.type === AST_NODE_TYPES.BlockStatement &&
        statement.body.some((inner) => inner.type === AST_NODE_TYPES.BreakStatement && inner.label === null)),
  );
}
