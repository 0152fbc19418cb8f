// Project-level checks end to end through ESLint's Node API: the facts rule runs with the
// recommended config on small fixture repos, then applyProjectChecks turns the facts into findings.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import { FACTS_PLUGIN_NAME, FACTS_RULE, applyProjectChecks, decodeFact, factsPlugin, projectChecks } from '../../src/cli/project/index.js';
import { isHealthPath } from '../../src/cli/project/known-modules.js';
import plugin from '../../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/cli/project');

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity: number;
  message: string;
}

async function lint(cwd: string): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      plugin.configs.recommended as unknown as Linter.Config,
      { plugins: { [FACTS_PLUGIN_NAME]: factsPlugin }, rules: { [FACTS_RULE]: 'warn' } },
    ],
  });
  return eslint.lintFiles(['.']);
}

async function audit(fixture: string): Promise<{ raw: ESLint.LintResult[]; results: ESLint.LintResult[]; findings: Finding[] }> {
  const cwd = path.join(FIXTURES, fixture);
  const raw = await lint(cwd);
  const results = applyProjectChecks(raw, { cwd });
  return { raw, results, findings: findingsOf(results, cwd) };
}

function findingsOf(results: readonly ESLint.LintResult[], cwd: string): Finding[] {
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId?.startsWith('project/') === true)
      .map((message) => ({
        ruleId: message.ruleId ?? '',
        file: path.relative(cwd, result.filePath).replace(/\\/gu, '/'),
        line: message.line,
        column: message.column,
        severity: message.severity,
        message: message.message,
      })),
  );
}

/** The facts of a fixture's raw results, as `file:line:column json`, sorted. */
function factsOf(raw: readonly ESLint.LintResult[], fixture: string): string[] {
  return raw
    .flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === FACTS_RULE)
        .map((message) => `${path.relative(path.join(FIXTURES, fixture), result.filePath).replace(/\\/gu, '/')}:${message.line}:${message.column} ${message.message}`),
    )
    .sort();
}

const at = (findings: readonly Finding[]): string[] => findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`);

const NO_RATE_LIMITER = (framework: string): string =>
  `This ${framework} app has no rate limiter anywhere in its project: no file imports express-rate-limit, rate-limiter-flexible, express-slow-down or a similar package, or registers @nestjs/throttler's ThrottlerGuard. One client can send requests as fast as the server answers: password guessing, scraping, and load that exhausts workers and the database.`;
const NO_HELMET = (framework: string): string =>
  `No file of this ${framework} app's project installs helmet: its responses go out without the Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and nosniff headers that blunt XSS, downgrade and clickjacking attacks. Add \`app.use(helmet())\` where the app is set up.`;
const NO_HEALTH_ROUTE = (framework: string): string =>
  `This ${framework} app has no health route anywhere in its project (\`/health\`, \`/healthz\`, \`/readyz\`, a @nestjs/terminus \`@HealthCheck()\`…): load balancers and orchestrators cannot tell a hung or half-started instance from a healthy one, so traffic keeps reaching it and it is never restarted.`;
const NO_SHUTDOWN_HANDLER =
  "This server starts listening but no file of its project handles SIGTERM or SIGINT (`process.on('SIGTERM', …)`, `app.enableShutdownHooks()`, @godaddy/terminus…): on every deploy or scale-down the process is killed mid-request, dropping in-flight requests and leaving database connections open.";
const DUPLICATE_CLIENT = (client: string, module: string, others: string): string =>
  `\`${client}\` (${module}) is also created in ${others}: each file holds its own client, with its own settings, connections and retries to keep in step. Create it once in a client module and import it everywhere (the \`shared-client\` codemod makes the move).`;

