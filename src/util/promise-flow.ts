/**
 * Where a promise goes once it is created: awaited, returned to the caller, handed to a
 * `Promise.all`-style combinator, collected into an array, or dropped. Rules that count work that
 * actually completes in a function (a database write, a query per iteration) read it here.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getDottedName, getMemberName } from './ast.js';

/**
 * - `await`: `await p`, `await p.then(…)`, `await Promise.all([p, …])`, `for await`;
 * - `return`: `return p`, an arrow's expression body (`(x) => p`), also through a combinator;
 * - `yield`: `yield p`;
 * - `collected`: pushed into an array (`promises.push(p)`), to be awaited later;
 * - `stored`: the initialiser of a variable (`const p = q()`), whose later use is not followed.
 */
export type PromiseUse = 'await' | 'return' | 'yield' | 'collected' | 'stored';

const PROMISE_CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
const COMBINATOR = /^Promise\.(?:all|allSettled|any|race)$/u;

/**
 * How the promise `node` evaluates to is used. Follows `.then/.catch/.finally` chains, TS casts,
 * `a ? p : q`, `p ?? q`, and `Promise.all/allSettled/any/race([…])`. Undefined when it is dropped
 * (an expression statement, `void p`) or used in a way not listed in {@link PromiseUse}.
 */
export function getPromiseUse(node: TSESTree.Node): PromiseUse | undefined {
  let current: TSESTree.Node = node;
  for (let step = 0; step < 32; step += 1) {
    const parent = current.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return undefined;
        current = parent;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        const name = parent.object === current ? getMemberName(parent) : undefined;
        const call = parent.parent;
        if (name === undefined || !PROMISE_CHAIN_METHODS.has(name) || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) {
          return undefined;
        }
        current = call;
        continue;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return 'await';
      case AST_NODE_TYPES.ReturnStatement:
        return 'return';
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === current ? 'return' : undefined;
      case AST_NODE_TYPES.YieldExpression:
        return 'yield';
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === current ? 'stored' : undefined;
      case AST_NODE_TYPES.ArrayExpression: {
        const call = parent.parent;
        if (call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === parent && isCombinator(call)) {
          current = call;
          continue;
        }
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (parent.callee === current) return undefined;
        // `Promise.all(items.map(…))` is handled by the map callback's return; here: `promises.push(p)`.
        const callee = parent.callee;
        if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberName(callee) === 'push') return 'collected';
        if (isCombinator(parent)) {
          current = parent;
          continue;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

function isCombinator(call: TSESTree.CallExpression): boolean {
  const dotted = getDottedName(call.callee);
  return dotted !== undefined && COMBINATOR.test(dotted);
}
