// Deterministic generator of a seed-002-style project: one giant `server/routes.ts` that
// registers every endpoint of an Express app, plus the small modules and `.d.ts` stubs it needs
// to type-check. Same seed and options, same files (a seeded PRNG, never Math.random).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratorOptions {
  /** Seed of the PRNG. */
  seed: number;
  /** Approximate length of `server/routes.ts` in lines (default 5,000; it never goes over). */
  lines?: number;
  /** Number of domains, 8–10 (default 10). */
  domains?: number;
  /** Number of route registrations, 120–160 (default: drawn from the seed). */
  routes?: number;
}

export interface GeneratedProject {
  /** Project-relative path → content. */
  files: Map<string, string>;
  /** `routes` counts registrations (a `route()` chain once); `domains` are the modules expected besides `misc` (the catch-all). */
  stats: { lines: number; routes: number; domains: string[] };
}

/** mulberry32: small, fast, good enough for fixtures. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const domainNames = ['users', 'orders', 'products', 'invoices', 'reports', 'teams', 'projects', 'tickets', 'messages', 'settings'];
const subResources = ['history', 'members', 'comments', 'attachments', 'export', 'stats', 'tags', 'notes', 'audit', 'status', 'owners', 'links', 'events', 'versions', 'permissions', 'summary'];
const actions = ['search', 'bulk', 'import', 'recent', 'archived', 'count', 'suggest', 'validate'];

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const upper = (name: string): string => name.toUpperCase();

const expressStub = `declare module 'express' {
  export interface Request {
    params: Record<string, string>;
    query: Record<string, string | undefined>;
    body: unknown;
    headers: Record<string, string | undefined>;
  }
  export interface Response {
    status(code: number): Response;
    json(body: unknown): Response;
    send(body?: unknown): Response;
    setHeader(name: string, value: string): Response;
  }
  export type NextFunction = (error?: unknown) => void;
  export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  type Handlers = Array<Handler | Handler[]>;
  export interface Route {
    get(...handlers: Handlers): Route;
    post(...handlers: Handlers): Route;
    put(...handlers: Handlers): Route;
    patch(...handlers: Handlers): Route;
    delete(...handlers: Handlers): Route;
  }
  export interface Router {
    get(path: string, ...handlers: Handlers): Router;
    post(path: string, ...handlers: Handlers): Router;
    put(path: string, ...handlers: Handlers): Router;
    patch(path: string, ...handlers: Handlers): Router;
    delete(path: string, ...handlers: Handlers): Router;
    all(path: string, ...handlers: Handlers): Router;
    route(path: string): Route;
    use(...handlers: Array<Handler | Router>): Router;
    use(path: string, ...handlers: Array<Handler | Router>): Router;
  }
  export interface Express extends Router {
    listen(port: number): void;
  }
  export function Router(): Router;
  export default function express(): Express;
}
`;

const storageModule = `export interface Row {
  id: string;
  ownerId: string;
  archived: boolean;
  updatedAt: number;
  data: Record<string, unknown>;
}

export interface Paging {
  limit: number;
  offset: number;
}

const tables = new Map<string, Map<string, Row>>();

function table(collection: string): Map<string, Row> {
  const found = tables.get(collection) ?? new Map<string, Row>();
  tables.set(collection, found);
  return found;
}

export const storage = {
  async find(collection: string, id: string): Promise<Row | undefined> {
    return table(collection).get(id);
  },
  async list(collection: string, paging: Paging): Promise<Row[]> {
    return [...table(collection).values()].slice(paging.offset, paging.offset + paging.limit);
  },
  async insert(collection: string, data: Record<string, unknown>): Promise<Row> {
    const row: Row = { id: String(table(collection).size + 1), ownerId: String(data.ownerId ?? ''), archived: false, updatedAt: Date.now(), data };
    table(collection).set(row.id, row);
    return row;
  },
  async update(collection: string, id: string, data: Record<string, unknown>): Promise<Row | undefined> {
    const row = table(collection).get(id);
    if (!row) return undefined;
    const updated = { ...row, data: { ...row.data, ...data }, updatedAt: Date.now() };
    table(collection).set(id, updated);
    return updated;
  },
  async remove(collection: string, id: string): Promise<boolean> {
    return table(collection).delete(id);
  },
};
`;

const authModule = `import type { Handler, NextFunction, Request, Response } from 'express';

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  if (req.headers.authorization === undefined) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  next();
}

export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  if (req.headers['x-role'] !== 'admin') {
    res.status(403).json({ error: 'forbidden' });
    return;
  }
  next();
}

export function rateLimit(perMinute: number): Handler {
  let count = 0;
  return (_req, res, next) => {
    count += 1;
    if (count > perMinute) res.status(429).json({ error: 'slow down' });
    else next();
  };
}

export function currentUser(req: Request): string {
  return req.headers['x-user'] ?? 'anonymous';
}
`;

const loggerModule = `export const logger = {
  info(message: string): void {
    process.stdout.write(\`\${message}\\n\`);
  },
  warn(message: string): void {
    process.stderr.write(\`\${message}\\n\`);
  },
};

declare const process: { stdout: { write(text: string): void }; stderr: { write(text: string): void } };
`;

const appModule = `import express from 'express';

import { registerRoutes } from './routes';

const app = express();
registerRoutes(app);
app.listen(3000);
`;

/** Helpers used by several domains (they end up in routes/shared.ts). */
const sharedHelpers = `/** Sends a 400 with a readable message. */
function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: message });
}

/** Sends a 404 with a readable message. */
function notFound(res: Response, what: string): void {
  res.status(404).json({ error: \`\${what} not found\` });
}

/** The body as a plain record (anything else is an empty record). */
function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** \`?limit=&offset=\` with defaults and bounds. */
function parsePaging(req: Request, pageSize: number): Paging {
  const limit = Math.min(Number(req.query.limit ?? pageSize) || pageSize, MAX_PAGE_SIZE);
  const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0);
  return { limit, offset };
}

/** Sends one page of results with the paging headers clients expect. */
function sendPage<T>(res: Response, rows: T[], paging: Paging): void {
  res.setHeader('x-limit', String(paging.limit));
  res.setHeader('x-offset', String(paging.offset));
  res.json({ rows, next: rows.length === paging.limit ? paging.offset + paging.limit : null });
}

/** \`?from=&to=\` as timestamps, or undefined when they make no sense. */
function parseDateRange(from: string | undefined, to: string | undefined): { from: number; to: number } | undefined {
  const start = from === undefined ? 0 : Date.parse(from);
  const end = to === undefined ? Date.now() : Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) return undefined;
  return { from: start, to: end };
}

/** Writes are refused during the nightly maintenance window (02:00–02:30 UTC). */
function isMaintenanceWindow(now: Date): boolean {
  return now.getUTCHours() === 2 && now.getUTCMinutes() < 30;
}

/** A weak ETag for a row, so clients can revalidate. */
function etagOf(row: Row): string {
  return \`W/"\${row.id}-\${row.updatedAt}"\`;
}

// Only rows the caller owns (admins see everything).
function ownedBy(req: Request, rows: Row[]): Row[] {
  const user = currentUser(req);
  return req.headers['x-role'] === 'admin' ? rows : rows.filter((row) => row.ownerId === user);
}

/** Lower-cased, trimmed e-mail address, or undefined when it is obviously not one. */
function normalizeEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  return /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/u.test(email) ? email : undefined;
}

/** The request id set by the load balancer, or a fresh one. */
function requestId(req: Request): string {
  return req.headers['x-request-id'] ?? \`req-\${Date.now().toString(36)}\`;
}

// Sort keys clients may pass in \`?sort=\`; anything else falls back to the default.
const SORT_KEYS = ['updatedAt', 'id', 'ownerId'];

/** \`?sort=-updatedAt\` as a key and a direction. */
function parseSort(value: string | undefined): { key: string; descending: boolean } {
  const descending = value?.startsWith('-') ?? true;
  const key = value?.replace(/^-/u, '') ?? 'updatedAt';
  return SORT_KEYS.includes(key) ? { key, descending } : { key: 'updatedAt', descending: true };
}

/** Sorts rows in place by a parsed \`?sort=\`. */
function sortRows(rows: Row[], sort: { key: string; descending: boolean }): Row[] {
  const value = (row: Row): string | number => (sort.key === 'updatedAt' ? row.updatedAt : sort.key === 'id' ? row.id : row.ownerId);
  return rows.sort((left, right) => {
    const order = value(left) < value(right) ? -1 : value(left) > value(right) ? 1 : 0;
    return sort.descending ? -order : order;
  });
}

/** Only the listed fields of a record (for \`?fields=a,b\`). */
function pickFields(record: Record<string, unknown>, fields: string | undefined): Record<string, unknown> {
  if (fields === undefined || fields === '') return record;
  const wanted = new Set(fields.split(','));
  return Object.fromEntries(Object.entries(record).filter(([key]) => wanted.has(key)));
}

/** One CSV line, quoted where needed. */
function toCsvLine(values: unknown[]): string {
  return values
    .map((value) => String(value ?? ''))
    .map((text) => (/[",\\n]/u.test(text) ? \`"\${text.replace(/"/gu, '""')}"\` : text))
    .join(',');
}

/** Rows as a CSV document with a header line. */
function toCsv(rows: Row[]): string {
  const header = toCsvLine(['id', 'ownerId', 'archived', 'updatedAt']);
  return [header, ...rows.map((row) => toCsvLine([row.id, row.ownerId, row.archived, row.updatedAt]))].join('\\n');
}

/** True when the client already holds this version of the row. */
function isFresh(req: Request, row: Row): boolean {
  return req.headers['if-none-match'] === etagOf(row);
}

/** A boolean query flag: \`?archived=1\`, \`?archived=true\`. */
function flag(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'yes';
}

/** Bounded integer from a query value. */
function intParam(value: string | undefined, fallback: number, max: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isNaN(parsed) ? fallback : Math.min(Math.max(parsed, 0), max);
}

/** Logs a slow handler (over the budget) with its request id. */
function warnIfSlow(req: Request, started: number, budgetMs: number): void {
  const elapsed = Date.now() - started;
  if (elapsed > budgetMs) logger.warn(\`slow request \${requestId(req)}: \${elapsed}ms\`);
}
`;

