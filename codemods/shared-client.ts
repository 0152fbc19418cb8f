import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { API, ASTPath, Collection, FileInfo, JSCodeshift } from 'jscodeshift';

import { relativeImport, writeFileAtomic } from './lib/files.js';
import { jscodeshiftFor } from './lib/parser.js';

/**
 * shared-client: moves module-level SDK / database clients scattered over a project into one
 * module that exports a single instance, and imports that instance everywhere. It is a
 * project-level decision (all instances must agree on their options), so the plan is computed
 * over every file first (`planSharedClient`) and the per-file transform applies it.
 */

export type PresetName = 'openai' | 'anthropic' | 'prisma' | 'pg-pool' | 'redis';

export interface Options {
  /** Which client to gather: `openai` (default), `anthropic`, `prisma`, `pg-pool`, `redis`. */
  preset?: PresetName;
  /** Project root the module path is resolved against (default `process.cwd()`). */
  root?: string;
  /** Path of the shared module, relative to `root` (default `src/config/<preset>.ts`). */
  modulePath?: string;
  /** Name of the exported instance when the module is created (default per preset, e.g. `openai`). */
  exportName?: string;
  /** Appended to the import specifier, e.g. `.js` for ESM projects with NodeNext resolution (default none). */
  importExtension?: string;
  /** Every file of the run: the plan (do all instances agree?) is computed over them. Default: the file alone. */
  files?: readonly string[];
  /** Write nothing (the shared module included). */
  dry?: boolean;
  [option: string]: unknown;
}

interface ClientSource {
  module: string;
  /** The export that is the client class (or factory for `call`). */
  name: string;
  /** The default export (and a whole `require`) is the client itself, not a module object. */
  defaultIsClient: boolean;
  /** Created by a call (`createClient()`) rather than `new`. */
  call: boolean;
  /** The import the shared module uses. */
  canonicalImport: string;
}

interface Preset {
  exportName: string;
  sources: readonly ClientSource[];
}

const presets: Record<PresetName, Preset> = {
  openai: {
    exportName: 'openai',
    sources: [{ module: 'openai', name: 'OpenAI', defaultIsClient: true, call: false, canonicalImport: "import OpenAI from 'openai';" }],
  },
  anthropic: {
    exportName: 'anthropic',
    sources: [
      { module: '@anthropic-ai/sdk', name: 'Anthropic', defaultIsClient: true, call: false, canonicalImport: "import Anthropic from '@anthropic-ai/sdk';" },
    ],
  },
  prisma: {
    exportName: 'prisma',
    sources: [
      { module: '@prisma/client', name: 'PrismaClient', defaultIsClient: false, call: false, canonicalImport: "import { PrismaClient } from '@prisma/client';" },
    ],
  },
  'pg-pool': {
    exportName: 'pool',
    sources: [{ module: 'pg', name: 'Pool', defaultIsClient: false, call: false, canonicalImport: "import { Pool } from 'pg';" }],
  },
  redis: {
    exportName: 'redis',
    sources: [
      { module: 'ioredis', name: 'Redis', defaultIsClient: true, call: false, canonicalImport: "import Redis from 'ioredis';" },
      { module: 'redis', name: 'createClient', defaultIsClient: false, call: true, canonicalImport: "import { createClient } from 'redis';" },
    ],
  },
};

/** Globals the options may use: anything else is a local the shared module cannot see. */
const allowedGlobals = new Set(['process', 'undefined', 'Number', 'String', 'Boolean', 'parseInt', 'parseFloat', 'JSON', 'Math', 'Buffer', 'URL', 'AbortSignal']);

const MARKER = 'hardening-codemod:';

type Node = ASTPath['node'];

/** How a file binds a client source: the class itself, or the module object (`pg.Pool`). */
interface Binding {
  local: string;
  source: ClientSource;
  asModule: boolean;
}

/** A `new Client(…)` / `createClient(…)` found in a file. */
interface Instantiation {
  path: ASTPath;
  source: ClientSource;
  line: number;
  column: number;
  argsText: string;
  /** The top-level `const x = new Client()` it is the initialiser of, when it is exactly that. */
  declaration?: { path: ASTPath; local: string; exported: boolean };
  /** Why it cannot be moved (undefined: movable). */
  refusal?: string;
}

