/**
 * Plain-syntax helpers for split-routes: a loose view of babel's AST (positions are offsets into
 * the source), identifier references, declared names and source "chunks" (a statement with the
 * comments and blank lines in front of it, so moving a chunk never drops a comment).
 */

export interface AstNode {
  type: string;
  start: number;
  end: number;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

const skippedKeys = new Set(['loc', 'start', 'end', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'extra', 'range', 'original']);

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function child(node: AstNode, key: string): AstNode | undefined {
  const value = node[key];
  return isNode(value) ? value : undefined;
}

export function childList(node: AstNode, key: string): AstNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

export function nameOf(node: AstNode | undefined): string | undefined {
  return node?.type === 'Identifier' && typeof node.name === 'string' ? node.name : undefined;
}

/** `line:col` (1-based) of a node, as api.report lines start. */
export function position(node: AstNode): string {
  return node.loc ? `${node.loc.start.line}:${node.loc.start.column + 1}` : '0:0';
}

const keyedParents = new Set([
  'ObjectProperty', 'Property', 'ObjectMethod', 'ClassProperty', 'ClassMethod', 'ClassPrivateProperty', 'ClassAccessorProperty',
  'MethodDefinition', 'PropertyDefinition', 'TSPropertySignature', 'TSMethodSignature', 'TSAbstractPropertyDefinition', 'TSAbstractMethodDefinition',
]);

/** Whether an Identifier under `parent[key]` names a binding from the scope (not a property key or label). */
function isReference(parent: AstNode | undefined, key: string): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') return key !== 'property' || parent.computed === true;
  if (keyedParents.has(parent.type)) return key !== 'key' || parent.computed === true;
  if (parent.type === 'TSQualifiedName') return key !== 'right';
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return key !== 'label';
  if (parent.type === 'JSXMemberExpression') return key === 'object';
  return true;
}

/**
 * Every name a node may reference. Over-approximates (a local that shadows a top-level name counts
 * as a use), which at worst imports something unused: never a missing import.
 */
export function collectReferences(node: AstNode, out: Set<string> = new Set(), parent?: AstNode, key = ''): Set<string> {
  if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && typeof node.name === 'string') {
    if (node.type === 'Identifier' ? isReference(parent, key) : parent !== undefined && (parent.type === 'JSXOpeningElement' || parent.type === 'JSXClosingElement' || (parent.type === 'JSXMemberExpression' && key === 'object'))) {
      out.add(node.name);
    }
  }
  for (const [childKey, value] of Object.entries(node)) {
    if (skippedKeys.has(childKey)) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) collectReferences(item, out, node, childKey);
    } else if (isNode(value)) {
      collectReferences(value, out, node, childKey);
    }
  }
  return out;
}

/** Whether the node assigns (`=`, `+=`, `++`) to one of `names`. */
export function assignsTo(node: AstNode, names: ReadonlySet<string>): boolean {
  if (node.type === 'AssignmentExpression' || node.type === 'UpdateExpression') {
    const target = child(node, node.type === 'AssignmentExpression' ? 'left' : 'argument');
    const name = nameOf(target);
    if (name !== undefined && names.has(name)) return true;
  }
  for (const [childKey, value] of Object.entries(node)) {
    if (skippedKeys.has(childKey)) continue;
    if (Array.isArray(value)) {
      if (value.some((item) => isNode(item) && assignsTo(item, names))) return true;
    } else if (isNode(value) && assignsTo(value, names)) {
      return true;
    }
  }
  return false;
}

function patternNames(pattern: AstNode | undefined, out: string[]): void {
  if (!pattern) return;
  const name = nameOf(pattern);
  if (name !== undefined) out.push(name);
  else if (pattern.type === 'ObjectPattern') for (const property of childList(pattern, 'properties')) patternNames(child(property, 'value') ?? child(property, 'argument'), out);
  else if (pattern.type === 'ArrayPattern') for (const element of childList(pattern, 'elements')) patternNames(element, out);
  else if (pattern.type === 'AssignmentPattern') patternNames(child(pattern, 'left'), out);
  else if (pattern.type === 'RestElement') patternNames(child(pattern, 'argument'), out);
}

export interface Declaration {
  names: string[];
  /** Interfaces and type aliases: re-exported with `export type`. */
  typeOnly: boolean;
  /** `let` / `var`: cannot be shared through an import (imports are read-only). */
  reassignable: boolean;
  /** `new X()`, `[]`, `{}`: state that must exist once. */
  mutableState: boolean;
}

/** The names a top-level declaration statement declares (unwrapping `export`), or undefined when it is not a declaration. */
export function declarationOf(statement: AstNode): Declaration | undefined {
  const node = statement.type === 'ExportNamedDeclaration' ? child(statement, 'declaration') : statement;
  if (!node) return undefined;
  const id = nameOf(child(node, 'id'));
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration':
      return id === undefined ? undefined : { names: [id], typeOnly: false, reassignable: false, mutableState: false };
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      return id === undefined ? undefined : { names: [id], typeOnly: true, reassignable: false, mutableState: false };
    case 'VariableDeclaration': {
      const names: string[] = [];
      let mutableState = false;
      for (const declarator of childList(node, 'declarations')) {
        patternNames(child(declarator, 'id'), names);
        const init = child(declarator, 'init');
        if (init && (init.type === 'NewExpression' || init.type === 'ArrayExpression' || init.type === 'ObjectExpression')) mutableState = true;
      }
      return { names, typeOnly: false, reassignable: node.kind !== 'const', mutableState };
    }
    default:
      return undefined;
  }
}

/**
 * Splits a run of statements into chunks: each chunk runs from the end of the previous chunk to
 * the end of its statement (plus a comment on the same line), so comments and blank lines in front
 * of a statement travel with it. `tail` is what follows the last statement up to `end`.
 */
export function chunks(source: string, statements: readonly AstNode[], start: number, end: number): { texts: string[]; tail: string } {
  const texts: string[] = [];
  let cursor = start;
  for (const statement of statements) {
    let stop = statement.end;
    const lineEnd = source.indexOf('\n', stop);
    const rest = source.slice(stop, lineEnd === -1 || lineEnd > end ? end : lineEnd);
    if (/^\s*(?:\/\/|\/\*.*\*\/\s*$)/u.test(rest)) stop += rest.length;
    texts.push(source.slice(cursor, stop));
    cursor = stop;
  }
  return { texts, tail: source.slice(cursor, end) };
}

/** Drops the blank lines at the start of a chunk (keeps its indentation and comments). */
export function trimLeadingBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/u, '');
}
