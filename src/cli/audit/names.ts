// The audit's parameters, in a module of their own: the command line reads them without loading
// ESLint or the plugin.
export const CONFIG_NAMES = ['recommended', 'strict', 'type-checked'] as const;
export type AuditConfigName = (typeof CONFIG_NAMES)[number];

export interface AuditParams {
  config: AuditConfigName;
  /** ESLint's working directory (absolute). */
  cwd: string;
  /** `package.json` facts (Express major, ORM, logger) are read here. */
  packageRoot: string;
  concurrency: number | 'auto' | 'off';
  cache: boolean;
  cacheLocation: string;
  projectChecks: boolean;
}
