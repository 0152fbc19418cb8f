import rule from '../../src/rules/max-routes-per-file.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** `count` one-line registrations `<receiver>.<get|post>('/<prefix><n>', handler);`, alternating methods. */
function registrations(receiver: string, count: number, prefix = 'r', indent = ''): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    lines.push(`${indent}${receiver}.${index % 2 === 0 ? 'get' : 'post'}('/${prefix}${index}', handler);`);
  }
  return lines.join('\n');
}

/** `count` NestJS handlers, one per line. */
function nestHandlers(count: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1) lines.push(`  @Get('r${index}') r${index}() {}`);
  return lines.join('\n');
}

const expressHeader = "import express from 'express';\nconst app = express();\n";

ruleTester.run('max-routes-per-file', rule, {
  valid: [
    // Exactly the maximum.
    `${expressHeader}${registrations('app', 40)}`,
    // use() mounts and middleware do not count.
    `${expressHeader}${registrations('app', 40)}\n${registrations('app', 30).replace(/\.(get|post)\('\/r\d+', handler\)/gu, ".use('/m', mw)")}`,
    // HTTP clients, Maps and settings reads share the method names.
    `
import axios from 'axios';
${registrations('axios', 45, 'api/')}
const cache = new Map();
${registrations('cache', 45, 'k')}
${registrations('client', 45)}
`,
    `${expressHeader}${Array.from({ length: 50 }, (_, index) => `const v${index} = app.get('setting${index}');`).join('\n')}`,
    // A higher maximum by option.
    { code: `${expressHeader}${registrations('app', 60)}`, options: [{ max: 60 }] },
    // registerRoutes(app) with 40 routes, as the codemod leaves each module.
    `export function registerRoutes(app: Express) {\n${registrations('app', 40, 'api/', '  ')}\n}`,
    // 20 route() chains of two methods: 40 routes.
    `${expressHeader}${Array.from({ length: 20 }, (_, index) => `app.route('/b${index}').get(list).post(create);`).join('\n')}`,
    // NestJS: 40 handlers and helper methods.
    {
      code: `@Controller('x')\nexport class XController {\n${nestHandlers(40)}\n  helper() {}\n  other() {}\n}`,
      filename: 'x.controller.ts',
    },
    // Next.js: a route file with every method, under a small maximum.
    {
      code: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => `export async function ${method}() { return new Response(); }`).join('\n'),
      filename: 'app/api/items/route.ts',
      options: [{ max: 5 }],
    },
    // Routes mentioned only in comments and strings.
    `${expressHeader}${registrations('// app', 45)}\nconst doc = \`${registrations('app', 45)}\`;`,
    // Exported functions named like Next handlers outside a route file.
    {
      code: ['GET', 'POST', 'PUT'].map((method) => `export function ${method}() {}`).join('\n'),
      filename: 'lib/http.ts',
      options: [{ max: 1 }],
    },
    // Two routers at 20 each.
    `import { Router } from 'express';\nconst a = Router();\nconst b = Router();\n${registrations('a', 20)}\n${registrations('b', 20)}`,
  ],
  invalid: [
    // One beyond the maximum: reported at the 41st route.
    {
      code: `${expressHeader}${registrations('app', 41)}`,
      errors: [{ messageId: 'tooManyRoutes', data: { count: '41', max: '40' }, line: 43, column: 1, endLine: 43, endColumn: 15 }],
    },
    // The seed's giant routes.ts (002 E.1): 300 registrations inside registerRoutes(app).
    {
      code: `export function registerRoutes(app: Express) {\n${registrations('app', 300, 'api/', '  ')}\n}`,
      errors: [{ messageId: 'tooManyRoutes', data: { count: '300', max: '40' }, line: 42, column: 3, endColumn: 20 }],
    },
    // CommonJS, express.Router().
    {
      code: `const express = require('express');\nconst router = express.Router();\n${registrations('router', 45)}\nmodule.exports = router;`,
      filename: 'routes.cjs',
      errors: [{ messageId: 'tooManyRoutes', data: { count: '45', max: '40' }, line: 43, column: 1 }],
    },
    // Destructured require and an aliased import.
    {
      code: `const { Router } = require('express');\nconst api = Router();\n${registrations('api', 42)}`,
      filename: 'api.js',
      errors: [{ messageId: 'tooManyRoutes', data: { count: '42', max: '40' }, line: 43, column: 1 }],
    },
    {
      code: `import { Router as makeRouter } from 'express';\nconst r = makeRouter();\n${registrations('r', 3)}`,
      options: [{ max: 2 }],
      errors: [{ messageId: 'tooManyRoutes', data: { count: '3', max: '2' }, line: 5, column: 1, endColumn: 12 }],
    },
    // use() mounts interleaved do not count, and do not move the report.
    {
      code: `${expressHeader}app.use(helmet());\n${registrations('app', 40)}\napp.use('/x', mw);\napp.delete('/last', handler);`,
      errors: [{ messageId: 'tooManyRoutes', data: { count: '41', max: '40' }, line: 45, column: 1, endColumn: 19 }],
    },
    // Two routers in one file add up.
    {
      code: `import { Router } from 'express';\nconst a = Router();\nconst b = Router();\n${registrations('a', 20)}\n${registrations('b', 21)}`,
      errors: [{ messageId: 'tooManyRoutes', data: { count: '41', max: '40' }, line: 44, column: 1 }],
    },
    // route() chains: the 41st route is the GET of the 21st chain.
    {
      code: `${expressHeader}${Array.from({ length: 21 }, (_, index) => `app.route('/b${index}').get(list).post(create);`).join('\n')}`,
      errors: [{ messageId: 'tooManyRoutes', data: { count: '42', max: '40' }, line: 23, column: 19, endColumn: 22 }],
    },
    // A multi-line registration: the report covers the call up to its path.
    {
      code: `${expressHeader}${registrations('app', 1)}\napp.post(\n  '/orders',\n  requireAuth,\n  handler,\n);`,
      options: [{ max: 1 }],
      errors: [{ messageId: 'tooManyRoutes', data: { count: '2', max: '1' }, line: 4, column: 1, endLine: 5, endColumn: 12 }],
    },
    // NestJS: 41 handlers.
    {
      code: `@Controller('x')\nexport class XController {\n${nestHandlers(41)}\n}`,
      filename: 'x.controller.ts',
      errors: [{ messageId: 'tooManyRoutes', data: { count: '41', max: '40' }, line: 43, column: 15, endColumn: 18 }],
    },
    // Next.js route handlers (TSX).
    {
      code: `export async function GET() { return new Response(); }\nexport const POST = withAuth(async () => new Response());\nexport const DELETE = async () => new Response();`,
      filename: 'app/api/items/route.tsx',
      options: [{ max: 2 }],
      errors: [{ messageId: 'tooManyRoutes', data: { count: '3', max: '2' }, line: 3, column: 14, endColumn: 20 }],
    },
    // Express and a registerRoutes parameter in the same file.
    {
      code: `${expressHeader}${registrations('app', 30)}\nexport function more(router: Router) {\n${registrations('router', 11, 'm', '  ')}\n}`,
      errors: [{ messageId: 'tooManyRoutes', data: { count: '41', max: '40' }, line: 44, column: 3 }],
    },
  ],
});
