// What the reports say about a rule: its category, description, docs link and CWE, from the
// rule's own `meta.docs` (or the project check's entry), never from a list kept here.
import tsPlugin from '@typescript-eslint/eslint-plugin';

import plugin from '../../index.js';
import type { Category } from '../../util/create-rule.js';
import { REPOSITORY_URL } from '../../util/create-rule.js';
import { projectChecks } from '../project/index.js';

/** Messages without a rule: the file could not be parsed. */
export const PARSE_ERROR = 'parse-error';

export type ReportCategory = Category | 'parse errors' | 'other';

/** Order of the categories in every report. */
export const CATEGORY_ORDER: readonly ReportCategory[] = ['security', 'reliability', 'performance', 'maintainability', 'other', 'parse errors'];

export interface RuleInfo {
  id: string;
  category: ReportCategory;
  description: string;
  docsUrl?: string;
  /** e.g. `CWE-78`. */
  cwe?: string;
}

// typescript-eslint's rules that `type-checked` adds, placed in the category of the review item
// they stand for (dropped promises: background failures; `any`: maintainability).
const TYPESCRIPT_ESLINT_CATEGORIES: Readonly<Record<string, Category>> = {
  'no-floating-promises': 'reliability',
  'no-misused-promises': 'reliability',
  'no-explicit-any': 'maintainability',
};

/** What a report says about the rule of a message (`fatal`: ESLint could not parse the file). */
export function ruleInfo(ruleId: string | null, fatal = false): RuleInfo {
  if (ruleId === null && fatal) return { id: PARSE_ERROR, category: 'parse errors', description: 'The file could not be parsed, so no rule checked it' };
  if (ruleId === null) return { id: 'eslint', category: 'other', description: 'A notice from ESLint about the file' };
  const namespace = `${plugin.meta.namespace}/`;
  if (ruleId.startsWith(namespace)) {
    const docs = plugin.rules[ruleId.slice(namespace.length) as keyof typeof plugin.rules]?.meta.docs;
    if (docs) return { id: ruleId, category: docs.category, description: docs.description, docsUrl: docs.url, ...(docs.cwe === undefined ? {} : { cwe: docs.cwe }) };
  }
  const check = projectChecks.find((candidate) => candidate.id === ruleId);
  if (check) return { id: ruleId, category: check.category, description: check.description, docsUrl: `${REPOSITORY_URL}/blob/main/${check.docs}` };
  if (ruleId.startsWith('@typescript-eslint/')) {
    const name = ruleId.slice('@typescript-eslint/'.length);
    const docs = (tsPlugin.rules as Record<string, { meta?: { docs?: { description?: string; url?: string } } } | undefined>)[name]?.meta?.docs;
    return {
      id: ruleId,
      category: TYPESCRIPT_ESLINT_CATEGORIES[name] ?? 'other',
      description: docs?.description ?? ruleId,
      ...(docs?.url === undefined ? {} : { docsUrl: docs.url }),
    };
  }
  return { id: ruleId, category: 'other', description: ruleId };
}
