import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { alwaysExits, childNodes, getCalleeName, isFunctionNode, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { getDataAccess } from '../util/data-access.js';
import { canReturnNoRows, isIndexZero, QueryResults, type QueryValue } from '../util/query-results.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    checkCallbacks?: boolean;
    guardFunctions?: string[];
  },
];
export type MessageIds = 'uncheckedFirstRow' | 'uncheckedFirstRowDestructured' | 'uncheckedFirstRowCallback' | 'useOptionalChaining';

const DEFAULT_OPTIONS: Required<Options[0]> = {
  checkCallbacks: true,
  guardFunctions: [],
};

/** Calls that throw unless their argument holds: `assert(row)`, `assert.ok(rows.length)`, `invariant(user)`. */
const ASSERTION_NAME = /^(?:assert|invariant|ensure|expect|must)/iu;
/** Node-style callbacks that take `(err, value)`: passport's `done`, `cb`, `callback`. */
const CALLBACK_NAMES = new Set(['done', 'cb', 'callback', 'next']);

type RowUse =
  /** `row.x`, `row[k]`, `row.x()`: a property read that throws on undefined. */
  | { kind: 'member'; node: TSESTree.Node; member: TSESTree.MemberExpression }
  /** `const { x } = row`: destructuring that throws on undefined. */
  | { kind: 'destructure'; node: TSESTree.Node }
  /** `done(null, row)`. */
  | { kind: 'callback'; node: TSESTree.Node; callee: string };

