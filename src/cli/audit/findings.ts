// Lint results flattened into findings, the one shape the summary, SARIF and HTML reports share.
import path from 'node:path';

import type { ESLint } from 'eslint';

import { CATEGORY_ORDER, ruleInfo, type ReportCategory, type RuleInfo } from './rules.js';

export interface Finding {
  /** Relative to the report's root, with `/` separators (absolute when outside the root). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  rule: RuleInfo;
  severity: 1 | 2;
  message: string;
}

export function toFindings(results: readonly ESLint.LintResult[], root: string): Finding[] {
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity > 0)
      .map((message) => ({
        file: displayPath(result.filePath, root),
        line: message.line,
        column: message.column,
        ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
        ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
        rule: ruleInfo(message.ruleId, message.fatal === true),
        severity: message.severity as 1 | 2,
        message: message.message,
      })),
  );
}

export function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

export interface RuleGroup {
  rule: RuleInfo;
  count: number;
  errors: number;
  warnings: number;
  /** Files with the most findings of this rule, most first. */
  files: { file: string; count: number }[];
}

export interface CategoryGroup {
  category: ReportCategory;
  count: number;
  rules: RuleGroup[];
}

/** Findings grouped by category (in CATEGORY_ORDER), then rule (most findings first). */
export function groupFindings(findings: readonly Finding[]): CategoryGroup[] {
  const byRule = new Map<string, { rule: RuleInfo; findings: Finding[] }>();
  for (const finding of findings) {
    const entry = byRule.get(finding.rule.id) ?? { rule: finding.rule, findings: [] };
    entry.findings.push(finding);
    byRule.set(finding.rule.id, entry);
  }
  const groups: CategoryGroup[] = [];
  for (const category of CATEGORY_ORDER) {
    const rules = [...byRule.values()]
      .filter((entry) => entry.rule.category === category)
      .map((entry) => ruleGroup(entry.rule, entry.findings))
      .sort((a, b) => b.count - a.count || a.rule.id.localeCompare(b.rule.id));
    if (rules.length > 0) groups.push({ category, count: rules.reduce((sum, rule) => sum + rule.count, 0), rules });
  }
  return groups;
}

function ruleGroup(rule: RuleInfo, findings: readonly Finding[]): RuleGroup {
  const perFile = new Map<string, number>();
  for (const finding of findings) perFile.set(finding.file, (perFile.get(finding.file) ?? 0) + 1);
  return {
    rule,
    count: findings.length,
    errors: findings.filter((finding) => finding.severity === 2).length,
    warnings: findings.filter((finding) => finding.severity === 1).length,
    files: [...perFile].map(([file, count]) => ({ file, count })).sort((a, b) => b.count - a.count || a.file.localeCompare(b.file)),
  };
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === 2).length;
  return { errors, warnings: findings.length - errors };
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
