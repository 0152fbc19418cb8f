import { existsSync } from 'node:fs';
import path from 'node:path';

import type {
  API,
  ASTNode,
  ASTPath,
  ArrowFunctionExpression,
  BlockStatement,
  CallExpression,
  Collection,
  FileInfo,
  FunctionDeclaration,
  FunctionExpression,
  JSCodeshift,
  TryStatement,
  VariableDeclarator,
} from 'jscodeshift';

import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds.js';

import { relativeImport, writeFileAtomic } from './lib/files.js';
import { jscodeshiftFor } from './lib/parser.js';

export interface Options {
  /** Where the helper lives (and is created when missing), relative to `root`. */
  helperPath?: string;
  /** The project root the helper path is resolved against; default `process.cwd()`. */
  root?: string;
  /** Report and return the new source, but create no helper file. */
  dry?: boolean;
}

type HandlerFunction = ArrowFunctionExpression | FunctionExpression | FunctionDeclaration;

const DEFAULT_HELPER_PATH = 'src/middleware/asyncHandler.ts';
const HELPER_NAME = 'asyncHandler';
/** Wrappers that already forward a rejection to `next`. */
const WRAPPER_NAMES = new Set([HELPER_NAME, 'catchAsync', 'asyncWrap', 'wrapAsync']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head']);
const ROUTER_TYPES = new Set(['Express', 'Application', 'Router']);
const MARKER = 'hardening-codemod:';

export const HELPER_SOURCE = `import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Express 4 does not catch a rejected promise from an async handler: the request hangs and the
 * process logs an unhandled rejection. This wrapper forwards the error to the error middleware.
 */
export const asyncHandler =
  (fn: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler =>
  (req, res, next) => {
    fn(req, res, next).catch(next);
  };
`;

interface HandlerSite {
  /** The argument as written at the registration. */
  expr: ExpressionKind;
  /** Replaces the argument at the registration site. */
  replace: (replacement: ExpressionKind) => void;
  /** The function it stands for (undefined: not a function, `'imported'`: defined elsewhere). */
  fn: HandlerFunction | 'imported' | undefined;
  /** Whether a wrapper call (`asyncHandler(…)`, `catchAsync(…)`) already holds it. */
  alreadyWrapped: boolean;
  /** Whether it is the last argument (the route handler proper, not a middleware). */
  isLast: boolean;
  statement: StatementKind | undefined;
  /** The registration method: `get`, `use`, … */
  method: string;
}

/**
 * What every file with a route receiver contains: the `express` module, `registerRoutes`, or an
 * `Express` / `Application` / `Router` type; or a backslash escape that could spell one of them.
 * A file without any has nothing to wrap or report, and is not parsed.
 */
const ROUTE_HINT = /express|Express|registerRoutes|Application|Router|\\[^bfnrtv0-9'"`\\]/u;

/**
 * Wraps async Express handlers and middleware in `asyncHandler(…)`, removes the try/catch whose
 * catch only logs and sends a 500, adds the import, and creates the helper when the project has none.
 */
export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  if (!ROUTE_HINT.test(file.source)) return undefined;
  const j = jscodeshiftFor(file.path);
  let root = j(file.source);
  const index = indexFile(j, root);
  if (index.usesExpressAsyncErrors) return undefined;

  // Sites are judged (and reported, with their original positions) on the input. Pass 1 then
  // edits the text (unwrapping a try block keeps its inner formatting and comments); pass 2 wraps
  // the handlers on the new text (the same tree when pass 1 changed nothing), where recast only
  // has to print the new calls.
  let sites = handlerSites(index);
  for (const site of sites) {
    const why = refusal(site);
    if (why !== undefined) api.report(`${position(site.expr)} ${why}`);
  }
  // Only an async function of this file gets wrapped, unwrapped or marked.
  if (!sites.some(({ fn }) => fn !== undefined && fn !== 'imported' && fn.async)) return undefined;
  const cleanedSource = removeBoilerplateCatches(file.source, sites, (line) => api.report(line));
  let changed = cleanedSource !== file.source;
  if (changed) {
    root = j(cleanedSource);
    sites = handlerSites(indexFile(j, root));
  }
  let wrapped = false;

  for (const site of sites) {
    const { fn, expr } = site;
    if (site.alreadyWrapped || fn === 'imported' || !fn?.async) continue;
    if (fn.params.length >= 4) {
      if (site.statement && addMarker(j, site.statement, ERROR_MIDDLEWARE)) changed = true;
      continue;
    }
    site.replace(j.callExpression(j.identifier(HELPER_NAME), [expr]));
    wrapped = true;
    changed = true;
  }

  if (!changed) return undefined;
  if (wrapped && !hasBinding(j, root, HELPER_NAME)) {
    const projectRoot = path.resolve(options.root ?? process.cwd());
    const helperFile = path.resolve(projectRoot, options.helperPath ?? DEFAULT_HELPER_PATH);
    if (options.dry !== true && !helperExists(helperFile)) writeFileAtomic(helperFile, HELPER_SOURCE);
    return addHelperImport(j, root.toSource({ quote: 'single' }), relativeImport(path.resolve(file.path), helperFile));
  }
  return root.toSource({ quote: 'single' });
}

const ERROR_MIDDLEWARE =
  'async error middleware (4 parameters): a wrapper would hide its arity from Express; catch inside it instead';

/** Why an unwrapped async handler site is left alone, when it is reported. */
function refusal(site: HandlerSite): string | undefined {
  if (site.alreadyWrapped) return undefined;
  if (site.fn === 'imported') {
    // Mounted by name with `use`, it is most often a router or a library middleware: not reported.
    if (!site.isLast || site.method === 'use') return undefined;
    const name = memberPath(site.expr) ?? 'this handler';
    return `\`${name}\` is defined in another module: wrap it by hand if it is async`;
  }
  if (site.fn?.async && site.fn.params.length >= 4) return ERROR_MIDDLEWARE;
  return undefined;
}

/** `listTopics`, `controller.update`, `api.topics.list`: the dotted name of a handler reference. */
function memberPath(node: ASTNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  const object = memberPath(node.object);
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}

function position(node: ASTNode): string {
  const loc = (node as { loc?: { start: { line: number; column: number } } }).loc;
  return loc ? `${loc.start.line}:${loc.start.column + 1}` : '?:?';
}

/** Every argument of every route registration of the file, arrays of handlers flattened. */
function handlerSites(index: FileIndex): HandlerSite[] {
  const sites: HandlerSite[] = [];
  if (index.receivers.size === 0) return sites;
  for (const callPath of index.routeCalls) {
    if (!isRegistration(callPath.node, index.receivers)) continue;
    const statement = enclosingStatement(callPath);
    const callee = callPath.node.callee;
    const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    const args = callPath.node.arguments;
    const add = (expr: ExpressionKind, isLast: boolean, replace: (replacement: ExpressionKind) => void): void => {
      let alreadyWrapped = false;
      let fn: HandlerSite['fn'];
      if (expr.type === 'CallExpression') {
        alreadyWrapped = true;
        // Only our own wrappers' functions get their catch boilerplate removed.
        const inner = expr.arguments[0];
        if (expr.callee.type === 'Identifier' && WRAPPER_NAMES.has(expr.callee.name) && inner && inner.type !== 'SpreadElement') {
          fn = resolveFunction(index, inner as ExpressionKind);
        }
      } else {
        fn = resolveFunction(index, expr);
      }
      sites.push({ expr, replace, fn, alreadyWrapped, isLast, statement, method });
    };
    args.forEach((arg, argIndex) => {
      if (arg.type === 'ArrayExpression') {
        arg.elements.forEach((element, elementIndex) => {
          if (!element || element.type === 'SpreadElement' || element.type === 'RestElement') return;
          add(element as ExpressionKind, false, (replacement) => {
            arg.elements[elementIndex] = replacement;
          });
        });
        return;
      }
      if (arg.type === 'SpreadElement') return;
      add(arg as ExpressionKind, argIndex === args.length - 1, (replacement) => {
        args[argIndex] = replacement;
      });
    });
  }
  return sites;
}

function helperExists(helperFile: string): boolean {
  const base = helperFile.replace(/\.(?:[cm]?ts|[cm]?js)$/u, '');
  return ['.ts', '.js', '.mts', '.cts', '.mjs', '.cjs'].some((extension) => existsSync(base + extension));
}

/** What one traversal of a file tells about its routes and its bindings. */
interface FileIndex {
  /** `express-async-errors` is imported or required: Express already forwards rejections. */
  usesExpressAsyncErrors: boolean;
  /** Names of the values routes are registered on: `express()`, `Router()` values and router parameters. */
  receivers: Set<string>;
  /** Calls of a route method (`x.get(…)`, `x.use(…)`) in source order: the registrations among them have a receiver. */
  routeCalls: ASTPath<CallExpression>[];
  /** The first function declaration of each name. */
  functions: Map<string, FunctionDeclaration>;
  /** The last declarator of each name: the function it is initialised with, or `'other'`. */
  variables: Map<string, HandlerFunction | 'other'>;
  /** Names bound by a named or default import. */
  imported: Set<string>;
}

/**
 * Gathers the file's route model in one traversal: the `express` bindings, the receivers, the
 * route method calls, and the declarations a handler passed by name can resolve to.
 */
function indexFile(j: JSCodeshift, root: Collection): FileIndex {
  const index: FileIndex = {
    usesExpressAsyncErrors: false,
    receivers: new Set(),
    routeCalls: [],
    functions: new Map(),
    variables: new Map(),
    imported: new Set(),
  };
  /** Local names bound to the `express` default export, and to its `Router`. */
  const express = new Set<string>();
  const router = new Set<string>();
  const declarators: VariableDeclarator[] = [];

  const addParams = (name: string | undefined, params: readonly ASTNode[]): void => {
    params.forEach((param, paramIndex) => {
      if (param.type !== 'Identifier') return;
      const annotation = param.typeAnnotation?.type === 'TSTypeAnnotation' ? param.typeAnnotation.typeAnnotation : undefined;
      let typeName: string | undefined;
      if (annotation?.type === 'TSTypeReference') {
        const typeNode = annotation.typeName;
        if (typeNode.type === 'Identifier') typeName = typeNode.name;
        else if (typeNode.type === 'TSQualifiedName' && typeNode.right.type === 'Identifier') typeName = typeNode.right.name;
      }
      if ((name === 'registerRoutes' && paramIndex === 0) || (typeName !== undefined && ROUTER_TYPES.has(typeName))) {
        index.receivers.add(param.name);
      }
    });
  };

  // Visited from the collection's own root path, so the paths are the ones `find` would give.
  j.types.visit(root.paths()[0] as unknown as ASTNode, {
    visitImportDeclaration(importPath) {
      const declaration = importPath.node;
      if (declaration.source.value === 'express-async-errors') index.usesExpressAsyncErrors = true;
      for (const specifier of declaration.specifiers ?? []) {
        const local = specifier.local?.name;
        if (typeof local !== 'string') continue;
        if (specifier.type !== 'ImportNamespaceSpecifier') index.imported.add(local);
        if (declaration.source.value !== 'express') continue;
        if (specifier.type === 'ImportDefaultSpecifier' || specifier.type === 'ImportNamespaceSpecifier') express.add(local);
        else if (specifier.imported.name === 'Router') router.add(local);
      }
      this.traverse(importPath);
    },
    visitVariableDeclarator(declaratorPath) {
      const { id, init } = declaratorPath.node;
      declarators.push(declaratorPath.node);
      if (id.type === 'Identifier') {
        index.variables.set(id.name, init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression' ? init : 'other');
      }
      if (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression') {
        addParams(id.type === 'Identifier' ? id.name : undefined, init.params);
      }
      const source = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' ? init.arguments[0] : undefined;
      if (source?.type === 'StringLiteral' && source.value === 'express') {
        if (id.type === 'Identifier') express.add(id.name);
        else if (id.type === 'ObjectPattern') {
          for (const property of id.properties) {
            if (property.type !== 'ObjectProperty' && property.type !== 'Property') continue;
            if (property.key.type === 'Identifier' && property.key.name === 'Router' && property.value.type === 'Identifier') {
              router.add(property.value.name);
            }
          }
        }
      }
      this.traverse(declaratorPath);
    },
    visitFunctionDeclaration(functionPath) {
      const node = functionPath.node;
      const name = node.id?.type === 'Identifier' ? node.id.name : undefined;
      if (name !== undefined && !index.functions.has(name)) index.functions.set(name, node);
      addParams(name, node.params);
      this.traverse(functionPath);
    },
    visitArrowFunctionExpression(arrowPath) {
      addParams(undefined, arrowPath.node.params);
      this.traverse(arrowPath);
    },
    visitCallExpression(callPath) {
      const { callee, arguments: args } = callPath.node;
      if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && ROUTE_METHODS.has(callee.property.name)) {
        index.routeCalls.push(callPath);
      } else if (callee.type === 'Identifier' && callee.name === 'require') {
        const first = args[0];
        if (first?.type === 'StringLiteral' && first.value === 'express-async-errors') index.usesExpressAsyncErrors = true;
      }
      this.traverse(callPath);
    },
  });

  const isRouterFactory = (init: ASTNode | null | undefined): boolean => {
    if (init?.type !== 'CallExpression') return false;
    const callee = init.callee;
    if (callee.type === 'Identifier') return express.has(callee.name) || router.has(callee.name);
    return (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      express.has(callee.object.name) &&
      callee.property.type === 'Identifier' &&
      callee.property.name === 'Router'
    );
  };
  for (const declarator of declarators) {
    if (declarator.id.type === 'Identifier' && isRouterFactory(declarator.init)) index.receivers.add(declarator.id.name);
  }
  return index;
}

/** `app.get(…)`, `router.use(…)`, `app.route('/x').get(…).post(…)`. */
function isRegistration(call: CallExpression, receivers: Set<string>): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.computed) return false;
  if (!ROUTE_METHODS.has(callee.property.name)) return false;
  return isRouteChain(callee.object, receivers);
}

