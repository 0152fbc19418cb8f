import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import jscodeshift, { type API, type FileInfo } from 'jscodeshift';

import { relativeImport, writeFileAtomic } from './lib/files.js';
import { parserFor } from './lib/parser.js';
import {
  type AstNode,
  type Declaration,
  assignsTo,
  child,
  childList,
  chunks,
  collectReferences,
  declarationOf,
  nameOf,
  position,
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

function importText(declaration: AstNode, needed: ReadonlySet<string>, specifier: string): string | undefined {
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
  return `import ${typeOnly ? 'type ' : ''}${parts.join(', ')} from '${specifier}';`;
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
  /** Where file-level refusals are marked. */
  anchor: AstNode;
  /** The statements the routes sit among (the function body, or the whole file). */
  statements: AstNode[];
  /** Top-level statements the host owns (not declarations to place). */
  owned: Set<AstNode>;
  /** Roots every route module needs (the parameter's type, the router's creation). */
  moduleRoots: AstNode[];
}

function findHost(body: readonly AstNode[], functionNames: ReadonlySet<string>): Host | undefined {
  for (const statement of body) {
    const inner = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? child(statement, 'declaration') : statement;
    if (!inner) continue;
    const id = nameOf(child(inner, 'id'));
    const fnBody = child(inner, 'body');
    if (inner.type === 'FunctionDeclaration' && id !== undefined && functionNames.has(id) && fnBody) {
      const params = childList(inner, 'params');
      const name = nameOf(params[0]);
      const statements = childList(fnBody, 'body');
      if (name === undefined || !statements.some((node) => isRouteStatement(node, name))) continue;
      if (params.length !== 1) throw new Refusal(inner, 'the routes function must take the app or router as its only parameter');
      if (statement === inner) throw new Refusal(inner, 'the routes function is not exported: nothing imports it, so splitting it cannot keep its callers');
      return { style: 'function', statement, name, anchor: inner, statements, owned: new Set([statement]), moduleRoots: params };
    }
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
    return { style: 'router', statement, name, anchor: statement, statements: [...body], owned: new Set([statement]), moduleRoots: [declarator] };
  }
  return undefined;
}

/** A route registration: `app.get(path, …)`, `app.use('/path', …)` (not `app.use(middleware)`). */
function isRouteStatement(statement: AstNode, host: string): boolean {
  const call = routeCall(statement, host);
  return call !== undefined && !(call.method === 'use' && isMiddleware(call.pathNode));
}

/** `use(x)` whose first argument is not a path: global middleware, for every route after it. */
function isMiddleware(first: AstNode | undefined): boolean {
  return first === undefined || !(first.type === 'StringLiteral' || first.type === 'TemplateLiteral' || first.type === 'BinaryExpression' || (first.type === 'Identifier' && /^[A-Z0-9_]+$/u.test(String(first.name))));
}

function plan(filePath: string, options: Options, source: string): SplitResult {
  const report: string[] = [];
  const files = new Map<string, string>();
  const j = jscodeshift.withParser(parserFor(filePath));
  const program = (j(source).get() as { node: { program: AstNode } }).node.program;
  const body = childList(program, 'body');
  const fallback = options.fallback ?? 'misc';

  // 1. The host: `registerRoutes(app)` or a top-level router.
  if (source.includes(generatedMark)) return { files, report };
  const host = findHost(body, new Set(options.functions ?? ['registerRoutes', 'setupRoutes']));
  if (!host) return { files, report };
  const isRoute = (statement: AstNode): boolean => isRouteStatement(statement, host.name);
  const { statements } = host;
  const firstRoute = statements.findIndex(isRoute);
  const lastRoute = statements.length - 1 - [...statements].reverse().findIndex(isRoute);
  const routeStatements = statements.slice(firstRoute, lastRoute + 1).filter(isRoute);
  for (const statement of statements.slice(firstRoute, lastRoute + 1)) {
    if (isRoute(statement) || (host.style === 'router' && (statement.type === 'ImportDeclaration' || declarationOf(statement) !== undefined))) continue;
    const call = routeCall(statement, host.name);
    throw new Refusal(statement, call?.method === 'use'
      ? 'middleware mounted without a constant path applies to every route after it: its place among the modules is unknown'
      : 'a statement other than a route registration sits between routes: moving routes around it could change what it sees');
  }
  // Statements around the routes that stay with the host (in index.ts).
  const aroundRoutes = (statement: AstNode): boolean => host.style === 'function' || (statement.type !== 'ImportDeclaration' && declarationOf(statement) === undefined && !host.owned.has(statement) && collectReferences(statement).has(host.name));
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
    if (!declaration || host.owned.has(statement)) continue;
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
  const moduleFile = (name: string): string => path.join(outDir, `${name}.ts`);
  const indexFile = path.join(outDir, 'index.ts');
  const sharedFile = path.join(outDir, 'shared.ts');
  const extension = body.some((statement) => statement.type === 'ImportDeclaration' && /^\..*\.js$/u.test(String((child(statement, 'source')?.value as string | undefined) ?? ''))) ? '.js' : '';
  const specifierTo = (from: string, to: string): string => relativeImport(from, to) + extension;

  const exportName = (name: string): string => (host.style === 'function' ? moduleFunctionName(name) : moduleRouterName(name));
  const topLevelNames = new Set([...declaredBy.keys(), host.name, nameOf(child(host.anchor, 'id')) ?? '']);
  for (const name of moduleNames.map(exportName)) {
    if (topLevelNames.has(name)) throw new Refusal(host.anchor, `the generated name ${name} is already taken in this file`);
  }

  const imports = body.filter((statement) => statement.type === 'ImportDeclaration');
  const otherRoots = body.filter((statement) => !host.owned.has(statement) && statement.type !== 'ImportDeclaration' && !declarations.has(statement));
  const consumers = new Map<string, Consumer>();
  for (const name of moduleNames) consumers.set(name, { file: moduleFile(name), roots: [...host.moduleRoots, ...routes.filter((route) => route.module === name).map((route) => route.statement)] });
  const indexRoots = [...host.moduleRoots, ...leading, ...trailing];
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
      throw new Refusal(statement, `${declaration.names.join(', ')} is reassigned and used by several modules (${users}): an imported binding cannot be assigned`);
    }
    if (declaration.mutableState || declaration.reassignable) {
      report.push(`${position(statement)} module-level state ${declaration.names.join(', ')} is used by ${users}: kept once in shared.ts`);
    }
  }

  // 6. Emit.
  const { texts: topChunks, tail: topTail } = chunks(source, body, 0, source.length);
  const chunkOf = new Map(body.map((statement, index) => [statement, topChunks[index] ?? '']));
  const sharedNames = new Set([...declarations].filter(([statement]) => placement.get(statement) === 'shared').flatMap(([, declaration]) => declaration.names));
  const sharedTypes = new Set([...declarations].filter(([statement, declaration]) => placement.get(statement) === 'shared' && declaration.typeOnly).flatMap(([, declaration]) => declaration.names));

  const header = (consumerName: string, file: string, extraRoots: readonly AstNode[] = []): { lines: string[]; placed: string[] } => {
    const placedStatements = body.filter((statement) => placement.get(statement) === consumerName);
    const consumer = consumers.get(consumerName);
    const roots = [...(consumer?.roots ?? []), ...placedStatements, ...extraRoots];
    const needed = new Set(roots.flatMap((root) => [...refs(root)]));
    const lines: string[] = [];
    for (const declaration of imports) {
      const specifier = String(child(declaration, 'source')?.value ?? '');
      if (childList(declaration, 'specifiers').length === 0) continue;
      const text = importText(declaration, needed, moveSpecifier(specifier, filePath, file));
      if (text !== undefined) lines.push(text);
    }
    const fromShared = [...sharedNames].filter((name) => needed.has(name)).map((name) => (sharedTypes.has(name) ? `type ${name}` : name));
    if (consumerName !== 'shared' && fromShared.length > 0) lines.push(`import { ${fromShared.join(', ')} } from '${specifierTo(file, sharedFile)}';`);
    const placed = placedStatements.map((statement) => {
      const text = trimLeadingBlankLines(chunkOf.get(statement) ?? '');
      return consumerName === 'shared' && statement.type !== 'ExportNamedDeclaration' ? exportIt(text, statement) : text;
    });
    return { lines, placed };
  };

  const exportIt = (text: string, statement: AstNode): string => {
    // The statement starts after the comments in front of it.
    const offset = Math.max(0, text.lastIndexOf(source.slice(statement.start, statement.end)));
    return `${text.slice(0, offset)}export ${text.slice(offset)}`;
  };

  const join = (...sections: (string | undefined)[]): string => `${sections.filter((section) => section !== undefined && section !== '').join('\n\n')}\n`;

  // Route modules.
  const hostStatement = host.statement;
  const routeChunks = host.style === 'function'
    ? chunks(source, routeStatements, (child(host.anchor, 'body')?.start ?? 0) + 1, (child(host.anchor, 'body')?.end ?? 1) - 1).texts
    : routeStatements.map((statement) => chunkOf.get(statement) ?? '');
  for (const name of moduleNames) {
    const file = moduleFile(name);
    const moduleRoutes = routes.filter((route) => route.module === name);
    const routeTexts = moduleRoutes.map((route, index) => {
      const text = routeChunks[routeStatements.indexOf(route.statement)] ?? '';
      return index === 0 ? `\n${trimLeadingBlankLines(text)}` : text;
    });
    const { lines, placed } = header(name, file);
    lines.unshift(`// ${name} routes, split from ${path.basename(filePath)} ${generatedMark}.`);
    if (host.style === 'function') {
      const param = host.moduleRoots[0];
      const paramText = param ? source.slice(param.start, param.end) : host.name;
      files.set(file, join(lines.join('\n'), placed.join('\n\n'), `export function ${exportName(name)}(${paramText}): void {${routeTexts.join('')}\n}`));
    } else {
      const declarator = host.moduleRoots[0];
      const init = declarator ? child(declarator, 'init') : undefined;
      const id = declarator ? child(declarator, 'id') : undefined;
      const creation = id && init ? `const ${source.slice(id.start, id.end)} = ${source.slice(init.start, init.end)};` : '';
      files.set(file, join(lines.join('\n'), placed.join('\n\n'), `${creation}\n${routeTexts.join('')}`, `export { ${host.name} as ${exportName(name)} };`));
    }
    report.push(`plan ${path.relative(path.dirname(filePath), file)}: ${moduleRoutes.length} route${moduleRoutes.length === 1 ? '' : 's'} (lines ${moduleRoutes.map((route) => route.statement.loc?.start.line ?? 0).join(', ')})`);
  }

  // routes/index.ts: the host, its routes replaced by the modules (calls, or mounted sub-routers).
  {
    const { lines, placed } = header('index', indexFile);
    const moduleImports = moduleNames.map((name) => `import { ${exportName(name)} } from '${specifierTo(indexFile, moduleFile(name))}';`);
    let hostText: string;
    if (host.style === 'function') {
      const fnBody = child(host.anchor, 'body');
      const start = fnBody?.start ?? 0;
      const bodyChunks = chunks(source, statements, start + 1, (fnBody?.end ?? 1) - 1);
      const indent = /^\n*([ \t]*)/u.exec(trimLeadingBlankLines(bodyChunks.texts[firstRoute] ?? ''))?.[1] ?? '  ';
      const calls = moduleNames.map((name) => `\n${indent}${exportName(name)}(${host.name});`).join('');
      const fnChunk = trimLeadingBlankLines(chunkOf.get(hostStatement) ?? '');
      const fnChunkStart = hostStatement.end - fnChunk.length;
      hostText = `${fnChunk.slice(0, start + 1 - fnChunkStart)}${bodyChunks.texts.slice(0, firstRoute).join('')}${calls}${bodyChunks.texts.slice(lastRoute + 1).join('')}${bodyChunks.tail}}`;
    } else {
      const mounts = moduleNames.map((name) => `${host.name}.use(${exportName(name)});`).join('\n');
      const text = (statement: AstNode): string => trimLeadingBlankLines(chunkOf.get(statement) ?? '');
      hostText = [text(hostStatement), ...leading.map(text), mounts, ...trailing.map(text)].join('\n\n');
    }
    files.set(indexFile, join([...lines, ...moduleImports].join('\n'), placed.join('\n\n'), hostText));
  }

  // routes/shared.ts
  if (sharedNames.size > 0) {
    const { lines, placed } = header('shared', sharedFile, body.filter((statement) => placement.get(statement) === 'shared'));
    files.set(sharedFile, join(lines.join('\n'), placed.join('\n\n')));
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
    const fileHeader = importComments.join('\n');
    const sideEffects = imports.filter((declaration) => childList(declaration, 'specifiers').length === 0).map((declaration) => source.slice(declaration.start, declaration.end));
    const { lines } = header('self', filePath);
    const kept = body.filter((statement) => !host.owned.has(statement) && statement.type !== 'ImportDeclaration' && (placement.get(statement) ?? 'self') === 'self').map((statement) => trimLeadingBlankLines(chunkOf.get(statement) ?? ''));
    const fromIndex = specifierTo(filePath, indexFile);
    const reExports: string[] = [];
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
