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

function stringValue(node: AstNode | undefined): string | undefined {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && typeof node.value === 'string' ? node.value : undefined;
}

/** The specifier of a `require('m')` call. */
export function requireSpecifier(node: AstNode | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || nameOf(child(node, 'callee')) !== 'require') return undefined;
  const args = childList(node, 'arguments');
  return args.length === 1 ? stringValue(args[0]) : undefined;
}

export interface RequireDeclaration {
  specifier: string;
  kind: string;
  /** The bound name or `{ a, b: c }` pattern. */
  id: AstNode;
  /** `.Router` in `const Router = require('express').Router`, else empty. */
  member: string;
}

/** `const x = require('m')`, `const { a, b: c } = require('m')`, `const y = require('m').y`: the CommonJS import. */
export function requireDeclaration(statement: AstNode): RequireDeclaration | undefined {
  if (statement.type !== 'VariableDeclaration') return undefined;
  const declarators = childList(statement, 'declarations');
  const declarator = declarators[0];
  if (!declarator || declarators.length !== 1) return undefined;
  const id = child(declarator, 'id');
  let init = child(declarator, 'init');
  let member = '';
  if (init?.type === 'MemberExpression' && init.computed !== true) {
    const property = nameOf(child(init, 'property'));
    if (property === undefined) return undefined;
    member = `.${property}`;
    init = child(init, 'object');
  }
  const specifier = requireSpecifier(init);
  if (specifier === undefined || !id || (id.type !== 'Identifier' && id.type !== 'ObjectPattern')) return undefined;
  return { specifier, kind: String(statement.kind), id, member };
}

/** A top-level `require('./polyfill');` run for its side effects. */
export function isRequireStatement(statement: AstNode): boolean {
  return statement.type === 'ExpressionStatement' && requireSpecifier(child(statement, 'expression')) !== undefined;
}

function isModuleExports(node: AstNode | undefined): boolean {
  return node?.type === 'MemberExpression' && node.computed !== true && nameOf(child(node, 'object')) === 'module' && nameOf(child(node, 'property')) === 'exports';
}

/**
 * `module.exports = value` (name undefined), `module.exports.name = value` or `exports.name = value`:
 * a CommonJS export statement.
 */
export function commonJsExport(statement: AstNode): { name: string | undefined; value: AstNode } | undefined {
  const assignment = statement.type === 'ExpressionStatement' ? child(statement, 'expression') : undefined;
  if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=') return undefined;
  const target = child(assignment, 'left');
  const value = child(assignment, 'right');
  if (!target || !value) return undefined;
  if (isModuleExports(target)) return { name: undefined, value };
  if (target.type !== 'MemberExpression' || target.computed === true) return undefined;
  const object = child(target, 'object');
  if (nameOf(object) !== 'exports' && !isModuleExports(object)) return undefined;
  const name = nameOf(child(target, 'property'));
  return name === undefined ? undefined : { name, value };
}

/**
 * What in a node depends on the file it is written in (`__dirname`, `__filename`, `import.meta`,
 * `require('./x')` or `import('./x')` with a relative path): moved to another folder, it would
 * point elsewhere. Undefined when nothing does.
 */
export function locationDependence(node: AstNode): string | undefined {
  if (node.type === 'Identifier' && (node.name === '__dirname' || node.name === '__filename')) return String(node.name);
  if (node.type === 'MetaProperty') return 'import.meta';
  if (node.type === 'CallExpression' || node.type === 'ImportExpression') {
    const callee = child(node, 'callee');
    const loader = node.type === 'ImportExpression' || callee?.type === 'Import' || nameOf(callee) === 'require'
      || (callee?.type === 'MemberExpression' && nameOf(child(callee, 'object')) === 'require');
    const first = node.type === 'ImportExpression' ? child(node, 'source') : childList(node, 'arguments')[0];
    const specifier = stringValue(first);
    if (loader && specifier?.startsWith('.') === true) return `${source(callee)}('${specifier}')`;
  }
  for (const [key, value] of Object.entries(node)) {
    if (skippedKeys.has(key)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      const found = isNode(item) ? locationDependence(item) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function source(callee: AstNode | undefined): string {
  if (callee?.type === 'MemberExpression') return `${source(child(callee, 'object'))}.${nameOf(child(callee, 'property')) ?? ''}`;
  return nameOf(callee) ?? 'import';
}