export interface SharedClientSite {
  file: string;
  line: number;
  column: number;
  variant: string;
  argsText: string;
  normalized: string;
}

export interface SharedClientPlan {
  preset: PresetName;
  /** Absolute path of the shared module. */
  modulePath: string;
  moduleExists: boolean;
  /** Name of the exported instance (from the existing module when it has one). */
  exportName: string;
  /** Module-level instantiations that would move. */
  sites: SharedClientSite[];
  /** Content of the module to create (undefined when it exists or nothing moves). */
  moduleSource: string | undefined;
  /** Why nothing may change (conflicting options, a module without the instance…); undefined when the plan applies. */
  blocked: string | undefined;
  /** Client and normalised options every moved instance shares (undefined when nothing moves). */
  agreed: string | undefined;
}

interface SourceFile {
  path: string;
  source: string;
}

function presetOf(options: Options): PresetName {
  const preset = options.preset ?? 'openai';
  if (!(preset in presets)) throw new Error(`shared-client: unknown preset "${preset}" (expected ${Object.keys(presets).join(', ')})`);
  return preset;
}

function modulePathOf(options: Options, preset: PresetName): string {
  const root = path.resolve(options.root ?? process.cwd());
  return path.resolve(root, options.modulePath ?? `src/config/${preset}.ts`);
}

/** Whitespace-insensitive form of an options text, used to compare instances. */
export function normalizeOptions(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/\s*([{}()[\],:;])\s*/gu, '$1')
    .replace(/,([}\])])/gu, '$1')
    .trim();
}

function siteKey(site: { variant: string; normalized: string }): string {
  return `${site.variant} ${site.normalized}`;
}

function variantOf(source: ClientSource): string {
  return `${source.module}:${source.name}`;
}

function hasRange(node: unknown): node is { start: number; end: number } {
  return typeof node === 'object' && node !== null && typeof (node as { start?: unknown }).start === 'number' && typeof (node as { end?: unknown }).end === 'number';
}

/** 1-based line, 0-based column of a node (recast drops `loc` on some nodes, the offsets stay). */
function positionOf(source: string, node: Node): { line: number; column: number } {
  if (!hasRange(node)) return { line: 0, column: 0 };
  const before = source.slice(0, node.start);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: node.start - lineStart };
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string') return node.value;
  return undefined;
}

/** `require('m')` → 'm'. */
function requiredModule(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'CallExpression') return undefined;
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return undefined;
  return stringValue(node.arguments[0]);
}

function propertyKeyName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  return stringValue(node);
}

/** A backslash escape in a string or a name could spell a module name the text check would miss. */
const ESCAPE = /\\[^bfnrtv0-9'"`\\]/u;

/**
 * Whether a file may bind one of the preset's clients: it names one of its modules in a string
 * (or holds an escape that could spell one). A file that does not is neither parsed nor changed.
 */
function mayBindClient(source: string, preset: Preset): boolean {
  return preset.sources.some(({ module }) => source.includes(`'${module}'`) || source.includes(`"${module}"`)) || ESCAPE.test(source);
}

function collectBindings(imports: readonly Node[], declarators: readonly Node[], preset: Preset): Binding[] {
  const bindings: Binding[] = [];
  for (const declaration of imports) {
    if (declaration.type !== 'ImportDeclaration') continue;
    const source = preset.sources.find((candidate) => candidate.module === declaration.source.value);
    if (!source) continue;
    for (const specifier of declaration.specifiers ?? []) {
      const local = specifier.local?.name;
      if (typeof local !== 'string') continue;
      if (specifier.type === 'ImportNamespaceSpecifier') bindings.push({ local, source, asModule: true });
      else if (specifier.type === 'ImportDefaultSpecifier') bindings.push({ local, source, asModule: !source.defaultIsClient });
      else if (specifier.imported.name === source.name) bindings.push({ local, source, asModule: false });
    }
  }
  for (const declarator of declarators) {
    if (declarator.type !== 'VariableDeclarator') continue;
    const { id, init } = declarator;
    const module = requiredModule(init);
    const source = preset.sources.find((candidate) => candidate.module === module);
    if (!source) continue;
    if (id.type === 'Identifier') {
      bindings.push({ local: id.name, source, asModule: !source.defaultIsClient });
    } else if (id.type === 'ObjectPattern') {
      for (const property of id.properties) {
        if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.computed) continue;
        if (propertyKeyName(property.key) !== source.name || property.value.type !== 'Identifier') continue;
        bindings.push({ local: property.value.name, source, asModule: false });
      }
    }
  }
  return bindings;
}

