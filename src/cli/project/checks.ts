/**
 * The project-level checks: facts gathered per file are grouped by project (the nearest directory
 * with a package.json), and each check turns what a whole project lacks or repeats into one
 * ESLint message on the file that best locates it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { ESLint, Linter } from 'eslint';

import type { Category } from '../../util/create-rule.js';
import { decodeFact, type AppFramework, type Fact } from './facts.js';

export const FACTS_PLUGIN_NAME = 'hardening-project';
export const FACTS_RULE = `${FACTS_PLUGIN_NAME}/facts`;

export interface ProjectCheck {
  /** `project/<name>`. */
  id: string;
  description: string;
  category: Category;
  severity: 1 | 2;
  /** Relative to the package root, e.g. `docs/project/no-rate-limiter.md`. */
  docs: string;
}

const check = (name: string, description: string, category: Category, severity: 1 | 2): ProjectCheck => ({
  id: `project/${name}`,
  description,
  category,
  severity,
  docs: `docs/project/${name}.md`,
});

export const projectChecks: readonly ProjectCheck[] = [
  check('no-rate-limiter', 'Require a request rate limiter somewhere in an Express or NestJS app', 'security', 2),
  check('no-helmet', 'Require helmet somewhere in an Express or NestJS app', 'security', 2),
  check('duplicate-client', 'Disallow creating the same SDK or database client in several files of a project', 'maintainability', 1),
  check('no-shutdown-handler', 'Require SIGTERM/SIGINT handling somewhere in a project whose server listens', 'reliability', 1),
  check('no-health-route', 'Require a health-check route in an Express or NestJS app', 'reliability', 1),
];

