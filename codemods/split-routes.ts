import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { API, FileInfo } from 'jscodeshift';

import { relativeImport, writeFileAtomic } from './lib/files.js';
import { jscodeshiftFor, parserFor } from './lib/parser.js';
import {
  type AstNode,
  type Declaration,
  assignsTo,
  child,
  childList,
  chunks,
  collectReferences,
  commonJsExport,
  declarationOf,
  isRequireStatement,
  locationDependence,
  nameOf,
  position,
  requireDeclaration,
  trimLeadingBlankLines,
} from './split-routes/ast.js';

export interface Options {
  /** Project root that `outDir` is resolved against (default: `process.cwd()`). */
  root?: string;
  /** Folder of the generated modules, relative to `root` (default: a `routes/` folder next to the input file). */
  outDir?: string;
  /** Path prefix stripped before grouping, e.g. `/api` (default: the longest prefix common to every route). */
  prefix?: string;
  /** First path segment → module name, e.g. `{ "hotels": "content-types", "attractions": "content-types" }`. */
  groups?: Record<string, string>;
  /** Module for routes whose domain cannot be known statically (default: `misc`). */
  fallback?: string;
  /** Names of the route-registering functions (default: `registerRoutes`, `setupRoutes`). */
  functions?: string[];
  /** Plan only: report what would be written, write nothing. */
  dry?: boolean;
}

export interface SplitResult {
  /** Absolute path → new content: the thin re-export of the input file and every generated module. */
  files: Map<string, string>;
  /** Skipped sites and the plan, one line each (`line:col why` for sites). */
  report: string[];
  /** The input with `// hardening-codemod:` markers when the split was refused. */
  marked?: string;
}

const routeMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all', 'use']);
const markerPrefix = '// hardening-codemod: ';
/** Heads every generated route module: a later run leaves those files alone. */
const generatedMark = 'by hardening split-routes';

interface Route {
  statement: AstNode;
  method: string;
  path: string | undefined;
  module: string;
  /** The first segment is not a literal (`*`, `:id`, regex, the bare prefix): it may match other modules' paths. */
  overlapping: boolean;
  /** A regular expression or an array of paths. */
  pattern: boolean;
}

interface Consumer {
  file: string;
  roots: AstNode[];
}

class Refusal extends Error {
  constructor(readonly node: AstNode, readonly why: string) {
    super(why);
  }
}

/** The constant string value of a route path, following top-level `const` strings; undefined when dynamic. */
function constantString(node: AstNode | undefined, constants: ReadonlyMap<string, AstNode>, seen = new Set<string>()): string | undefined {
  if (!node) return undefined;
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string') return node.value;
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return constantString(child(node, 'expression'), constants, seen);
  if (node.type === 'TemplateLiteral') {
    const quasis = childList(node, 'quasis');
    const expressions = childList(node, 'expressions');
    let text = '';
    for (const [index, quasi] of quasis.entries()) {
      const cooked = (quasi.value as { cooked?: string | null }).cooked;
      if (typeof cooked !== 'string') return undefined;
      text += cooked;
      if (index < expressions.length) {
        const part = constantString(expressions[index], constants, seen);
        if (part === undefined) return undefined;
        text += part;
      }
    }
    return text;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = constantString(child(node, 'left'), constants, seen);
    const right = constantString(child(node, 'right'), constants, seen);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  const name = nameOf(node);
  if (name !== undefined && !seen.has(name)) return constantString(constants.get(name), constants, new Set([...seen, name]));
  return undefined;
}

function segments(routePath: string): string[] {
  return routePath.split('/').filter((segment) => segment !== '');
}

const literalSegment = /^[\w.-]+$/u;

function commonPrefix(paths: readonly string[]): string[] {
  let prefix: string[] | undefined;
  for (const routePath of paths) {
    // Catch-alls (`*`, `/:page`) say nothing about the prefix; the last segment never belongs to
    // it: every route keeps a segment to group by.
    const all = segments(routePath);
    if (all[0] === undefined || !literalSegment.test(all[0])) continue;
    const parts = all.slice(0, -1);
    if (prefix === undefined) prefix = parts.filter((_, index) => parts.slice(0, index + 1).every((part) => literalSegment.test(part)));
    let length = 0;
    while (length < prefix.length && length < parts.length && prefix[length] === parts[length]) length += 1;
    prefix = prefix.slice(0, length);
  }
  return prefix ?? [];
}

function moduleFunctionName(moduleName: string): string {
  const pascal = moduleName
    .split(/[^A-Za-z0-9]+/u)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
  return `register${pascal}Routes`;
}

function moduleRouterName(moduleName: string): string {
  const pascal = moduleFunctionName(moduleName).slice('register'.length, -'Routes'.length);
  return `${pascal.charAt(0).toLowerCase()}${pascal.slice(1)}Router`;
}

function moduleFileName(segment: string): string {
  const name = segment.toLowerCase().replace(/[^a-z0-9-]+/gu, '-');
  return name === 'index' || name === 'shared' ? `${name}-routes` : name;
}

/** The route registration of a statement (`app.get(path, …)`), if it is one. */
function routeCall(statement: AstNode, param: string): { method: string; pathNode: AstNode | undefined } | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  const call = child(statement, 'expression');
  if (call?.type !== 'CallExpression') return undefined;
  const callee = child(call, 'callee');
  if (callee?.type !== 'MemberExpression' || callee.computed === true) return undefined;
  // `app.route(path).get(…).post(…)`: the chain is one registration statement on `path`.
  const object = child(callee, 'object');
  if (object?.type === 'CallExpression') {
    const inner = routeCall({ ...statement, expression: object }, param);
    return inner?.method === 'route' ? inner : undefined;
  }
  if (nameOf(object) !== param) return undefined;
  const method = nameOf(child(callee, 'property'));
  if (method === 'route') return { method, pathNode: childList(call, 'arguments')[0] };
  if (method === undefined || !routeMethods.has(method)) return undefined;
  return { method, pathNode: childList(call, 'arguments')[0] };
}

