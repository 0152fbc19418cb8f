/**
 * wrap-transaction: runs two or more awaited database writes of one function in one transaction,
 * as the `require-transaction` rule asks: `prisma.$transaction(async (tx) => …)` for Prisma,
 * `db.transaction(async (tx) => …)` for Drizzle, `withTransaction(pool, async (client) => …)` for pg
 * (the helper module is created when missing). The region runs from the first write to the last;
 * the client is renamed to the transaction handle inside it only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { API, ASTNode, FileInfo } from 'jscodeshift';

import { relativeImport, writeFileAtomic } from './lib/files.js';
import { jscodeshiftFor } from './lib/parser.js';

export interface Options {
  /** The pg helper module, relative to `root`; created when missing. Default `src/db/withTransaction.ts`. */
  helperPath?: string;
  /** The project root that `helperPath` is resolved against. Default `process.cwd()`. */
  root?: string;
  /** Report what would change; write no helper module. */
  dry?: boolean;
}

export const DEFAULT_HELPER_PATH = 'src/db/withTransaction.ts';
const MARKER = 'hardening-codemod:';

type Library = 'prisma' | 'drizzle' | 'pg';
type Kind = 'read' | 'write' | 'control';

interface DbCall {
  library: Library;
  kind: Kind;
  /** `prisma`, or `this.prisma` for a class member. */
  receiver: string;
}

interface Segment {
  name: string;
  call: ASTNode | undefined;
}

type StatementList = ASTNode[];

/** A write site: an `await` of a write, or a `return` of one (which always ends up refused). */
interface WriteSite {
  node: ASTNode;
  call: DbCall;
}

const PRISMA_WRITE = new Set(['create', 'update', 'delete', 'upsert', 'createMany', 'updateMany', 'deleteMany', 'createManyAndReturn', 'updateManyAndReturn']);
const PRISMA_READ = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);
const CLIENT_NAME = /prisma|db|database|pool|client|conn|orm|^trx?$/iu;
// SDKs whose method names look like Prisma's (`stripe.customers.create`): never database clients.
const NOT_CLIENT = /redis|http|api|stripe|openai|anthropic|s3|queue|cache|mail|sms|storage/iu;
const TRANSACTION_HANDLE = /^trx?$/u;

