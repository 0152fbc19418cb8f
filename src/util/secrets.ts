/**
 * Secrets and environment: is this expression a read of an environment variable (and which one),
 * does a branch only run when NODE_ENV explicitly names a non-production environment, does a URL
 * carry a password, does a literal look like a real credential, and the fail-fast expression the
 * secret rules suggest. Shared by `no-secret-fallback`, `no-hardcoded-secret` and
 * `no-disabled-tls-verification`.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getConstInitializer, getMemberName, getPropertyKeyName, unwrapExpression } from './ast.js';
import { projectRelativePath } from './file-glob.js';
import { resolveImportBinding } from './modules.js';

const MAX_DEPTH = 8;

/**
 * NODE_ENV values that explicitly name an environment that is not production. A branch taken only
 * when NODE_ENV equals one of them never runs in production, even when NODE_ENV is unset there.
 */
export const NON_PRODUCTION_ENVIRONMENTS: readonly string[] = ['test', 'testing', 'development', 'dev', 'local'];

/**
 * Whether a file is test code by its name: `*.test.*`, `*.spec.*`, `*.e2e.*`, `*.stories.*`, or a
 * file under `__tests__/`, `__mocks__/`, `__fixtures__/`, `test/`, `tests/`, `e2e/` or `fixtures/`
 * (directories counted from `cwd` when given, e.g. `context.cwd`).
 */
export function isTestFile(filename: string, cwd?: string): boolean {
  const last = lastTestFileAnswer;
  if (last.filename === filename && last.cwd === cwd) return last.isTest;
  // Relative to the project, so a checkout under `~/test/app` is not all test code.
  const normalized = projectRelativePath(filename, cwd);
  const isTest =
    /\.(?:test|spec|e2e|stories)\.[cm]?[jt]sx?$/u.test(normalized) ||
    /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|e2e|fixtures)\//u.test(normalized);
  lastTestFileAnswer = { filename, cwd, isTest };
  return isTest;
}

/**
 * The last answer: a dozen rules ask about the same file in turn. A pure derived-value cache of one
 * entry (the same name and project always give the same answer), like `projectRelativePath`'s.
 */
let lastTestFileAnswer: { filename: string; cwd: string | undefined; isTest: boolean } = { filename: '', cwd: undefined, isTest: false };

/**
 * Whether `node` is the environment object: `process.env` (global `process`, or `process` imported
 * from `process` / `node:process`), `import.meta.env`, `env` imported or destructured from
 * `process`, or a constant alias of any of them (`const env = process.env`).
 */
export function isProcessEnv(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    if (getMemberName(target) !== 'env') return false;
    const object = unwrapExpression(target.object);
    if (object.type === AST_NODE_TYPES.MetaProperty) return object.meta.name === 'import' && object.property.name === 'meta';
    return isProcessObject(object, scope);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = resolveImportBinding(target, scope);
  if (binding) {
    return binding.source === 'process' && isEnvPath(binding.path);
  }
  const variable = ASTUtils.findVariable(scope, target);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return false;
  const declarator = def.node;
  if (!declarator.init) return false;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return isProcessEnv(declarator.init, scope, depth + 1);
  // const { env } = process
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && isProcessObject(unwrapExpression(declarator.init), scope)) {
    return declarator.id.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        getPropertyKeyName(property) === 'env' &&
        unwrapPattern(property.value) === def.name,
    );
  }
  return false;
}

/**
 * The name of the environment variable `node` reads: `process.env.SESSION_SECRET`,
 * `process.env['SESSION_SECRET']`, `env.SESSION_SECRET` (an alias of `process.env`), a constant
 * initialised with such a read (`const secret = process.env.SESSION_SECRET`), or a name
 * destructured from the environment (`const { SESSION_SECRET } = process.env`).
 * Undefined for anything else, and for computed reads (`process.env[name]`).
 */
export function getEnvVariableName(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberName(target);
    return name !== undefined && isProcessEnv(target.object, scope) ? name : undefined;
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(scope, target);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const declarator = def.node;
  if (!declarator.init) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return getEnvVariableName(declarator.init, scope, depth + 1);
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && isProcessEnv(declarator.init, scope)) {
    for (const property of declarator.id.properties) {
      if (property.type === AST_NODE_TYPES.Property && unwrapPattern(property.value) === def.name) {
        return getPropertyKeyName(property);
      }
    }
  }
  return undefined;
}