/** The ancestor that sits directly in a statement list (program, block, class body). */
function statementOf(nodePath: ASTPath): ASTPath {
  let current = nodePath;
  for (;;) {
    const parent = current.parent as ASTPath | null;
    if (!parent) return current;
    const type = parent.node.type;
    if (type === 'Program' || type === 'BlockStatement' || type === 'ClassBody' || type === 'TSModuleBlock') return current;
    current = parent;
  }
}

const functionLike = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'ClassProperty',
  'ClassPrivateProperty',
  'PropertyDefinition',
  'MethodDefinition',
  'StaticBlock',
]);

function insideFunctionOrClass(nodePath: ASTPath): boolean {
  for (let current = nodePath.parent as ASTPath | null; current; current = current.parent as ASTPath | null) {
    if (functionLike.has(current.node.type)) return true;
  }
  return false;
}

/** Is this identifier a reference to a binding (not a property name, not the binding's own declaration)? */
function isReference(identifierPath: ASTPath): boolean {
  const parentPath = identifierPath.parent as ASTPath | null;
  if (!parentPath) return true;
  const parent = parentPath.node;
  const node = identifierPath.node;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed === true;
    case 'ObjectProperty':
    case 'Property':
    case 'ClassProperty':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return parent.key !== node || parent.computed === true;
    case 'TSQualifiedName':
      return parent.left === node;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'VariableDeclarator':
      return parent.id !== node;
    default:
      return true;
  }
}

const typeContexts = new Set(['TSTypeAnnotation', 'TSTypeReference', 'TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSTypeQuery', 'TSTypeParameterInstantiation', 'TSExpressionWithTypeArguments', 'TSInterfaceHeritage']);

function inTypeContext(nodePath: ASTPath): boolean {
  for (let current = nodePath.parent as ASTPath | null; current?.node.type.startsWith('TS') === true; current = current.parent as ASTPath | null) {
    if (typeContexts.has(current.node.type)) return true;
  }
  return false;
}

/** References of a name outside its binding: how many, and how many of them in type positions only. */
function usagesOf(j: JSCodeshift, root: Collection, name: string, ignore: readonly Node[]): { value: number; type: number } {
  const counts = { value: 0, type: 0 };
  root.find(j.Identifier, { name }).forEach((identifierPath) => {
    if (!isReference(identifierPath)) return;
    for (let current: ASTPath | null = identifierPath; current; current = current.parent as ASTPath | null) {
      if (ignore.includes(current.node)) return;
    }
    if (inTypeContext(identifierPath)) counts.type += 1;
    else counts.value += 1;
  });
  return counts;
}

/** Names the options read that the shared module would not have. */
function foreignNames(j: JSCodeshift, argumentPaths: readonly ASTPath[]): string[] {
  const names = new Set<string>();
  for (const argumentPath of argumentPaths) {
    j(argumentPath)
      .find(j.Identifier)
      .forEach((identifierPath) => {
        if (!isReference(identifierPath) || inTypeContext(identifierPath)) return;
        const name = identifierPath.node.name;
        if (!allowedGlobals.has(name)) names.add(name);
      });
    if (argumentPath.node.type === 'Identifier' && !allowedGlobals.has(argumentPath.node.name)) names.add(argumentPath.node.name);
  }
  return [...names];
}