function isRouteChain(node: ASTNode, receivers: Set<string>): boolean {
  if (node.type === 'Identifier') return receivers.has(node.name);
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return false;
  if (callee.property.name === 'route') return callee.object.type === 'Identifier' && receivers.has(callee.object.name);
  return ROUTE_METHODS.has(callee.property.name) && isRouteChain(callee.object, receivers);
}

/**
 * The function an argument stands for: itself when inline, its declaration in this file when
 * passed by name, `'imported'` when it comes from another module (or a member), else undefined.
 */
function resolveFunction(index: FileIndex, expr: ExpressionKind): HandlerFunction | 'imported' | undefined {
  if (expr.type === 'ArrowFunctionExpression' || expr.type === 'FunctionExpression') return expr;
  if (expr.type === 'MemberExpression') return 'imported';
  if (expr.type !== 'Identifier') return undefined;
  const declared = index.functions.get(expr.name);
  if (declared) return declared;
  const found = index.variables.get(expr.name);
  if (found === 'other') return undefined;
  if (found) return found;
  return index.imported.has(expr.name) ? 'imported' : undefined;
}

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Replaces each top-level `try { … } catch (e) { log; res.status(500).json(…) }` of a handler
 * that will be (or is) wrapped by the statements of its try block, as a text edit so the inner
 * statements keep their formatting and comments. Returns the new source.
 */