export default function transform(file: FileInfo, api: API, options: Options = {}): string | undefined {
  const j = jscodeshiftFor(file.path);
  // Offsets are taken on LF text (the parser sees it so); CRLF is restored at the end.
  const crlf = file.source.includes('\r\n');
  const source = crlf ? file.source.replace(/\r\n/gu, '\n') : file.source;
  const root = j(source);
  const program = root.get().node as ASTNode;
  const parents = new Map<ASTNode, ASTNode>();
  const sites: WriteSite[] = [];
  walk(program, (node, parent) => {
    if (parent) parents.set(node, parent);
    const argument = node.type === 'AwaitExpression' || node.type === 'ReturnStatement' ? node.argument : null;
    if (!argument) return;
    const call = classify(argument as ASTNode);
    if (call?.kind === 'write' && !(node.type === 'ReturnStatement' && unwrap(argument as ASTNode).type === 'AwaitExpression')) sites.push({ node, call });
  });

  const byOwner = new Map<ASTNode, WriteSite[]>();
  for (const site of sites) {
    const owner = ownerFunction(site.node, parents);
    if (!owner) continue;
    const group = byOwner.get(owner) ?? [];
    group.push(site);
    byOwner.set(owner, group);
  }

  const edits: Edit[] = [];
  const planned: [number, number][] = [];
  const unit = indentUnit(source);
  const eol = '\n';
  let needsHelper = false;
  // Outer functions first; a function inside a region being wrapped has its writes renamed to the
  // handle there, and is left alone.
  const owners = [...byOwner.keys()].sort((a, b) => start(a) - start(b));
  for (const owner of owners) {
    if (isInTransaction(owner, parents)) continue;
    if (planned.some(([from, to]) => from <= start(owner) && end(owner) <= to)) continue;
    const writes = (byOwner.get(owner) ?? []).filter((site) => !TRANSACTION_HANDLE.test(site.call.receiver));
    if (writes.length < 2) continue;
    const first = writes[0];
    if (!first) continue;
    const refuse = (why: string, at: ASTNode): void => {
      api.report(`${position(at)} ${why}`);
      const marker = markerEdit(statementOf(at, parents), why, source);
      if (marker && !edits.some((edit) => edit.start === marker.start && edit.text === marker.text)) edits.push(marker);
    };
    if (hasManualBegin(owner)) continue;
    const receivers = new Set(writes.map((site) => site.call.receiver));
    if (receivers.size > 1) {
      refuse(`writes go through different clients (${[...receivers].join(', ')}); wrap them by hand`, first.node);
      continue;
    }
    const { library, receiver } = first.call;
    if (library === 'pg' && !/pool|^db$/iu.test(receiver.replace(/^this\./u, ''))) {
      refuse(`\`${receiver}\` is a connected pg client, not a pool: issue BEGIN/COMMIT on it by hand`, first.node);
      continue;
    }
    const branch = branchConflict(writes, parents);
    if (branch) {
      refuse('the writes are in different branches; wrap each branch by hand', branch);
      continue;
    }
    const region = regionOf(writes, parents);
    if (!region) {
      refuse('the writes are not in one statement list; wrap them by hand', first.node);
      continue;
    }
    const { list, from, to } = region;
    const statements = list.slice(from, to + 1);
    const problem = regionProblem(statements, receiver);
    if (problem) {
      refuse(problem.why, problem.node);
      continue;
    }
    const firstStatement = statements[0];
    const lastStatement = statements[statements.length - 1];
    if (!firstStatement || !lastStatement) continue;
    const exported = exportedNames(statements, list.slice(to + 1));
    const handle = freshName(owner, library === 'pg' ? 'client' : 'tx');
    const regionStart = lineStart(source, leadingStart(firstStatement));
    if (source.slice(regionStart, leadingStart(firstStatement)).trim() !== '') {
      refuse('the first write shares its line with other code; put it on its own line first', firstStatement);
      continue;
    }
    const regionEnd = trailingEnd(lastStatement, source);
    const indent = /^[ \t]*/u.exec(source.slice(regionStart))?.[0] ?? '';
    const renamed = renameReceiver(statements, receiver, handle, source, regionStart, regionEnd);
    const body = reindent(source.slice(regionStart, regionEnd), renamed, unit, templateRanges(statements, regionStart));
    const names = exported.names;
    const returned = names.length === 0 ? '' : `${eol}${indent}${unit}return ${names.length === 1 ? names.join('') : `{ ${names.join(', ')} }`};`;
    const client = receiver;
    const opener =
      library === 'pg'
        ? `await withTransaction(${client}, async (${handle}) => {`
        : `await ${client}.${library === 'prisma' ? '$transaction' : 'transaction'}(async (${handle}) => {`;
    const declaration = names.length === 0 ? '' : `${exported.kind} ${names.length === 1 ? names.join('') : `{ ${names.join(', ')} }`} = `;
    edits.push({ start: regionStart, end: regionEnd, text: `${indent}${declaration}${opener}${eol}${body}${returned}${eol}${indent}});` });
    planned.push([regionStart, regionEnd]);
    if (library === 'pg') needsHelper = true;
  }

  if (needsHelper) {
    const projectRoot = path.resolve(options.root ?? process.cwd());
    const helperFile = path.resolve(projectRoot, options.helperPath ?? DEFAULT_HELPER_PATH);
    const fileAbsolute = path.resolve(file.path);
    const program = (root.get().node as { program: ASTNode }).program;
    if (fileAbsolute !== helperFile) {
      const edit = helperImportEdit(program, relativeImport(fileAbsolute, helperFile), source);
      if (edit) edits.push(edit);
    }
    if (options.dry !== true && !existsSync(helperFile)) writeFileAtomic(helperFile, HELPER_SOURCE);
  }
  if (edits.length === 0) return undefined;
  let output = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  if (crlf) output = output.replace(/\r?\n/gu, '\r\n');
  return output === file.source ? undefined : output;
}