interface Domain {
  name: string;
  /** Route count for this domain. */
  routes: number;
  /** Uses the audit trail (the helper shared by exactly two domains). */
  audited: boolean;
}

/** Builds the project in memory. */
export function generateRoutesProject(options: GeneratorOptions): GeneratedProject {
  const random = prng(options.seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const targetLines = options.lines ?? 5000;
  const domainCount = options.domains ?? 10;
  if (domainCount < 2 || domainCount > domainNames.length) throw new Error(`domains must be 2–${domainNames.length}`);
  const routeCount = options.routes ?? int(120, 160);

  const names = [...domainNames];
  for (let index = names.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [names[index], names[other]] = [names[other] as string, names[index] as string];
  }
  const domains: Domain[] = names.slice(0, domainCount).map((name, index) => ({
    name,
    routes: Math.floor(routeCount / domainCount) + (index < routeCount % domainCount ? 1 : 0),
    audited: index < 2,
  }));

  // Header: imports, shared constants, the middleware chain, shared helpers.
  const header = [
    '// Routes of the whole API (seed 002: one file, every domain).',
    "import type { Express, Request, Response } from 'express';",
    "import { currentUser, rateLimit, requireAdmin, requireAuth } from './auth';",
    "import { logger } from './logger';",
    "import { type Paging, type Row, storage } from './storage';",
    '',
    '// Hard upper bound for every list endpoint.',
    'const MAX_PAGE_SIZE = 200;',
    '',
    '// Admin-only endpoints: authenticated first, then the role check.',
    'const adminChain = [requireAuth, requireAdmin];',
    '',
    sharedHelpers,
    '/** Records who changed what (orders and users only, for compliance). */',
    'function auditTrail(req: Request, action: string): void {',
    "  logger.info(`audit ${currentUser(req)} ${action}`);",
    '}',
    '',
  ];

  // Per-domain declarations: constants, state and helpers used by that domain only.
  const domainDeclarations = domains.flatMap((domain) => {
    const { name } = domain;
    return [
      `// --- ${name} ---`,
      `const ${upper(name)}_PAGE_SIZE = ${int(10, 50)};`,
      `const ${upper(name)}_BASE = '/api/${name}';`,
      '',
      `// Recently read ${name}, by id (module state: lives as long as the process).`,
      `const ${name}Cache = new Map<string, Row>();`,
      '',
      `interface ${pascal(name)}View {`,
      '  id: string;',
      '  updatedAt: string;',
      '  fields: Record<string, unknown>;',
      '}',
      '',
      `function to${pascal(name)}View(row: Row): ${pascal(name)}View {`,
      `  ${name}Cache.set(row.id, row);`,
      '  return { id: row.id, updatedAt: new Date(row.updatedAt).toISOString(), fields: row.data };',
      '}',
      '',
      `function is${pascal(name)}Payload(body: unknown): boolean {`,
      `  return typeof body === 'object' && body !== null && ${JSON.stringify(`${name.slice(0, -1)}Name`)} in body;`,
      '}',
      '',
    ];
  });

  // The catch-all 404 closes the file: the codemod puts it in the fallback module, registered last.
  const catchAll = [
    '',
    '  // Anything else under /api is a 404 (keep last: it answers every path).',
    "  app.all('/api/*', (_req: Request, res: Response) => {",
    "    notFound(res, 'route');",
    '  });',
  ];
  const fixedLines = header.join('\n').split('\n').length + domainDeclarations.length + catchAll.length + 3;
  const totalRoutes = domains.reduce((sum, domain) => sum + domain.routes, 0);
  // Every domain gets the same share of lines, so that no generated module outgrows the others.
  const perDomain = Math.floor((targetLines - fixedLines) / domains.length);
  if (perDomain / Math.max(...domains.map((domain) => domain.routes)) < 16) throw new Error(`${targetLines} lines are too few for ${totalRoutes} routes`);

  // Routes: each domain's list, then interleaved in a seeded order (a real file grew that way).
  const planned: { domain: Domain; text: string[] }[] = [];
  for (const domain of domains) {
    const used = new Set<string>();
    let chained = false;
    for (let index = 0; index < domain.routes; index += 1) {
      const budget = Math.floor(perDomain / domain.routes) + (index < perDomain % domain.routes ? 1 : 0);
      const lines = routeText(domain, index, budget, used, !chained && index === domain.routes - 1 ? 'chain' : undefined);
      if (lines[0]?.includes('.route(')) chained = true;
      planned.push({ domain, text: lines });
    }
  }
  const order = planned.map((_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] as number, order[index] as number];
  }
  const body = order.flatMap((index, position) => [...(position === 0 ? [] : ['']), ...(planned[index]?.text ?? [])]);

  const routes = [...header, ...domainDeclarations, 'export function registerRoutes(app: Express): void {', ...body, ...catchAll, '}', ''].join('\n');
  const files = new Map<string, string>([
    ['types/express.d.ts', expressStub],
    ['server/storage.ts', storageModule],
    ['server/auth.ts', authModule],
    ['server/logger.ts', loggerModule],
    ['server/app.ts', appModule],
    ['server/routes.ts', routes],
  ]);
  return { files, stats: { lines: routes.split('\n').length - 1, routes: totalRoutes, domains: domains.map((domain) => domain.name) } };

  /** One registration with its leading comment, `budget` lines long (blank separator included). */
  function routeText(domain: Domain, index: number, budget: number, used: Set<string>, force: 'chain' | undefined): string[] {
    const { name } = domain;
    const kind = force ?? pick(['list', 'one', 'one', 'create', 'update', 'update', 'remove', 'sub', 'sub', 'action']);
    let method: string;
    let routePath: string;
    let withId = true;
    for (let attempt = 0; ; attempt += 1) {
      const sub = `${pick(subResources)}${attempt > 20 ? attempt : ''}`;
      const action = `${pick(actions)}${attempt > 20 ? attempt : ''}`;
      switch (kind) {
        case 'list': [method, routePath, withId] = ['get', `/api/${name}`, false]; break;
        case 'one': [method, routePath] = ['get', `/api/${name}/:id`]; break;
        case 'create': [method, routePath, withId] = ['post', `/api/${name}`, false]; break;
        case 'update': [method, routePath] = [pick(['put', 'patch']), `/api/${name}/:id`]; break;
        case 'remove': [method, routePath] = ['delete', `/api/${name}/:id`]; break;
        case 'sub': [method, routePath] = [pick(['get', 'post', 'put', 'delete']), `/api/${name}/:id/${sub}`]; break;
        case 'chain': [method, routePath] = ['route', `/api/${name}/:id/${sub}`]; break;
        default: [method, routePath, withId] = [pick(['get', 'post']), `/api/${name}/${action}`, false]; break;
      }
      const key = `${method} ${routePath}`;
      if (!used.has(key) && !(method === 'route' && [...used].some((other) => other.endsWith(` ${routePath}`)))) {
        used.add(key);
        if (method === 'route') used.add(`get ${routePath}`).add(`put ${routePath}`);
        break;
      }
      if (kind === 'list' || kind === 'one' || kind === 'create' || kind === 'update' || kind === 'remove') return routeText(domain, index, budget, used, undefined);
    }

    const pathText = random() < 0.25 ? `\`\${${upper(name)}_BASE}${routePath.slice(`/api/${name}`.length)}\`` : `'${routePath}'`;
    const middleware = method === 'get' ? pick(['', 'requireAuth, ', 'requireAuth, ']) : method === 'delete' ? pick(['...adminChain, ', 'adminChain, ']) : pick(['requireAuth, ', '...adminChain, ', 'rateLimit(30), requireAuth, ']);
    const comment = random() < 0.3
      ? ['  /**', `   * ${method.toUpperCase()} ${routePath}`, `   * ${pick(['Used by the dashboard.', 'Called by the mobile app.', 'Public API: keep the response shape.', 'Kept for the v1 clients.'])}`, '   */']
      : [`  // ${method.toUpperCase()} ${routePath}: ${pick(['keep in sync with the client', 'see the API docs', 'owned by the platform team', 'hot path'])}.`];
    const ending = ending_(name, method, withId);
    const fillerBudget = method === 'route'
      ? budget - 1 - comment.length - 1 - 6 - ending_(name, 'get', true).length - ending_(name, 'put', true).length
      : budget - 1 - comment.length - 2 - ending.length - (withId ? 1 : 0);
    const fill = (budget: number, indent: string): string[] => {
      const out: string[] = [];
      let counter = 0;
      while (out.length < budget) {
        counter += 1;
        const options = filler(domain, method, counter).filter((block) => out.length + block.length <= budget);
        out.push(...(options.length > 0 ? pick(options) : [`logger.info('${name} ${index}.${counter}');`]).map((line) => `${indent}${line}`));
      }
      return out;
    };
    const id = withId ? ["    const id = req.params.id ?? '';"] : [];
    if (method === 'route') {
      const half = Math.max(0, Math.floor(fillerBudget / 2));
      const getEnding = ending_(name, 'get', true).map((line) => `  ${line}`);
      const putEnding = ending_(name, 'put', true).map((line) => `  ${line}`);
      return [
        ...comment,
        `  app.route(${pathText})`,
        `    .get(requireAuth, async (req: Request, res: Response) => {`,
        "      const id = req.params.id ?? '';",
        ...fill(half, '      '),
        ...getEnding,
        '    })',
        `    .put(...adminChain, async (req: Request, res: Response) => {`,
        "      const id = req.params.id ?? '';",
        ...fill(fillerBudget - half, '      '),
        ...putEnding,
        '    });',
      ];
    }
    const trailing = random() < 0.1 ? ` // ${pick(['TODO: paginate', 'legacy', 'see #412'])}` : '';
    return [
      ...comment,
      `  app.${method}(${pathText}, ${middleware}async (req: Request, res: Response) => {`,
      ...id,
      ...fill(fillerBudget, '    '),
      ...ending,
      `  });${trailing}`,
    ];
  }

  function ending_(name: string, method: string, withId: boolean): string[] {
    const view = `to${pascal(name)}View`;
    if (method === 'get' && withId) {
      return [
        `    const row = ${name}Cache.get(id) ?? (await storage.find('${name}', id));`,
        `    if (!row) return notFound(res, '${name.slice(0, -1)}');`,
        "    res.setHeader('etag', etagOf(row));",
        `    res.json(${view}(row));`,
      ];
    }
    if (method === 'get') {
      return [
        `    const paging = parsePaging(req, ${upper(name)}_PAGE_SIZE);`,
        `    const rows = ownedBy(req, await storage.list('${name}', paging));`,
        `    sendPage(res, rows.map(${view}), paging);`,
      ];
    }
    if (method === 'delete') {
      return [`    if (!(await storage.remove('${name}', id))) return notFound(res, '${name.slice(0, -1)}');`, `    ${name}Cache.delete(id);`, '    res.status(204).send();'];
    }
    if (withId) {
      return [
        `    const updated = await storage.update('${name}', id, asRecord(req.body));`,
        `    if (!updated) return notFound(res, '${name.slice(0, -1)}');`,
        `    res.json(${view}(updated));`,
      ];
    }
    return [
      `    if (!is${pascal(name)}Payload(req.body)) return badRequest(res, 'invalid ${name.slice(0, -1)}');`,
      `    const created = await storage.insert('${name}', { ...asRecord(req.body), ownerId: currentUser(req) });`,
      `    res.status(201).json(${view}(created));`,
    ];
  }

  function filler(domain: Domain, method: string, counter: number): string[][] {
    const { name } = domain;
    const v = `${counter}`;
    const blocks: string[][] = [
      [
        `const filter${v} = String(req.query.f${v} ?? '').trim();`,
        `if (filter${v}.length > ${int(20, 200)}) return badRequest(res, 'f${v} is too long');`,
      ],
      [
        `// Clients send dates as ISO strings; reject inverted ranges early.`,
        `const range${v} = parseDateRange(req.query.from, req.query.to);`,
        `if (!range${v}) return badRequest(res, 'invalid date range');`,
        `logger.info(\`${name}: range \${range${v}.from}-\${range${v}.to}\`);`,
      ],
      [
        'try {',
        `  const probe${v} = await storage.list('${name}', { limit: 1, offset: 0 });`,
        `  logger.info(\`${name}: storage answers (\${probe${v}.length})\`);`,
        '} catch (error) {',
        `  logger.warn(\`${name}: storage probe failed: \${String(error)}\`);`,
        '}',
      ],
      [
        `const cached${v} = ${name}Cache.get(String(req.query.ref ?? ''));`,
        `if (cached${v}) logger.info(\`${name}: cache hit \${cached${v}.id}\`);`,
      ],
      [`logger.info(\`${name} ${method} by \${currentUser(req)}\`);`],
      [`const started${v} = Date.now();`, `warnIfSlow(req, started${v}, ${int(50, 500)});`],
      [`const email${v} = normalizeEmail(req.query.email);`, `if (req.query.email !== undefined && !email${v}) return badRequest(res, 'invalid email');`],
      [`logger.info(\`${name} \${requestId(req)}: \${flag(req.query.verbose) ? 'verbose' : 'quiet'}\`);`],
      [
        `const sort${v} = parseSort(req.query.sort);`,
        `const sample${v} = sortRows(await storage.list('${name}', { limit: intParam(req.query.sample, 5, 50), offset: 0 }), sort${v});`,
        `logger.info(\`${name}: sample of \${sample${v}.length} by \${sort${v}.key}\`);`,
      ],
      [
        `// Export requests get a CSV preview in the logs (support asked for it).`,
        `if (flag(req.query.csv)) {`,
        `  const preview${v} = toCsv(await storage.list('${name}', { limit: 3, offset: 0 }));`,
        `  logger.info(preview${v});`,
        `}`,
      ],
      [
        `const probeRow${v} = ${name}Cache.get(String(req.query.probe ?? ''));`,
        `if (probeRow${v} && isFresh(req, probeRow${v})) {`,
        `  logger.info(\`${name}: \${JSON.stringify(pickFields(probeRow${v}.data, req.query.fields))} is fresh\`);`,
        `}`,
      ],
    ];
    if (method !== 'get') {
      blocks.push([
        `// Writes wait for the maintenance window to close (ops runbook ${int(100, 999)}).`,
        'if (isMaintenanceWindow(new Date())) {',
        "  return badRequest(res, 'maintenance window: try again later');",
        '}',
      ]);
      if (domain.audited) blocks.push([`auditTrail(req, '${name}.${method}');`]);
    }
    return blocks;
  }
}

/** Writes the generated project into `dir` and returns its stats. */
export function writeRoutesProject(dir: string, options: GeneratorOptions): GeneratedProject['stats'] {
  const project = generateRoutesProject(options);
  for (const [file, content] of project.files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return project.stats;
}