describe('an Express app with none of the protections', () => {
  it('reports each missing protection at the app creation, and shutdown at the listen call', async () => {
    const { findings } = await audit('express-bare');
    expect(findings).toEqual([
      { ruleId: 'project/no-rate-limiter', file: 'src/index.ts', line: 5, column: 13, severity: 2, message: NO_RATE_LIMITER('Express') },
      { ruleId: 'project/no-helmet', file: 'src/index.ts', line: 5, column: 13, severity: 2, message: NO_HELMET('Express') },
      { ruleId: 'project/no-health-route', file: 'src/index.ts', line: 5, column: 13, severity: 1, message: NO_HEALTH_ROUTE('Express') },
      { ruleId: 'project/no-shutdown-handler', file: 'src/index.ts', line: 9, column: 5, severity: 1, message: NO_SHUTDOWN_HANDLER },
    ]);
  });

  it('strips every fact and recomputes the counts', async () => {
    const { raw, results } = await audit('express-bare');
    const rawIndex = raw.find((result) => result.filePath.endsWith(path.join('src', 'index.ts')));
    const index = results.find((result) => result.filePath.endsWith(path.join('src', 'index.ts')));
    if (!rawIndex || !index) throw new Error('src/index.ts was not linted');
    const rawFacts = rawIndex.messages.filter((message) => message.ruleId === FACTS_RULE).length;
    expect(rawFacts).toBe(2); // the app and its listen call
    expect(index.errorCount).toBe(rawIndex.errorCount + 2);
    expect(index.warningCount).toBe(rawIndex.warningCount - rawFacts + 2);
    expect(index.errorCount).toBe(index.messages.filter((message) => message.severity === 2).length);
    expect(index.warningCount).toBe(index.messages.filter((message) => message.severity === 1).length);
    const positions = index.messages.map((message) => [message.line, message.column]);
    expect(positions).toEqual([...positions].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)));
  });
});

describe('protections found anywhere in the project', () => {
  it('accepts a limiter in a route file (imported or required), helmet in the entry file only, a health route on a router and signals handled in a helper', async () => {
    const { raw, findings } = await audit('express-complete');
    expect(findings).toEqual([]);
    // The facts that made each check pass, where they were found.
    expect(factsOf(raw, 'express-complete')).toEqual([
      'src/index.ts:14:20 {"kind":"listen"}',
      'src/index.ts:2:1 {"kind":"helmet","module":"helmet"}',
      'src/index.ts:8:13 {"kind":"app","framework":"express"}',
      'src/lifecycle/signals.ts:4:3 {"kind":"shutdown","via":"process.on"}',
      'src/middleware/slow-down.js:1:18 {"kind":"rateLimiter","module":"express-slow-down"}',
      'src/routes/auth.ts:2:1 {"kind":"rateLimiter","module":"express-rate-limit"}',
      'src/routes/ops.ts:5:1 {"kind":"health","path":"/healthz"}',
    ]);
  });

  it('does not take a local function named rateLimit for a rate limiter', async () => {
    const { findings } = await audit('local-limiter');
    expect(findings).toEqual([
      { ruleId: 'project/no-rate-limiter', file: 'src/server.ts', line: 6, column: 13, severity: 2, message: NO_RATE_LIMITER('Express') },
    ]);
  });

  it('reads facts from a file whose messages are all disabled', async () => {
    const { results, findings } = await audit('disabled-file');
    expect(findings).toEqual([]);
    expect(results.flatMap((result) => result.suppressedMessages).filter((message) => message.ruleId === FACTS_RULE)).toEqual([]);
  });

  it('accepts a NestJS app with ThrottlerModule and a global ThrottlerGuard, helmet, shutdown hooks and a health controller', async () => {
    const { findings } = await audit('nest-throttler');
    expect(findings).toEqual([]);
  });

  it('accepts a health route served by Next.js behind a custom Express server, a constructed limiter and terminus', async () => {
    const { raw, findings } = await audit('next-custom-server');
    expect(findings).toEqual([]);
    expect(factsOf(raw, 'next-custom-server').filter((fact) => !fact.includes('"app"') && !fact.includes('"listen"'))).toEqual([
      'app/api/health/route.ts:1:17 {"kind":"health","path":"/api/health"}',
      'src/server.ts:1:1 {"kind":"shutdown","via":"@godaddy/terminus"}',
      'src/server.ts:3:1 {"kind":"helmet","module":"helmet"}',
      'src/server.ts:5:1 {"kind":"rateLimiter","module":"rate-limiter-flexible"}',
    ]);
  });

  it('accepts @HealthCheck() and a ThrottlerGuard used globally, and reports a Nest app that never handles shutdown at its listen call', async () => {
    const { findings } = await audit('nest-terminus');
    expect(findings).toEqual([
      { ruleId: 'project/no-shutdown-handler', file: 'src/main.ts', line: 11, column: 13, severity: 1, message: NO_SHUTDOWN_HANDLER },
    ]);
  });

  it('gives a Next.js app (no Express or Nest app) no app checks', async () => {
    const { raw, findings } = await audit('next-app');
    expect(findings).toEqual([]);
    const facts = raw.flatMap((result) => result.messages.filter((message) => message.ruleId === FACTS_RULE).map((message) => decodeFact(message.message)?.kind));
    expect(facts).toEqual(['client']);
  });
});