function removeBoilerplateCatches(source: string, sites: readonly HandlerSite[], report: (line: string) => void): string {
  const edits: TextEdit[] = [];
  const seen = new Set<HandlerFunction>();
  for (const site of sites) {
    const fn = site.fn;
    if (!fn || fn === 'imported' || !fn.async || fn.params.length >= 4 || seen.has(fn)) continue;
    seen.add(fn);
    if (fn.body.type !== 'BlockStatement') continue;
    const body: BlockStatement = fn.body;
    body.body.forEach((statement, index) => {
      if (statement.type !== 'TryStatement' || !isBoilerplateCatch(statement)) return;
      const refuse = (why: string): void => {
        report(`${position(statement)} ${why}`);
        const comments = (statement as { comments?: { value: string }[] }).comments ?? [];
        if (comments.some((comment) => comment.value.trim().startsWith(MARKER))) return;
        const at = offsets(statement).start;
        edits.push({ start: at, end: at, text: `// ${MARKER} ${why}\n${lineIndent(source, at)}` });
      };
      const handler = statement.handler as ASTNode;
      const catchText = source.slice(offsets(handler).start, offsets(handler).end);
      if (/\/\/|\/\*/u.test(catchText)) {
        refuse('this catch only logs and sends a 500 but carries comments: remove it by hand');
        return;
      }
      // Unwrapped, the try block's declarations join the function scope: they must not meet a
      // parameter or another top-level declaration of the same name.
      const params = fn.params.flatMap((param) => (param.type === 'Identifier' ? [param.name] : []));
      const clash = declaredNames(statement.block.body).find(
        (name) =>
          params.includes(name) ||
          body.body.some((other, otherIndex) => otherIndex !== index && declaredNames([other]).includes(name)),
      );
      if (clash !== undefined) {
        refuse(`this catch only logs and sends a 500, but unwrapping its try would redeclare \`${clash}\``);
        return;
      }
      const { start, end } = offsets(statement);
      const block = offsets(statement.block);
      edits.push({ start, end, text: dedentBlock(source.slice(block.start + 1, block.end - 1), lineIndent(source, start)) });
    });
  }
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

function offsets(node: ASTNode): { start: number; end: number } {
  const { start, end } = node as { start?: number; end?: number };
  if (start === undefined || end === undefined) throw new Error('async-handler: the parser gave no node offsets');
  return { start, end };
}

/** The whitespace before the first token of the line holding `offset`. */
function lineIndent(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/u.exec(source.slice(lineStart))?.[0] ?? '';
}

/** The inside of a block re-indented one level out, to stand where the block's statement stood. */
function dedentBlock(inside: string, indent: string): string {
  const lines = inside.replace(/^[ \t]*\n/u, '').replace(/\s*$/u, '').split('\n');
  const innerIndent = /^[ \t]*/u.exec(lines[0] ?? '')?.[0] ?? '';
  const text = lines
    .map((line) => (line.startsWith(innerIndent) ? indent + line.slice(innerIndent.length) : line))
    .join('\n');
  return text.slice(indent.length);
}

function declaredNames(statements: readonly StatementKind[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (declarator.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') names.push(declarator.id.name);
        else names.push('<pattern>');
      }
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id?.type === 'Identifier') {
      names.push(statement.id.name);
    }
  }
  return names;
}