/** `client.connect()`, `client.on('error', …)` run at module level (outside any function). */
function hasModuleLevelSetup(j: JSCodeshift, root: Collection, local: string): boolean {
  return (
    root
      .find(j.CallExpression, { callee: { type: 'MemberExpression', object: { type: 'Identifier', name: local } } })
      .filter((callPath) => !insideFunctionOrClass(callPath)).length > 0
  );
}

/** Whether a `new` or call expression's callee has the shape of a client: `Client` or `module.Client`. */
function clientShapedCallee(callee: Node): boolean {
  if (callee.type === 'Identifier') return true;
  return callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier';
}

function findInstantiations(j: JSCodeshift, root: Collection, source: string, preset: Preset): Instantiation[] {
  // One traversal gathers the bindings and the expressions that may create a client; the
  // expressions are judged once every binding of the file is known.
  const imports: Node[] = [];
  const declarators: Node[] = [];
  const creations: { path: ASTPath; isCall: boolean }[] = [];
  // Visited from the collection's own root path, so the paths are the ones `find` would give.
  j.types.visit(root.paths()[0] as unknown as Node, {
    visitImportDeclaration(importPath) {
      imports.push(importPath.node);
      this.traverse(importPath);
    },
    visitVariableDeclarator(declaratorPath) {
      declarators.push(declaratorPath.node);
      this.traverse(declaratorPath);
    },
    visitNewExpression(expressionPath) {
      if (clientShapedCallee(expressionPath.node.callee)) creations.push({ path: expressionPath as ASTPath, isCall: false });
      this.traverse(expressionPath);
    },
    visitCallExpression(expressionPath) {
      if (clientShapedCallee(expressionPath.node.callee)) creations.push({ path: expressionPath as ASTPath, isCall: true });
      this.traverse(expressionPath);
    },
  });
  const bindings = collectBindings(imports, declarators, preset);
  if (bindings.length === 0) return [];
  const found: Instantiation[] = [];
  const visit = (expressionPath: ASTPath, isCall: boolean): void => {
    const expression = expressionPath.node;
    if (expression.type !== 'NewExpression' && expression.type !== 'CallExpression') return;
    const callee = expression.callee;
    let client: ClientSource | undefined;
    if (callee.type === 'Identifier') {
      client = bindings.find((binding) => !binding.asModule && binding.local === callee.name)?.source;
    } else if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
      const objectName = callee.object.name;
      const propertyName = callee.property.name;
      client = bindings.find((binding) => binding.asModule && binding.local === objectName && binding.source.name === propertyName)?.source;
    }
    if (!client || client.call !== isCall) return;
    const start = positionOf(source, expression);
    const args = expression.arguments;
    const first = args[0];
    const last = args.at(-1);
    const argsText = first && last && hasRange(first) && hasRange(last) ? source.slice(first.start, last.end) : '';
    const instantiation: Instantiation = { path: expressionPath, source: client, line: start.line, column: start.column + 1, argsText };
    found.push(instantiation);

    if (insideFunctionOrClass(expressionPath)) {
      instantiation.refusal = 'client created inside a function or class (per call); create it once and import the shared instance';
      return;
    }
    const statementPath = statementOf(expressionPath);
    const statement = statementPath.node;
    const exported = statement.type === 'ExportNamedDeclaration';
    const declaration = exported ? statement.declaration : statement;
    const declarator = declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1 ? declaration.declarations[0] : undefined;
    if (!declaration || declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const' || !declarator || declarator.type !== 'VariableDeclarator' || declarator.init !== expression || declarator.id.type !== 'Identifier') {
      instantiation.refusal = 'client not created as `const name = …` on its own; move it to the shared module by hand';
      return;
    }
    if ((statementPath.parent as ASTPath | null)?.node.type !== 'Program') {
      instantiation.refusal = 'client created inside a block; move it to the shared module by hand';
      return;
    }
    const local = declarator.id.name;
    instantiation.declaration = { path: statementPath, local, exported };
    if (hasModuleLevelSetup(j, root, local)) {
      instantiation.refusal = `\`${local}\` is also set up at module level (connect, listeners…); every importer would repeat it, move that setup to the shared module by hand`;
      return;
    }
    const argumentPaths = args.map((_, index) => expressionPath.get('arguments', index) as ASTPath);
    const foreign = foreignNames(j, argumentPaths);
    if (foreign.length > 0) instantiation.refusal = `client options use ${foreign.map((name) => `\`${name}\``).join(', ')}, which the shared module cannot see`;
  };
  for (const creation of creations) visit(creation.path, creation.isCall);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function parse(file: SourceFile): { j: JSCodeshift; root: Collection } {
  const j = jscodeshiftFor(file.path);
  return { j, root: j(file.source) };
}

function readSource(file: string | SourceFile): SourceFile {
  return typeof file === 'string' ? { path: path.resolve(file), source: readFileSync(file, 'utf8') } : { path: path.resolve(file.path), source: file.source };
}

/**
 * Reads every file and decides what the run does: which module-level instances move, into which
 * module, under which export name, or why nothing may change (instances whose options differ).
 */
export function planSharedClient(files: readonly (string | SourceFile)[], options: Options = {}): SharedClientPlan {
  const presetName = presetOf(options);
  const preset = presets[presetName];
  const modulePath = modulePathOf(options, presetName);
  const moduleExists = existsSync(modulePath);
  const sites: SharedClientSite[] = [];
  let exportName = options.exportName ?? preset.exportName;
  let blocked: string | undefined;
  const toSite = (file: string, instantiation: Instantiation): SharedClientSite => ({
    file,
    line: instantiation.line,
    column: instantiation.column,
    variant: variantOf(instantiation.source),
    argsText: instantiation.argsText,
    normalized: normalizeOptions(instantiation.argsText),
  });

  let moduleSite: SharedClientSite | undefined;
  if (moduleExists) {
    const moduleFile = readSource(modulePath);
    const { j, root } = parse(moduleFile);
    const home = findInstantiations(j, root, moduleFile.source, preset).find((instantiation) => instantiation.declaration?.exported === true);
    if (home?.declaration) {
      exportName = home.declaration.local;
      moduleSite = toSite(modulePath, home);
    } else {
      blocked = `${relativeToCwd(modulePath)} exists but exports no client instance (\`export const name = …\`); nothing was moved`;
    }
  }

  for (const entry of files) {
    const file = readSource(entry);
    if (file.path === modulePath || !mayBindClient(file.source, preset)) continue;
    const { j, root } = parse(file);
    for (const instantiation of findInstantiations(j, root, file.source, preset)) {
      if (instantiation.refusal === undefined && instantiation.declaration) sites.push(toSite(file.path, instantiation));
    }
  }

  const distinct = new Set([...(moduleSite ? [moduleSite] : []), ...sites].map(siteKey));
  if (blocked === undefined && distinct.size > 1) {
    blocked = `the ${distinct.size} instances use different clients or options; choose one by hand, nothing was moved`;
  }
  const first = sites[0];
  const source = first ? preset.sources.find((candidate) => variantOf(candidate) === first.variant) : undefined;
  const moduleSource =
    moduleExists || !first || !source
      ? undefined
      : `${source.canonicalImport}\n\nexport const ${exportName} = ${source.call ? '' : 'new '}${source.name}(${first.argsText});\n`;
  const [agreed] = distinct;
  return { preset: presetName, modulePath, moduleExists, exportName, sites, moduleSource, blocked, agreed };
}