/**
 * The import (or `require`) of `declaration` reduced to the names in `needed`, its specifier moved
 * by `move`; undefined when none is needed (side-effect imports stay in the input file).
 */
function importText(declaration: AstNode, needed: ReadonlySet<string>, move: (specifier: string) => string, source: string): string | undefined {
  const required = requireDeclaration(declaration);
  if (required) {
    const load = `require('${move(required.specifier)}')${required.member}`;
    if (required.id.type === 'Identifier') return needed.has(String(required.id.name)) ? `${required.kind} ${String(required.id.name)} = ${load};` : undefined;
    const properties = childList(required.id, 'properties').filter((property) => {
      const names = collectReferences(child(property, 'value') ?? child(property, 'argument') ?? property);
      return [...names].some((name) => needed.has(name));
    });
    if (properties.length === 0) return undefined;
    return `${required.kind} { ${properties.map((property) => source.slice(property.start, property.end)).join(', ')} } = ${load};`;
  }
  const typeOnly = declaration.importKind === 'type';
  let defaultName: string | undefined;
  let namespace: string | undefined;
  const named: string[] = [];
  for (const spec of childList(declaration, 'specifiers')) {
    const local = nameOf(child(spec, 'local'));
    if (local === undefined || !needed.has(local)) continue;
    if (spec.type === 'ImportDefaultSpecifier') defaultName = local;
    else if (spec.type === 'ImportNamespaceSpecifier') namespace = local;
    else {
      const importedNode = child(spec, 'imported');
      const imported = nameOf(importedNode) ?? (typeof importedNode?.value === 'string' ? `'${importedNode.value}'` : local);
      const kind = spec.importKind === 'type' && !typeOnly ? 'type ' : '';
      named.push(imported === local ? `${kind}${local}` : `${kind}${imported} as ${local}`);
    }
  }
  const parts = [defaultName, namespace === undefined ? undefined : `* as ${namespace}`, named.length > 0 ? `{ ${named.join(', ')} }` : undefined].filter((part) => part !== undefined);
  if (parts.length === 0) return undefined;
  return `import ${typeOnly ? 'type ' : ''}${parts.join(', ')} from '${move(String(child(declaration, 'source')?.value ?? ''))}';`;
}

/** A relative import specifier seen from another file (other specifiers unchanged). */
function moveSpecifier(specifier: string, fromFile: string, toFile: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = path.resolve(path.dirname(fromFile), specifier);
  const moved = path.relative(path.dirname(toFile), target).split(path.sep).join('/');
  return moved.startsWith('.') ? moved : `./${moved}`;
}

/** Inserts `// hardening-codemod: why` above a statement, once. */
function withMarker(source: string, node: AstNode, why: string): string {
  const lineStart = source.lastIndexOf('\n', node.start - 1) + 1;
  const indent = /^[ \t]*/u.exec(source.slice(lineStart))?.[0] ?? '';
  const previousLineStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  if (lineStart > 0 && source.slice(previousLineStart, lineStart - 1).trim() === `${markerPrefix}${why}`) return source;
  return `${source.slice(0, lineStart)}${indent}${markerPrefix}${why}\n${source.slice(lineStart)}`;
}

/**
 * Plans the split of one routes file and returns every file it produces (pure: nothing is written).
 * When the file cannot be split safely, `files` is empty and `marked` holds the input with a marker.
 */
export function splitRoutes(filePath: string, options: Options = {}, source: string = readFileSync(filePath, 'utf8')): SplitResult {
  try {
    return plan(path.resolve(filePath), options, source);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { files: new Map(), report: [`${position(error.node)} ${error.why}`], marked: withMarker(source, error.node, error.why) };
  }
}