/** The pg helper written when the project has none. */
export const HELPER_SOURCE = `import type { Pool, PoolClient } from 'pg';

/**
 * Runs \`work\` in one transaction on a client taken from \`pool\`: COMMIT when it resolves,
 * ROLLBACK when it throws, and the client goes back to the pool either way.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
`;

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

const SKIP_KEYS = new Set(['loc', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'extra', 'original', 'type', 'start', 'end', 'range']);

function children(node: ASTNode): ASTNode[] {
  const found: ASTNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (SKIP_KEYS.has(key)) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) found.push(item);
    } else if (isNode(value)) found.push(value);
  }
  return found;
}

/** Visits every node; `enter` returns false to skip a node's children. */
function walk(node: ASTNode, enter: (node: ASTNode, parent: ASTNode | undefined) => unknown, parent?: ASTNode): void {
  if (enter(node, parent) === false) return;
  for (const child of children(node)) walk(child, enter, node);
}

function isFunction(node: ASTNode): boolean {
  return /^(?:FunctionDeclaration|FunctionExpression|ArrowFunctionExpression|ObjectMethod|ClassMethod|ClassPrivateMethod)$/u.test(node.type);
}

function unwrap(node: ASTNode): ASTNode {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'ParenthesizedExpression') {
    current = current.expression as ASTNode;
  }
  return current;
}

function start(node: ASTNode): number {
  return (node as { start?: number }).start ?? 0;
}

function position(node: ASTNode): string {
  const loc = (node as { loc?: { start: { line: number; column: number } } | null }).loc;
  return loc ? `${loc.start.line}:${loc.start.column + 1}` : '?:?';
}

/** The receiver and member chain of a call: `db.insert(t).values(v)` → `db`, [insert(), values()]. */
function chainOf(expression: ASTNode): { receiver: string; segments: Segment[] } | undefined {
  const segments: Segment[] = [];
  let current = unwrap(expression);
  let pending: ASTNode | undefined;
  for (;;) {
    if (current.type === 'CallExpression') {
      if (pending) return undefined;
      pending = current;
      current = unwrap(current.callee as ASTNode);
    } else if (current.type === 'TaggedTemplateExpression') {
      if (pending) return undefined;
      pending = current;
      current = unwrap(current.tag as ASTNode);
    } else if (current.type === 'MemberExpression' && !current.computed && current.property.type === 'Identifier') {
      if (current.object.type === 'ThisExpression') {
        return pending ? undefined : { receiver: `this.${current.property.name}`, segments };
      }
      segments.unshift({ name: current.property.name, call: pending });
      pending = undefined;
      current = unwrap(current.object as ASTNode);
    } else if (current.type === 'Identifier') {
      return pending ? undefined : { receiver: current.name, segments };
    } else return undefined;
  }
}

function sqlText(node: ASTNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? node.quasis[0]?.value.raw;
  return undefined;
}

