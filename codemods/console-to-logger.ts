import { existsSync } from 'node:fs';
import path from 'node:path';

import type { API, ASTPath, CallExpression, Collection, FileInfo, JSCodeshift } from 'jscodeshift';

import { relativeImport, writeFileAtomic } from './lib/files.js';
import { jscodeshiftFor } from './lib/parser.js';

export interface Options {
  /** Project root that `loggerModule` is resolved against. Default: `process.cwd()`. */
  root?: string;
  /** Path of the logger module, relative to `root`. Created with pino when missing. Default: `src/lib/logger.ts`. */
  loggerModule?: string;
  /** Name the logger module exports and the transformed calls use. Default: `logger`. */
  loggerName?: string;
  /** Report what would change without writing the logger module. */
  dry?: boolean;
}

type Expression = Parameters<JSCodeshift['expressionStatement']>[0];
type ObjectMember = Parameters<JSCodeshift['objectExpression']>[0][number];

const MARKER = 'hardening-codemod:';

/** console method → pino level. */
const LEVELS: Readonly<Record<string, string>> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug' };

/** Names pino should serialize as an error (`err` is the key its serializer looks at). */
const ERROR_NAME = /^(?:err|error|e|ex|exception)$|Err(?:or)?$/u;

const PRINTF = /%[sdifjoOc]/u;

export default function transform(file: FileInfo, api: API, options: Options = {}): string | undefined {
  const root = path.resolve(options.root ?? process.cwd());
  const loggerModule = path.resolve(root, options.loggerModule ?? 'src/lib/logger.ts');
  const loggerName = options.loggerName ?? 'logger';
  const filePath = path.resolve(root, file.path);

  if (!/\bconsole\s*\.\s*\w+/u.test(file.source)) return undefined;
  const fileSkip = skippedFileReason(file, filePath, loggerModule);
  if (fileSkip !== undefined) {
    api.report(`1:1 ${fileSkip}: console calls left alone`);
    return undefined;
  }

  const j = jscodeshiftFor(file.path);
  const rootNode = j(file.source);
  if (hasClientDirective(j, rootNode) || (/\.[jt]sx$/u.test(file.path) && rootNode.find(j.JSXElement).size() > 0)) {
    api.report('1:1 client code (React component or \'use client\'): console calls left alone');
    return undefined;
  }

  let converted = 0;
  let marked = false;

  rootNode.find(j.MemberExpression, { object: { type: 'Identifier', name: 'console' } }).forEach((memberPath) => {
    if (memberPath.scope?.lookup('console')) return; // a local `console`, not the global one
    const member = memberPath.node;
    const method = !member.computed && member.property.type === 'Identifier' ? member.property.name : undefined;
    const parent = memberPath.parent as ASTPath;
    const call = j.CallExpression.check(parent.node) && parent.node.callee === member ? (parent as ASTPath<CallExpression>) : undefined;
    const where = position(member);

    const skip = (why: string): void => {
      api.report(`${where} ${why}`);
      if (addMarker(j, memberPath, why)) marked = true;
    };

    if (call === undefined) return skip('console method used as a value: pass a function that calls the logger instead');
    if (method === undefined || LEVELS[method] === undefined) {
      return skip(`console.${method ?? '[computed]'} has no structured-logger equivalent: left as is`);
    }
    const loggerScope = (memberPath.scope as { lookup(name: string): { isGlobal: boolean } | null } | null)?.lookup(loggerName);
    if (loggerScope && !loggerScope.isGlobal) {
      return skip(`a local \`${loggerName}\` shadows the logger here: rename it, then run again`);
    }
    if (j(call).find(j.Node).some((inner) => inner.node !== call.node && hasComments(inner.node))) {
      return skip('comments inside the call: move them out, then run again');
    }
    const args = buildArguments(j, call.node.arguments);
    if (typeof args === 'string') return skip(args);

    // Parsed from text so that recast prints the new call on one line, the values exactly as written.
    const replacement = j(`${loggerName}.${LEVELS[method]}(${args.join(', ')});`).find(j.CallExpression).nodes()[0];
    if (replacement === undefined) return skip('could not rebuild the call');
    (replacement as { comments?: unknown }).comments = (call.node as { comments?: unknown }).comments;
    call.replace(replacement);
    converted += 1;
  });

  if (converted === 0 && !marked) return undefined;
  if (converted > 0) {
    ensureImport(j, rootNode, filePath, loggerModule, loggerName);
    if (!existsSync(loggerModule) && options.dry !== true) {
      writeFileAtomic(loggerModule, `import pino from 'pino';\n\nexport const ${loggerName} = pino({ level: process.env.LOG_LEVEL ?? 'info' });\n`);
    }
  }
  const output = fixDirectiveSemicolons(j, rootNode, rootNode.toSource({ quote: 'single' }));
  return output === file.source ? undefined : output;
}

