import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import transform from '../../codemods/split-routes.js';
import { runTransform } from '../../codemods/lib/run.js';
import { copyProject } from './harness.js';

// A small CommonJS Express project is split, then the original and the split copy are both
// loaded in this process with a recording stand-in for express: what they register, in which
// order per file, and what their handlers answer must be the same.

interface Registration {
  method: string;
  path: string;
  handlers: number;
  /** The project file that made the call, relative to the project. */
  file: string;
  /** The handler that answers (the last one), to call. */
  handler: (req: FakeRequest, res: FakeResponse) => unknown;
}

interface Recorder {
  log: (Registration | { method: 'mount'; path: string; router: Recorder; file: string })[];
}

interface FakeRequest {
  params: Record<string, string>;
  body: unknown;
  user: { role: string };
}

interface FakeResponse {
  answer: { status: number; body?: unknown };
  status: (code: number) => FakeResponse;
  json: (body: unknown) => FakeResponse;
  send: (body: unknown) => FakeResponse;
  end: () => FakeResponse;
}

type Handler = Registration['handler'];

/** The project file (under `root`) nearest on the stack: who registered the route. */
function callerFile(root: string): string {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, stack) => stack;
  const stack = new Error().stack as unknown as NodeJS.CallSite[];
  Error.prepareStackTrace = original;
  const file = stack.map((site) => site.getFileName() ?? '').find((name) => name.startsWith(root) && !name.includes('node_modules'));
  return file === undefined ? '?' : path.relative(root, file);
}

/** An object with express's registration methods that records every call. */
function recorder(root: string): Recorder & Record<string, unknown> {
  const target: Recorder & Record<string, unknown> = { log: [] };
  const record = (method: string, routePath: unknown, handlers: unknown[]): void => {
    const handler = handlers.at(-1);
    if (typeof routePath !== 'string' || typeof handler !== 'function') throw new Error(`unexpected ${method} registration`);
    target.log.push({ method, path: routePath, handlers: handlers.length, file: callerFile(root), handler: handler as Handler });
  };
  for (const method of ['get', 'post', 'put', 'patch', 'delete', 'all']) {
    target[method] = (routePath: unknown, ...handlers: unknown[]) => {
      record(method, routePath, handlers);
      return target;
    };
  }
  target.use = (...args: unknown[]) => {
    const routePath = typeof args[0] === 'string' ? (args.shift() as string) : '';
    for (const arg of args) {
      const router = typeof arg === 'object' && arg !== null && 'log' in arg ? (arg as Recorder) : undefined;
      target.log.push(router ? { method: 'mount', path: routePath, router, file: callerFile(root) } : { method: 'use', path: routePath, handlers: 1, file: callerFile(root), handler: arg as Handler });
    }
    return target;
  };
  target.route = (routePath: string) => {
    const chain: Record<string, unknown> = {};
    for (const method of ['get', 'post', 'put', 'patch', 'delete', 'all']) {
      chain[method] = (...handlers: unknown[]) => {
        record(method, routePath, handlers);
        return chain;
      };
    }
    return chain;
  };
  return target;
}

/** Registrations with mounted routers expanded in place (paths joined), as express would try them. */
function flatten(log: Recorder['log'], prefix = ''): Registration[] {
  return log.flatMap((entry) => ('router' in entry ? flatten(entry.router.log, prefix + entry.path) : [{ ...entry, path: prefix + entry.path }]));
}

/** Loads the project's `server/app.js` from `dir` with the stand-in express and builds the app. */
function load(dir: string): Registration[] {
  const requireFromProject = createRequire(path.join(dir, 'package.json'));
  const express = requireFromProject('express') as { factory: () => unknown };
  express.factory = () => recorder(dir);
  const app = recorder(dir);
  (requireFromProject('./server/app.js') as (app: unknown) => unknown)(app);
  return flatten(app.log);
}

const key = (registration: Registration): string => `${registration.method} ${registration.path} (${registration.handlers} handlers)`;

/** What each answering handler sends for one request, in registration order. */
function answers(registrations: readonly Registration[]): string[] {
  return registrations.filter((registration) => registration.method !== 'use').map((registration) => {
    const res: FakeResponse = {
      answer: { status: 200 },
      status: (code) => ((res.answer.status = code), res),
      json: (body) => ((res.answer.body = body), res),
      send: (body) => ((res.answer.body = body), res),
      end: () => res,
    };
    registration.handler({ params: { id: '1' }, body: { lines: [{ price: 2 }] }, user: { role: 'admin' } }, res);
    return `${key(registration)} → ${JSON.stringify(res.answer)}`;
  });
}

function projectFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.join('server', file))
    .sort();
}

function setUp(): string {
  const dir = copyProject('split-routes', 'commonjs');
  mkdirSync(path.join(dir, 'node_modules/express'), { recursive: true });
  copyFileSync(path.join(dir, 'vendor/express.js'), path.join(dir, 'node_modules/express/index.js'));
  return dir;
}