/** What a database call does, or undefined when it is not one of the shapes this codemod knows. */
function classify(expression: ASTNode): DbCall | undefined {
  const chain = chainOf(expression);
  if (!chain) return undefined;
  const { receiver, segments } = chain;
  const name = receiver.replace(/^this\./u, '');
  if (!CLIENT_NAME.test(name) || NOT_CLIENT.test(name)) return undefined;
  const [first, second, third] = segments;
  if (!first) return undefined;
  const result = (library: Library, kind: Kind): DbCall => ({ library, kind, receiver });
  if (segments.length === 2 && !first.call && second?.call) {
    if (PRISMA_WRITE.has(second.name)) return result('prisma', 'write');
    if (PRISMA_READ.has(second.name)) return result('prisma', 'read');
    return undefined;
  }
  if (segments.length === 1 && first.call) {
    if (first.name === '$executeRaw' || first.name === '$executeRawUnsafe') return result('prisma', 'write');
    if (first.name === '$queryRaw' || first.name === '$queryRawUnsafe') return result('prisma', 'read');
    if (first.name === '$transaction') return result('prisma', 'control');
    if (first.name === 'transaction') return result('drizzle', 'control');
    if (first.name === 'query' && first.call.type === 'CallExpression') {
      const sql = sqlText(first.call.arguments[0] as ASTNode | undefined) ?? '';
      if (/^\s*(?:INSERT|UPDATE|DELETE)\b/iu.test(sql)) return result('pg', 'write');
      if (/^\s*(?:BEGIN|START|COMMIT|ROLLBACK|END)\b/iu.test(sql)) return result('pg', 'control');
      return result('pg', 'read');
    }
    return undefined;
  }
  if (segments.length >= 2 && segments.every((segment) => segment.call)) {
    if (first.name === 'insert' || first.name === 'update' || first.name === 'delete') return result('drizzle', 'write');
    if (first.name === 'select' || first.name === 'selectDistinct') return result('drizzle', 'read');
    return undefined;
  }
  if (segments.length === 3 && first.name === 'query' && !first.call && !second?.call && third?.call) return result('drizzle', 'read');
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

function ownerFunction(node: ASTNode, parents: ReadonlyMap<ASTNode, ASTNode>): ASTNode | undefined {
  for (let current = parents.get(node); current; current = parents.get(current)) if (isFunction(current)) return current;
  return undefined;
}

/** Whether a function runs as (or inside) a transaction callback: `$transaction(cb)`, `db.transaction(cb)`, `withTransaction(pool, cb)`. */
function isInTransaction(fn: ASTNode, parents: ReadonlyMap<ASTNode, ASTNode>): boolean {
  for (let current: ASTNode | undefined = fn; current; current = parents.get(current)) {
    if (!isFunction(current)) continue;
    const parent = parents.get(current);
    if (parent?.type !== 'CallExpression' || !parent.arguments.includes(current as (typeof parent.arguments)[number])) continue;
    const callee = unwrap(parent.callee as ASTNode);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    if (/^(?:\$transaction|transaction|withTransaction)$/u.test(name)) return true;
  }
  return false;
}

/** A pg function that issues BEGIN itself already manages its transaction. */
function hasManualBegin(fn: ASTNode): boolean {
  let found = false;
  walk(fn, (node) => {
    if (found || (node !== fn && isFunction(node))) return false;
    if (node.type === 'CallExpression' && classify(node)?.kind === 'control') found = true;
    return undefined;
  });
  return found;
}

function ancestors(node: ASTNode, parents: ReadonlyMap<ASTNode, ASTNode>): ASTNode[] {
  const list: ASTNode[] = [node];
  for (let current = parents.get(node); current; current = parents.get(current)) list.push(current);
  return list;
}

/** The child of `ancestor` on the way down to `node`. */
function childToward(node: ASTNode, ancestor: ASTNode, parents: ReadonlyMap<ASTNode, ASTNode>): ASTNode | undefined {
  let current: ASTNode | undefined = node;
  while (current && parents.get(current) !== ancestor) current = parents.get(current);
  return current;
}

/** The node where two writes part into branches that cannot both run (if/else, ?:, switch cases, try/catch, `&&`). */
function branchConflict(writes: readonly WriteSite[], parents: ReadonlyMap<ASTNode, ASTNode>): ASTNode | undefined {
  for (const [index, a] of writes.entries()) {
    const above = new Set(ancestors(a.node, parents));
    for (const b of writes.slice(index + 1)) {
      const common = ancestors(b.node, parents).find((node) => above.has(node));
      if (!common) continue;
      const left = childToward(a.node, common, parents);
      const right = childToward(b.node, common, parents);
      switch (common.type) {
        case 'IfStatement':
        case 'ConditionalExpression':
          if (left !== common.test && right !== common.test) return common;
          break;
        case 'LogicalExpression':
        case 'SwitchStatement':
          if (left !== right) return common;
          break;
        case 'TryStatement':
          if (left !== common.block || right !== common.block) return common;
          break;
        default:
          break;
      }
    }
  }
  return undefined;
}

function statementList(node: ASTNode): StatementList | undefined {
  if (node.type === 'BlockStatement' || node.type === 'Program') return node.body as StatementList;
  if (node.type === 'SwitchCase') return node.consequent as StatementList;
  return undefined;
}

/** The statement list holding all writes and the indices of the first and last statement with a write. */
function regionOf(writes: readonly WriteSite[], parents: ReadonlyMap<ASTNode, ASTNode>): { list: StatementList; from: number; to: number } | undefined {
  const [first, ...rest] = writes;
  if (!first) return undefined;
  let common = ancestors(first.node, parents);
  for (const write of rest) {
    const above = new Set(ancestors(write.node, parents));
    common = common.filter((node) => above.has(node));
  }
  const container = common.find((node) => statementList(node) !== undefined);
  const list = container ? statementList(container) : undefined;
  if (!container || !list) return undefined;
  const indices = writes.map((write) => {
    const statement = childToward(write.node, container, parents);
    return statement ? list.indexOf(statement) : -1;
  });
  if (indices.some((index) => index < 0)) return undefined;
  return { list, from: Math.min(...indices), to: Math.max(...indices) };
}

/** The statement (in a statement list) holding a node, where a marker comment goes. */
function statementOf(node: ASTNode, parents: ReadonlyMap<ASTNode, ASTNode>): ASTNode {
  let current = node;
  for (let parent = parents.get(current); parent; parent = parents.get(current)) {
    if (statementList(parent)) return current;
    current = parent;
  }
  return current;
}

function calleeText(node: ASTNode): string {
  const target = unwrap(node);
  if (target.type === 'CallExpression') return calleeText(target.callee as ASTNode);
  if (target.type === 'Identifier') return target.name;
  if (target.type === 'MemberExpression' && target.property.type === 'Identifier') return `${calleeText(target.object as ASTNode)}.${target.property.name}`;
  if (target.type === 'ThisExpression') return 'this';
  return '…';
}

/** Why the region cannot move into a callback: a jump out of it, an await on something else, a `var`. */
function regionProblem(statements: readonly ASTNode[], receiver: string): { why: string; node: ASTNode } | undefined {
  let problem: { why: string; node: ASTNode } | undefined;
  const visit = (node: ASTNode, loops: number, breakables: number): void => {
    if (problem || isFunction(node)) return;
    switch (node.type) {
      case 'ReturnStatement':
        problem = { why: 'a `return` between the writes would leave the transaction callback, not the function; wrap by hand', node };
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
        if (node.label || (node.type === 'BreakStatement' ? breakables : loops) === 0) {
          problem = { why: 'a `break`/`continue` between the writes jumps out of the region; wrap by hand', node };
          return;
        }
        break;
      case 'YieldExpression':
        problem = { why: 'a `yield` between the writes cannot move into a callback; wrap by hand', node };
        return;
      case 'ForOfStatement':
        if (node.await) {
          problem = { why: 'a `for await` between the writes waits on something else inside the transaction; move it out first', node };
          return;
        }
        break;
      case 'VariableDeclaration':
        if (node.kind === 'var') {
          problem = { why: 'a `var` between the writes would change scope inside a callback; use `const`/`let` first', node };
          return;
        }
        break;
      case 'AwaitExpression': {
        const call = classify(node.argument as ASTNode);
        if (call?.receiver !== receiver) {
          problem = {
            why: `awaits \`${calleeText(node.argument as ASTNode)}(…)\` between the writes, which is not a call of \`${receiver}\`: a transaction must not wait on the network or a queue; move it before or after the writes`,
            node,
          };
          return;
        }
        break;
      }
      default:
        break;
    }
    const isLoop = /^(?:For|ForIn|ForOf|While|DoWhile)Statement$/u.test(node.type);
    const isSwitch = node.type === 'SwitchStatement';
    for (const child of children(node)) visit(child, loops + (isLoop ? 1 : 0), breakables + (isLoop || isSwitch ? 1 : 0));
  };
  for (const statement of statements) {
    if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') {
      return { why: 'a function or class declared between the writes would be hidden in the callback; move it out first', node: statement };
    }
    visit(statement, 0, 0);
  }
  return problem;
}

