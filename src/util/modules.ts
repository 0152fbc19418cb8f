/**
 * Module tracking: which local binding comes from which module and export.
 *
 * Built on `ReferenceTracker` from `@eslint-community/eslint-utils` (through typescript-eslint's
 * typed `ASTUtils`), always in `legacy` mode: in its default strict mode a CommonJS module is bound
 * only to its default import, so `import { exec } from 'child_process'` would be missed. Every
 * built-in module is tracked under both its bare and its `node:` name.
 */
import { builtinModules } from 'node:module';
import { ReferenceTracker } from '@eslint-community/eslint-utils';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getMemberName, outermostValueNode, unwrapAwait, unwrapExpression } from './ast.js';
import { getFileVariables } from './variables.js';


export const CALL = ReferenceTracker.CALL;
export const CONSTRUCT = ReferenceTracker.CONSTRUCT;
export const READ = ReferenceTracker.READ;

/** A trace map node: property names lead deeper, `[CALL]`/`[CONSTRUCT]`/`[READ]` mark what to report. */
export interface TraceNode<T> {
  [key: string]: TraceNode<T> | T | undefined;
  [CALL]?: T;
  [CONSTRUCT]?: T;
  [READ]?: T;
}
export type TraceMap<T> = Record<string, TraceNode<T>>;

export interface TrackedReference<T> {
  /** The call, `new` expression or member read that uses the tracked value. */
  node: TSESTree.Node;
  /** Module then property path, e.g. `['child_process', 'exec']`. `node:` prefixes are removed. */
  path: readonly string[];
  type: symbol;
  info: T;
}

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/**
 * Trace maps with their `node:` spellings added, by trace map: a pure derived-value cache (trace
 * maps are module constants), so a map is extended once per process instead of once per file.
 */
const prefixedMaps = new WeakMap<object, TraceMap<unknown>>();

/** Adds the `node:` spelling of every built-in module named in the map. */
export function withNodePrefix<T>(traceMap: TraceMap<T>): TraceMap<T> {
  const cached = prefixedMaps.get(traceMap) as TraceMap<T> | undefined;
  if (cached) return cached;
  const result: TraceMap<T> = { ...traceMap };
  prefixedMaps.set(traceMap, result as TraceMap<unknown>);
  for (const [name, node] of Object.entries(traceMap)) {
    if (BUILTINS.has(name)) result[`node:${name}`] = node;
  }
  return result;
}

/**
 * Every use of the modules in `traceMap` in this file: ESM imports (named, default, namespace,
 * aliased), `require` (plain, destructured, member), re-assignment aliases and destructuring.
 */
export function trackModuleReferences<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  traceMap: TraceMap<T>,
): TrackedReference<T>[] {
  // A file that imports or requires none of the modules uses none of them: the scope walks below
  // are skipped. The file's module names are gathered once and shared by every rule.
  const modules = getModuleSources(sourceCode);
  if (!namesTracedModule(modules.sources, traceMap)) return [];
  const prefixed = withNodePrefix(traceMap);
  const map = prefixed as never;
  const tracker = new ReferenceTracker((sourceCode.scopeManager?.globalScope ?? sourceCode.getScope(sourceCode.ast)) as never, {
    mode: 'legacy',
  });
  const found: TrackedReference<T>[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (node: TSESTree.Node, path: readonly string[], type: symbol, info: unknown): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const first = path[0];
    found.push({ node, path: first?.startsWith('node:') ? [first.slice(5), ...path.slice(1)] : [...path], type, info: info as T });
  };
  for (const reference of tracker.iterateEsmReferences(map)) {
    add(reference.node as TSESTree.Node, reference.path, reference.type, reference.info);
  }
  // The tracker's own CommonJS walk needs `require` declared as a global (`globals.node`); a
  // project with no ESLint setup has none, so every `require()` that no local binding shadows counts.
  for (const call of modules.requireCalls) {
    const source = call.arguments[0];
    const key = source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
    const next = key === undefined ? undefined : (prefixed[key] as TraceNode<T> | undefined);
    if (key === undefined || !next) continue;
    if (next[READ] !== undefined) add(call, [key], READ, next[READ]);
    for (const reference of tracker.iteratePropertyReferences(call as never, next as never)) {
      add(reference.node as TSESTree.Node, [key, ...reference.path], reference.type, reference.info);
    }
  }
  return found;
}