function relativeToCwd(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

/** A run's files (resolved) and, once computed, its plan. */
interface RunPlan {
  files: ReadonlySet<string>;
  plan?: SharedClientPlan;
}

/** One plan per run: `runTransform` passes the same options object for every file. */
const runPlans = new WeakMap<object, RunPlan>();

function planFor(file: FileInfo, options: Options): SharedClientPlan {
  const self = { path: file.path, source: file.source };
  if (!options.files) return planSharedClient([self], options);
  let run = runPlans.get(options);
  if (!run) {
    run = { files: new Set(options.files.map((entry) => path.resolve(entry))) };
    runPlans.set(options, run);
  }
  if (!run.files.has(path.resolve(file.path))) return planSharedClient([...options.files, self], options);
  run.plan ??= planSharedClient(options.files, options);
  return run.plan;
}

type Comment = ReturnType<JSCodeshift['commentLine']>;
interface Commented {
  comments?: Comment[] | null;
}

function commentsOf(node: unknown): Comment[] {
  return (node as Commented).comments ?? [];
}

function setComments(node: unknown, comments: Comment[]): void {
  (node as Commented).comments = comments;
}

/** Adds `// hardening-codemod: <why>` above a statement, once. */
function addMarker(j: JSCodeshift, statement: Node, why: string): boolean {
  const text = ` ${MARKER} ${why}`;
  if (commentsOf(statement).some((comment) => comment.value.trim() === text.trim())) return false;
  setComments(statement, [...commentsOf(statement), j.commentLine(text, true, false)]);
  return true;
}

/** Removes a statement, handing its comments to the statement after it (or before it). */
function removeStatement(statementPath: ASTPath, heir?: Node): void {
  const comments = commentsOf(statementPath.node);
  if (comments.length > 0) {
    const siblings = (statementPath.parent as ASTPath).node;
    const list = siblings.type === 'Program' || siblings.type === 'BlockStatement' ? siblings.body : [];
    const index = list.indexOf(statementPath.node as (typeof list)[number]);
    // The next statement keeps a file header where it was; the new import otherwise.
    const target = list[index + 1] ?? heir ?? list[index - 1];
    if (target) {
      const before = target === list[index - 1] && target !== heir;
      const moved = comments.map((comment) => ({ ...comment, leading: !before, trailing: before }));
      setComments(target, before ? [...commentsOf(target), ...moved] : [...moved, ...commentsOf(target)]);
    }
  }
  statementPath.prune();
}

export default function transform(file: FileInfo, api: API, options: Options = {}): string | undefined {
  if (!mayBindClient(file.source, presets[presetOf(options)])) return undefined;
  const plan = planFor(file, options);
  const filePath = path.resolve(file.path);
  if (filePath === plan.modulePath) return undefined;
  const preset = presets[plan.preset];
  const j = jscodeshiftFor(file.path);
  const root = j(file.source);
  const instantiations = findInstantiations(j, root, file.source, preset);
  if (instantiations.length === 0) return undefined;

  const disagreeing = instantiations.some(
    (instantiation) =>
      instantiation.refusal === undefined && plan.agreed !== siteKey({ variant: variantOf(instantiation.source), normalized: normalizeOptions(instantiation.argsText) }),
  );
  if (plan.blocked !== undefined || disagreeing) {
    // A project-level conflict: change nothing anywhere, report every instance.
    const why = plan.blocked ?? 'this client\'s options differ from the shared instance; choose one by hand, nothing was moved';
    for (const instantiation of instantiations) {
      api.report(`${instantiation.line}:${instantiation.column} ${instantiation.refusal ?? why}`);
    }
    return undefined;
  }

  let changed = false;
  const moving: Instantiation[] = [];
  for (const instantiation of instantiations) {
    if (instantiation.refusal === undefined) {
      moving.push(instantiation);
      continue;
    }
    api.report(`${instantiation.line}:${instantiation.column} ${instantiation.refusal}`);
    changed = addMarker(j, statementOf(instantiation.path).node, instantiation.refusal) || changed;
  }

  if (moving.length > 0) {
    const specifier = relativeImport(filePath, plan.modulePath) + (options.importExtension ?? '');
    const locals = [...new Set(moving.map((instantiation) => instantiation.declaration?.local ?? plan.exportName))];
    const specifiers = locals.map((local) => (local === plan.exportName ? j.importSpecifier(j.identifier(plan.exportName)) : j.importSpecifier(j.identifier(plan.exportName), j.identifier(local))));
    const body = root.get().node.program.body as Node[];
    const exported: string[] = [];
    const carried: Comment[] = [];
    for (const instantiation of moving) {
      const declaration = instantiation.declaration;
      if (!declaration) continue;
      carried.push(...commentsOf(declaration.path.node).map((comment) => ({ ...comment, leading: true, trailing: false })));
      setComments(declaration.path.node, []);
      if (declaration.exported) exported.push(declaration.local);
    }
    const existing = root.find(j.ImportDeclaration, { source: { value: specifier } });
    if (existing.length > 0) {
      const target = existing.get().node as Node;
      if (target.type === 'ImportDeclaration') {
        const have = new Set((target.specifiers ?? []).map((item) => item.local?.name));
        target.specifiers = [...(target.specifiers ?? []), ...specifiers.filter((item) => !have.has(item.local?.name))];
      }
    }
    const newImport = existing.length > 0 ? undefined : j.importDeclaration(specifiers, j.stringLiteral(specifier));
    const firstDeclaration = moving[0]?.declaration;
    const lastImportIndex = body.reduce((last, statement, index) => (statement.type === 'ImportDeclaration' ? index : last), -1);
    if (newImport && lastImportIndex >= 0) body.splice(lastImportIndex + 1, 0, newImport);
    for (const instantiation of moving) {
      const declaration = instantiation.declaration;
      if (!declaration) continue;
      if (newImport && lastImportIndex < 0 && declaration === firstDeclaration) {
        declaration.path.replace(newImport);
      } else {
        declaration.path.prune();
      }
    }
    const heir = newImport ?? (existing.get().node as Node);
    setComments(heir, [...carried, ...commentsOf(heir)]);
    if (exported.length > 0) {
      const exportDeclaration = j.exportNamedDeclaration(null, exported.map((name) => j.exportSpecifier.from({ local: j.identifier(name), exported: j.identifier(name) })));
      const index = body.indexOf(heir);
      body.splice(index + 1, 0, exportDeclaration);
    }
    pruneClientImports(j, root, preset, heir);
    changed = true;

    if (options.dry !== true && plan.moduleSource !== undefined && !existsSync(plan.modulePath)) writeFileAtomic(plan.modulePath, plan.moduleSource);
  }

  return changed ? root.toSource({ quote: 'single' }) : undefined;
}

/** Drops the client imports / requires the file no longer uses; keeps a type-only import when only types remain. */
function pruneClientImports(j: JSCodeshift, root: Collection, preset: Preset, heir: Node): void {
  root.find(j.ImportDeclaration).forEach((importPath) => {
    const declaration = importPath.node;
    if (!preset.sources.some((source) => source.module === declaration.source.value)) return;
    const specifiers = declaration.specifiers ?? [];
    const kept = specifiers.filter((specifier) => {
      const name = specifier.local?.name;
      return typeof name !== 'string' || (() => {
        const uses = usagesOf(j, root, name, [declaration]);
        return uses.value + uses.type > 0;
      })();
    });
    if (kept.length === 0) {
      removeStatement(importPath, heir);
      return;
    }
    if (kept.length !== specifiers.length) declaration.specifiers = kept;
    const onlyTypes = kept.every((specifier) => {
      const name = specifier.local?.name;
      if (typeof name !== 'string') return false;
      const uses = usagesOf(j, root, name, [declaration]);
      return uses.value === 0;
    });
    if (onlyTypes && declaration.importKind !== 'type') declaration.importKind = 'type';
  });
  root.find(j.VariableDeclaration).forEach((declarationPath) => {
    const declaration = declarationPath.node;
    if (declaration.declarations.length !== 1) return;
    const declarator = declaration.declarations[0];
    if (!declarator || declarator.type !== 'VariableDeclarator') return;
    const module = requiredModule(declarator.init);
    if (!preset.sources.some((source) => source.module === module)) return;
    const id = declarator.id;
    if (id.type === 'Identifier') {
      const uses = usagesOf(j, root, id.name, [declaration]);
      if (uses.value + uses.type === 0) removeStatement(declarationPath, heir);
    } else if (id.type === 'ObjectPattern') {
      id.properties = id.properties.filter((property) => {
        if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.value.type !== 'Identifier') return true;
        const uses = usagesOf(j, root, property.value.name, [declaration]);
        return uses.value + uses.type > 0;
      });
      if (id.properties.length === 0) removeStatement(declarationPath, heir);
    }
  });
}