/** What registers the routes: the parameter of `registerRoutes(app)`, or a top-level `Router()`. */
interface Host {
  style: 'function' | 'router';
  /** The exported function statement, or the router's declaration. */
  statement: AstNode;
  /** The app parameter or the router variable. */
  name: string;
  /** The routes function's name, when it has one. */
  functionName: string | undefined;
  /** Where file-level refusals are marked. */
  anchor: AstNode;
  /** The statements the routes sit among (the function body, or the whole file). */
  statements: AstNode[];
  /** Top-level statements the host owns (not declarations to place). */
  owned: Set<AstNode>;
  /** Roots every route module needs (the parameter's type, the router's creation). */
  moduleRoots: AstNode[];
  /** CommonJS: the other `module.exports` / `exports.x` statements, which move to index with the host. */
  exportStatements: AstNode[];
}

const functionTypes = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * The function a top-level statement declares or exports: `function f(app) {}`, `export function`,
 * `const f = (app) => {}`, `module.exports = function f(app) {}`, `exports.f = (app) => {}`.
 */
function declaredFunction(statement: AstNode): { fn: AstNode; name: string | undefined; exported: boolean; anonymousExport: boolean } | undefined {
  const target = commonJsExport(statement);
  if (target) {
    if (!functionTypes.has(target.value.type)) return undefined;
    const id = nameOf(child(target.value, 'id'));
    return { fn: target.value, name: target.name ?? id, exported: true, anonymousExport: target.name === undefined && id === undefined };
  }
  const inner = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? child(statement, 'declaration') : statement;
  if (!inner) return undefined;
  if (inner.type === 'FunctionDeclaration') return { fn: inner, name: nameOf(child(inner, 'id')), exported: inner !== statement, anonymousExport: false };
  const declarators = inner.type === 'VariableDeclaration' ? childList(inner, 'declarations') : [];
  const init = declarators.length === 1 && declarators[0] ? child(declarators[0], 'init') : undefined;
  if (!init || !functionTypes.has(init.type) || !declarators[0]) return undefined;
  return { fn: init, name: nameOf(child(declarators[0], 'id')), exported: inner !== statement, anonymousExport: false };
}

function findHost(body: readonly AstNode[], functionNames: ReadonlySet<string>, commonjs: boolean): Host | undefined {
  const exportStatements = (hostStatement: AstNode): AstNode[] => (commonjs ? body.filter((node) => node !== hostStatement && commonJsExport(node) !== undefined) : []);
  for (const statement of body) {
    const found = declaredFunction(statement);
    const fnBody = found ? child(found.fn, 'body') : undefined;
    if (!found || fnBody?.type !== 'BlockStatement' || !(found.anonymousExport || (found.name !== undefined && functionNames.has(found.name)))) continue;
    const inner = found.fn;
    const params = childList(inner, 'params');
    const name = nameOf(params[0]);
    const statements = childList(fnBody, 'body');
    if (name === undefined || !statements.some((node) => isRouteStatement(node, name))) continue;
    if (params.length !== 1) throw new Refusal(inner, 'the routes function must take the app or router as its only parameter');
    const others = exportStatements(statement);
    const exported = found.exported || others.some((node) => found.name !== undefined && collectReferences(node).has(found.name));
    if (!exported) throw new Refusal(inner, 'the routes function is not exported: nothing imports it, so splitting it cannot keep its callers');
    return { style: 'function', statement, name, functionName: found.name, anchor: inner, statements, owned: new Set([statement, ...others]), moduleRoots: params, exportStatements: others };
  }
  for (const statement of body) {
    const inner = statement.type === 'ExportNamedDeclaration' ? child(statement, 'declaration') : statement;
    const declarators = inner?.type === 'VariableDeclaration' ? childList(inner, 'declarations') : [];
    const declarator = declarators[0];
    const init = declarator ? child(declarator, 'init') : undefined;
    const callee = init?.type === 'CallExpression' ? child(init, 'callee') : undefined;
    const name = nameOf(declarator ? child(declarator, 'id') : undefined);
    const isRouter = nameOf(callee) === 'Router' || (callee?.type === 'MemberExpression' && nameOf(child(callee, 'property')) === 'Router');
    if (!declarator || declarators.length !== 1 || name === undefined || !isRouter) continue;
    if (!body.some((node) => isRouteStatement(node, name))) continue;
    const others = exportStatements(statement);
    if (commonjs && !others.some((node) => collectReferences(node).has(name))) throw new Refusal(statement, `${name} is not exported: nothing imports it, so splitting it cannot keep its users`);
    return { style: 'router', statement, name, functionName: undefined, anchor: statement, statements: [...body], owned: new Set([statement]), moduleRoots: [declarator], exportStatements: others };
  }
  return undefined;
}

/** A route registration: `app.get(path, …)`, `app.use('/path', …)` (not `app.use(middleware)`). */
function isRouteStatement(statement: AstNode, host: string): boolean {
  const call = routeCall(statement, host);
  return call !== undefined && !(call.method === 'use' && isMiddleware(call.pathNode));
}

