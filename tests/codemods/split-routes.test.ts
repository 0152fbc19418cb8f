import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import transform, { splitRoutes } from '../../codemods/split-routes.js';
import { runTransform } from '../../codemods/lib/run.js';
import { readTree } from '../tree.js';
import { copyProject, defineFixtureTests, fixtureCases, listSourceFiles, readFiles, routeRegistrations, typecheck } from './harness.js';

defineFixtureTests('split-routes', transform, 19);

const fixturesDir = path.join(import.meta.dirname, '__testfixtures__/split-routes');

// `<case>.expected/` holds every file the split generates besides the input (relative to the
// input's folder), `<case>.report.txt` every report line: both exact.
describe('split-routes fixtures: generated modules and reports', () => {
  it('has an .expected folder or a .report.txt only for existing cases, as many as listed', () => {
    const names = new Set(fixtureCases('split-routes').map((fixture) => fixture.name));
    const extras = readdirSync(fixturesDir).filter((file) => file.endsWith('.expected') || file.endsWith('.report.txt'));
    expect(extras.filter((file) => !names.has(file.replace(/\.(?:expected|report\.txt)$/u, '')))).toEqual([]);
    expect(extras.filter((file) => file.endsWith('.expected'))).toHaveLength(6);
    expect(extras.filter((file) => file.endsWith('.report.txt'))).toHaveLength(8);
  });
  for (const fixture of fixtureCases('split-routes')) {
    const expectedDir = path.join(fixturesDir, `${fixture.name}.expected`);
    const reportFile = path.join(fixturesDir, `${fixture.name}.report.txt`);
    if (existsSync(expectedDir)) {
      it(`${fixture.name}: generates exactly the expected modules`, () => {
        const result = splitRoutes(fixture.inputPath, fixture.options);
        const generated = new Map([...result.files].filter(([file]) => file !== fixture.inputPath).map(([file, content]) => [path.relative(fixturesDir, file).split(path.sep).join('/'), content]));
        const expected = readTree(expectedDir);
        expect([...generated.keys()].sort()).toEqual(Object.keys(expected));
        for (const [file, content] of Object.entries(expected)) expect(generated.get(file)).toBe(content);
      });
    }
    if (existsSync(reportFile)) {
      it(`${fixture.name}: reports exactly the expected lines`, () => {
        const expected = readFileSync(reportFile, 'utf8').split('\n').filter((line) => line !== '');
        expect(splitRoutes(fixture.inputPath, fixture.options).report).toEqual(expected);
      });
    }
  }
});

describe('split-routes on a project (seed 002 style)', () => {
  it('splits by domain, type-checks, keeps every registration and is idempotent', () => {
    const dir = copyProject('split-routes', 'seed002');
    expect(typecheck(dir)).toEqual([]);
    const before = routeRegistrations(listSourceFiles(dir));
    expect(before).toHaveLength(5);

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
    expect(routeRegistrations(listSourceFiles(dir))).toEqual(before);

    const files = listSourceFiles(dir);
    const written = readFiles(files);
    const again = runTransform(transform, files, { root: dir });
    expect(again).toEqual({ changed: [], skipped: [] });
    expect(readFiles(listSourceFiles(dir))).toEqual(written);
  });

  it('splits a top-level Router into sub-routers mounted in the original order', () => {
    const dir = copyProject('split-routes', 'router');
    expect(typecheck(dir)).toEqual([]);
    const before = routeRegistrations(listSourceFiles(dir));
    expect(before).toHaveLength(6);

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
    expect(routeRegistrations(listSourceFiles(dir))).toEqual(before);

    const written = readFiles(listSourceFiles(dir));
    expect(runTransform(transform, listSourceFiles(dir), { root: dir })).toEqual({ changed: [], skipped: [] });
    expect(readFiles(listSourceFiles(dir))).toEqual(written);
  });

  it('prints the plan and writes nothing in dry mode', () => {
    const dir = copyProject('split-routes', 'seed002');
    const files = listSourceFiles(dir);
    const before = readFiles(files);
    const report = runTransform(transform, files, { root: dir, dry: true });
    expect(report.changed).toEqual([path.join(dir, 'server/routes.ts')]);
    const routesFile = path.join(dir, 'server/routes.ts');
    expect(report.skipped).toEqual([
      `${routesFile}: plan routes/auth.ts: 2 routes (lines 16, 36)`,
      `${routesFile}: plan routes/content.ts: 2 routes (lines 20, 24)`,
      `${routesFile}: plan routes/search.ts: 1 route (lines 30)`,
      `${routesFile}: plan routes/shared.ts: notFound`,
    ]);
    expect(readFiles(listSourceFiles(dir))).toEqual(before);
  });

  it('refuses to write over an existing module', () => {
    const dir = copyProject('split-routes', 'seed002');
    const routesFile = path.join(dir, 'server/routes.ts');
    const original = readFileSync(routesFile, 'utf8');
    runTransform(transform, listSourceFiles(dir), { root: dir });
    writeFileSync(routesFile, original);
    const before = readFiles(listSourceFiles(dir));
    const result = runTransform(transform, [routesFile], { root: dir });
    expect(result.changed).toEqual([]);
    expect(result.skipped).toEqual(['auth', 'content', 'search', 'index', 'shared'].map((name) => `${routesFile}: 0:0 routes/${name}.ts already exists: not splitting over it`));
    expect(readFiles(listSourceFiles(dir))).toEqual(before);
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
    let split = 0;
    let registrations = 0;
    for (const { inputPath: file } of fixtureCases('split-routes')) {
      const result = splitRoutes(file, { dry: true });
      if (result.files.size === 0) continue;
      split += 1;
      const before = routeRegistrations([file]);
      registrations += before.length;
      expect(routeRegistrations([...result.files.keys()], result.files)).toEqual(before);
    }
    expect(split).toBe(12);
    expect(registrations).toBe(41);
  });
});

