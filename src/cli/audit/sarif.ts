// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Built here rather than with
// @microsoft/eslint-formatter-sarif, which brings ESLint 8 along as a runtime dependency.
import { pathToFileURL } from 'node:url';

import type { Log, ReportingDescriptor, Result } from 'sarif';

import plugin from '../../index.js';
import { REPOSITORY_URL } from '../../util/create-rule.js';
import type { Finding } from './findings.js';
import type { RuleInfo } from './rules.js';

/** GitHub reads `security-severity` (0–10) to rank security alerts: ≥ 7 is high, ≥ 4 medium. */
const SECURITY_SEVERITY = { 2: '8.0', 1: '5.0' } as const;

export function formatSarif(findings: readonly Finding[], root: string): string {
  const rules: ReportingDescriptor[] = [];
  const indexOf = new Map<string, number>();
  for (const finding of findings) {
    const existing = indexOf.get(finding.rule.id);
    if (existing === undefined) {
      indexOf.set(finding.rule.id, rules.length);
      rules.push(descriptor(finding.rule, finding.severity));
    } else if (finding.severity === 2 && finding.rule.category === 'security') {
      // One error-severity finding makes the rule's ranking that of an error.
      rules[existing] = descriptor(finding.rule, 2);
    }
  }
  const results = findings.map((finding): Result => ({
    ruleId: finding.rule.id,
    ruleIndex: indexOf.get(finding.rule.id) ?? 0,
    level: finding.severity === 2 ? 'error' : 'warning',
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: isAbsolutePath(finding.file) ? { uri: pathToFileURL(finding.file).href } : { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          ...(finding.line >= 1 ? { region: region(finding) } : {}),
        },
      },
    ],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: plugin.meta.name, version: plugin.meta.version, informationUri: REPOSITORY_URL, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root.endsWith('/') ? root : `${root}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, undefined, 2)}\n`;
}

function descriptor(rule: RuleInfo, severity: 1 | 2): ReportingDescriptor {
  // GitHub treats a rule tagged `security` as a security query: the category of security rules.
  const tags: string[] = [rule.category];
  if (rule.cwe !== undefined) tags.push(`external/cwe/${rule.cwe.toLowerCase()}`);
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.docsUrl === undefined ? {} : { helpUri: rule.docsUrl }),
    properties: {
      tags,
      ...(rule.category === 'security' ? { 'security-severity': SECURITY_SEVERITY[severity] } : {}),
    },
  };
}

function region(finding: Finding): NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>['region'] {
  return {
    startLine: finding.line,
    startColumn: Math.max(1, finding.column),
    ...(finding.endLine === undefined ? {} : { endLine: finding.endLine }),
    ...(finding.endColumn === undefined ? {} : { endColumn: finding.endColumn }),
  };
}

const isAbsolutePath = (file: string): boolean => file.startsWith('/') || /^[A-Za-z]:[\\/]/u.test(file);
