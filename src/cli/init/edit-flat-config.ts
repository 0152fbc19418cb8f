import { jscodeshiftFor } from '../../../codemods/lib/parser.js';

/**
 * Adds eslint-plugin-hardening to an existing flat config. jscodeshift parses the file (with the
 * parser its extension needs) and locates the exported config list; the edit itself is spliced into
 * the original text at those positions, so every other byte — formatting, comments, quotes — stays
 * as the user wrote it (reprinting the list through recast would reflow it).
 */

export const PLUGIN_PACKAGE = 'eslint-plugin-hardening';

export type ConfigName = 'recommended' | 'strict' | 'type-checked';

export type FlatConfigEdit =
  | { kind: 'edited'; source: string; entries: string[] }
  | { kind: 'already' }
  | { kind: 'refused'; reason: string };

interface Position {
  line: number;
  column: number;
}

/** The parts of a Babel AST node this module reads. */
interface AstNode {
  type: string;
  start: number;
  end: number;
  loc: { start: Position; end: Position };
  [key: string]: unknown;
}

interface Token {
  type: unknown;
  start: number;
  end: number;
  value?: unknown;
}

interface Binding {
  source: string;
  /** `default`, `*` (namespace or whole `require`) or the imported name. */
  imported: string;
}

/** A list the plugin's config can join: an array literal, or the arguments of a config helper call. */
interface ConfigList {
  items: AstNode[];
  /** Offsets of the `[` / `(` and of the matching `]` / `)`. */
  open: number;
  close: number;
}

interface Insertion {
  at: number;
  end?: number;
  text: string;
}

const TS_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

/** The config entries `init` adds, spelled with the import's local name. */
export function configEntries(config: ConfigName, binding: string, quote: string): string[] {
  if (config === 'type-checked') return [`${binding}.configs.strict`, `${binding}.configs[${quote}type-checked${quote}]`];
  return [`${binding}.configs.${config}`];
}

/** The import (ES module) or `require` (CommonJS) line that brings the plugin in. */
export function importLine(commonJs: boolean, binding: string, quote: string, semicolon: boolean): string {
  const statement = commonJs
    ? `const ${binding} = require(${quote}${PLUGIN_PACKAGE}${quote})`
    : `import ${binding} from ${quote}${PLUGIN_PACKAGE}${quote}`;
  return semicolon ? `${statement};` : statement;
}

export function addToFlatConfig(source: string, filePath: string, config: ConfigName): FlatConfigEdit {
  const j = jscodeshiftFor(filePath);
  let file: AstNode;
  try {
    file = j(source).get().node as AstNode;
  } catch (error) {
    return { kind: 'refused', reason: `it does not parse (${error instanceof Error ? error.message : String(error)})` };
  }
  const program = file.program as AstNode;
  const body = program.body as AstNode[];
  const tokens = (file.tokens ?? []) as Token[];
  if (tokens.some((token) => isStringToken(token) && token.value === PLUGIN_PACKAGE)) return { kind: 'already' };

  const bindings = topLevelBindings(body);
  const exported = exportedExpression(body);
  if (!exported) return { kind: 'refused', reason: 'it has no `export default` or `module.exports =`' };
  const list = configList(exported.expression, body, bindings, source, 0);
  if (typeof list === 'string') return { kind: 'refused', reason: list };

  const quote = quoteStyle(source, tokens);
  const binding = freeName(tokens);
  const comments = tokens.filter((token) => isCommentToken(token));
  const entries = configEntries(config, binding, quote);
  const insertions = [
    ...importInsertion(source, body, comments, exported.commonJs, importLine(exported.commonJs, binding, quote, usesSemicolons(source, body))),
    ...entryInsertions(source, list, comments, entries),
  ];
  const edited = applyInsertions(source, insertions);
  try {
    j(edited);
  } catch {
    return { kind: 'refused', reason: 'the edit would not parse' };
  }
  return { kind: 'edited', source: edited, entries };
}

