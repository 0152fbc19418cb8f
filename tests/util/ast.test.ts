import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  UNWRAPPED_TYPES,
  childNodes,
  forEachChildNode,
  getConstInitializer,
  someNode,
  typeReferenceName,
  unwrapExpression,
  variableInitializer,
} from '../../src/util/ast.js';
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

describe('someNode', () => {
  // For each function declaration: which of the tests find something, with each option set.
  function found(code: string): string[] {
    return probe(code, (context) => ({
      FunctionDeclaration(node) {
        const isReturn = (inner: TSESTree.Node): boolean => inner.type === AST_NODE_TYPES.ReturnStatement;
        const isTypeReference = (inner: TSESTree.Node): boolean => inner.type === AST_NODE_TYPES.TSTypeReference;
        const text = [
          someNode(node.body, isReturn),
          someNode(node.body, isReturn, { skipFunctions: true }),
          someNode(node, isTypeReference),
          someNode(node, isTypeReference, { skipTypes: true }),
        ].join(' ');
        context.report({ node, messageId: 'found', data: { text } });
      },
    }));
  }

  it('looks into nested functions and type annotations unless told not to', () => {
    expect(found('function f(a: A) { items.map(() => { return 1; }); }')).toEqual(['1:1 true false true false']);
    expect(found('function f() { if (x) { return; } }')).toEqual(['1:1 true true false false']);
  });
});

describe('typeReferenceName', () => {
  function typeNames(code: string): string[] {
    return probe(code, (context) => ({
      TSTypeAnnotation(node) {
        context.report({ node, messageId: 'found', data: { text: String(typeReferenceName(node.typeAnnotation)) } });
      },
    }));
  }

  it('gives the last name of a type reference, nothing for other types', () => {
    expect(typeNames('let a: Request; let b: express.Response; let c: string; let d: A.B.Reply<T>;')).toEqual([
      '1:6 Request',
      '1:22 Response',
      '1:47 undefined',
      '1:62 Reply',
    ]);
  });
});

describe('UNWRAPPED_TYPES', () => {
  it('lists exactly what unwrapExpression looks through', () => {
    const inner = { type: AST_NODE_TYPES.Identifier, name: 'x' } as unknown as TSESTree.Node;
    const wraps = (type: AST_NODE_TYPES): boolean => unwrapExpression({ type, expression: inner } as unknown as TSESTree.Node) === inner;
    expect(Object.values(AST_NODE_TYPES).filter(wraps).sort()).toEqual([...UNWRAPPED_TYPES].sort());
  });
});

describe('getConstInitializer and variableInitializer', () => {
  // For each `use(x)`: the initializer's text from both, `-` for none.
  function initializers(code: string): string[] {
    return probe(code, (context) => ({
      'CallExpression[callee.name="use"]'(node: TSESTree.CallExpression) {
        const argument = node.arguments[0] as TSESTree.Identifier;
        const scope = context.sourceCode.getScope(node);
        const text = (init: TSESTree.Node | undefined): string => (init ? context.sourceCode.getText(init) : '-');
        const byName = text(getConstInitializer(argument, scope));
        const byVariable = text(variableInitializer(ASTUtils.findVariable(scope, argument)));
        context.report({ node, messageId: 'found', data: { text: `${byName} ${byVariable}` } });
      },
    }));
  }

  it('give the initializer of a variable written once, by itself', () => {
    expect(
      initializers(
        [
          'const a = 1; let b = f(); let c = 2; c = 3; const { d } = o; let e; e = 4; var g = 5; var g = 6;',
          'function h(p = 7) { use(p); }',
          'use(a); use(b); use(c); use(d); use(e); use(g); use(undeclared);',
        ].join('\n'),
      ),
    ).toEqual(['2:21 - -', '3:1 1 1', '3:9 f() f()', '3:17 - -', '3:25 - -', '3:33 - -', '3:41 - -', '3:49 - -']);
  });
});