/**
 * Whether {@link getEnvVariableName} can name anything for `node`, by shape alone (no scope lookup):
 * an identifier, or a named member of an identifier or of an `env` member (`process.env.X`).
 */
export function mayNameEnvVariable(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Identifier) return true;
  if (target.type !== AST_NODE_TYPES.MemberExpression || getMemberName(target) === undefined) return false;
  const object = unwrapExpression(target.object);
  return object.type === AST_NODE_TYPES.Identifier || (object.type === AST_NODE_TYPES.MemberExpression && getMemberName(object) === 'env');
}

/**
 * Whether `node` is a comparison of NODE_ENV with a string (`process.env.NODE_ENV === 'production'`,
 * either side, `==`/`===`/`!=`/`!==`), and if so what it compares.
 */
export function getNodeEnvComparison(
  node: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
): { equal: boolean; value: string } | undefined {
  const target = unwrapExpression(node);
  if (target.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  if (!['===', '==', '!==', '!='].includes(target.operator)) return undefined;
  const equal = target.operator === '===' || target.operator === '==';
  for (const [envSide, valueSide] of [
    [target.left, target.right],
    [target.right, target.left],
  ] as const) {
    if (getEnvVariableName(envSide, scope) !== 'NODE_ENV') continue;
    const value = ASTUtils.getStaticValue(valueSide as TSESTree.Expression, scope);
    if (value && typeof value.value === 'string') return { equal, value: value.value };
  }
  return undefined;
}

/**
 * What a condition says about NODE_ENV when it is true (`whenTrue`) or false: `'nonProduction'`
 * when it then certainly equals one of {@link NON_PRODUCTION_ENVIRONMENTS}, otherwise undefined.
 * `NODE_ENV === 'test'` is non-production when true; `NODE_ENV !== 'production'` tells nothing
 * (it is also true when NODE_ENV is unset, as it often is in production).
 */
function impliesNonProduction(test: TSESTree.Node, whenTrue: boolean, scope: TSESLint.Scope.Scope, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const target = unwrapExpression(test);
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') {
    return impliesNonProduction(target.argument, !whenTrue, scope, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.LogicalExpression) {
    const left = impliesNonProduction(target.left, whenTrue, scope, depth + 1);
    const right = impliesNonProduction(target.right, whenTrue, scope, depth + 1);
    if (target.operator === '&&') return whenTrue ? left || right : left && right;
    if (target.operator === '||') return whenTrue ? left && right : left || right;
    return false;
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = getConstInitializer(target, scope);
    return init ? impliesNonProduction(init, whenTrue, scope, depth + 1) : false;
  }
  const comparison = getNodeEnvComparison(target, scope);
  if (!comparison) return false;
  // The branch runs when NODE_ENV equals the value: non-production if the value is one.
  return comparison.equal === whenTrue && NON_PRODUCTION_ENVIRONMENTS.includes(comparison.value);
}

/**
 * Whether `node` only runs when NODE_ENV explicitly names a non-production environment: it sits in
 * the matching branch of `cond ? a : b`, `if (cond) … else …`, `cond && x` or `cond || x` whose
 * condition compares NODE_ENV (directly or through a constant such as
 * `const isTest = process.env.NODE_ENV === 'test'`).
 */
export function isUnderNonProductionGuard(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent) {
    const scope = sourceCode.getScope(parent);
    switch (parent.type) {
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.IfStatement:
        if (parent.consequent === child && impliesNonProduction(parent.test, true, scope)) return true;
        if (parent.alternate === child && impliesNonProduction(parent.test, false, scope)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right === child && parent.operator === '&&' && impliesNonProduction(parent.left, true, scope)) return true;
        if (parent.right === child && parent.operator === '||' && impliesNonProduction(parent.left, false, scope)) return true;
        break;
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * The boolean an expression has when NODE_ENV is unset, when that can be told from the code:
 * `process.env.NODE_ENV === 'production'` → false, `… !== 'development'` → true, constants,
 * `!`, and `cond ? a : b` with such a condition and static branches. Undefined otherwise.
 */
export function truthWhenNodeEnvUnset(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrapExpression(node);
  const comparison = getNodeEnvComparison(target, scope);
  if (comparison) return !comparison.equal;
  switch (target.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      if (target.operator !== '!') return undefined;
      const inner = truthWhenNodeEnvUnset(target.argument, scope, depth + 1);
      return inner === undefined ? undefined : !inner;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = getConstInitializer(target, scope);
      return init ? truthWhenNodeEnvUnset(init, scope, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = truthWhenNodeEnvUnset(target.test, scope, depth + 1);
      if (test === undefined) return undefined;
      const branch = test ? target.consequent : target.alternate;
      const value = ASTUtils.getStaticValue(branch, scope);
      return value ? Boolean(value.value) : truthWhenNodeEnvUnset(branch, scope, depth + 1);
    }
    default:
      return undefined;
  }
}

/** The string `node` always evaluates to (literal, template without `${}`, constant, concatenation of those). */
export function getStaticString(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  const value = ASTUtils.getStaticValue(unwrapExpression(node) as TSESTree.Expression, scope);
  return value && typeof value.value === 'string' ? value.value : undefined;
}

const URL_USERINFO = /[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@([^/?#:\s]*)/iu;
const PLACEHOLDER_MARK = '\u0000';
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '0.0.0.0'];

/**
 * Whether a string or template is a URL with a password written in the source
 * (`postgres://app:s3cret@db.internal/app`). Not: a URL without a password, a password that is
 * interpolated (`postgres://app:${process.env.DB_PASSWORD}@host/app`), a URL to a local host
 * (`localhost`, `127.0.0.1`, `0.0.0.0`: development databases, nothing to leak).
 */
export function hasPasswordInUrl(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const target = unwrapExpression(node);
  let text: string | undefined;
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length > 0) {
    text = target.quasis.map((quasi) => quasi.value.cooked ?? '').join(PLACEHOLDER_MARK);
  } else {
    text = getStaticString(target, scope);
  }
  if (text === undefined) return false;
  const match = URL_USERINFO.exec(text);
  if (!match) return false;
  const userinfo = match[1] ?? '';
  const host = (match[2] ?? '').toLowerCase();
  const colon = userinfo.indexOf(':');
  if (colon < 0) return false;
  const password = userinfo.slice(colon + 1);
  if (password === '' || password.includes(PLACEHOLDER_MARK)) return false;
  // A literal password in front of an interpolated host still ships in the source.
  return host.includes(PLACEHOLDER_MARK) || !LOCAL_HOSTS.includes(host);
}

/** Values that stand for "put the real secret here" rather than being one. */
const PLACEHOLDER_PATTERN =
  /change.?me|changeit|your[-_ ]?|example|placeholder|dummy|sample|fake|mock|test|todo|fixme|replace|insert|redacted|xxxx|\*{3}|<[^>]*>|\{\{|\$\{|\.\.\./iu;

/**
 * Whether a literal looks like a real credential rather than a word, a placeholder or a message:
 * at least 16 characters, no whitespace, not a URL or a path, letters and digits mixed, a
 * character entropy of at least 3.5 bits, and no placeholder word (`changeme`, `your-…`,
 * `example`, `dummy`, `test`, `xxxx`, `<…>`, …).
 */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 16 || /\s/u.test(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(value) || value.startsWith('/') || value.startsWith('./')) return false;
  if (!/[a-z]/iu.test(value) || !/\d/u.test(value)) return false;
  if (PLACEHOLDER_PATTERN.test(value)) return false;
  return shannonEntropy(value) >= 3.5;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const probability = count / value.length;
    entropy -= probability * Math.log2(probability);
  }
  return entropy;
}

/** `process.env.NAME`, or `process.env['NAME']` when NAME is not an identifier. */
export function envReadText(name: string): string {
  return /^[A-Za-z_$][\w$]*$/u.test(name) ? `process.env.${name}` : `process.env[${quote(name)}]`;
}

/**
 * An expression that throws `NAME is required` where it is evaluated. It type-checks as `never`,
 * so `process.env.NAME ?? throwIfMissing` is a `string`, with no helper or import to add.
 */
export function throwMissingText(name: string): string {
  return `(() => { throw new Error(${quote(`${name} is required`)}); })()`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
}

function isProcessObject(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = resolveImportBinding(node, scope);
  if (binding) return binding.source === 'process' && (binding.path.length === 1 && (binding.path[0] === 'default' || binding.path[0] === '*'));
  if (node.name !== 'process') return false;
  const variable = ASTUtils.findVariable(scope, node);
  return !variable || variable.defs.length === 0;
}

function isEnvPath(path: readonly string[]): boolean {
  if (path.length === 1) return path[0] === 'env';
  return path.length === 2 && (path[0] === 'default' || path[0] === '*') && path[1] === 'env';
}

function unwrapPattern(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.AssignmentPattern ? node.left : node;
}
