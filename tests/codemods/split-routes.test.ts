import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import jscodeshift from 'jscodeshift';

import transform, { splitRoutes } from '../../codemods/split-routes.js';
import { runTransform } from '../../codemods/lib/run.js';
import { parserFor } from '../../codemods/lib/parser.js';
import { copyProject, defineFixtureTests, listSourceFiles, typecheck } from './harness.js';

defineFixtureTests('split-routes', transform);

const methods = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route']);

/** Every `x.<method>(path, …)` registration of a project as `method path-source`, sorted (a multiset). */
function registrations(files: readonly string[], contents: ReadonlyMap<string, string> = new Map()): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = contents.get(file) ?? readFileSync(file, 'utf8');
    const j = jscodeshift.withParser(parserFor(file));
    j(source)
      .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { type: 'Identifier' } } })
      .forEach((call) => {
        const callee = call.node.callee;
        const first = call.node.arguments[0];
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !methods.has(callee.property.name) || !first) return;
        if (first.type !== 'StringLiteral' && first.type !== 'TemplateLiteral') return;
        found.push(`${callee.property.name} ${j(first).toSource()}`);
      });
  }
  return found.sort();
}

function snapshot(files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
}

describe('split-routes on a project (seed 002 style)', () => {
  it('splits by domain, type-checks, keeps every registration and is idempotent', () => {
    const dir = copyProject('split-routes', 'seed002');
    expect(typecheck(dir)).toEqual([]);
    const before = registrations(listSourceFiles(dir));

    const report = runTransform(transform, listSourceFiles(dir), { root: dir });
    expect(report.changed).toEqual([path.join(dir, 'server/routes.ts')]);
    expect(report.skipped).toEqual([]);
    expect(listSourceFiles(dir).map((file) => path.relative(dir, file))).toEqual([
      'server/app.ts',
      'server/auth.ts',
      'server/db.ts',
      'server/routes.ts',
      'server/routes/auth.ts',
      'server/routes/content.ts',
      'server/routes/index.ts',
      'server/routes/search.ts',
      'server/routes/shared.ts',
    ]);
    expect(readFileSync(path.join(dir, 'server/routes/index.ts'), 'utf8')).toBe(
      [
        "import type { Express } from 'express';",
        "import { registerAuthRoutes } from './auth';",
        "import { registerContentRoutes } from './content';",
        "import { registerSearchRoutes } from './search';",
        '',
        'export function registerRoutes(app: Express): void {',
        '  registerAuthRoutes(app);',
        '  registerContentRoutes(app);',
        '  registerSearchRoutes(app);',
        '}',
        '',
      ].join('\n'),
    );
    // The helper used by two domains is shared; the constants used by one move with it.
    expect(readFileSync(path.join(dir, 'server/routes/shared.ts'), 'utf8')).toContain('/** Sends a 404 with a readable message. */\nexport function notFound(');
    const content = readFileSync(path.join(dir, 'server/routes/content.ts'), 'utf8');
    expect(content).toContain('const PAGE_SIZE = 20;');
    expect(content).toContain("import { notFound } from './shared';");
    expect(content).not.toContain('login');
    expect(readFileSync(path.join(dir, 'server/routes/auth.ts'), 'utf8')).toContain('  // Login: rate limited upstream.\n  app.post(');
    expect(readFileSync(path.join(dir, 'server/routes/search.ts'), 'utf8')).toContain('}); // search is public');

    expect(typecheck(dir)).toEqual([]);
    expect(registrations(listSourceFiles(dir))).toEqual(before);

    const files = listSourceFiles(dir);
    const written = snapshot(files);
    const again = runTransform(transform, files, { root: dir });
    expect(again).toEqual({ changed: [], skipped: [] });
    expect(snapshot(listSourceFiles(dir))).toEqual(written);
  });

  it('splits a top-level Router into sub-routers mounted in the original order', () => {
    const dir = copyProject('split-routes', 'router');
    expect(typecheck(dir)).toEqual([]);
    const before = registrations(listSourceFiles(dir));

    const report = runTransform(transform, listSourceFiles(dir), { root: dir });
    expect(report).toEqual({ changed: [path.join(dir, 'server/api.ts')], skipped: [] });
    expect(readFileSync(path.join(dir, 'server/routes/index.ts'), 'utf8')).toBe(
      [
        "import { Router } from 'express';",
        "import { requireAuth } from '../auth';",
        "import { usersRouter } from './users';",
        "import { ordersRouter } from './orders';",
        '',
        '/** The API router, mounted on /api by the app. */',
        'export const router = Router();',
        '',
        'router.use(requireAuth);',
        '',
        'router.use(usersRouter);',
        'router.use(ordersRouter);',
        '',
        'export default router;',
        '',
      ].join('\n'),
    );
    const orders = readFileSync(path.join(dir, 'server/routes/orders.ts'), 'utf8');
    expect(orders).toContain("const ORDER_STATUSES = ['open', 'closed'];");
    expect(orders).toContain('export { router as ordersRouter };');
    expect(typecheck(dir)).toEqual([]);
    expect(registrations(listSourceFiles(dir))).toEqual(before);

    const written = snapshot(listSourceFiles(dir));
    expect(runTransform(transform, listSourceFiles(dir), { root: dir })).toEqual({ changed: [], skipped: [] });
    expect(snapshot(listSourceFiles(dir))).toEqual(written);
  });

  it('prints the plan and writes nothing in dry mode', () => {
    const dir = copyProject('split-routes', 'seed002');
    const files = listSourceFiles(dir);
    const before = snapshot(files);
    const report = runTransform(transform, files, { root: dir, dry: true });
    expect(report.changed).toEqual([path.join(dir, 'server/routes.ts')]);
    const routesFile = path.join(dir, 'server/routes.ts');
    expect(report.skipped).toEqual([
      `${routesFile}: plan routes/auth.ts: 2 routes (lines 16, 36)`,
      `${routesFile}: plan routes/content.ts: 2 routes (lines 20, 24)`,
      `${routesFile}: plan routes/search.ts: 1 route (lines 30)`,
      `${routesFile}: plan routes/shared.ts: notFound`,
    ]);
    expect(snapshot(listSourceFiles(dir))).toEqual(before);
  });

  it('refuses to write over an existing module', () => {
    const dir = copyProject('split-routes', 'seed002');
    const routesFile = path.join(dir, 'server/routes.ts');
    const original = readFileSync(routesFile, 'utf8');
    runTransform(transform, listSourceFiles(dir), { root: dir });
    writeFileSync(routesFile, original);
    const before = snapshot(listSourceFiles(dir));
    const result = runTransform(transform, [routesFile], { root: dir });
    expect(result.changed).toEqual([]);
    expect(result.skipped).toEqual(['auth', 'content', 'search', 'index', 'shared'].map((name) => `${routesFile}: 0:0 routes/${name}.ts already exists: not splitting over it`));
    expect(snapshot(listSourceFiles(dir))).toEqual(before);
    expect(splitRoutes(routesFile, { root: dir }).files.size).toBe(6);
  });
});

