/**
 * The variables a file declares, gathered once per file for the analyses that test a name against
 * them before paying for a scope lookup (`mayResolveImportBinding`, the route model's router
 * parameters, the data-access model's builder variables, literal-valued arguments).
 */
import type { TSESLint } from '@typescript-eslint/utils';

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
