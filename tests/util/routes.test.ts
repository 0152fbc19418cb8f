import { getRouteModel, pathCovers, type Route } from '../../src/util/routes.js';
import { probe } from './probe.js';

function describeRoutes(code: string, filename = 'server/routes.ts'): string[] {
  return probe(
    code,
    (context) => ({
      'Program:exit'() {
        const model = getRouteModel(context);
        for (const route of model.routes) {
          const chain = model
            .middlewareBefore(route)
            .map((node) => model.middlewareNames(node).join('|'))
            .join(',');
          context.report({
            node: route.node,
            messageId: 'found',
            data: { text: `${route.framework} ${route.method.toUpperCase()} ${route.path ?? '?'} [${chain}]${route.handlerFunction ? ' fn' : ''}` },
          });
        }
      },
    }),
    filename,
  );
}

describe('route model: Express', () => {
  it('collects registrations, chains, use-order and route() chains', () => {
    expect(
      describeRoutes(
        [
          "import express, { Router } from 'express';",
          "import rateLimit from 'express-rate-limit';",
          'const app = express();',
          'const api = Router();',
          'const limiter = rateLimit({ max: 5 });',
          "app.get('/health', (req, res) => res.json({ ok: true }));",
          'app.use(helmet());',
          "app.post('/login', limiter, [validate, audit], async (req, res) => {});",
          "api.use('/admin', requireAdmin);",
          "api.delete('/admin/users/:id', handler);",
          "api.get('/public/:id', handler);",
          "app.route('/books').get(listBooks).post(requireAuth, createBook);",
          'function handler(req, res) {}',
        ].join('\n'),
      ),
    ).toEqual([
      '6:1 express GET /health [] fn',
      '8:1 express POST /login [helmet,limiter|rateLimit|express-rate-limit,validate,audit] fn',
      '10:1 express DELETE /admin/users/:id [requireAdmin] fn',
      '11:1 express GET /public/:id [] fn',
      '12:1 express GET /books [helmet]',
      '12:1 express POST /books [helmet,requireAuth]',
    ]);
  });

  it('sees routes registered on a parameter in registerRoutes(app) and on require()d routers', () => {
    expect(
      describeRoutes(
        [
          "const express = require('express');",
          'const router = express.Router();',
          "router.get('/a', h);",
          'module.exports = function registerRoutes(app: Express) {',
          "  app.put('/api/content/:id', requireAuth, asyncHandler(async (req, res) => {}));",
          '};',
        ].join('\n'),
        'routes.ts',
      ),
    ).toEqual(['3:1 express GET /a []', '5:3 express PUT /api/content/:id [requireAuth] fn']);
  });

  it('ignores look-alikes: settings reads, Maps, HTTP clients, unknown receivers', () => {
    expect(
      describeRoutes(
        [
          "import express from 'express';",
          "import axios from 'axios';",
          'const app = express();',
          "const port = app.get('port');",
          'const cache = new Map();',
          "cache.delete('/x', 1);",
          "axios.post('/api/login', body);",
          "client.get('/users', opts);",
          'function f(map: Map<string, number>) { map.get("/k", 1); }',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('finds routes in files that import nothing from express: CommonJS route modules, typed and named parameters, this.router', () => {
    expect(describeRoutes("module.exports = (server) => {\n  server.post('/login', h);\n};", 'routes/auth.js')).toEqual(['2:3 express POST /login []']);
    expect(describeRoutes("export default (r: IRouter) => { r.delete('/x/:id', h); };")).toEqual(['1:34 express DELETE /x/:id []']);
    expect(describeRoutes("export function mount(adminRouter) { adminRouter.get('/stats', h); }")).toEqual(['1:38 express GET /stats []']);
    expect(describeRoutes("class Routes {\n  constructor(private router) {}\n  init() { this.router.patch('/p', h); }\n}")).toEqual(['3:12 express PATCH /p []']);
  });

  it('finds nothing, cheaply, in a file without router words', () => {
    expect(describeRoutes("import { z } from 'zod';\nexport const get = (m: Map<string, string>) => m.get('/a', 1);\nhandler.get('/b', h);")).toEqual([]);
  });

  it('keeps 300 registrations inside registerRoutes in order', () => {
    const lines = ['export function registerRoutes(app: Express) {'];
    for (let index = 0; index < 300; index += 1) lines.push(`  app.${index % 2 ? 'post' : 'get'}('/api/d${index % 8}/r${index}', requireAuth, async (req, res) => { res.json({}); });`);
    lines.push('}');
    const found = describeRoutes(lines.join('\n'));
    expect(found).toHaveLength(300);
    expect(found[299]).toBe('301:3 express POST /api/d3/r299 [requireAuth] fn');
  });

  it('finds registrations nested in handlers, with computed and escaped method names', () => {
    expect(
      describeRoutes(
        [
          "import express from 'express';",
          'const app = express();',
          "app['post']('/a', (req, res) => { app[`put`]('/b', h); });",
          'function mount() { const admin = express.Router(); admin.patch(`/c`, h); return admin; }',
        ].join('\n'),
      ),
    ).toEqual(['3:1 express POST /a [] fn', '3:35 express PUT /b []', '4:52 express PATCH /c []']);
    expect(describeRoutes("import express from 'express';\nconst app = express();\napp.g\\u0065t('/d', h);\napp['p\\x6fst']('/e', h);")).toEqual([
      '3:1 express GET /d []',
      '4:1 express POST /e []',
    ]);
  });
});

describe('route model: NestJS and Next.js', () => {
  it('joins controller prefixes and collects class and method guards', () => {
    expect(
      describeRoutes(
        [
          "@Controller('users')",
          '@UseGuards(JwtAuthGuard)',
          'export class UsersController {',
          "  @Get(':id') find() {}",
          '  @Post() @Throttle({ default: { limit: 3, ttl: 60 } }) create() {}',
          '  helper() {}',
          '}',
        ].join('\n'),
        'users.controller.ts',
      ),
    ).toEqual(['4:15 nest GET /users/:id [UseGuards|JwtAuthGuard] fn', '5:57 nest POST /users [UseGuards|JwtAuthGuard,Throttle] fn']);
  });

  it('reads app/**/route.ts exports and pages/api defaults, with wrappers', () => {
    expect(
      describeRoutes('export async function GET(request: Request) {}\nexport const POST = withAuth(async (req) => {});\nexport function helper() {}', 'app/api/items/route.ts'),
    ).toEqual(['1:23 next GET ? [] fn', '2:14 next POST ? [withAuth] fn']);
    expect(describeRoutes('export default async function handler(req, res) {}', 'pages/api/items.ts')).toEqual(['1:16 next ALL ? [] fn']);
    expect(describeRoutes('export async function GET() {}', 'lib/route-helpers.ts')).toEqual([]);
  });
});

describe('pathCovers', () => {
  it.each([
    [undefined, '/x', true],
    ['/', '/x', true],
    ['/api', '/api/users', true],
    ['/api/', '/api', true],
    ['/api', '/apiary', false],
    ['/admin', undefined, false],
  ] as const)('%s covers %s: %s', (mount, path, expected) => {
    expect(pathCovers(mount, path)).toBe(expected);
  });
});

// Type-level use so `Route` stays part of the tested surface.
const sample: Pick<Route, 'method'> = { method: 'get' };
expect(sample.method).toBe('get');