interface ModuleSources {
  /**
   * Module names of the file's top-level imports and re-exports and of its `require('…')` calls,
   * a built-in's `node:` prefix removed.
   */
  sources: Set<string>;
  requireCalls: TSESTree.CallExpression[];
}

/** `node:fs` → `fs`; other names as they are. */
function withoutBuiltinPrefix(source: string): string {
  return source.startsWith('node:') && BUILTINS.has(source.slice(5)) ? source.slice(5) : source;
}

/**
 * The module names of each trace map, `node:` prefixes removed, by trace map: a pure derived-value
 * cache (trace maps are module constants).
 */
const tracedModuleNames = new WeakMap<object, ReadonlySet<string>>();

/** Whether the file names a module of `traceMap` (whose keys may carry `node:` too). */
function namesTracedModule(sources: ReadonlySet<string>, traceMap: object): boolean {
  let names = tracedModuleNames.get(traceMap);
  if (!names) {
    names = new Set(Object.keys(traceMap).map(withoutBuiltinPrefix));
    tracedModuleNames.set(traceMap, names);
  }
  // A file names a few modules; a trace map may name many.
  for (const source of sources) if (names.has(source)) return true;
  return false;
}

/**
 * Whether the file imports, re-exports or requires `source` (a built-in with or without `node:`):
 * a test on the module names gathered once per file, before any scope walk.
 */
export function namesModule(sourceCode: Readonly<TSESLint.SourceCode>, source: string): boolean {
  return getModuleSources(sourceCode).sources.has(withoutBuiltinPrefix(source));
}

/** Per file, keyed by the `SourceCode`: nothing survives the file. */
const moduleSources = new WeakMap<object, ModuleSources>();

/** The modules a file names where `ReferenceTracker` and the `require` walk look: imports, re-exports, `require()`. */
function getModuleSources(sourceCode: Readonly<TSESLint.SourceCode>): ModuleSources {
  let found = moduleSources.get(sourceCode);
  if (found) return found;
  const sources = new Set<string>();
  const addSource = (source: string): void => {
    sources.add(withoutBuiltinPrefix(source));
  };
  for (const statement of sourceCode.ast.body) {
    if ((statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration || statement.type === AST_NODE_TYPES.ExportNamedDeclaration) && statement.source) {
      addSource(statement.source.value);
    }
  }
  const requireCalls = findRequireCalls(sourceCode);
  for (const call of requireCalls) {
    const source = call.arguments[0];
    if (source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') addSource(source.value);
  }
  found = { sources, requireCalls };
  moduleSources.set(sourceCode, found);
  return found;
}

/** `require('x')` calls where `require` is not a local binding. */
function findRequireCalls(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const calls: TSESTree.CallExpression[] = [];
  const variable = globalScope.set.get('require');
  if (variable && variable.defs.length > 0) return calls;
  const collect = (references: readonly TSESLint.Scope.Reference[]): void => {
    for (const reference of references) {
      const identifier = reference.identifier;
      if (identifier.type !== AST_NODE_TYPES.Identifier || identifier.name !== 'require') continue;
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier && !calls.includes(parent)) {
        calls.push(parent);
      }
    }
  };
  collect(globalScope.through);
  if (variable) collect(variable.references);
  return calls;
}

/** Uses of globals (`fetch`, `process.env.X`, `Buffer`) that a local binding does not shadow. */
export function trackGlobalReferences<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  traceMap: TraceMap<T>,
): TrackedReference<T>[] {
  const tracker = new ReferenceTracker((sourceCode.scopeManager?.globalScope ?? sourceCode.getScope(sourceCode.ast)) as never, {
    mode: 'legacy',
  });
  return [...tracker.iterateGlobalReferences(traceMap as never)].map((reference) => ({
    node: reference.node as TSESTree.Node,
    path: reference.path,
    type: reference.type,
    info: reference.info as T,
  }));
}

