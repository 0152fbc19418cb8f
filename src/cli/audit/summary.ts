// The text summary: findings grouped by category then rule (count, severity, top files), and the
// one-line total that ends every audit.
import { countBySeverity, groupFindings, plural, type Finding, type RuleGroup } from './findings.js';

const TOP_FILES = 3;

export function formatSummary(findings: readonly Finding[]): string {
  const groups = groupFindings(findings);
  if (groups.length === 0) return '';
  const width = Math.max(...groups.flatMap((group) => group.rules.map((rule) => rule.rule.id.length)));
  const countWidth = Math.max(...groups.flatMap((group) => group.rules.map((rule) => String(rule.count).length)));
  const lines = ['Findings by category and rule:'];
  for (const group of groups) {
    lines.push('', `${group.category} (${group.count})`);
    for (const rule of group.rules) {
      lines.push(`  ${rule.rule.id.padEnd(width)}  ${String(rule.count).padStart(countWidth)}  ${severityLabel(rule).padEnd(7)}  ${topFiles(rule)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function severityLabel(rule: RuleGroup): string {
  if (rule.warnings === 0) return 'error';
  if (rule.errors === 0) return 'warning';
  return 'mixed';
}

function topFiles(rule: RuleGroup): string {
  const shown = rule.files.slice(0, TOP_FILES).map(({ file, count }) => `${file} (${count})`);
  const more = rule.files.length - TOP_FILES;
  return more > 0 ? `${shown.join(', ')}, ${plural(more, 'more file')}` : shown.join(', ');
}

export function formatTotal(findings: readonly Finding[], fileCount: number, config: string): string {
  const { errors, warnings } = countBySeverity(findings);
  const checked = `${plural(fileCount, 'file')} checked with the ${config} config`;
  if (findings.length === 0) return `hardening audit: no findings in ${checked}.\n`;
  return `hardening audit: ${plural(findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${checked}.\n`;
}