function hasComments(node: unknown): boolean {
  const comments = (node as { comments?: unknown }).comments;
  return Array.isArray(comments) && comments.length > 0;
}

/** recast reprints a directive that had a semicolon as `'use strict';;` once the program body changes. */
function fixDirectiveSemicolons(j: JSCodeshift, rootNode: Collection, output: string): string {
  let fixed = output;
  for (const directive of programDirectives(j, rootNode)) {
    const raw = directive.value.extra?.raw;
    if (typeof raw === 'string') fixed = fixed.replace(`${raw};;`, `${raw};`);
  }
  return fixed;
}

interface DirectiveNode {
  value: { value: unknown; extra?: { raw?: unknown } };
}

function programDirectives(j: JSCodeshift, rootNode: Collection): DirectiveNode[] {
  const program = rootNode.find(j.Program).nodes()[0];
  return program !== undefined && 'directives' in program && Array.isArray(program.directives) ? (program.directives as DirectiveNode[]) : [];
}

/** Why a whole file is not server code the codemod should touch, from its path alone. */
function skippedFileReason(file: FileInfo, filePath: string, loggerModule: string): string | undefined {
  if (/\.(?:test|spec)\.[cm]?[jt]sx?$/u.test(file.path) || /(?:^|[\\/])__tests__[\\/]/u.test(file.path)) return 'test file';
  const withoutExtension = (p: string): string => p.replace(/\.(?:[cm]?[jt]s|[jt]sx)$/u, '');
  if (withoutExtension(filePath) === withoutExtension(loggerModule)) return 'the logger module itself';
  return undefined;
}

function hasClientDirective(j: JSCodeshift, rootNode: Collection): boolean {
  if (programDirectives(j, rootNode).some((directive) => directive.value.value === 'use client')) return true;
  const program = rootNode.find(j.Program).nodes()[0];
  if (program === undefined) return false;
  const first = program.body[0];
  return first?.type === 'ExpressionStatement' && isStringNode(j, first.expression) && stringValue(first.expression) === 'use client';
}

function position(node: { loc?: { start: { line: number; column: number } } | null }): string {
  return node.loc ? `${node.loc.start.line}:${node.loc.start.column + 1}` : '0:0';
}

/** Puts `// hardening-codemod: <why>` above the statement holding the site, once. */
function addMarker(j: JSCodeshift, site: ASTPath, why: string): boolean {
  let current: ASTPath | null = site;
  while (current !== null && !j.Statement.check(current.node)) current = current.parent as ASTPath | null;
  if (current === null) return false;
  const statement = current.node as { comments?: { type: string; value: string; leading?: boolean }[] | null };
  const text = ` ${MARKER} ${why}`;
  if (statement.comments?.some((comment) => comment.value.trim() === text.trim())) return false;
  statement.comments = [...(statement.comments ?? []), j.commentLine(text, true, false)];
  return true;
}

// ---------------------------------------------------------------------------------------------
// Arguments: console's (message, ...values) → pino's (mergingObject, message)

type Argument = CallExpression['arguments'][number];