describe('splitRoutes on CommonJS', () => {
  const routes = (host: string): string => [
    "const { db } = require('./db');",
    '',
    `${host} {`,
    "  app.get('/users', (req, res) => res.json(db.users));",
    "  app.get('/orders', (req, res) => res.json(db.orders));",
    '}',
  ].join('\n');

  it.each([
    ['function registerRoutes(app)', '\nmodule.exports = registerRoutes;\n', 'function registerRoutes(app) {\n  registerUsersRoutes(app);\n  registerOrdersRoutes(app);\n}\n\nmodule.exports = registerRoutes;\n'],
    ['const registerRoutes = (app) =>', ';\nmodule.exports = { registerRoutes };\n', 'const registerRoutes = (app) => {\n  registerUsersRoutes(app);\n  registerOrdersRoutes(app);\n};\n\nmodule.exports = { registerRoutes };\n'],
    ['module.exports.setupRoutes = function (app)', ';\n', 'module.exports.setupRoutes = function (app) {\n  registerUsersRoutes(app);\n  registerOrdersRoutes(app);\n};\n'],
  ])('splits `%s` and keeps its export shape', (host, after, index) => {
    const result = splitRoutes('/project/server/routes.js', {}, `${routes(host)}${after}`);
    expect(result.files.get('/project/server/routes.js')).toBe("module.exports = require('./routes/index');\n");
    expect(result.files.get('/project/server/routes/index.js')).toBe(`const { registerUsersRoutes } = require('./users');\nconst { registerOrdersRoutes } = require('./orders');\n\n${index}`);
    expect(result.files.get('/project/server/routes/users.js')).toBe([
      '// users routes, split from routes.js by hardening split-routes.',
      '',
      "const { db } = require('../db');",
      '',
      'function registerUsersRoutes(app) {',
      "  app.get('/users', (req, res) => res.json(db.users));",
      '}',
      '',
      'module.exports = { registerUsersRoutes };',
      '',
    ].join('\n'));
  });

  it('refuses a routes function that nothing exports', () => {
    const result = splitRoutes('/project/server/routes.js', {}, `${routes('function registerRoutes(app)')}\nmodule.exports = {};\n`);
    expect(result.files.size).toBe(0);
    expect(result.report).toEqual(['3:1 the routes function is not exported: nothing imports it, so splitting it cannot keep its callers']);
  });

  it('refuses a route that loads a relative module lazily', () => {
    const source = routes('module.exports = function registerRoutes(app)').replace('res.json(db.orders)', "res.json(require('./orders-service').list())");
    expect(splitRoutes('/project/server/routes.js', {}, source).report).toEqual([
      "5:3 this route uses require('./orders-service'), which resolves from the file it is written in: moved to another folder, it would point elsewhere",
    ]);
  });

  it('refuses module state that one domain reassigns and another reads', () => {
    const source = `let hits = 0;\n${routes('module.exports = function registerRoutes(app)').replace('res.json(db.users)', '(hits += 1, res.json(hits))').replace('res.json(db.orders)', 'res.json(hits)')}`;
    expect(splitRoutes('/project/server/routes.js', {}, source).report).toEqual([
      '1:1 hits is reassigned and used by several modules (users, orders): a required copy would not see the assignments',
    ]);
  });

  it('refuses a top-level router that nothing exports', () => {
    const source = "const express = require('express');\nconst router = express.Router();\nrouter.get('/users', (req, res) => res.json([]));\nrouter.get('/orders', (req, res) => res.json([]));\n";
    expect(splitRoutes('/project/server/api.js', {}, source).report).toEqual(['2:1 router is not exported: nothing imports it, so splitting it cannot keep its users']);
  });

  it('splits an exported arrow function in an ES module', () => {
    const source = "import type { Express } from 'express';\n\nexport const registerRoutes = (app: Express): void => {\n  app.get('/users', (_req, res) => res.json([]));\n  app.get('/orders', (_req, res) => res.json([]));\n};\n";
    const result = splitRoutes('/project/src/routes.ts', {}, source);
    expect(result.files.get('/project/src/routes.ts')).toBe("export { registerRoutes } from './routes/index';\n");
    expect(result.files.get('/project/src/routes/index.ts')).toContain('export const registerRoutes = (app: Express): void => {\n  registerUsersRoutes(app);\n  registerOrdersRoutes(app);\n};\n');
  });

  it('writes no type annotation into an ES module in JavaScript', () => {
    const source = "import { db } from './db.js';\n\nexport function registerRoutes(app) {\n  app.get('/users', (req, res) => res.json(db.users));\n  app.get('/orders', (req, res) => res.json(db.orders));\n}\n";
    const result = splitRoutes('/project/src/routes.mjs', {}, source);
    expect(result.files.get('/project/src/routes/users.mjs')).toContain("import { db } from '../db.js';\n\nexport function registerUsersRoutes(app) {\n");
    expect(result.files.get('/project/src/routes.mjs')).toBe("export { registerRoutes } from './routes/index.mjs';\n");
  });
});