function bindingNames(pattern: ASTNode, names: string[]): void {
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        if (property.type === 'RestElement' || property.type === 'RestProperty') bindingNames(property.argument as ASTNode, names);
        else if (property.type === 'ObjectProperty' || property.type === 'Property') bindingNames(property.value as ASTNode, names);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) bindingNames(element as ASTNode, names);
      break;
    case 'RestElement':
      bindingNames(pattern.argument as ASTNode, names);
      break;
    case 'AssignmentPattern':
      bindingNames(pattern.left as ASTNode, names);
      break;
    default:
      break;
  }
}

/** Names declared at the top of the region and read after it: the callback returns them. */
function exportedNames(statements: readonly ASTNode[], after: readonly ASTNode[]): { names: string[]; kind: 'const' | 'let' } {
  const declared: string[] = [];
  let kind: 'const' | 'let' = 'const';
  for (const statement of statements) {
    if (statement.type !== 'VariableDeclaration') continue;
    const before = declared.length;
    for (const declarator of statement.declarations) if (declarator.type === 'VariableDeclarator') bindingNames(declarator.id as ASTNode, declared);
    if (statement.kind === 'let' && declared.length > before) kind = 'let';
  }
  const used = new Set<string>();
  const parents = new Map<ASTNode, ASTNode>();
  for (const statement of after) {
    walk(statement, (node, parent) => {
      if (parent) parents.set(node, parent);
      if (node.type !== 'Identifier') return;
      const holder = parents.get(node);
      if (holder?.type === 'MemberExpression' && holder.property === node && !holder.computed) return;
      if ((holder?.type === 'ObjectProperty' || holder?.type === 'Property') && holder.key === node && !holder.computed && !holder.shorthand) return;
      used.add(node.name);
    });
  }
  return { names: declared.filter((name) => used.has(name)), kind };
}