function isStringToken(token: Token): boolean {
  return typeof token.type === 'object' && token.type !== null && (token.type as { label?: unknown }).label === 'string';
}

function isCommentToken(token: Token): boolean {
  return token.type === 'CommentLine' || token.type === 'CommentBlock';
}

function unwrap(node: AstNode): AstNode {
  let current = node;
  while (TS_WRAPPERS.has(current.type)) current = current.expression as AstNode;
  return current;
}

function stringValue(node: unknown): string | undefined {
  const candidate = node as AstNode | null | undefined;
  if (candidate && (candidate.type === 'StringLiteral' || candidate.type === 'Literal') && typeof candidate.value === 'string') return candidate.value;
  return undefined;
}

function identifierName(node: unknown): string | undefined {
  const candidate = node as AstNode | null | undefined;
  return candidate?.type === 'Identifier' && typeof candidate.name === 'string' ? candidate.name : undefined;
}

/** `require('x')` → `x`. */
function requiredModule(node: AstNode | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || identifierName(node.callee) !== 'require') return undefined;
  return stringValue((node.arguments as AstNode[])[0]);
}

/** Local names bound by top-level imports and `require` declarations. */
function topLevelBindings(body: readonly AstNode[]): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const statement of body) {
    if (statement.type === 'ImportDeclaration') {
      const source = stringValue(statement.source) ?? '';
      for (const specifier of statement.specifiers as AstNode[]) {
        const local = identifierName(specifier.local);
        if (!local) continue;
        const imported =
          specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? '*' : (identifierName(specifier.imported) ?? stringValue(specifier.imported) ?? '');
        bindings.set(local, { source, imported });
      }
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations as AstNode[]) {
        const source = requiredModule(declarator.init as AstNode | null);
        if (source === undefined) continue;
        const id = declarator.id as AstNode;
        if (id.type === 'Identifier') bindings.set(identifierName(id) ?? '', { source, imported: '*' });
        if (id.type === 'ObjectPattern') {
          for (const property of id.properties as AstNode[]) {
            const key = identifierName(property.key);
            const local = identifierName(property.value);
            if (key && local) bindings.set(local, { source, imported: key });
          }
        }
      }
    }
  }
  return bindings;
}

function exportedExpression(body: readonly AstNode[]): { expression: AstNode; commonJs: boolean } | undefined {
  for (const statement of body) {
    if (statement.type === 'ExportDefaultDeclaration') return { expression: statement.declaration as AstNode, commonJs: false };
    if (statement.type === 'ExpressionStatement') {
      const expression = statement.expression as AstNode;
      if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') continue;
      const left = expression.left as AstNode;
      if (left.type === 'MemberExpression' && identifierName(left.object) === 'module' && identifierName(left.property) === 'exports') {
        return { expression: expression.right as AstNode, commonJs: true };
      }
    }
  }
  return undefined;
}

/** `defineConfig` from `eslint/config`, or typescript-eslint's `config` helper. */
function isConfigHelper(callee: AstNode, bindings: ReadonlyMap<string, Binding>): boolean {
  const helperModules: Record<string, string> = { 'eslint/config': 'defineConfig', '@eslint/config-helpers': 'defineConfig', 'typescript-eslint': 'config' };
  if (callee.type === 'Identifier') {
    const binding = bindings.get(identifierName(callee) ?? '');
    return binding !== undefined && helperModules[binding.source] === binding.imported;
  }
  if (callee.type === 'MemberExpression' && callee.computed !== true) {
    const binding = bindings.get(identifierName(callee.object) ?? '');
    const helper = binding && (binding.imported === 'default' || binding.imported === '*') ? helperModules[binding.source] : undefined;
    return helper !== undefined && identifierName(callee.property) === helper;
  }
  return false;
}