describe('splitRoutes', () => {
  const source = [
    "import type { Express } from 'express';",
    '',
    'const cache = new Map<string, string>();',
    '',
    'export function registerRoutes(app: Express): void {',
    "  app.get('/api/hotels', (_req, res) => res.json(cache.get('h')));",
    "  app.get('/api/attractions', (_req, res) => res.json(cache.get('a')));",
    "  app.get('/api/users', (_req, res) => res.json([]));",
    '}',
    '',
  ].join('\n');

  it('groups segments with the mapping and reports shared module-level state', () => {
    const result = splitRoutes('/project/server/routes.ts', { groups: { hotels: 'content-types', attractions: 'content-types' } }, source);
    expect([...result.files.keys()]).toEqual([
      '/project/server/routes/content-types.ts',
      '/project/server/routes/users.ts',
      '/project/server/routes/index.ts',
      '/project/server/routes.ts',
    ]);
    expect(result.files.get('/project/server/routes/content-types.ts')).toContain('export function registerContentTypesRoutes(app: Express): void {');
    expect(result.report).toEqual([
      'plan routes/content-types.ts: 2 routes (lines 6, 7)',
      'plan routes/users.ts: 1 route (lines 8)',
    ]);
  });

  it('keeps module-level state used by several domains once, in shared.ts, and reports it', () => {
    const result = splitRoutes('/project/server/routes.ts', { outDir: 'src/http', root: '/project' }, source);
    expect(result.files.get('/project/src/http/shared.ts')).toBe("export const cache = new Map<string, string>();\n");
    expect(result.report).toContain('3:1 module-level state cache is used by hotels, attractions: kept once in shared.ts');
  });

  it('keeps .js specifiers in ESM projects and a default-exported function', () => {
    const esm = [
      "import type { Express } from 'express';",
      "import { db } from './db.js';",
      '',
      'export default function registerRoutes(app: Express): void {',
      "  app.get('/users', (_req, res) => res.json(db));",
      "  app.get('/orders', (_req, res) => res.json([]));",
      '}',
      '',
    ].join('\n');
    const result = splitRoutes('/project/src/routes.ts', {}, esm);
    expect(result.files.get('/project/src/routes.ts')).toBe("export { default } from './routes/index.js';\n");
    expect(result.files.get('/project/src/routes/users.ts')).toContain("import { db } from '../db.js';");
    expect(result.files.get('/project/src/routes/index.ts')).toContain("import { registerUsersRoutes } from './users.js';\n");
    expect(result.files.get('/project/src/routes/index.ts')).toContain('export default function registerRoutes(app: Express): void {\n  registerUsersRoutes(app);\n  registerOrdersRoutes(app);\n}');
  });

  it('leaves a file whose routes all belong to one domain alone', () => {
    const single = "import type { Express } from 'express';\n\nexport function registerRoutes(app: Express): void {\n  app.get('/api/users', (_req, res) => res.json([]));\n}\n";
    expect(splitRoutes('/project/routes.ts', {}, single)).toEqual({ files: new Map(), report: [] });
  });

  it('keeps the multiset of (method, path) registrations of every fixture that it splits', () => {
    const dir = path.join(import.meta.dirname, '__testfixtures__/split-routes');
    const inputs = readdirSync(dir).filter((file) => file.endsWith('.input.ts'));
    let split = 0;
    for (const input of inputs) {
      const file = path.join(dir, input);
      const result = splitRoutes(file, { dry: true });
      if (result.files.size === 0) continue;
      split += 1;
      expect(registrations([...result.files.keys()], result.files)).toEqual(registrations([file]));
    }
    expect(split).toBe(6);
  });
});