export interface ImportBinding {
  /** The module specifier as written, without a `node:` prefix. */
  source: string;
  /** `default`, `*` (namespace or whole `require`), or the named export, followed by member path. */
  path: readonly string[];
}

const MAX_ALIAS_DEPTH = 8;

/** Whether an import specifier names a module of the project itself (`./x`, `../x`, `/x`, `@/x`, `~/x`, `#x`), not a package. */
export function isLocalModule(source: string): boolean {
  return /^(?:\.{1,2}\/|\/|@\/|~\/|#)/u.test(source);
}

/**
 * Where a name comes from: follows an identifier to its `import` or `require`, through aliases
 * (`const run = cp.exec`) and destructuring (`const { exec: run } = require('child_process')`).
 * Undefined for local values, parameters and globals.
 */
export function resolveImportBinding(
  node: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  depth = 0,
): ImportBinding | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const base = resolveImportBinding(target.object, scope, depth + 1);
    const name = getMemberName(target);
    return base && name !== undefined ? { source: base.source, path: [...base.path, name] } : undefined;
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const source = getRequireSource(target);
    return source === undefined ? undefined : { source, path: ['*'] };
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(scope, target);
  const def = variable?.defs[0];
  if (!variable || !def) return undefined;

  if (def.type === 'ImportBinding') {
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const source = stripNodePrefix(String(declaration.source.value));
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { source, path: ['default'] };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { source, path: ['*'] };
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return {
        source,
        path: [imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value)],
      };
    }
    return undefined;
  }

  if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) {
    return undefined;
  }
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const declarator = def.node;
  const init = declarator.init;
  if (!init) return undefined;
  const base = resolveImportBinding(init, scope, depth + 1);
  if (!base) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return base;
  const path = patternPathTo(declarator.id, target.name);
  return path ? { source: base.source, path: [...base.path, ...path] } : undefined;
}

/** Per file, keyed by the `SourceCode`: the names {@link resolveImportBinding} can follow. */
const bindingNames = new WeakMap<object, ReadonlySet<string>>();

/**
 * Whether {@link resolveImportBinding} can find anything for `node`: its root is a `require()` call
 * or an identifier that some import or initialised variable of the file is named. A test on names
 * gathered once per file, so a rule can skip the scope lookups for most calls (`res.json()`,
 * `Math.max()`, a parameter's method).
 */
export function mayResolveImportBinding(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.CallExpression) return getRequireSource(root) !== undefined;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  let names = bindingNames.get(sourceCode);
  if (!names) {
    const found = new Set<string>();
    for (const variable of getFileVariables(sourceCode)) {
      const def = variable.defs[0];
      if (def?.type === 'ImportBinding' || (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init)) found.add(variable.name);
    }
    names = found;
    bindingNames.set(sourceCode, names);
  }
  return names.has(root.name);
}

/** `require('x')` → `'x'` (without `node:`), for a `require` that is the global one. */
export function getRequireSource(node: TSESTree.Node): string | undefined {
  const call = unwrapAwait(node);
  if (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments.length === 1 &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof call.arguments[0].value === 'string'
  ) {
    return stripNodePrefix(call.arguments[0].value);
  }
  return undefined;
}

/** Whether `node` is a value imported from one of `modules` (any export, or the given ones). */
export function isFromModule(
  node: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  modules: readonly string[],
  exportNames?: readonly string[],
): boolean {
  const binding = resolveImportBinding(node, scope);
  if (!binding || !modules.includes(binding.source)) return false;
  if (!exportNames) return true;
  const name = binding.path[0] === '*' || binding.path[0] === 'default' ? binding.path[1] ?? binding.path[0] : binding.path[0];
  return name !== undefined && exportNames.includes(name);
}