function freshName(fn: ASTNode, base: string): string {
  const taken = new Set<string>();
  walk(fn, (node) => {
    if (node.type === 'Identifier') taken.add(node.name);
  });
  let name = base;
  for (let index = 2; taken.has(name); index += 1) name = `${base}${index}`;
  return name;
}

function matchesReceiver(node: ASTNode, receiver: string): boolean {
  const target = unwrap(node);
  if (receiver.startsWith('this.')) {
    return target.type === 'MemberExpression' && target.object.type === 'ThisExpression' && !target.computed && target.property.type === 'Identifier' && `this.${target.property.name}` === receiver;
  }
  return target.type === 'Identifier' && target.name === receiver;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function end(node: ASTNode): number {
  return (node as { end?: number }).end ?? 0;
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

interface Comment {
  start?: number;
  end?: number;
  value: string;
  leading?: boolean;
  trailing?: boolean;
}

function commentsOf(node: ASTNode): Comment[] {
  return (node as { comments?: Comment[] | null }).comments ?? [];
}

/** Where a statement starts, its leading comments included (they move with it). */
function leadingStart(node: ASTNode): number {
  const leading = commentsOf(node).filter((comment) => comment.leading === true && comment.start !== undefined);
  return Math.min(start(node), ...leading.map((comment) => comment.start ?? start(node)));
}

/** Where a statement ends, a comment trailing it on the same line included. */
function trailingEnd(node: ASTNode, source: string): number {
  let result = end(node);
  for (const comment of commentsOf(node)) {
    if (comment.trailing === true && comment.start !== undefined && comment.end !== undefined && !source.slice(result, comment.start).includes('\n')) {
      result = Math.max(result, comment.end);
    }
  }
  return result;
}

/** The file's indentation step: a tab, or the smallest run of leading spaces (2 when unsure). */
function indentUnit(source: string): string {
  if (/^\t/mu.test(source)) return '\t';
  const widths = [...source.matchAll(/^( +)\S/gmu)].map((match) => match[1]?.length ?? 0).filter((width) => width > 0);
  return ' '.repeat(widths.length > 0 ? Math.min(...widths) : 2);
}

/** Multi-line template literals of the region (offsets relative to it): their lines are string content. */
function templateRanges(statements: readonly ASTNode[], offset: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === 'TemplateLiteral') ranges.push([start(node) - offset, end(node) - offset]);
    });
  }
  return ranges;
}

