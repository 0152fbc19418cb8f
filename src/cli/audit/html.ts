// A self-contained HTML report: inline CSS, no script, charts drawn with CSS bars.
import plugin from '../../index.js';
import { countBySeverity, groupFindings, plural, type Finding } from './findings.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`);

export interface HtmlReportInfo {
  config: string;
  fileCount: number;
  /** When the audit ran, ISO 8601. */
  date: string;
}

export function formatHtml(findings: readonly Finding[], info: HtmlReportInfo): string {
  const groups = groupFindings(findings);
  const { errors, warnings } = countBySeverity(findings);
  const max = Math.max(1, ...groups.map((group) => group.count));
  const byCategory = groups.map((group) => bar(group.category, group.count, max)).join('\n');
  const rules = groups.flatMap((group) => group.rules);
  const maxRule = Math.max(1, ...rules.map((rule) => rule.count));
  const byRule = rules.map((rule) => bar(rule.rule.id, rule.count, maxRule, rule.rule.docsUrl)).join('\n');
  const rows = [...findings]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
    .map(
      (finding) =>
        `<tr class="${finding.severity === 2 ? 'error' : 'warning'}"><td>${escapeHtml(`${finding.file}:${finding.line}:${finding.column}`)}</td>` +
        `<td>${ruleLink(finding.rule.id, finding.rule.docsUrl)}</td><td>${finding.severity === 2 ? 'error' : 'warning'}</td><td>${escapeHtml(finding.message)}</td></tr>`,
    )
    .join('\n');
  const title = `${plugin.meta.name} audit`;
  const headline =
    findings.length === 0
      ? `No findings in ${plural(info.fileCount, 'file')}.`
      : `${plural(findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(info.fileCount, 'file')}.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem; color: #1f2328; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
.meta { color: #59636e; margin-top: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
.chart { flex: 1 1 24rem; }
.bar { display: grid; grid-template-columns: 16rem 1fr 3rem; align-items: center; gap: 0.5rem; margin: 0.2rem 0; }
.bar .track { background: #eef1f4; height: 0.9rem; border-radius: 3px; }
.bar .fill { background: #cf222e; height: 100%; border-radius: 3px; }
.bar .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar .count { text-align: right; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d1d9e0; vertical-align: top; }
td:first-child { font-family: ui-monospace, monospace; white-space: nowrap; }
tr.error td:nth-child(3) { color: #cf222e; font-weight: 600; }
tr.warning td:nth-child(3) { color: #9a6700; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(headline)} Config: ${escapeHtml(info.config)}. ${escapeHtml(info.date)}.</p>
<div class="charts">
<section class="chart"><h2>Findings by category</h2>
${byCategory}
</section>
<section class="chart"><h2>Findings by rule</h2>
${byRule}
</section>
</div>
<h2>Findings</h2>
<table id="findings">
<thead><tr><th>Location</th><th>Rule</th><th>Severity</th><th>Message</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

function bar(label: string, count: number, max: number, href?: string): string {
  const width = ((count / max) * 100).toFixed(1);
  return `<div class="bar"><span class="label">${href === undefined ? escapeHtml(label) : ruleLink(label, href)}</span><span class="track"><span class="fill" style="display:block;width:${width}%"></span></span><span class="count">${count}</span></div>`;
}

function ruleLink(id: string, href: string | undefined): string {
  return href === undefined ? escapeHtml(id) : `<a href="${escapeHtml(href)}">${escapeHtml(id)}</a>`;
}