function stripNodePrefix(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

function patternPathTo(pattern: TSESTree.Node, name: string): string[] | undefined {
  if (pattern.type === AST_NODE_TYPES.Identifier) return pattern.name === name ? [] : undefined;
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPathTo(pattern.left, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key =
      !property.computed && property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : undefined;
    if (key === undefined) continue;
    const rest = patternPathTo(property.value, name);
    if (rest) return [key, ...rest];
  }
  return undefined;
}

/**
 * The values built by tracked constructors or factories (`new Pool()`, `createClient()`), and
 * where they are kept: local variables (`const pool = new Pool()`) and class members
 * (`this.pool = new Pool()`, `private pool = new Pool()`).
 */
export class InstanceSet {
  private readonly variables = new Set<TSESLint.Scope.Variable>();
  private readonly members = new Set<string>();
  private readonly creations = new Set<TSESTree.Node>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    creations: readonly TSESTree.Node[],
  ) {
    for (const creation of creations) this.recordHolder(creation);
  }

  /** Whether `node` (an identifier or `this.x`) holds one of the tracked instances. */
  has(node: TSESTree.Node): boolean {
    const target = unwrapAwait(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(target), target);
      return variable !== null && this.variables.has(variable);
    }
    if (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = getMemberName(target);
      return name !== undefined && this.members.has(name);
    }
    return this.isCreation(target);
  }

  private isCreation(node: TSESTree.Node): boolean {
    return this.creations.has(node);
  }

  private recordHolder(creation: TSESTree.Node): void {
    this.creations.add(creation);
    const node = outermostValueNode(creation);
    const parent = node.parent;
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      for (const variable of this.sourceCode.getDeclaredVariables(parent)) this.variables.add(variable);
      return;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
      if (parent.left.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(this.sourceCode.getScope(parent.left), parent.left);
        if (variable) this.variables.add(variable);
      } else if (parent.left.type === AST_NODE_TYPES.MemberExpression && parent.left.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = getMemberName(parent.left);
        if (name !== undefined) this.members.add(name);
      }
      return;
    }
    if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node) {
      if (!parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) this.members.add(parent.key.name);
    }
  }
}

/** Per file, keyed by the `SourceCode`: the global scope's unresolved references by name. */
const throughNames = new WeakMap<object, Map<string, TSESLint.Scope.Reference[]>>();

/** `globalScope.through` grouped by name once per file, instead of filtered once per name asked. */
function throughByName(sourceCode: Readonly<TSESLint.SourceCode>, globalScope: TSESLint.Scope.Scope): Map<string, TSESLint.Scope.Reference[]> {
  let byName = throughNames.get(sourceCode);
  if (!byName) {
    byName = new Map();
    for (const reference of globalScope.through) {
      const list = byName.get(reference.identifier.name);
      if (list) list.push(reference);
      else byName.set(reference.identifier.name, [reference]);
    }
    throughNames.set(sourceCode, byName);
  }
  return byName;
}

/**
 * As {@link trackGlobalReferences}, and also for globals the ESLint config does not declare (a
 * project without `globals.node`, the rule tester): every reference to the name that no binding
 * of the file shadows counts, so `process.on(…)` and `fetch(…)` are seen either way.
 */
export function trackImplicitGlobalReferences<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  traceMap: TraceMap<T>,
): TrackedReference<T>[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  // A global that the text never spells has no reference: an identifier is its name as written, or
  // with `\u` escapes. Most files name few of the globals a map lists.
  const text = sourceCode.text;
  const escapes = text.includes('\\u');
  const named = Object.entries(traceMap).filter(([name]) => escapes || text.includes(name));
  if (named.length === 0) return [];
  const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' });
  const found: TrackedReference<T>[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const [name, next] of named) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length > 0) continue;
    const identifiers = [...(throughByName(sourceCode, globalScope).get(name) ?? []), ...(variable?.references ?? [])].map((reference) => reference.identifier);
    for (const identifier of identifiers) {
      if (next[READ] !== undefined && !seen.has(identifier)) {
        seen.add(identifier);
        found.push({ node: identifier, path: [name], type: READ, info: next[READ] });
      }
      for (const reference of tracker.iteratePropertyReferences(identifier as never, next as never)) {
        const node = reference.node as TSESTree.Node;
        if (seen.has(node)) continue;
        seen.add(node);
        found.push({ node, path: [name, ...reference.path], type: reference.type, info: reference.info as T });
      }
    }
  }
  return found;
}