/** A catch that only logs (console.* / logger.*) and sends a 500, with no finally. */
function isBoilerplateCatch(statement: TryStatement): boolean {
  if (statement.finalizer || !statement.handler) return false;
  const statements = statement.handler.body.body;
  let sent = false;
  for (const inner of statements) {
    if (inner.type === 'ReturnStatement') {
      if (!inner.argument) continue;
      if (isStatus500Send(inner.argument) && !sent) {
        sent = true;
        continue;
      }
      return false;
    }
    if (inner.type !== 'ExpressionStatement') return false;
    const expression = inner.expression;
    if (isLogCall(expression)) {
      if (sent) return false;
      continue;
    }
    if (isStatus500Send(expression) && !sent) {
      sent = true;
      continue;
    }
    return false;
  }
  return sent;
}

function isLogCall(node: ASTNode): boolean {
  if (node.type === 'AwaitExpression' && node.argument) return isLogCall(node.argument);
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
  const object = node.callee.object;
  return object.type === 'Identifier' && (object.name === 'console' || object.name === 'logger');
}

/** `res.status(500).json(…)` / `.send(…)` / `res.sendStatus(500)`. */
function isStatus500Send(node: ASTNode): boolean {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
  const callee = node.callee;
  if (callee.property.type !== 'Identifier') return false;
  const is500 = (arg: ASTNode | undefined): boolean =>
    (arg?.type === 'NumericLiteral' || arg?.type === 'Literal') && (arg as { value: unknown }).value === 500;
  if (callee.property.name === 'sendStatus') return callee.object.type === 'Identifier' && is500(node.arguments[0]);
  if (callee.property.name !== 'json' && callee.property.name !== 'send') return false;
  const status = callee.object;
  return (
    status.type === 'CallExpression' &&
    status.callee.type === 'MemberExpression' &&
    status.callee.object.type === 'Identifier' &&
    status.callee.property.type === 'Identifier' &&
    status.callee.property.name === 'status' &&
    is500(status.arguments[0])
  );
}

