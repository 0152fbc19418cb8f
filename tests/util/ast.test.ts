import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { childNodes, forEachChildNode } from '../../src/util/ast.js';
import { probe } from './probe.js';

/**
 * The child node types of every node of `kind` as `childNodes` lists them, followed by `same`
 * when `forEachChildNode` visits exactly those nodes in that order, else by what it visited.
 */
function children(code: string, kind: AST_NODE_TYPES, skipTypes: boolean): string[] {
  return probe(code, (context) => ({
    [kind](node: TSESTree.Node) {
      const listed = childNodes(node, { skipTypes });
      const visited: TSESTree.Node[] = [];
      forEachChildNode(node, (child) => visited.push(child), { skipTypes });
      const same = visited.length === listed.length && visited.every((child, index) => child === listed[index]);
      const text = `${listed.map((child) => child.type).join(' ')} / ${same ? 'same' : visited.map((child) => child.type).join(' ')}`;
      context.report({ node, messageId: 'found', data: { text } });
    },
  }));
}

describe('childNodes and forEachChildNode', () => {
  const code = 'function f<T>(a: T, b = 1): T { return g(a, ...b); }';

  it('give the same children, without parents or locations', () => {
    expect(children(code, AST_NODE_TYPES.FunctionDeclaration, false)).toEqual([
      '1:1 BlockStatement Identifier Identifier AssignmentPattern TSTypeAnnotation TSTypeParameterDeclaration / same',
    ]);
  });

  it('leave type annotations out when asked', () => {
    expect(children(code, AST_NODE_TYPES.FunctionDeclaration, true)).toEqual(['1:1 BlockStatement Identifier Identifier AssignmentPattern / same']);
  });

  it('flatten array children and skip holes', () => {
    expect(children('const [a, , c] = [1, , 3];', AST_NODE_TYPES.ArrayExpression, false)).toEqual(['1:18 Literal Literal / same']);
  });
});