export default createRule<Options, MessageIds>({
  name: 'no-unchecked-first-row',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading the first row of a query result without checking that the query returned one',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-476',
    },
    hasSuggestions: true,
    messages: {
      uncheckedFirstRow:
        '{{row}} is undefined when the query returns no rows, and this reads it without a check: the request fails with a TypeError (a 500) instead of a clean "not found".',
      uncheckedFirstRowDestructured:
        'This destructures the first row of a query that can return no rows: with no row it throws a TypeError (a 500) instead of a clean "not found". Check that a row came back first.',
      uncheckedFirstRowCallback:
        '{{row}} is undefined when the query returns no rows, and it is passed to `{{callee}}` as if a row was found: check for it first and report the missing row.',
      useOptionalChaining: 'Read it with optional chaining (`?.`), then handle the missing row.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkCallbacks: {
            type: 'boolean',
            description: 'Also report a first row passed unchecked as the value of a Node-style callback (`done(null, rows[0])`, as in passport strategies).',
          },
          guardFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Extra function names (last segment, e.g. `requireFound`) whose call with the row or the rows as an argument counts as a check, like `assert(row)`.',
          },
        },
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
  },
  create(context, [given]) {
    if (isTestFile(context.filename, context.cwd)) return {};
    const options = { ...DEFAULT_OPTIONS, ...given };
    const sourceCode = context.sourceCode;
    const reported = new Set<string>();
    let results: QueryResults | undefined;

    function queryResults(): QueryResults {
      results ??= new QueryResults(sourceCode, getDataAccess(sourceCode));
      return results;
    }

    return {
      // Only `x[0]` (computed) can read the first row: most member expressions are never visited.
      'MemberExpression[computed=true]'(node: TSESTree.MemberExpression) {
        if (!isIndexZero(node) || !mayBeRows(node.object)) return;
        const value = queryResults().valueOf(node);
        if (value?.kind !== 'row' || !canReturnNoRows(value.call)) return;
        const subjects = new Set(value.variables);
        const declarator = consumerOf(node);
        if (declarator.parent?.type === AST_NODE_TYPES.VariableDeclarator && declarator.parent.init === declarator && declarator.parent.id.type === AST_NODE_TYPES.Identifier) {
          checkRowVariable(declarator.parent.id, subjects);
          return;
        }
        const use = rowUse(node);
        if (!use || isGuarded(use.node, subjects)) return;
        const key = `${enclosingFunctionStart(node)}:${sourceCode.getText(node)}`;
        if (reported.has(key)) return;
        reported.add(key);
        report(use, sourceCode.getText(node));
      },
      VariableDeclarator(node) {
        if (!node.init || node.id.type === AST_NODE_TYPES.Identifier) return;
        const init = unwrapExpression(node.init);
        if (init.type === AST_NODE_TYPES.MemberExpression && isIndexZero(init)) return; // the MemberExpression listener has it
        if (init.type !== AST_NODE_TYPES.AwaitExpression && init.type !== AST_NODE_TYPES.Identifier && init.type !== AST_NODE_TYPES.MemberExpression) return;
        const value = queryResults().valueOf(init);
        // A row held in a local (`const { name } = user`) is checked with that local's other uses.
        if (!value || value.kind === 'row' || !canReturnNoRows(value.call)) return;
        visitPattern(node.id, value);
      },
    };

    /** Walks a destructuring pattern down to the first row: `{ rows: [user] }`, `[[user]]`, `[user]`. */
    function visitPattern(pattern: TSESTree.Node, value: QueryValue): void {
      if (value.kind === 'row') {
        const subjects = new Set(value.variables);
        if (pattern.type === AST_NODE_TYPES.Identifier) checkRowVariable(pattern, subjects);
        else if ((pattern.type === AST_NODE_TYPES.ObjectPattern || pattern.type === AST_NODE_TYPES.ArrayPattern) && !isGuarded(pattern, subjects)) {
          report({ kind: 'destructure', node: pattern }, '');
        }
        return;
      }
      if (pattern.type === AST_NODE_TYPES.ObjectPattern && value.kind === 'result') {
        for (const property of pattern.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'rows') continue;
          const rows = QueryResults.stepInto(value, 'rows');
          if (rows) visitPattern(property.value, withVariableOf(rows, property.value));
        }
        return;
      }
      if (pattern.type === AST_NODE_TYPES.ArrayPattern && (value.kind === 'tuple' || value.kind === 'rows')) {
        const first = pattern.elements[0];
        const next = QueryResults.stepInto(value, 0);
        if (first && first.type !== AST_NODE_TYPES.RestElement && first.type !== AST_NODE_TYPES.AssignmentPattern && next) {
          visitPattern(first, withVariableOf(next, first));
        }
      }
    }

    /** Adds the variable a pattern element binds (`rows` of `{ rows }`) to what a guard may test. */
    function withVariableOf(value: QueryValue, pattern: TSESTree.Node): QueryValue {
      if (pattern.type !== AST_NODE_TYPES.Identifier) return value;
      const variable = ASTUtils.findVariable(sourceCode.getScope(pattern), pattern);
      return variable ? { ...value, variables: [...value.variables, variable] } : value;
    }

    /** A local holding the first row: report its first unchecked dereference. */
    function checkRowVariable(identifier: TSESTree.Identifier, subjects: Set<TSESLint.Scope.Variable>): void {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      if (!variable) return;
      // Re-assigned (`if (!user) user = await create()`): a fallback, not followed.
      if (new Set(variable.references.filter((reference) => reference.isWrite()).map((reference) => reference.identifier)).size > 1) return;
      const guards = new Set([...subjects, variable]);
      const reads = variable.references.filter((reference) => reference.isRead()).sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
      for (const reference of reads) {
        const use = rowUse(reference.identifier);
        if (!use || isGuarded(use.node, guards)) continue;
        report(use, identifier.name);
        return;
      }
    }

    /** How a row expression is used, when the use fails (or misleads) on undefined. */
    function rowUse(row: TSESTree.Node): RowUse | undefined {
      const outer = consumerOf(row);
      const parent = outer.parent;
      if (!parent) return undefined;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
        return parent.optional ? undefined : { kind: 'member', node: row, member: parent };
      }
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type !== AST_NODE_TYPES.Identifier) {
        return { kind: 'destructure', node: row };
      }
      if (
        options.checkCallbacks &&
        parent.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments[1] === outer &&
        parent.arguments[0]?.type === AST_NODE_TYPES.Literal &&
        parent.arguments[0].value === null &&
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        CALLBACK_NAMES.has(parent.callee.name) &&
        isParameter(parent.callee)
      ) {
        return { kind: 'callback', node: row, callee: parent.callee.name };
      }
      return undefined;
    }

    function report(use: RowUse, text: string): void {
      const row = text.length > 0 && text.length <= 40 && !text.includes('\n') ? `\`${text}\`` : 'The first row';
      if (use.kind === 'callback') {
        context.report({ node: use.node, messageId: 'uncheckedFirstRowCallback', data: { row, callee: use.callee } });
        return;
      }
      if (use.kind === 'destructure') {
        context.report({ node: use.node, messageId: 'uncheckedFirstRowDestructured' });
        return;
      }
      const member = use.member;
      const dot = sourceCode.getFirstTokenBetween(member.object, member.property, (token) => token.value === '.' || token.value === '[');
      const canChain = dot !== null && !isWriteTarget(member);
      context.report({
        node: use.node,
        messageId: 'uncheckedFirstRow',
        data: { row },
        ...(canChain
          ? {
              suggest: [
                {
                  messageId: 'useOptionalChaining' as const,
                  fix: (fixer: TSESLint.RuleFixer) => (dot.value === '.' ? fixer.replaceText(dot, '?.') : fixer.insertTextBefore(dot, '?.')),
                },
              ],
            }
          : {}),
      });
    }

    /**
     * Whether a check on the row or the rows runs before `use`: an enclosing `if`/`?:`/`&&`/`||`/`??`
     * or `switch` whose test mentions them (`if (rows.length > 0) { … }`, `rows[0] && rows[0].x`),
     * an earlier `if` that leaves on the check (`if (!user) return …`, `if (result.rowCount === 0)
     * throw …`), or an earlier assertion call (`assert(user)`). The direction of the test is not
     * checked: a test that mentions them is taken as the author's check.
     */
    function isGuarded(use: TSESTree.Node, subjects: ReadonlySet<TSESLint.Scope.Variable>): boolean {
      if (subjects.size === 0) return false;
      let child: TSESTree.Node = use;
      let parent = use.parent;
      while (parent) {
        switch (parent.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression:
            if (child !== parent.test && mentions(parent.test, subjects)) return true;
            break;
          case AST_NODE_TYPES.LogicalExpression:
            if (child === parent.right && mentions(parent.left, subjects)) return true;
            break;
          case AST_NODE_TYPES.WhileStatement:
          case AST_NODE_TYPES.ForStatement:
            if (child === parent.body && parent.test && mentions(parent.test, subjects)) return true;
            break;
          case AST_NODE_TYPES.SwitchStatement:
            if (child !== parent.discriminant && mentions(parent.discriminant, subjects)) return true;
            break;
          case AST_NODE_TYPES.BlockStatement:
          case AST_NODE_TYPES.Program:
          case AST_NODE_TYPES.SwitchCase: {
            const statements: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
            for (const statement of statements) {
              if (statement === child) break;
              if (statementGuards(statement, subjects)) return true;
            }
            break;
          }
          default:
            break;
        }
        child = parent;
        parent = parent.parent;
      }
      return false;
    }

    function statementGuards(statement: TSESTree.Node, subjects: ReadonlySet<TSESLint.Scope.Variable>): boolean {
      if (statement.type === AST_NODE_TYPES.IfStatement) return alwaysExits(statement.consequent) && mentions(statement.test, subjects);
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const expression = unwrapExpression(statement.expression);
      const call = expression.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(expression.argument) : expression;
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const name = getCalleeName(call);
      if (name === undefined || (!ASSERTION_NAME.test(name) && !options.guardFunctions.includes(name))) return false;
      return call.arguments.some((argument) => mentions(argument, subjects));
    }

    function mentions(node: TSESTree.Node, subjects: ReadonlySet<TSESLint.Scope.Variable>): boolean {
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
        return variable !== null && subjects.has(variable);
      }
      if (isFunctionNode(node)) return false;
      return childNodes(node, { skipTypes: true }).some((child) => mentions(child, subjects));
    }

    function isParameter(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      return variable?.defs[0]?.type === 'Parameter';
    }
  },
});

/** Cheap pre-filter for `x[0]`: the object must be a name, a member or an awaited call. */
function mayBeRows(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  return target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression || target.type === AST_NODE_TYPES.AwaitExpression;
}

/**
 * The expression that consumes `node`'s value: `node` itself, or the TS cast around it
 * (`(rows[0] as User).name`). A non-null assertion (`rows[0]!`) is an explicit claim and stops here.
 */
function consumerOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression || current.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}

function isWriteTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    parent.type === AST_NODE_TYPES.UpdateExpression ||
    ((parent.type === AST_NODE_TYPES.ForInStatement || parent.type === AST_NODE_TYPES.ForOfStatement) && parent.left === member)
  );
}

function enclosingFunctionStart(node: TSESTree.Node): number {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current.range[0];
  }
  return -1;
}