/** The list to add to, or why there is none this module can edit safely. */
function configList(node: AstNode, body: readonly AstNode[], bindings: ReadonlyMap<string, Binding>, source: string, depth: number): ConfigList | string {
  const expression = unwrap(node);
  if (expression.type === 'ArrayExpression') {
    const items = expression.elements as (AstNode | null)[];
    if (items.includes(null)) return 'its config array has holes';
    return { items: items as AstNode[], open: expression.start, close: expression.end - 1 };
  }
  if (expression.type === 'CallExpression') {
    const callee = expression.callee as AstNode;
    if (!isConfigHelper(callee, bindings)) return `it exports the result of \`${source.slice(callee.start, callee.end)}(…)\`, which is not \`defineConfig\` from eslint/config or typescript-eslint's \`config\``;
    const args = expression.arguments as AstNode[];
    const only = args.length === 1 && args[0] ? unwrap(args[0]) : undefined;
    if (only?.type === 'ArrayExpression') return configList(only, body, bindings, source, depth);
    const typeArguments = (expression.typeArguments ?? expression.typeParameters) as AstNode | undefined;
    const open = source.indexOf('(', typeArguments?.end ?? callee.end);
    return { items: args, open, close: expression.end - 1 };
  }
  const name = identifierName(expression);
  if (name !== undefined && depth < 3) {
    for (const statement of body) {
      if (statement.type !== 'VariableDeclaration') continue;
      for (const declarator of statement.declarations as AstNode[]) {
        if (identifierName(declarator.id) === name && declarator.init) return configList(declarator.init as AstNode, body, bindings, source, depth + 1);
      }
    }
    return `it exports \`${name}\`, which is not a top-level variable holding the config array`;
  }
  const what: Record<string, string> = {
    ObjectExpression: 'an object (a single config), not an array',
    ArrowFunctionExpression: 'a function',
    FunctionExpression: 'a function',
    FunctionDeclaration: 'a function',
    AwaitExpression: 'an awaited value',
  };
  return `it exports ${what[expression.type] ?? `a ${expression.type}`}`;
}

function quoteStyle(source: string, tokens: readonly Token[]): string {
  const first = tokens.find((token) => isStringToken(token));
  return first && source[first.start] === '"' ? '"' : "'";
}

function usesSemicolons(source: string, body: readonly AstNode[]): boolean {
  const statement = body.find((node) => node.type === 'ImportDeclaration' || node.type === 'VariableDeclaration' || node.type === 'ExportDefaultDeclaration' || node.type === 'ExpressionStatement');
  return statement === undefined || source[statement.end - 1] === ';';
}