function enclosingStatement(callPath: { parent: unknown; node: ASTNode }): StatementKind | undefined {
  let current: { parent: unknown; node: ASTNode } | null = callPath;
  while (current) {
    if (current.node.type === 'ExpressionStatement') return current.node;
    current = current.parent as { parent: unknown; node: ASTNode } | null;
  }
  return undefined;
}

/** Adds `// hardening-codemod: <why>` above a statement once. Returns whether it added it. */
function addMarker(j: JSCodeshift, statement: StatementKind, why: string): boolean {
  const node = statement as { comments?: { value: string }[] };
  const comments = node.comments ?? [];
  if (comments.some((comment) => comment.value.trim().startsWith(MARKER))) return false;
  node.comments = [...comments, j.commentLine(` ${MARKER} ${why}`, true, false)];
  return true;
}

function hasBinding(j: JSCodeshift, root: Collection, name: string): boolean {
  return (
    root.find(j.ImportSpecifier, { local: { name } }).size() > 0 ||
    root.find(j.ImportDefaultSpecifier, { local: { name } }).size() > 0 ||
    root.find(j.VariableDeclarator, { id: { type: 'Identifier', name } }).size() > 0 ||
    root.find(j.FunctionDeclaration, { id: { name } }).size() > 0 ||
    root
      .find(j.VariableDeclarator, { id: { type: 'ObjectPattern' } })
      .filter((p) => j(p).find(j.Identifier, { name }).size() > 0)
      .size() > 0
  );
}