/** A fact where it was found. */
interface Located<F extends Fact = Fact> {
  fact: F;
  /** Index of the result (file) it belongs to. */
  result: number;
  /** Path relative to the project root, `/`-separated. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

type FactOf<K extends Fact['kind']> = Extract<Fact, { kind: K }>;

const FRAMEWORK_NAMES: Record<AppFramework, string> = { express: 'Express', nest: 'NestJS' };
const ENTRY_NAME = /^(?:index|main|server|app|bootstrap)\.[cm]?[jt]sx?$/u;
const CLIENT_MODULE = /(?:^|\/)(?:config|configs|lib|libs|clients?|db|database|infra|infrastructure|providers)\/|(?:^|\/)(?:prisma|redis|openai|anthropic|db|database|clients?|pool)\.[cm]?[jt]s$/u;

/**
 * Removes the facts messages from `results` and adds the project-level findings as messages
 * (ruleId `project/<name>`) of the file that best locates each; counts are recomputed.
 */
export function applyProjectChecks(results: readonly ESLint.LintResult[], options: { cwd: string }): ESLint.LintResult[] {
  const cwd = path.resolve(options.cwd);
  const rootOf = projectRootFinder(cwd);
  const projects = new Map<string, Located[]>();
  results.forEach((result, index) => {
    const facts = [...result.messages, ...(result.suppressedMessages ?? [])].filter((message) => message.ruleId === FACTS_RULE);
    if (facts.length === 0) return;
    const root = rootOf(result.filePath);
    const file = path.relative(root, result.filePath).replace(/\\/gu, '/');
    let located = projects.get(root);
    if (!located) {
      located = [];
      projects.set(root, located);
    }
    for (const message of facts) {
      const fact = decodeFact(message.message);
      if (!fact) continue;
      located.push({
        fact,
        result: index,
        file,
        line: message.line,
        column: message.column,
        ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
        ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
      });
    }
  });

  const findings = new Map<number, Linter.LintMessage[]>();
  for (const facts of projects.values()) {
    for (const [index, message] of projectFindings(facts)) {
      const list = findings.get(index) ?? [];
      list.push(message);
      findings.set(index, list);
    }
  }

  return results.map((result, index) => {
    const messages = [...result.messages.filter((message) => message.ruleId !== FACTS_RULE), ...(findings.get(index) ?? [])].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
    const suppressedMessages = (result.suppressedMessages ?? []).filter((message) => message.ruleId !== FACTS_RULE);
    return { ...result, messages, suppressedMessages, ...counts(messages) };
  });
}

/** The findings of one project, each with the index of the result it belongs to. */
function projectFindings(facts: readonly Located[]): [number, Linter.LintMessage][] {
  const of = <K extends Fact['kind']>(kind: K): Located<FactOf<K>>[] =>
    facts.filter((located): located is Located<FactOf<K>> => located.fact.kind === kind);
  const out: [number, Linter.LintMessage][] = [];
  const add = (name: string, at: Located, message: string): void => {
    const definition = projectChecks.find((candidate) => candidate.id === `project/${name}`);
    if (!definition) return;
    out.push([
      at.result,
      {
        ruleId: definition.id,
        severity: definition.severity,
        message,
        line: at.line,
        column: at.column,
        ...(at.endLine === undefined ? {} : { endLine: at.endLine }),
        ...(at.endColumn === undefined ? {} : { endColumn: at.endColumn }),
        nodeType: null,
      } as Linter.LintMessage,
    ]);
  };

  const apps = of('app');
  const app = pickEntry(apps);
  if (app) {
    const framework = FRAMEWORK_NAMES[app.fact.framework];
    if (of('rateLimiter').length === 0) {
      add(
        'no-rate-limiter',
        app,
        `This ${framework} app has no rate limiter anywhere in its project: no file imports express-rate-limit, rate-limiter-flexible, express-slow-down or a similar package, or registers @nestjs/throttler's ThrottlerGuard. One client can send requests as fast as the server answers: password guessing, scraping, and load that exhausts workers and the database.`,
      );
    }
    if (of('helmet').length === 0) {
      add(
        'no-helmet',
        app,
        `No file of this ${framework} app's project installs helmet: its responses go out without the Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and nosniff headers that blunt XSS, downgrade and clickjacking attacks. Add \`app.use(helmet())\` where the app is set up.`,
      );
    }
    if (of('health').length === 0) {
      add(
        'no-health-route',
        app,
        `This ${framework} app has no health route anywhere in its project (\`/health\`, \`/healthz\`, \`/readyz\`, a @nestjs/terminus \`@HealthCheck()\`…): load balancers and orchestrators cannot tell a hung or half-started instance from a healthy one, so traffic keeps reaching it and it is never restarted.`,
      );
    }
  }
  const listen = pickEntry(of('listen'));
  if (listen && apps.length > 0 && of('shutdown').length === 0) {
    add(
      'no-shutdown-handler',
      listen,
      'This server starts listening but no file of its project handles SIGTERM or SIGINT (`process.on(\'SIGTERM\', …)`, `app.enableShutdownHooks()`, @godaddy/terminus…): on every deploy or scale-down the process is killed mid-request, dropping in-flight requests and leaving database connections open.',
    );
  }
  for (const cluster of duplicateClusters(of('client'))) {
    const [kept, ...extra] = cluster;
    if (!kept) continue;
    const files = [...new Set(cluster.map((located) => located.file))];
    for (const located of extra) {
      if (located.file === kept.file) continue;
      const others = files.filter((file) => file !== located.file).map((file) => `\`${file}\``);
      add(
        'duplicate-client',
        located,
        `\`${located.fact.client}\` (${located.fact.module}) is also created in ${joinList(others)}: each file holds its own client, with its own settings, connections and retries to keep in step. Create it once in a client module and import it everywhere (the \`shared-client\` codemod makes the move).`,
      );
    }
  }
  return out;
}

/** The fact in the file that looks most like the entry point: `index`/`main`/`server`/`app`, then the shallowest path. */
function pickEntry<F extends Fact>(facts: readonly Located<F>[]): Located<F> | undefined {
  const rank = (located: Located): [number, number, string] => [
    ENTRY_NAME.test(path.posix.basename(located.file)) ? 0 : 1,
    located.file.split('/').length,
    located.file,
  ];
  return [...facts].sort((a, b) => compareRanks(rank(a), rank(b)) || a.line - b.line || a.column - b.column)[0];
}

function compareRanks(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/**
 * Creations of one client across files, grouped by what they connect to: creations that read
 * disjoint environment variables (`DATABASE_URL` and `ANALYTICS_DATABASE_URL`) are two databases,
 * not one client made twice. A creation that reads none joins the group when there is only one.
 * Each group is sorted with the creation to keep first (a client module, then by path).
 */
function duplicateClusters(clients: readonly Located<FactOf<'client'>>[]): Located<FactOf<'client'>>[][] {
  const byKey = new Map<string, Located<FactOf<'client'>>[]>();
  for (const located of clients) {
    const list = byKey.get(located.fact.key) ?? [];
    list.push(located);
    byKey.set(located.fact.key, list);
  }
  const clusters: Located<FactOf<'client'>>[][] = [];
  for (const creations of byKey.values()) {
    const groups: { env: Set<string>; members: Located<FactOf<'client'>>[] }[] = [];
    const bare: Located<FactOf<'client'>>[] = [];
    for (const located of creations) {
      if (located.fact.env.length === 0) {
        bare.push(located);
        continue;
      }
      const matching = groups.filter((group) => located.fact.env.some((name) => group.env.has(name)));
      const merged = { env: new Set(located.fact.env), members: [located] };
      for (const group of matching) {
        for (const name of group.env) merged.env.add(name);
        merged.members.push(...group.members);
        groups.splice(groups.indexOf(group), 1);
      }
      groups.push(merged);
    }
    const [only] = groups;
    if (groups.length === 1 && only) only.members.push(...bare);
    else if (bare.length > 0) groups.push({ env: new Set(), members: bare });
    for (const group of groups) {
      if (new Set(group.members.map((located) => located.file)).size < 2) continue;
      clusters.push(
        [...group.members].sort(
          (a, b) =>
            Number(!CLIENT_MODULE.test(a.file)) - Number(!CLIENT_MODULE.test(b.file)) ||
            (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
            a.line - b.line ||
            a.column - b.column,
        ),
      );
    }
  }
  return clusters;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The nearest directory holding a package.json, not above `cwd` (none: `cwd`). Cached per directory. */
function projectRootFinder(cwd: string): (filePath: string) => string {
  const cache = new Map<string, string>();
  const inside = (directory: string): boolean => {
    const relative = path.relative(cwd, directory);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  const find = (directory: string): string => {
    const cached = cache.get(directory);
    if (cached !== undefined) return cached;
    let root: string;
    if (!inside(directory)) root = cwd;
    else if (existsSync(path.join(directory, 'package.json'))) root = directory;
    else if (directory === cwd) root = cwd;
    else root = find(path.dirname(directory));
    cache.set(directory, root);
    return root;
  };
  return (filePath) => find(path.dirname(path.resolve(cwd, filePath)));
}

function counts(messages: readonly Linter.LintMessage[]): Pick<ESLint.LintResult, 'errorCount' | 'fatalErrorCount' | 'warningCount' | 'fixableErrorCount' | 'fixableWarningCount'> {
  let errorCount = 0;
  let fatalErrorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.fatal === true) fatalErrorCount += 1;
    if (message.severity === 2) {
      errorCount += 1;
      if (message.fix) fixableErrorCount += 1;
    } else if (message.severity === 1) {
      warningCount += 1;
      if (message.fix) fixableWarningCount += 1;
    }
  }
  return { errorCount, fatalErrorCount, warningCount, fixableErrorCount, fixableWarningCount };
}
