import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-hardening/eslint-plugin-hardening';

export type Category = 'security' | 'reliability' | 'performance' | 'maintainability';

/** What every rule of this plugin declares in `meta.docs` beyond ESLint's own fields. */
export interface HardeningDocs {
  /** In `configs.recommended` (high-confidence rules only). Every rule is in `configs.strict`. */
  recommended?: boolean;
  category: Category;
  /** The CWE id of the weakness, e.g. `CWE-78`, for SARIF and triage. */
  cwe?: string;
  requiresTypeChecking?: boolean;
}

export const ruleDocsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<HardeningDocs>(ruleDocsUrl);
