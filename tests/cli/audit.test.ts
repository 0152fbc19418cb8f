// `hardening audit` end to end: the built bin on a copy of a fixture repo, in every format.
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import AjvDraft04 from 'ajv-draft-04';
import type { ESLint } from 'eslint';
import { parse } from 'parse5';
import type { Log } from 'sarif';

import { copyFixture, runCli } from './cli.js';

const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const DOCS = 'https://github.com/eslint-plugin-hardening/eslint-plugin-hardening/blob/main/docs/rules';

const created: string[] = [];
function fixture(name: 'app' | 'clean'): string {
  const directory = copyFixture(`audit/${name}`);
  created.push(directory);
  return directory;
}
afterAll(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

/** `file:line:column rule severity` of every message, files relative to `root`. */
function listed(results: ESLint.LintResult[], root: string): string[] {
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(root, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'} ${message.severity}`),
  );
}

const RECOMMENDED = ['src/cache.ts:6:28 hardening/no-redis-keys 1', 'src/db.js:7:10 hardening/no-disabled-tls-verification 2'];

describe('hardening audit', () => {
  it('prints the summary by category and rule, the findings, and a total (stylish)', () => {
    const root = fixture('app');
    const { status, stdout, stderr } = runCli(['audit'], { cwd: root });
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const lines = stdout.replaceAll(root, '<root>').split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Findings by category and rule:',
      '',
      'security (1)',
      '  hardening/no-disabled-tls-verification  1  error    src/db.js (1)',
      '',
      'performance (1)',
      '  hardening/no-redis-keys                 1  warning  src/cache.ts (1)',
    ]);
    expect(lines).toContain('<root>/src/db.js');
    expect(lines).toContain('<root>/src/cache.ts');
    expect(lines.some((line) => /^\s+7:10\s+error\s+`rejectUnauthorized: false` makes this connection/u.test(line))).toBe(true);
    expect(lines.slice(-4)).toEqual([
      '✖ 2 problems (1 error, 1 warning)',
      '',
      'hardening audit: 2 findings (1 error, 1 warning) in 4 files checked with the recommended config.',
      '',
    ]);
  });

  it('prints ESLint results as JSON, alone on stdout, with the summary on stderr', () => {
    const root = fixture('app');
    const { status, stdout, stderr } = runCli(['audit', '--format', 'json'], { cwd: root });
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as ESLint.LintResult[];
    expect(results.map((result) => path.relative(root, result.filePath)).sort()).toEqual(['src/cache.ts', 'src/db.js', 'src/format.ts', 'src/report.ts']);
    expect(listed(results, root).sort()).toEqual(RECOMMENDED);
    expect(stderr).toMatch(/^Findings by category and rule:\n/u);
    expect(stderr.endsWith('\nhardening audit: 2 findings (1 error, 1 warning) in 4 files checked with the recommended config.\n')).toBe(true);
  });

  it('finds more with --config strict than with recommended on the same code', () => {
    const root = fixture('app');
    const strict = runCli(['audit', '--format', 'json', '--config', 'strict'], { cwd: root });
    expect(strict.status).toBe(1);
    expect(listed(JSON.parse(strict.stdout) as ESLint.LintResult[], root).sort()).toEqual([
      'src/cache.ts:3:15 hardening/no-scattered-client 1',
      ...RECOMMENDED,
    ]);
  });

  it('adds typescript-eslint\'s type-aware rules with --config type-checked, and keeps linting JavaScript', () => {
    const root = fixture('app');
    writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": true, "module": "nodenext" }, "include": ["src"] }\n');
    writeFileSync(path.join(root, 'src/jobs.ts'), 'async function refresh(): Promise<void> {}\n\nexport function start(): void {\n  refresh();\n}\n');
    const { status, stdout, stderr } = runCli(['audit', '--format', 'json', '--config', 'type-checked'], { cwd: root });
    expect(status).toBe(1);
    expect(listed(JSON.parse(stdout) as ESLint.LintResult[], root).sort()).toEqual([
      'src/cache.ts:3:15 hardening/no-scattered-client 1',
      ...RECOMMENDED,
      'src/jobs.ts:4:3 @typescript-eslint/no-floating-promises 2',
    ]);
    expect(stderr).toContain('\nreliability (1)\n  @typescript-eslint/no-floating-promises  1  error    src/jobs.ts (1)\n');
  });

  it('writes SARIF 2.1.0 that validates against the schema, with rule metadata for code scanning', () => {
    const root = fixture('app');
    const { status, stdout } = runCli(['audit', '--format', 'sarif'], { cwd: root });
    expect(status).toBe(1);
    const log = JSON.parse(stdout) as Log;
    // ajv-draft-04 is CommonJS: its class is also its `default`. The schema's own patterns are
    // not valid with the `u` flag, so Ajv compiles them without it.
    const validate = new AjvDraft04.default({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [run] = log.runs;
    expect(run?.tool.driver).toMatchObject({ name: 'eslint-plugin-hardening', informationUri: 'https://github.com/eslint-plugin-hardening/eslint-plugin-hardening' });
    expect(run?.tool.driver.rules).toEqual([
      {
        id: 'hardening/no-redis-keys',
        shortDescription: { text: 'Disallow the Redis `KEYS` command in application code' },
        helpUri: `${DOCS}/no-redis-keys.md`,
        properties: { tags: ['performance', 'external/cwe/cwe-400'] },
      },
      {
        id: 'hardening/no-disabled-tls-verification',
        shortDescription: { text: expect.stringMatching(/^Disallow/u) as unknown as string },
        helpUri: `${DOCS}/no-disabled-tls-verification.md`,
        properties: { tags: ['security', 'external/cwe/cwe-295'], 'security-severity': '8.0' },
      },
    ]);
    expect(run?.results).toEqual([
      {
        ruleId: 'hardening/no-redis-keys',
        ruleIndex: 0,
        level: 'warning',
        message: { text: expect.stringMatching(/^`KEYS` walks every key/u) as unknown as string },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/cache.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 28, endLine: 6, endColumn: 56 } } }],
      },
      {
        ruleId: 'hardening/no-disabled-tls-verification',
        ruleIndex: 1,
        level: 'error',
        message: { text: expect.stringMatching(/^`rejectUnauthorized: false`/u) as unknown as string },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/db.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 35 } } }],
      },
    ]);
  });

  it('writes one self-contained HTML page with charts and a table row per finding', () => {
    const root = fixture('app');
    const html = runCli(['audit', '--format', 'html', '--config', 'strict'], { cwd: root });
    const json = runCli(['audit', '--format', 'json', '--config', 'strict'], { cwd: root });
    expect(html.status).toBe(1);
    const count = (JSON.parse(json.stdout) as ESLint.LintResult[]).reduce((sum, result) => sum + result.messages.length, 0);
    expect(count).toBe(3);

    const rows = findingRows(html.stdout);
    expect(rows.map((row) => row.cells)).toEqual([
      ['src/cache.ts:3:15', 'hardening/no-scattered-client', 'warning', expect.stringMatching(/^`new Redis\(\)` is created outside/u)],
      ['src/cache.ts:6:28', 'hardening/no-redis-keys', 'warning', expect.stringMatching(/^`KEYS` walks/u)],
      ['src/db.js:7:10', 'hardening/no-disabled-tls-verification', 'error', expect.stringMatching(/^`rejectUnauthorized: false`/u)],
    ]);
    expect(rows).toHaveLength(count);
    expect(rows[2]?.links).toEqual([`${DOCS}/no-disabled-tls-verification.md`]);
    // Self-contained: no script, no stylesheet or image from elsewhere.
    expect(html.stdout).not.toMatch(/<script|<link|<img|src=/u);
    expect(html.stdout).toContain('<style>');
    expect(html.stdout).toMatch(/<span class="label">maintainability<\/span>.*<span class="count">1<\/span>/u);
  });

  it('escapes HTML in messages and paths', () => {
    const root = fixture('app');
    writeFileSync(path.join(root, 'src/<b>.ts'), 'const = ;\n');
    const { stdout } = runCli(['audit', '--format', 'html'], { cwd: root });
    expect(stdout).toContain('src/&#60;b&#62;.ts:1:6');
    expect(stdout).not.toContain('<b>');
    expect(findingRows(stdout).map((row) => row.cells[0])).toContain('src/<b>.ts:1:6');
  });

  it('writes the report to --output and nothing on stdout', () => {
    const root = fixture('app');
    const piped = runCli(['audit', '--format', 'json'], { cwd: root });
    const written = runCli(['audit', '--format', 'json', '--output', 'reports/audit.json'], { cwd: root });
    expect(written.status).toBe(1);
    expect(written.stdout).toBe('');
    expect(written.stderr.endsWith('in 4 files checked with the recommended config.\nReport written to reports/audit.json.\n')).toBe(true);
    expect(readFileSync(path.join(root, 'reports/audit.json'), 'utf8')).toBe(piped.stdout);

    const stylish = runCli(['audit', '--output', 'audit.txt'], { cwd: root });
    expect(stylish.stdout).toBe('');
    expect(readFileSync(path.join(root, 'audit.txt'), 'utf8')).toContain('hardening/no-disabled-tls-verification  1  error    src/db.js (1)');
  });

  it('exits 0 on code without findings, and on warnings alone', () => {
    const clean = fixture('clean');
    expect(runCli(['audit'], { cwd: clean })).toEqual({ status: 0, stdout: 'hardening audit: no findings in 1 file checked with the recommended config.\n', stderr: '' });

    const root = fixture('app');
    unlinkSync(path.join(root, 'src/db.js'));
    const warnings = runCli(['audit'], { cwd: root });
    expect(warnings.status).toBe(0);
    expect(warnings.stdout.endsWith('hardening audit: 1 finding (0 errors, 1 warning) in 3 files checked with the recommended config.\n')).toBe(true);
  });

  it('reports a file that does not parse by name and goes on with the others', () => {
    const root = fixture('app');
    writeFileSync(path.join(root, 'src/broken.ts'), 'export const total = (;\n');
    const stylish = runCli(['audit'], { cwd: root });
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toContain(`${root}/src/broken.ts\n  1:22  error  Parsing error: Expression expected`);
    expect(stylish.stdout).toContain('parse errors (1)\n  parse-error');

    const json = runCli(['audit', '--format', 'json'], { cwd: root });
    expect(listed(JSON.parse(json.stdout) as ESLint.LintResult[], root).sort()).toEqual(['src/broken.ts:1:22 fatal 2', ...RECOMMENDED]);

    const sarif = JSON.parse(runCli(['audit', '--format', 'sarif'], { cwd: root }).stdout) as Log;
    const parseError = sarif.runs[0]?.results?.find((result) => result.ruleId === 'parse-error');
    expect(parseError?.level).toBe('error');
    expect(parseError?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('src/broken.ts');
  });

  it('audits only the paths given', () => {
    const root = fixture('app');
    const { status, stdout } = runCli(['audit', 'src/cache.ts', '--format', 'json'], { cwd: root });
    expect(status).toBe(0);
    expect(listed(JSON.parse(stdout) as ESLint.LintResult[], root)).toEqual(['src/cache.ts:6:28 hardening/no-redis-keys 1']);
  });

  it.each([
    [['audit', 'missing-folder'], 'hardening: no such file or directory: missing-folder\n'],
    [['audit', 'package.json'], 'hardening: not a JavaScript or TypeScript file: package.json\n'],
    [['audit', '--format', 'xml'], "hardening: option '--format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, html.\n"],
    [['audit', '--config', 'all'], "hardening: option '--config <name>' argument 'all' is invalid. Allowed choices are recommended, strict, type-checked.\n"],
    [['audit', '--concurrency', '0'], 'hardening: option \'--concurrency <n|auto|off>\' argument \'0\' is invalid. expected a positive whole number, "auto" or "off".\n'],
    [['audit', '--fix'], "hardening: unknown option '--fix'\n"],
  ])('exits 2 with one line on a usage error: %j', (args, message) => {
    const root = fixture('app');
    expect(runCli(args, { cwd: root })).toEqual({ status: 2, stdout: '', stderr: message });
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
  });
});

interface Row {
  cells: string[];
  links: string[];
}

/** The rows of the findings table, as text cells and link targets. */
function findingRows(html: string): Row[] {
  type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
  const all = (node: Node, name: string): Node[] => [
    ...(node.nodeName === name ? [node] : []),
    ...(node.childNodes ?? []).flatMap((child) => all(child, name)),
  ];
  const text = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join(''));
  const table = all(parse(html) as unknown as Node, 'table').find((node) => node.attrs?.some((attr) => attr.name === 'id' && attr.value === 'findings'));
  const body = all(table ?? { nodeName: 'none' }, 'tbody')[0];
  return all(body ?? { nodeName: 'none' }, 'tr').map((row) => ({
    cells: all(row, 'td').map(text),
    links: all(row, 'a').flatMap((link) => (link.attrs ?? []).filter((attr) => attr.name === 'href').map((attr) => attr.value)),
  }));
}