function refuseLocationDependence(node: AstNode, what: string): void {
  const dependence = locationDependence(node);
  if (dependence !== undefined) throw new Refusal(node, `${what} uses ${dependence}, which resolves from the file it is written in: moved to another folder, it would point elsewhere`);
}

/** `use(x)` whose first argument is not a path: global middleware, for every route after it. */
function isMiddleware(first: AstNode | undefined): boolean {
  return first === undefined || !(first.type === 'StringLiteral' || first.type === 'TemplateLiteral' || first.type === 'BinaryExpression' || (first.type === 'Identifier' && /^[A-Z0-9_]+$/u.test(String(first.name))));
}

function plan(filePath: string, options: Options, source: string): SplitResult {
  const report: string[] = [];
  const files = new Map<string, string>();
  const j = jscodeshiftFor(filePath);
  const program = (j(source).get() as { node: { program: AstNode } }).node.program;
  // `'use strict'` and other directives: babel's `program.directives`, or (estree) leading statements.
  const allStatements = childList(program, 'body');
  const firstStatement = allStatements.findIndex((statement) => typeof statement.directive !== 'string');
  const body = firstStatement === -1 ? [] : allStatements.slice(firstStatement);
  const directives = [...childList(program, 'directives'), ...allStatements.slice(0, firstStatement === -1 ? allStatements.length : firstStatement)];
  const fallback = options.fallback ?? 'misc';

  const typescript = parserFor(filePath) !== 'babel';

  // 1. The host: `registerRoutes(app)` or a top-level router, in an ES module or a CommonJS one.
  if (source.includes(generatedMark)) return { files, report };
  const esmStatement = body.find((statement) => /^(?:Import|Export)\w*Declaration$/u.test(statement.type));
  const commonJsStatement = body.find((statement) => requireDeclaration(statement) !== undefined || isRequireStatement(statement) || commonJsExport(statement) !== undefined);
  const commonjs = commonJsStatement !== undefined && esmStatement === undefined;
  const host = findHost(body, new Set(options.functions ?? ['registerRoutes', 'setupRoutes']), commonJsStatement !== undefined);
  if (!host) return { files, report };
  if (esmStatement && commonJsStatement) {
    throw new Refusal(commonJsStatement, 'this file mixes import/export with require/module.exports: make it one module system before splitting it');
  }
  const isImport = (statement: AstNode): boolean => statement.type === 'ImportDeclaration' || (commonjs && requireDeclaration(statement) !== undefined);
  const isRoute = (statement: AstNode): boolean => isRouteStatement(statement, host.name);
  const { statements } = host;
  const firstRoute = statements.findIndex(isRoute);
  const lastRoute = statements.length - 1 - [...statements].reverse().findIndex(isRoute);
  const routeStatements = statements.slice(firstRoute, lastRoute + 1).filter(isRoute);
  for (const statement of statements.slice(firstRoute, lastRoute + 1)) {
    if (isRoute(statement) || (host.style === 'router' && (isImport(statement) || declarationOf(statement) !== undefined))) continue;
    const call = routeCall(statement, host.name);
    throw new Refusal(statement, call?.method === 'use'
      ? 'middleware mounted without a constant path applies to every route after it: its place among the modules is unknown'
      : 'a statement other than a route registration sits between routes: moving routes around it could change what it sees');
  }
  // Statements around the routes that stay with the host (in index.ts).
  const aroundRoutes = (statement: AstNode): boolean => host.style === 'function' || host.exportStatements.includes(statement)
    || (!isImport(statement) && declarationOf(statement) === undefined && !host.owned.has(statement) && collectReferences(statement).has(host.name));
  const leading = statements.slice(0, firstRoute).filter(aroundRoutes);
  const trailing = statements.slice(lastRoute + 1).filter(aroundRoutes);
  if (host.style === 'router') {
    for (const statement of [...leading, ...trailing]) {
      const call = statement.type === 'ExpressionStatement' ? child(statement, 'expression') : undefined;
      const callee = call?.type === 'CallExpression' ? child(call, 'callee') : undefined;
      const method = callee?.type === 'MemberExpression' && nameOf(child(callee, 'object')) === host.name ? nameOf(child(callee, 'property')) : undefined;
      if (method !== undefined && method !== 'use') throw new Refusal(statement, `${host.name}.${method}() would not reach the routes moved to sub-routers`);
      host.owned.add(statement);
    }
    for (const statement of routeStatements) host.owned.add(statement);
  }

  // 2. Top-level declarations and constants (for paths).
  const declarations = new Map<AstNode, Declaration>();
  const declaredBy = new Map<string, AstNode[]>();
  const constants = new Map<string, AstNode>();
  for (const statement of body) {
    const declaration = declarationOf(statement);
    if (!declaration || host.owned.has(statement) || isImport(statement)) continue;
    declarations.set(statement, declaration);
    for (const name of declaration.names) declaredBy.set(name, [...(declaredBy.get(name) ?? []), statement]);
    const inner = statement.type === 'ExportNamedDeclaration' ? child(statement, 'declaration') : statement;
    if (inner?.type === 'VariableDeclaration' && inner.kind === 'const') {
      for (const declarator of childList(inner, 'declarations')) {
        const name = nameOf(child(declarator, 'id'));
        const init = child(declarator, 'init');
        if (name !== undefined && init) constants.set(name, init);
      }
    }
  }

  // 3. Routes and their modules.
  const leadingNames = new Set<string>();
  if (host.style === 'function') {
    for (const statement of leading) {
      for (const name of declarationOf(statement)?.names ?? []) leadingNames.add(name);
    }
  }
  const resolved = routeStatements.map((statement) => {
    const call = routeCall(statement, host.name);
    if (!call) throw new Refusal(statement, 'not a route registration');
    const usedLocals = [...collectReferences(statement)].filter((name) => leadingNames.has(name));
    if (usedLocals.length > 0) throw new Refusal(statement, `this route uses ${usedLocals.join(', ')} declared inside the routes function: move it to the top level first`);
    refuseLocationDependence(statement, 'this route');
    const routePath = constantString(call.pathNode, constants);
    if (call.method === 'use' && routePath === undefined) throw new Refusal(statement, 'middleware mounted on a path that is not a constant: its place among the modules is unknown');
    // A regular expression or a list of paths may match anything: it is placed like a catch-all.
    const pattern = call.pathNode?.type === 'RegExpLiteral' || call.pathNode?.type === 'ArrayExpression';
    return { statement, method: call.method, path: routePath, pattern };
  });
  const prefix = options.prefix === undefined ? commonPrefix(resolved.flatMap((route) => (route.path === undefined ? [] : [route.path]))) : segments(options.prefix);
  const routes: Route[] = resolved.map((route) => {
    if (route.path === undefined) {
      report.push(`${position(route.statement)} the path of this ${route.method} route is not a constant: it goes to ${fallback}.ts, registered after every other module`);
      return { ...route, module: fallback, overlapping: true };
    }
    const parts = segments(route.path);
    const rest = prefix.every((part, index) => parts[index] === part) ? parts.slice(prefix.length) : parts;
    const first = rest[0];
    if (first === undefined || !literalSegment.test(first)) return { ...route, module: fallback, overlapping: true };
    return { ...route, module: moduleFileName(options.groups?.[first] ?? first), overlapping: false };
  });
  let seenOverlap = false;
  for (const route of routes) {
    if (route.overlapping && (route.path !== undefined || route.pattern)) seenOverlap = true;
    else if (!route.overlapping && seenOverlap) throw new Refusal(route.statement, 'a route registered after a catch-all or parameter route: moving it before the catch-all would change which handler answers');
  }

  // 4. Files and consumers. The fallback module is registered last (it holds catch-alls).
  const outDir = options.outDir === undefined ? path.join(path.dirname(filePath), 'routes') : path.resolve(options.root ?? process.cwd(), options.outDir);
  const moduleNames = [...new Set(routes.map((route) => route.module))].sort((a, b) => Number(a === fallback) - Number(b === fallback));
  // One domain: nothing to split (this is also what makes a second run on a generated module a no-op).
  if (moduleNames.length < 2) return { files, report };
  // Generated files keep the input's extension; specifiers get the runtime one when the input wrote
  // extensions (or when Node needs it: `require('./x')` never finds `x.cjs`, ESM never guesses).
  const fileExtension = path.extname(filePath);
  const moduleFile = (name: string): string => path.join(outDir, `${name}${fileExtension}`);
  const indexFile = moduleFile('index');
  const sharedFile = moduleFile('shared');
  const imports = body.filter(isImport);
  const specifierOf = (statement: AstNode): string => requireDeclaration(statement)?.specifier ?? String(child(statement, 'source')?.value ?? '');
  const runtimeExtension = fileExtension.replace(/^\.([cm]?)[jt]sx?$/u, '.$1js');
  const extension = /^\.[cm]/u.test(fileExtension) || imports.some((statement) => /^\..*\.[cm]?js$/u.test(specifierOf(statement))) ? runtimeExtension : '';
  const specifierTo = (from: string, to: string): string => relativeImport(from, to) + extension;

  const exportName = (name: string): string => (host.style === 'function' ? moduleFunctionName(name) : moduleRouterName(name));
  const topLevelNames = new Set([...declaredBy.keys(), ...imports.flatMap((statement) => [...collectReferences(requireDeclaration(statement)?.id ?? statement)]), host.name, host.functionName ?? '']);
  for (const name of moduleNames.map(exportName)) {
    if (topLevelNames.has(name)) throw new Refusal(host.anchor, `the generated name ${name} is already taken in this file`);
  }

  const otherRoots = body.filter((statement) => !host.owned.has(statement) && !isImport(statement) && !declarations.has(statement));
  const consumers = new Map<string, Consumer>();
  for (const name of moduleNames) consumers.set(name, { file: moduleFile(name), roots: [...host.moduleRoots, ...routes.filter((route) => route.module === name).map((route) => route.statement)] });
  const indexRoots = [...host.moduleRoots, ...leading, ...trailing, ...host.exportStatements];
  if (host.style === 'function') {
    for (const key of ['returnType', 'typeParameters']) {
      const node = child(host.anchor, key);
      if (node) indexRoots.push(node);
    }
  } else {
    indexRoots.push(host.anchor);
  }
  consumers.set('index', { file: indexFile, roots: indexRoots });
  consumers.set('self', { file: filePath, roots: otherRoots });

  // 5. Which consumers reach each declaration (transitively).
  const referencesOf = new Map<AstNode, Set<string>>();
  const refs = (node: AstNode): Set<string> => {
    let found = referencesOf.get(node);
    if (!found) {
      found = collectReferences(node);
      referencesOf.set(node, found);
    }
    return found;
  };
  const reachedBy = new Map<AstNode, Set<string>>();
  for (const [consumerName, consumer] of consumers) {
    const queue = consumer.roots.flatMap((root) => [...refs(root)]);
    const visited = new Set<string>();
    while (queue.length > 0) {
      const name = queue.pop();
      if (name === undefined || visited.has(name)) continue;
      visited.add(name);
      for (const declaration of declaredBy.get(name) ?? []) {
        const reached = reachedBy.get(declaration) ?? new Set<string>();
        reached.add(consumerName);
        reachedBy.set(declaration, reached);
        queue.push(...refs(declaration));
      }
    }
  }
  const placement = new Map<AstNode, string>();
  for (const [statement, declaration] of declarations) {
    const reached = [...(reachedBy.get(statement) ?? [])];
    const home = reached.length === 0 ? 'self' : reached.length === 1 ? (reached[0] ?? 'self') : 'shared';
    placement.set(statement, home);
    if (home !== 'shared') continue;
    const users = reached.filter((name) => name !== 'self' && name !== 'index').join(', ');
    if (declaration.reassignable && body.some((node) => node !== statement && assignsTo(node, new Set(declaration.names)))) {
      const why = commonjs ? 'a required copy would not see the assignments' : 'an imported binding cannot be assigned';
      throw new Refusal(statement, `${declaration.names.join(', ')} is reassigned and used by several modules (${users}): ${why}`);
    }
    if (declaration.mutableState || declaration.reassignable) {
      report.push(`${position(statement)} module-level state ${declaration.names.join(', ')} is used by ${users}: kept once in ${path.basename(sharedFile)}`);
    }
  }

  for (const [statement, declaration] of declarations) {
    if ((placement.get(statement) ?? 'self') !== 'self') refuseLocationDependence(statement, declaration.names.join(', '));
  }
  for (const statement of [host.statement, ...leading, ...trailing, ...host.exportStatements]) refuseLocationDependence(statement, 'this statement');

  // 6. Emit.
  // Directives open every file; comments above them stay in the input file.
  const prologueEnd = directives.at(-1)?.end ?? 0;
  const directiveText = directives.map((directive) => source.slice(directive.start, directive.end)).join('\n');
  const { texts: topChunks, tail: topTail } = chunks(source, body, prologueEnd, source.length);
  const chunkOf = new Map(body.map((statement, index) => [statement, topChunks[index] ?? '']));
  const sharedNames = new Set([...declarations].filter(([statement]) => placement.get(statement) === 'shared').flatMap(([, declaration]) => declaration.names));
  const sharedTypes = new Set([...declarations].filter(([statement, declaration]) => placement.get(statement) === 'shared' && declaration.typeOnly).flatMap(([, declaration]) => declaration.names));
  const requireOf = (names: readonly string[], file: string): string => `const { ${names.join(', ')} } = require('${specifierTo(file, sharedFile)}');`;

  const header = (consumerName: string, file: string, extraRoots: readonly AstNode[] = []): { lines: string[]; placed: string[] } => {
    const placedStatements = body.filter((statement) => placement.get(statement) === consumerName);
    const consumer = consumers.get(consumerName);
    const roots = [...(consumer?.roots ?? []), ...placedStatements, ...extraRoots];
    const needed = new Set(roots.flatMap((root) => [...refs(root)]));
    const lines: string[] = [];
    for (const declaration of imports) {
      const text = importText(declaration, needed, (specifier) => moveSpecifier(specifier, filePath, file), source);
      if (text !== undefined) lines.push(text);
    }
    const fromShared = [...sharedNames].filter((name) => needed.has(name)).map((name) => (sharedTypes.has(name) ? `type ${name}` : name));
    if (consumerName !== 'shared' && fromShared.length > 0) {
      lines.push(commonjs ? requireOf(fromShared, file) : `import { ${fromShared.join(', ')} } from '${specifierTo(file, sharedFile)}';`);
    }
    const placed = placedStatements.map((statement) => {
      const text = trimLeadingBlankLines(chunkOf.get(statement) ?? '');
      return consumerName === 'shared' && !commonjs && statement.type !== 'ExportNamedDeclaration' ? exportIt(text, statement) : text;
    });
    return { lines, placed };
  };

  const exportIt = (text: string, statement: AstNode): string => {
    // The statement starts after the comments in front of it.
    const offset = Math.max(0, text.lastIndexOf(source.slice(statement.start, statement.end)));
    return `${text.slice(0, offset)}export ${text.slice(offset)}`;
  };

  const join = (...sections: (string | undefined)[]): string => `${sections.filter((section) => section !== undefined && section !== '').join('\n\n')}\n`;
  const topText = (statement: AstNode): string => trimLeadingBlankLines(chunkOf.get(statement) ?? '');

  // Route modules.
  const hostStatement = host.statement;
  // Chunks of every statement around the routes, so the first route's never starts with the one before it.
  const hostChunks = host.style === 'function'
    ? chunks(source, statements, (child(host.anchor, 'body')?.start ?? 0) + 1, (child(host.anchor, 'body')?.end ?? 1) - 1).texts
    : statements.map((statement) => chunkOf.get(statement) ?? '');
  const routeChunks = routeStatements.map((statement) => hostChunks[statements.indexOf(statement)] ?? '');
  for (const name of moduleNames) {
    const file = moduleFile(name);
    const moduleRoutes = routes.filter((route) => route.module === name);
    const routeTexts = moduleRoutes.map((route, index) => {
      const text = routeChunks[routeStatements.indexOf(route.statement)] ?? '';
      return index === 0 ? `\n${trimLeadingBlankLines(text)}` : text;
    });
    const { lines, placed } = header(name, file);
    const top = [`// ${name} routes, split from ${path.basename(filePath)} ${generatedMark}.`, directiveText].filter((line) => line !== '').join('\n');
    if (host.style === 'function') {
      const param = host.moduleRoots[0];
      const paramText = param ? source.slice(param.start, param.end) : host.name;
      const fn = `function ${exportName(name)}(${paramText})${typescript ? ': void' : ''} {${routeTexts.join('')}\n}`;
      files.set(file, commonjs
        ? join(top, lines.join('\n'), placed.join('\n\n'), fn, `module.exports = { ${exportName(name)} };`)
        : join([top, ...lines].join('\n'), placed.join('\n\n'), `export ${fn}`));
    } else {
      const declarator = host.moduleRoots[0];
      const init = declarator ? child(declarator, 'init') : undefined;
      const id = declarator ? child(declarator, 'id') : undefined;
      const creation = id && init ? `const ${source.slice(id.start, id.end)} = ${source.slice(init.start, init.end)};` : '';
      files.set(file, commonjs
        ? join(top, lines.join('\n'), placed.join('\n\n'), `${creation}\n${routeTexts.join('')}`, `module.exports = ${host.name};`)
        : join([top, ...lines].join('\n'), placed.join('\n\n'), `${creation}\n${routeTexts.join('')}`, `export { ${host.name} as ${exportName(name)} };`));
    }
    report.push(`plan ${path.relative(path.dirname(filePath), file)}: ${moduleRoutes.length} route${moduleRoutes.length === 1 ? '' : 's'} (lines ${moduleRoutes.map((route) => route.statement.loc?.start.line ?? 0).join(', ')})`);
  }

  // routes/index: the host, its routes replaced by the modules (calls, or mounted sub-routers).
  {
    const { lines, placed } = header('index', indexFile);
    const moduleImports = moduleNames.map((name) => {
      const specifier = specifierTo(indexFile, moduleFile(name));
      if (!commonjs) return `import { ${exportName(name)} } from '${specifier}';`;
      return host.style === 'function' ? `const { ${exportName(name)} } = require('${specifier}');` : `const ${exportName(name)} = require('${specifier}');`;
    });
    let hostText: string;
    if (host.style === 'function') {
      const fnBody = child(host.anchor, 'body');
      const start = fnBody?.start ?? 0;
      const end = fnBody?.end ?? 1;
      const bodyChunks = chunks(source, statements, start + 1, end - 1);
      const indent = /^\n*([ \t]*)/u.exec(trimLeadingBlankLines(bodyChunks.texts[firstRoute] ?? ''))?.[1] ?? '  ';
      const calls = moduleNames.map((name) => `\n${indent}${exportName(name)}(${host.name});`).join('');
      const fnChunk = topText(hostStatement);
      const fnChunkStart = hostStatement.end - fnChunk.length;
      // Up to the body's `{`, the statements around the routes, then from the body's `}` on (`};` of an assignment).
      const fnText = `${fnChunk.slice(0, start + 1 - fnChunkStart)}${bodyChunks.texts.slice(0, firstRoute).join('')}${calls}${bodyChunks.texts.slice(lastRoute + 1).join('')}${bodyChunks.tail}${fnChunk.slice(end - 1 - fnChunkStart)}`;
      hostText = [hostStatement, ...host.exportStatements].sort((a, b) => a.start - b.start).map((statement) => (statement === hostStatement ? fnText : topText(statement))).join('\n\n');
    } else {
      const mounts = moduleNames.map((name) => `${host.name}.use(${exportName(name)});`).join('\n');
      hostText = [topText(hostStatement), ...leading.map(topText), mounts, ...trailing.map(topText)].join('\n\n');
    }
    files.set(indexFile, join(directiveText, [...lines, ...moduleImports].join('\n'), placed.join('\n\n'), hostText));
  }

  // routes/shared
  if (sharedNames.size > 0) {
    const { lines, placed } = header('shared', sharedFile, body.filter((statement) => placement.get(statement) === 'shared'));
    files.set(sharedFile, join(directiveText, lines.join('\n'), placed.join('\n\n'), commonjs ? `module.exports = { ${[...sharedNames].join(', ')} };` : undefined));
    report.push(`plan ${path.relative(path.dirname(filePath), sharedFile)}: ${[...sharedNames].join(', ')}`);
  }

  // The input file: a thin re-export, plus whatever stays (unused declarations, other statements).
  {
    // Import declarations are rewritten per module: the comments around them stay here.
    const importComments = imports.flatMap((declaration) => {
      const chunk = chunkOf.get(declaration) ?? '';
      const text = source.slice(declaration.start, declaration.end);
      const at = chunk.lastIndexOf(text);
      return [chunk.slice(0, at).trim(), chunk.slice(at + text.length).trim()].filter((comment) => comment !== '');
    });
    const fileHeader = [source.slice(0, prologueEnd).trim(), ...importComments].filter((text) => text !== '').join('\n');
    const sideEffects = imports.filter((declaration) => declaration.type === 'ImportDeclaration' && childList(declaration, 'specifiers').length === 0).map((declaration) => source.slice(declaration.start, declaration.end));
    const { lines } = header('self', filePath);
    const kept = body.filter((statement) => !host.owned.has(statement) && !isImport(statement) && (placement.get(statement) ?? 'self') === 'self').map(topText);
    const fromIndex = specifierTo(filePath, indexFile);
    const reExports: string[] = [];
    if (commonjs) {
      // Every export moved to index with the host: its `module.exports` is this file's, whatever its shape.
      reExports.push(`module.exports = require('${fromIndex}');`);
    }
    for (const statement of [hostStatement, ...leading, ...trailing]) {
      if (statement.type === 'ExportDefaultDeclaration') reExports.push(`export { default } from '${fromIndex}';`);
      if (statement.type !== 'ExportNamedDeclaration') continue;
      const declared = declarationOf(statement)?.names ?? [nameOf(child(child(statement, 'declaration') ?? statement, 'id')) ?? ''];
      const specified = childList(statement, 'specifiers').map((specifier) => {
        return nameOf(child(specifier, 'exported')) ?? '';
      });
      const names = [...declared, ...specified].filter((name) => name !== '');
      if (names.length > 0) reExports.push(`export { ${names.join(', ')} } from '${fromIndex}';`);
    }
    if (reExports.length === 0) throw new Refusal(host.anchor, `${host.name} is not exported: nothing imports it, so splitting it cannot keep its users`);
    for (const [statement, declaration] of declarations) {
      const home = placement.get(statement);
      if (statement.type !== 'ExportNamedDeclaration' || home === 'self' || home === undefined) continue;
      const target = home === 'shared' ? sharedFile : home === 'index' ? indexFile : moduleFile(home);
      reExports.push(`export ${declaration.typeOnly ? 'type ' : ''}{ ${declaration.names.join(', ')} } from '${specifierTo(filePath, target)}';`);
    }
    const tail = topTail.trim();
    files.set(filePath, join(fileHeader, [...sideEffects, ...lines].join('\n'), kept.join('\n\n'), reExports.join('\n'), tail));
  }

  return { files, report };
}

/**
 * jscodeshift transform: splits the routes file, writes the generated modules (never over an
 * existing file; nothing in dry mode) and returns the thin re-export for the input file.
 */
export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  const result = splitRoutes(file.path, options, file.source);
  const filePath = path.resolve(file.path);
  const existing = [...result.files.keys()].filter((target) => target !== filePath && existsSync(target));
  if (existing.length > 0) {
    for (const target of existing) api.report(`0:0 ${path.relative(path.dirname(filePath), target)} already exists: not splitting over it`);
    return undefined;
  }
  for (const line of result.report) if (options.dry === true || !line.startsWith('plan ')) api.report(line);
  if (result.marked !== undefined) return result.marked === file.source ? undefined : result.marked;
  const output = result.files.get(filePath);
  if (output === undefined || output === file.source) return undefined;
  if (options.dry !== true) {
    for (const [target, content] of result.files) if (target !== filePath) writeFileAtomic(target, content);
  }
  return output;
}