interface Fields {
  /** Printed properties of the merging object, in order. */
  properties: string[];
  /** key → printed source of the value it holds, to reuse a key for the same value. */
  used: Map<string, string>;
}

/** The printed arguments of the logger call, or why the call cannot be converted. */
function buildArguments(j: JSCodeshift, args: readonly Argument[]): string[] | string {
  if (args.length === 0) return 'console call without arguments prints a blank line: nothing to log';
  if (args.some((arg) => arg.type === 'SpreadElement')) return 'spread arguments: cannot tell the message from the values';
  const expressions = args as Expression[];

  // Already the logger's shape: a single object, or an object then a message.
  const [first, second] = expressions;
  if (first !== undefined && first.type === 'ObjectExpression' && (expressions.length === 1 || (expressions.length === 2 && second !== undefined && isStringNode(j, second)))) {
    return args.map((arg) => j(arg).toSource());
  }

  const fields: Fields = { properties: [], used: new Map() };
  const messageParts: string[] = [];
  let rest = expressions;

  const parts = first === undefined ? undefined : stringParts(j, first);
  if (parts !== undefined) {
    rest = expressions.slice(1);
    if (rest.length > 0 && parts.some((part) => typeof part === 'string' && PRINTF.test(part))) {
      return 'printf-style placeholders (%s, %d…): rewrite the message by hand';
    }
    for (const part of parts) {
      if (typeof part === 'string') messageParts.push(part);
      else addField(j, fields, part, false);
    }
  }
  for (const arg of rest) {
    if (isStringNode(j, arg)) messageParts.push(` ${stringValue(arg)}`);
    else if (arg.type === 'ObjectExpression' && arg.properties.every((property) => property.type !== 'SpreadElement' && !('computed' in property && property.computed))) {
      for (const property of arg.properties) addProperty(j, fields, property);
    } else addField(j, fields, arg, true);
  }

  const message = messageParts.join('').replace(/\s+/gu, ' ').trim();
  const printed: string[] = [];
  if (fields.properties.length > 0) printed.push(`{ ${fields.properties.join(', ')} }`);
  if (message !== '' || printed.length === 0) printed.push(singleQuoted(message));
  return printed;
}

function singleQuoted(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/gu, '"').replace(/'/gu, "\\'")}'`;
}

function isStringNode(j: JSCodeshift, node: unknown): boolean {
  return j.StringLiteral.check(node) || (j.Literal.check(node) && typeof node.value === 'string');
}

function stringValue(node: unknown): string {
  const value = (node as { value?: unknown }).value;
  return typeof value === 'string' ? value : '';
}

/** A template, a string, or a `'…' + x + '…'` chain as text pieces and interpolated expressions. */
function stringParts(j: JSCodeshift, node: Expression): (string | Expression)[] | undefined {
  if (isStringNode(j, node)) return [stringValue(node)];
  if (node.type === 'TemplateLiteral') {
    const parts: (string | Expression)[] = [];
    node.quasis.forEach((quasi, index) => {
      parts.push(quasi.value.cooked ?? quasi.value.raw);
      const expression = node.expressions[index];
      if (expression !== undefined) parts.push(expression as Expression);
    });
    return parts;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const operands: Expression[] = [];
    let current: Expression = node;
    while (current.type === 'BinaryExpression' && current.operator === '+') {
      operands.unshift(current.right as Expression);
      current = current.left as Expression;
    }
    operands.unshift(current);
    const head = operands[0];
    // Only a chain that starts with text is concatenation all the way (`1 + 2 + 'x'` adds first).
    if (head === undefined || (!isStringNode(j, head) && head.type !== 'TemplateLiteral')) return undefined;
    return operands.flatMap((operand) => stringParts(j, operand) ?? [operand]);
  }
  return undefined;
}

function addProperty(j: JSCodeshift, fields: Fields, property: ObjectMember): void {
  const key = 'key' in property && property.key.type === 'Identifier' ? property.key.name : undefined;
  const source = j(property).toSource();
  if (key !== undefined) fields.used.set(key, `property:${source}`);
  fields.properties.push(source);
}

