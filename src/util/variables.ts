/**
 * The variables a file declares, gathered once per file for the analyses that test a name against
 * them before paying for a scope lookup (`mayResolveImportBinding`, the route model's router
 * parameters, the data-access model's builder variables, literal-valued arguments).
 */
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

import { unwrapExpression } from './ast.js';

/** Per file, keyed by the `SourceCode`: nothing survives the file. */
const declared = new WeakMap<object, readonly TSESLint.Scope.Variable[]>();

/**
 * Every variable of every scope of the file, except the global scope's in an ES module: a module's
 * declarations live in its module scope, and its global scope holds only the environment's
 * built-ins (a couple of hundred library globals with no declaration in the file).
 */
export function getFileVariables(sourceCode: Readonly<TSESLint.SourceCode>): readonly TSESLint.Scope.Variable[] {
  let variables = declared.get(sourceCode);
  if (variables) return variables;
  const found: TSESLint.Scope.Variable[] = [];
  const scopeManager = sourceCode.scopeManager;
  if (scopeManager) {
    const isModule = scopeManager.isModule();
    for (const scope of scopeManager.scopes) {
      if (isModule && scope === scopeManager.globalScope) continue;
      found.push(...scope.variables);
    }
  }
  variables = found;
  declared.set(sourceCode, variables);
  return variables;
}

/** Per file, then per set of initialiser types (module constants): nothing survives the file. */
const initialisedNames = new WeakMap<object, Map<ReadonlySet<AST_NODE_TYPES>, ReadonlySet<string>>>();

/**
 * Names of the file's variables declared once, by a declarator with an initialiser of one of
 * `types` (casts looked through): `const q = db.select()` for calls, `const data = { … }` for object
 * literals. Names bound by destructuring such an initialiser are in too: a test may say yes too often. A name outside the set names no such variable anywhere in the file, so an analysis that
 * follows only those initialisers can skip the scope lookup of every other name.
 */
export function getVariableNamesInitialisedWith(sourceCode: Readonly<TSESLint.SourceCode>, types: ReadonlySet<AST_NODE_TYPES>): ReadonlySet<string> {
  let perFile = initialisedNames.get(sourceCode);
  if (!perFile) {
    perFile = new Map();
    initialisedNames.set(sourceCode, perFile);
  }
  let names = perFile.get(types);
  if (!names) {
    const found = new Set<string>();
    for (const variable of getFileVariables(sourceCode)) {
      const def = variable.defs[0];
      if (variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) continue;
      if (types.has(unwrapExpression(def.node.init).type)) found.add(variable.name);
    }
    names = found;
    perFile.set(types, names);
  }
  return names;
}