describe('split-routes on a CommonJS project, loaded and run', () => {
  let original = '';
  let split = '';
  let report: ReturnType<typeof runTransform> = { changed: [], skipped: [] };
  beforeAll(() => {
    original = setUp();
    split = setUp();
    report = runTransform(transform, ['server/admin/routes.js', 'server/routes.js', 'server/v2/api.js'].map((file) => path.join(split, file)), { root: split });
  });

  it('splits exported routes functions and a top-level router', () => {
    expect(report).toEqual({
      changed: [path.join(split, 'server/admin/routes.js'), path.join(split, 'server/routes.js'), path.join(split, 'server/v2/api.js')],
      skipped: [`${path.join(split, 'server/routes.js')}: 10:1 module-level state cache is used by users, orders, cache: kept once in shared.js`],
    });
    expect(projectFiles(split)).toEqual([
      'server/admin/routes.js',
      'server/admin/routes/events.js',
      'server/admin/routes/index.js',
      'server/admin/routes/users.js',
      'server/app.js',
      'server/auth.js',
      'server/db.js',
      'server/instrumentation.js',
      'server/routes.js',
      'server/routes/cache.js',
      'server/routes/health.js',
      'server/routes/index.js',
      'server/routes/misc.js',
      'server/routes/orders.js',
      'server/routes/shared.js',
      'server/routes/users.js',
      'server/v2/api.js',
      'server/v2/routes/index.js',
      'server/v2/routes/misc.js',
      'server/v2/routes/orders.js',
      'server/v2/routes/users.js',
    ]);
    // `require('./admin/routes')(app)` and `require('./routes').registerRoutes` keep working: the
    // input files hand over the generated index's exports whatever their shape.
    expect(readFileSync(path.join(split, 'server/admin/routes.js'), 'utf8')).toBe("'use strict';\n\nmodule.exports = require('./routes/index');\n");
    expect(readFileSync(path.join(split, 'server/admin/routes/index.js'), 'utf8')).toContain("module.exports = function setupRoutes(app) {\n  registerUsersRoutes(app);\n  registerEventsRoutes(app);\n};\n");
    expect(readFileSync(path.join(split, 'server/routes.js'), 'utf8')).toBe(
      "// Every HTTP route of the shop, registered on the Express app.\n'use strict';\n\nrequire('./instrumentation');\n\nmodule.exports = require('./routes/index');\n",
    );
  });

  it('writes files that node accepts', () => {
    for (const file of projectFiles(split)) {
      const result = spawnSync(process.execPath, ['--check', path.join(split, file)], { encoding: 'utf8' });
      expect({ file, status: result.status, stderr: result.stderr }).toEqual({ file, status: 0, stderr: '' });
    }
  });

  it('registers the same routes, in the same order within each module', () => {
    const before = load(original);
    const after = load(split);
    expect(before).toHaveLength(18);
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    // Every route comes from a generated module now, and each module keeps its routes' order.
    const files = [...new Set(after.map((registration) => registration.file))];
    expect(files.sort()).toEqual([
      'server/admin/routes/events.js',
      'server/admin/routes/users.js',
      'server/routes/cache.js',
      'server/routes/health.js',
      'server/routes/index.js',
      'server/routes/misc.js',
      'server/routes/orders.js',
      'server/routes/users.js',
      'server/v2/routes/index.js',
      'server/v2/routes/misc.js',
      'server/v2/routes/orders.js',
      'server/v2/routes/users.js',
    ]);
    for (const file of files) {
      const inModule = after.filter((registration) => registration.file === file).map(key);
      expect(before.map(key).filter((entry) => inModule.includes(entry))).toEqual(inModule);
    }
    // The catch-alls stay last of the app's routes and of the router's.
    expect(after.filter((registration) => registration.file.startsWith('server/routes/')).map(key).at(-1)).toBe('get * (1 handlers)');
    expect(after.filter((registration) => registration.file.startsWith('server/v2/')).map(key).at(-1)).toBe('all /api/v2* (1 handlers)');
  });

  it('answers every route as before (helpers, requires, shared state and side effects all reached)', () => {
    // Sorted: routes of different modules interleaved in the original are grouped now.
    const expected = answers(load(original)).sort();
    expect(answers(load(split)).sort()).toEqual(expected);
    expect(expected).toContain('get /api/health (1 handlers) → {"status":200,"body":{"events":["instrumented"]}}');
    expect(expected).toContain('get /api/orders/:id (2 handlers) → {"status":200,"body":{"id":"1","user":"1","lines":[{"price":5},{"price":7}],"total":12}}');
  });

  it('changes nothing on a second run', () => {
    const files = projectFiles(split).map((file) => path.join(split, file));
    expect(runTransform(transform, files, { root: split })).toEqual({ changed: [], skipped: [] });
  });
});