describe('project/duplicate-client', () => {
  it('reports each extra creation site, naming the others, and keeps the one in a client module', async () => {
    const { findings } = await audit('clients');
    expect(findings).toEqual([
      {
        ruleId: 'project/duplicate-client',
        file: 'src/routes/chat.js',
        line: 3,
        column: 16,
        severity: 1,
        message: DUPLICATE_CLIENT('new OpenAI()', 'openai', '`lib/openai.ts` and `src/services/summarize.ts`'),
      },
      {
        ruleId: 'project/duplicate-client',
        file: 'src/services/summarize.ts',
        line: 3,
        column: 16,
        severity: 1,
        message: DUPLICATE_CLIENT('new OpenAI()', 'openai', '`lib/openai.ts` and `src/routes/chat.js`'),
      },
    ]);
    // Left alone: Prisma shared by import, pools on two different databases (one reads its URL
    // through `import { env } from 'node:process'`), a Redis subscriber,
    // and the clients of tests and scripts. The project creates no app, so no app checks.
  });
});

describe('projects', () => {
  it('groups files by their nearest package.json, and files outside any package by the working directory', async () => {
    const cwd = path.join(FIXTURES, 'monorepo');
    const results = applyProjectChecks(await lint(cwd), { cwd });
    expect(at(findingsOf(results, cwd))).toEqual([
      'project/no-rate-limiter packages/web-server/server.js:3:13',
      'project/no-helmet packages/web-server/server.js:3:13',
      'project/no-health-route packages/web-server/server.js:3:13',
      'project/no-shutdown-handler packages/web-server/server.js:5:5',
      // No package.json above it: the working directory is its project, which never listens.
      'project/no-rate-limiter tools/serve-docs.js:3:14',
      'project/no-helmet tools/serve-docs.js:3:14',
      'project/no-health-route tools/serve-docs.js:3:14',
    ]);
  });

  it('never lets a fact leak into any result', async () => {
    for (const fixture of readdirSync(FIXTURES)) {
      const { results } = await audit(fixture);
      const leaked = results.flatMap((result) => [...result.messages, ...result.suppressedMessages]).filter((message) => message.ruleId === FACTS_RULE);
      expect(leaked, fixture).toEqual([]);
    }
  });
});

describe('the demo apps', () => {
  it('produce exactly these project findings, each app its own project', async () => {
    const cwd = path.join(ROOT, 'examples');
    const results = applyProjectChecks(await lint(cwd), { cwd });
    expect(at(findingsOf(results, cwd))).toEqual([
      'project/no-rate-limiter express-rag-app/src/index.ts:16:13',
      'project/duplicate-client express-rag-app/src/services/bookProcessor.ts:12:16',
      'project/duplicate-client express-rag-app/src/services/rag.ts:5:16',
      'project/no-rate-limiter nest-api/src/main.ts:7:21',
      'project/no-helmet nest-api/src/main.ts:7:21',
      'project/no-health-route nest-api/src/main.ts:7:21',
    ]);
  });
});

describe('projectChecks', () => {
  it('lists each check once, with a docs page that has the rule-doc sections', () => {
    expect(projectChecks.map((check) => check.id)).toEqual([
      'project/no-rate-limiter',
      'project/no-helmet',
      'project/duplicate-client',
      'project/no-shutdown-handler',
      'project/no-health-route',
    ]);
    for (const check of projectChecks) {
      expect(check.docs).toBe(`docs/project/${check.id.slice('project/'.length)}.md`);
      const file = path.join(ROOT, check.docs);
      expect(existsSync(file), check.docs).toBe(true);
      const text = readFileSync(file, 'utf8');
      for (const heading of ['## Why', '## Examples', '### ❌ Incorrect', '### ✅ Correct', '## How to fix', '## Limitations', '## When Not To Use It']) {
        expect(text, `${check.docs}: ${heading}`).toContain(`\n${heading}\n`);
      }
      expect(text.startsWith(`# ${check.id}\n`)).toBe(true);
    }
  });
});

describe('isHealthPath', () => {
  it.each(['/health', '/healthz', '/api/v1/health', '/health/db', '/readyz', '/ping', '/api/status', '/live'])('%s is a health route', (route) => {
    expect(isHealthPath(route)).toBe(true);
  });

  it.each(['/', '/orders', '/books/:bookId/status', '/api/v1/jobs/ping', '/healthy-recipes'])('%s is not', (route) => {
    expect(isHealthPath(route)).toBe(false);
  });
});