/** `hardening`, unless the config already uses that name. */
function freeName(tokens: readonly Token[]): string {
  const names = new Set(tokens.filter((token) => typeof token.value === 'string' && !isStringToken(token)).map((token) => token.value));
  return ['hardening', 'hardeningPlugin', 'eslintPluginHardening'].find((name) => !names.has(name)) ?? 'eslintPluginHardening';
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(source: string, offset: number): string {
  return /^[ \t]*/u.exec(source.slice(lineStart(source, offset)))?.[0] ?? '';
}

/** After `offset`, past a comment that ends the line (so an insertion on the next line does not take it along). */
function pastLineComment(source: string, offset: number): number {
  let end = source.indexOf('\n', offset);
  if (end === -1) end = source.length;
  if (source[end - 1] === '\r') end -= 1;
  return /^[ \t]*(?:\/\/.*|\/\*.*\*\/[ \t]*)?$/u.test(source.slice(offset, end)) ? end : offset;
}

/**
 * Where to insert a line above the node starting at `offset`: above the comments that sit directly
 * on top of it (a JSDoc type, a note), but below pragmas that must stay first (`@ts-check`,
 * `eslint-disable`).
 */
function aboveComments(source: string, offset: number, comments: readonly Token[]): number {
  const start = lineStart(source, offset);
  if (source.slice(start, offset).trim() !== '') return offset;
  let position = start;
  for (let index = comments.length - 1; index >= 0; index -= 1) {
    const comment = comments[index];
    if (!comment || comment.end > position) continue;
    const gap = source.slice(comment.end, position);
    const onOwnLine = source.slice(lineStart(source, comment.start), comment.start).trim() === '';
    const text = source.slice(comment.start + 2, comment.end).trim();
    if (!/^\s*$/u.test(gap) || (gap.match(/\n/gu) ?? []).length > 1 || !onOwnLine || /^(?:@ts-|eslint|global\s|jshint)/u.test(text)) break;
    position = lineStart(source, comment.start);
  }
  return position;
}

function importInsertion(source: string, body: readonly AstNode[], comments: readonly Token[], commonJs: boolean, line: string): Insertion[] {
  const imports = body.filter((statement) =>
    commonJs
      ? statement.type === 'VariableDeclaration' && (statement.declarations as AstNode[]).some((declarator) => requiredModule(declarator.init as AstNode | null) !== undefined)
      : statement.type === 'ImportDeclaration',
  );
  const last = imports.at(-1);
  if (last) return [{ at: pastLineComment(source, last.end), text: `\n${line}` }];
  const first = body.find((statement) => typeof statement.directive !== 'string');
  if (!first) return [{ at: source.length, text: `${line}\n` }];
  const at = aboveComments(source, first.start, comments);
  return [{ at, text: `${line}\n\n` }];
}

/**
 * The plugin's entries go after the shared configs at the head of the list and before the first
 * config object of the user's own (a lone `{ ignores }` does not count), so the user's own settings
 * still win; at the end when the list has no such object.
 */
function entryInsertions(source: string, list: ConfigList, comments: readonly Token[], entries: readonly string[]): Insertion[] {
  const { items, open, close } = list;
  const first = items[0];
  const multiline = first ? first.loc.start.line > lineAt(source, open) : source.slice(open, close).includes('\n');
  if (!first) {
    const indent = indentAt(source, open);
    const text = multiline ? `\n${entries.map((entry) => `${indent}  ${entry},\n`).join('')}${indent}` : entries.join(', ');
    return [{ at: open + 1, end: close, text }];
  }
  const before = items.find((item) => {
    const node = unwrap(item);
    if (node.type !== 'ObjectExpression') return false;
    const properties = node.properties as AstNode[];
    return !(properties.length === 1 && identifierName(properties[0]?.key) === 'ignores');
  });
  if (before) {
    // An entry on a line of its own unless the object shares its line with what precedes it.
    const ownLine = source.slice(lineStart(source, before.start), before.start).trim() === '';
    const at = ownLine ? aboveComments(source, before.start, comments) : before.start;
    const indent = indentAt(source, before.start);
    return [{ at, text: entries.map((entry) => (ownLine ? `${indent}${entry},\n` : `${entry}, `)).join('') }];
  }
  const last = items.at(-1) ?? first;
  const comma = /^\s*,/u.exec(source.slice(last.end, close));
  if (!multiline) {
    return comma ? [{ at: last.end + comma[0].length, text: ` ${entries.join(', ')},` }] : [{ at: last.end, text: `, ${entries.join(', ')}` }];
  }
  const indent = indentAt(source, last.start);
  if (comma) return [{ at: pastLineComment(source, last.end + comma[0].length), text: entries.map((entry) => `\n${indent}${entry},`).join('') }];
  return [
    { at: last.end, text: ',' },
    { at: pastLineComment(source, last.end), text: entries.map((entry, index) => `\n${indent}${entry}${index < entries.length - 1 ? ',' : ''}`).join('') },
  ];
}

function lineAt(source: string, offset: number): number {
  return (source.slice(0, offset).match(/\n/gu) ?? []).length + 1;
}

/** Applies insertions (and replacements) from the end, so earlier offsets stay valid; at one offset, in the order given. */
function applyInsertions(source: string, insertions: readonly Insertion[]): string {
  const ordered = insertions.map((insertion, index) => ({ ...insertion, index })).sort((a, b) => b.at - a.at || b.index - a.index);
  let output = source;
  for (const { at, end, text } of ordered) output = output.slice(0, at) + text + output.slice(end ?? at);
  return output;
}