/**
 * Adds `import { asyncHandler } from '…'` after the last import, or `const { asyncHandler } =
 * require('…')` after the last top-level require in CommonJS files (a text edit: no blank line
 * is added or removed around it).
 */
function addHelperImport(j: JSCodeshift, source: string, specifier: string): string {
  const root = j(source);
  const isRequire = (node: ASTNode): boolean =>
    j(node).find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).size() > 0;
  const imports = root.find(j.ImportDeclaration).filter((p) => p.parent.node.type === 'Program');
  const requires = root.find(j.VariableDeclaration).filter((p) => p.parent.node.type === 'Program' && isRequire(p.node));
  const relativeSources: string[] = [];
  imports.forEach((p) => {
    const value = p.node.source.value;
    if (typeof value === 'string' && value.startsWith('.')) relativeSources.push(value);
  });
  requires.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).forEach((p) => {
    const first = p.node.arguments[0];
    if (first?.type === 'StringLiteral' && first.value.startsWith('.')) relativeSources.push(first.value);
  });
  const useJs = relativeSources.length > 0 && relativeSources.every((value) => value.endsWith('.js'));
  const target = useJs ? `${specifier}.js` : specifier;

  const commonJs = imports.size() === 0 && requires.size() > 0;
  const line = commonJs ? `const { ${HELPER_NAME} } = require('${target}');` : `import { ${HELPER_NAME} } from '${target}';`;
  const anchor = commonJs ? requires : imports;
  if (anchor.size() === 0) return `${line}\n${source}`;
  const at = offsets(anchor.at(anchor.size() - 1).get().node as ASTNode).end;
  return `${source.slice(0, at)}\n${line}${source.slice(at)}`;
}