/**
 * Indents every line of the region one step, except lines that start inside a template literal
 * (string content). `templates` are in the coordinates of `original`; `text` is the renamed region,
 * which has the same lines (renaming never adds or removes a line break).
 */
function reindent(original: string, text: string, unit: string, templates: readonly [number, number][]): string {
  const keep = new Set<number>();
  let offset = 0;
  original.split('\n').forEach((line, index) => {
    if (templates.some(([from, to]) => from < offset && offset < to)) keep.add(index);
    offset += line.length + 1;
  });
  return text
    .split('\n')
    .map((line, index) => (keep.has(index) || line.trim() === '' ? line : unit + line))
    .join('\n');
}

/** The region's text with the client renamed to the handle where it is the object of a member access (`prisma.user` → `tx.user`). */
function renameReceiver(statements: readonly ASTNode[], receiver: string, handle: string, source: string, from: number, to: number): string {
  const spots: [number, number][] = [];
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === 'MemberExpression' && matchesReceiver(node.object as ASTNode, receiver)) spots.push([start(node.object as ASTNode), end(node.object as ASTNode)]);
    });
  }
  let text = source.slice(from, to);
  for (const [spotStart, spotEnd] of spots.sort((a, b) => b[0] - a[0])) text = text.slice(0, spotStart - from) + handle + text.slice(spotEnd - from);
  return text;
}

/** `// hardening-codemod: <why>` above a statement, unless one is already there. */
function markerEdit(statement: ASTNode, why: string, source: string): Edit | undefined {
  if (commentsOf(statement).some((comment) => comment.leading === true && comment.value.trim().startsWith(MARKER))) return undefined;
  const at = lineStart(source, start(statement));
  const indent = /^[ \t]*/u.exec(source.slice(at))?.[0] ?? '';
  const text = `${indent}// ${MARKER} ${why}\n`;
  // Idempotent on the text: the comment lines right above the statement may already hold this marker.
  const above = source.slice(0, at).split('\n').slice(0, -1).reverse();
  for (const line of above) {
    if (!line.trim().startsWith('//')) break;
    if (`${line}\n` === text) return undefined;
  }
  return { start: at, end: at, text };
}

function helperImportEdit(program: ASTNode, specifier: string, source: string): Edit | undefined {
  if (program.type !== 'Program') return undefined;
  let declared = false;
  walk(program, (node) => {
    if (declared) return false;
    if ((node.type === 'ImportSpecifier' && node.local?.name === 'withTransaction') || (node.type === 'FunctionDeclaration' && node.id?.name === 'withTransaction')) declared = true;
    return undefined;
  });
  if (declared) return undefined;
  // Follow the file's own convention for relative specifiers (`./x.js` in ESM projects).
  const withExtension = /from\s+['"]\.{1,2}\/[^'"]*\.js['"]/u.test(source) ? `${specifier}.js` : specifier;
  const line = `import { withTransaction } from '${withExtension}';`;
  const imports = program.body.filter((statement) => statement.type === 'ImportDeclaration');
  const last = imports[imports.length - 1];
  if (last) return { start: end(last as ASTNode), end: end(last as ASTNode), text: `\n${line}` };
  return { start: 0, end: 0, text: `${line}\n` };
}