function addField(j: JSCodeshift, fields: Fields, value: Expression, fromArgument: boolean): void {
  const source = j(value).toSource();
  const base = value.type === 'Identifier' && fromArgument && ERROR_NAME.test(value.name) ? 'err' : keyFor(value);
  let key = base;
  for (let suffix = 2; fields.used.has(key); suffix += 1) {
    if (fields.used.get(key) === source) return; // the same value twice: one field
    key = `${base}${suffix}`;
  }
  fields.used.set(key, source);
  fields.properties.push(key === source ? key : `${key}: ${source}`);
}

/** `userId` → `userId`, `user.id` → `userId`, `req.params.id` → `reqParamsId`, anything else → `value`. */
function keyFor(value: Expression): string {
  const names: string[] = [];
  let current: Expression = value;
  for (;;) {
    if (current.type === 'Identifier') {
      names.unshift(current.name);
      break;
    }
    if (current.type === 'ThisExpression') break;
    if ((current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') && !current.computed && current.property.type === 'Identifier') {
      names.unshift(current.property.name);
      current = current.object as Expression;
      continue;
    }
    return 'value';
  }
  if (names.length === 0) return 'value';
  return names.map((name, index) => (index === 0 ? name : name.charAt(0).toUpperCase() + name.slice(1))).join('');
}

// ---------------------------------------------------------------------------------------------
// The logger import

function ensureImport(j: JSCodeshift, rootNode: Collection, filePath: string, loggerModule: string, loggerName: string): void {
  if (hasTopLevelBinding(j, rootNode, loggerName)) return;
  const program = rootNode.find(j.Program).nodes()[0];
  if (program === undefined) return;
  const body = program.body;

  const imports = body.filter((statement) => statement.type === 'ImportDeclaration');
  const isEsm = imports.length > 0 || body.some((statement) => /^Export/u.test(statement.type));
  let specifier = relativeImport(filePath, loggerModule);
  const relativeSources = imports.map((statement) => stringValue(statement.source)).filter((source) => source.startsWith('.'));
  if (relativeSources.some((source) => /\.[cm]?js$/u.test(source))) specifier += '.js';

  const requireIndex = isEsm ? -1 : findLastIndex(body, (statement) => statement.type === 'VariableDeclaration' && /\brequire\s*\(/u.test(j(statement).toSource()));
  if (!isEsm && requireIndex >= 0) {
    const declaration = j(`const { ${loggerName} } = require(${singleQuoted(specifier)});`).find(j.VariableDeclaration).nodes()[0];
    if (declaration !== undefined) body.splice(requireIndex + 1, 0, declaration);
    return;
  }

  const declaration = j.importDeclaration([j.importSpecifier(j.identifier(loggerName))], j.stringLiteral(specifier));
  const lastImport = findLastIndex(body, (statement) => statement.type === 'ImportDeclaration');
  if (lastImport >= 0) {
    body.splice(lastImport + 1, 0, declaration);
    return;
  }
  // First statement of the file: the file's header comment stays on top.
  const first = body[0] as { comments?: { leading?: boolean }[] | null } | undefined;
  if (first?.comments) {
    const leading = first.comments.filter((comment) => comment.leading === true);
    first.comments = first.comments.filter((comment) => comment.leading !== true);
    (declaration as { comments?: unknown }).comments = leading;
  }
  body.unshift(declaration);
}

/** Whether the file already has a module-level `loggerName` (an import, a require, a declaration). */
function hasTopLevelBinding(j: JSCodeshift, rootNode: Collection, name: string): boolean {
  const program = rootNode.find(j.Program).paths()[0];
  if (program === undefined) return false;
  const scope = program.scope as { declares(name: string): boolean } | null | undefined;
  if (scope?.declares(name) === true) return true;
  return rootNode.find(j.ImportSpecifier, { local: { name } }).size() > 0 || rootNode.find(j.ImportDefaultSpecifier, { local: { name } }).size() > 0;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && predicate(item)) return index;
  }
  return -1;
}
