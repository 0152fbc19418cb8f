import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getConstInitializer, getDottedName, getMemberName, outermostValueNode, someNode, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { insertImport } from '../util/fix.js';
import { matchesAnyGlob } from '../util/glob.js';
import { CALL, getRequireSource, isFromModule, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { readOptionsObject } from '../util/options-object.js';
import { nameWords } from '../util/route-guards.js';
import { getRouteModel } from '../util/routes.js';

export type Options = [
  {
    checkExportedApps?: boolean;
    helmetNames?: string[];
    requiredProtections?: string[];
    internalPaths?: string[];
  },
];
export type MessageIds = 'missingHelmet' | 'disabledProtection' | 'addHelmet' | 'restoreProtection';

const DEFAULT_PROTECTIONS = ['contentSecurityPolicy', 'strictTransportSecurity', 'hsts', 'xFrameOptions', 'frameguard', 'xContentTypeOptions', 'noSniff'];
const DEFAULT_INTERNAL_PATHS = ['/metrics', '/health/**', '/healthz', '/ready', '/readyz', '/live', '/livez', '/ping'];

/** What each protection does, for the message. */
const PROTECTION_TEXT: Record<string, { header: string; risk: string }> = {
  contentSecurityPolicy: { header: 'Content-Security-Policy', risk: 'the main defence that stops injected scripts from running in your pages' },
  strictTransportSecurity: { header: 'Strict-Transport-Security', risk: 'so browsers may keep reaching the site over plain HTTP, where traffic can be read and changed' },
  xFrameOptions: { header: 'X-Frame-Options', risk: 'so other sites can frame your pages and trick users into clicks (clickjacking)' },
  xContentTypeOptions: { header: 'X-Content-Type-Options', risk: 'so browsers may sniff uploaded or user-supplied files and run them as scripts' },
};
const PROTECTION_ALIASES: Record<string, string> = { hsts: 'strictTransportSecurity', frameguard: 'xFrameOptions', noSniff: 'xContentTypeOptions' };

/** Headers a hand-written middleware sets instead of helmet (`res.setHeader('X-Frame-Options', 'DENY')`). */
const SECURITY_HEADERS = ['content-security-policy', 'x-frame-options', 'strict-transport-security', 'x-content-type-options'];
const HEADER_SETTERS = ['setHeader', 'set', 'header', 'append'];

/** A function the app is handed to that may install helmet where this file cannot see (`applySecurity(app)`), unless it only registers routes. */
const SETUP_WORDS = ['security', 'secure', 'helmet', 'middleware', 'middlewares', 'harden', 'hardening', 'headers', 'protect', 'protection', 'setup', 'configure', 'config', 'bootstrap', 'init', 'initialize', 'apply', 'install'];
const ROUTE_WORDS = ['route', 'routes', 'router', 'routers', 'controller', 'controllers', 'handlers', 'endpoints'];

const HTTP_MODULES = ['http', 'https', 'http2', 'spdy'];
const FASTIFY_HELMET_MODULES = ['@fastify/helmet', 'fastify-helmet'];
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|spec|e2e)[\\/]|\.(?:test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/u;

interface App {
  kind: 'express' | 'nest' | 'nest-fastify';
  creation: TSESTree.Node;
  declarator: TSESTree.VariableDeclarator;
  variable: TSESLint.Scope.Variable;
}

/** One map for every file: its `node:`-prefixed form is computed once. */
const TRACE_MAP: TraceMap<'express' | 'nest' | 'helmet' | 'supertest'> = {
  express: { [CALL]: 'express' },
  '@nestjs/core': { NestFactory: { create: { [CALL]: 'nest' } } },
  helmet: { [CALL]: 'helmet', default: { [CALL]: 'helmet' } },
  supertest: { [CALL]: 'supertest', default: { [CALL]: 'supertest' } },
};

export default createRule<Options, MessageIds>({
  name: 'require-helmet',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require helmet on served Express and NestJS apps, with its main protections left on',
      recommended: true,
      category: 'security',
      cwe: 'CWE-693',
    },
    hasSuggestions: true,
    messages: {
      missingHelmet:
        'This app is served without `helmet()`, so its responses go out without the Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and nosniff headers that blunt XSS, downgrade and clickjacking attacks.',
      disabledProtection: '`{{option}}: false` turns off helmet\'s {{header}} header, {{risk}}.',
      addHelmet: 'Add `{{call}}` right after the app is created (and import helmet).',
      restoreProtection: 'Remove `{{option}}: false` to restore helmet\'s default {{header}} header.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkExportedApps: {
            type: 'boolean',
            description:
              'Treat an app that leaves the file (`export default app`, `module.exports = app`, `return app`) as served: another file (server.ts, a test) usually calls `listen()` on it.',
          },
          helmetNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Extra names (callee, dotted name or module) of middleware that set the security headers in helmet\'s place.',
          },
          requiredProtections: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'helmet options that must not be set to `false`. Replaces the default list.',
          },
          internalPaths: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs of paths served to machines, not browsers: an app whose only routes match them (a metrics or health port) and that mounts no middleware needs no helmet.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        checkExportedApps: true,
        helmetNames: [],
        requiredProtections: DEFAULT_PROTECTIONS,
        internalPaths: DEFAULT_INTERNAL_PATHS,
      },
    ],
  },
  create(context, [options]) {
    if (TEST_FILE.test(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const helmetNames = options.helmetNames ?? [];
    const requiredProtections = options.requiredProtections ?? DEFAULT_PROTECTIONS;
    const internalPaths = options.internalPaths ?? DEFAULT_INTERNAL_PATHS;

    return {
      Program() {
        const references = trackModuleReferences(sourceCode, TRACE_MAP);
        // An app handed to supertest is a test fixture.
        if (references.some((reference) => reference.info === 'supertest')) return;
        for (const reference of references) {
          if (reference.info === 'helmet' && reference.node.type === AST_NODE_TYPES.CallExpression) checkDisabledProtections(reference.node);
        }
        const unprotected = references.flatMap((reference) => {
          if (reference.info !== 'express' && reference.info !== 'nest') return [];
          const app = toApp(reference.node, reference.info);
          return app && needsHelmet(app) ? [app] : [];
        });
        if (unprotected.length === 0 || setsSecurityHeadersByHand()) return;
        for (const app of unprotected) reportMissing(app);
      },
    };

    function toApp(creation: TSESTree.Node, info: string): App | undefined {
      const node = outermostValueNode(creation);
      const declarator = node.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = sourceCode.getDeclaredVariables(declarator)[0];
      if (!variable) return undefined;
      const kind = info === 'express' ? 'express' : isFastifyNest(creation) ? 'nest-fastify' : 'nest';
      return { kind, creation, declarator, variable };
    }

    /** Served (or exported), not covered by helmet, not handed to code that may install it, not an internal-only port. */
    function needsHelmet(app: App): boolean {
      let served = false;
      let exported = isExportedDeclaration(app.declarator);
      for (const reference of app.variable.references) {
        if (reference.init === true) continue;
        const identifier = reference.identifier;
        const parent = identifier.parent;
        if (identifier.type !== AST_NODE_TYPES.Identifier || !parent) continue;
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
          const call = parent.parent;
          if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) continue;
          const method = getMemberName(parent);
          if ((method === 'use' || method === 'register') && call.arguments.some((argument) => isHelmetMiddleware(argument))) return false;
          if (method === 'listen') served = true;
          continue;
        }
        if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier)) {
          const scope = sourceCode.getScope(parent);
          if (isFromModule(parent.callee, scope, HTTP_MODULES, ['createServer', 'createSecureServer'])) served = true;
          else if (mayInstallHelmet(parent.callee)) return false;
          continue;
        }
        if (leavesFile(identifier)) exported = true;
      }
      if (!served && !(exported && options.checkExportedApps !== false)) return false;
      return !(app.kind === 'express' && isInternalOnly(app.variable.name));
    }

    function reportMissing(app: App): void {
      const name = app.variable.name;
      const fastify = app.kind === 'nest-fastify';
      const source = fastify ? '@fastify/helmet' : 'helmet';
      const local = helmetBinding(source) ?? (isNameFree('helmet', app.declarator) ? 'helmet' : undefined);
      const statement = app.declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? app.declarator.parent.parent : app.declarator.parent;
      const container = statement.parent;
      const call = fastify ? `await ${name}.register(${local ?? 'helmet'});` : `${name}.use(${local ?? 'helmet'}());`;
      const canInsert = local !== undefined && (container?.type === AST_NODE_TYPES.Program || container?.type === AST_NODE_TYPES.BlockStatement);
      context.report({
        node: app.creation,
        messageId: 'missingHelmet',
        suggest: canInsert
          ? [
              {
                messageId: 'addHelmet',
                data: { call },
                fix: (fixer) => {
                  const indent = /^\s*/u.exec(sourceCode.lines[statement.loc.start.line - 1] ?? '')?.[0] ?? '';
                  const imports = helmetBinding(source) === undefined ? insertImport(fixer, sourceCode, { source, defaultName: local }) : [];
                  return [...imports, fixer.insertTextAfter(statement, `\n${indent}${call}`)];
                },
              },
            ]
          : [],
      });
    }

    function checkDisabledProtections(call: TSESTree.CallExpression): void {
      const settings = readOptionsObject(call.arguments[0], sourceCode.getScope(call));
      if (!settings) return;
      for (const option of requiredProtections) {
        const lookup = settings.get(option);
        if (lookup.state !== 'set') continue;
        const value = unwrapExpression(lookup.property.value);
        if (value.type !== AST_NODE_TYPES.Literal || value.value !== false) continue;
        const text = PROTECTION_TEXT[PROTECTION_ALIASES[option] ?? option] ?? { header: `\`${option}\``, risk: 'which weakens the protection helmet exists to give' };
        const property = lookup.property;
        context.report({
          node: property,
          messageId: 'disabledProtection',
          data: { option, header: text.header, risk: text.risk },
          suggest: [
            {
              messageId: 'restoreProtection',
              data: { option, header: text.header },
              fix: (fixer) => removeProperty(fixer, property),
            },
          ],
        });
      }
    }

    function removeProperty(fixer: TSESLint.RuleFixer, property: TSESTree.Property): TSESLint.RuleFix {
      const object = property.parent as TSESTree.ObjectExpression;
      if (object.properties.length === 1) {
        // helmet({ contentSecurityPolicy: false }) → helmet()
        const call = object.parent;
        if (call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 1 && call.arguments[0] === object) return fixer.remove(object);
        return fixer.replaceText(object, '{}');
      }
      const after = sourceCode.getTokenAfter(property);
      if (after?.value === ',') {
        const next = sourceCode.getTokenAfter(after);
        if (next && next.value !== '}') return fixer.removeRange([property.range[0], next.range[0]]);
        const before = sourceCode.getTokenBefore(property);
        return fixer.removeRange([before ? before.range[1] : property.range[0], after.range[1]]);
      }
      const comma = sourceCode.getTokenBefore(property);
      return fixer.removeRange([comma?.value === ',' ? comma.range[0] : property.range[0], property.range[1]]);
    }

    function isHelmetMiddleware(node: TSESTree.Node): boolean {
      const target = unwrapExpression(node);
      if (target.type === AST_NODE_TYPES.ArrayExpression) return target.elements.some((element) => element !== null && isHelmetMiddleware(element));
      const scope = sourceCode.getScope(target);
      const modules = ['helmet', ...FASTIFY_HELMET_MODULES];
      if (target.type === AST_NODE_TYPES.CallExpression) {
        if (isFromModule(target.callee, scope, modules)) return true;
        return isHelmetName(getDottedName(target.callee), target.callee, scope);
      }
      if (target.type === AST_NODE_TYPES.Identifier) {
        // const securityHeaders = helmet({ … }); app.use(securityHeaders)
        const init = getConstInitializer(target, scope);
        if (init && unwrapExpression(init).type === AST_NODE_TYPES.CallExpression) return isHelmetMiddleware(init);
      }
      return isFromModule(target, scope, modules) || isHelmetName(getDottedName(target), target, scope);
    }

    /** `helmet`-named, named by option, or security-header middleware from the application (`securityHeaders`, `../middleware/security`). */
    function isHelmetName(name: string | undefined, node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
      const source = getImportSource(node, scope);
      const names = [name, source].filter((candidate): candidate is string => candidate !== undefined);
      return names.some((candidate) => {
        if (helmetNames.includes(candidate)) return true;
        const words = nameWords(candidate);
        return words.includes('helmet') || ((words.includes('security') || words.includes('secure')) && words.some((word) => ['headers', 'header', 'middleware'].includes(word)));
      });
    }

    function getImportSource(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
      let root = unwrapExpression(node);
      while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
      if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
      const def = ASTUtils.findVariable(scope, root)?.defs[0];
      if (def?.type === 'ImportBinding') return String((def.parent as TSESTree.ImportDeclaration).source.value);
      if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) return getRequireSource(def.node.init);
      return undefined;
    }

    /**
     * `applySecurity(app)`, `setupMiddleware(app)` from this file or the application's own modules:
     * helmet may be installed there. `registerRoutes(app)` only adds routes, and a package
     * (`SwaggerModule.setup('docs', app, document)`) does not install helmet.
     */
    function mayInstallHelmet(callee: TSESTree.Node): boolean {
      const name = getDottedName(callee);
      if (name === undefined) return false;
      const source = getImportSource(callee, sourceCode.getScope(callee));
      if (source !== undefined && !/^(?:[./]|@\/|~\/|#)/u.test(source)) return false;
      const words = nameWords(name);
      return words.some((word) => SETUP_WORDS.includes(word)) && !words.some((word) => ROUTE_WORDS.includes(word));
    }

    /** An app that only answers probes and metrics (`/metrics`, `/healthz`) on its own port and mounts nothing. */
    function isInternalOnly(name: string): boolean {
      const model = getRouteModel(context);
      const routes = model.routes.filter((route) => route.router === name);
      if (routes.length === 0 || model.uses.some((use) => use.router === name)) return false;
      return routes.every((route) => route.path !== undefined && matchesAnyGlob(route.path, internalPaths));
    }

    function setsSecurityHeadersByHand(): boolean {
      return someNode(
        sourceCode.ast,
        (node) => {
          if (node.type !== AST_NODE_TYPES.CallExpression || !HEADER_SETTERS.includes(getCalleeName(node) ?? '')) return false;
          const first = node.arguments[0];
          return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && SECURITY_HEADERS.includes(first.value.toLowerCase());
        },
        { skipTypes: true },
      );
    }

    /** The local name helmet is already imported under (`import helmet from 'helmet'`, `const h = require('helmet')`). */
    function helmetBinding(source: string): string | undefined {
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === source) {
          const specifier = statement.specifiers.find((candidate) => candidate.type === AST_NODE_TYPES.ImportDefaultSpecifier);
          if (specifier) return specifier.local.name;
        }
        if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && getRequireSource(declarator.init) === source) return declarator.id.name;
          }
        }
      }
      return undefined;
    }

    function isNameFree(name: string, at: TSESTree.Node): boolean {
      let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at);
      while (scope) {
        if (scope.set.has(name) || scope.through.some((reference) => reference.identifier.name === name)) return false;
        scope = scope.upper;
      }
      return true;
    }
  },
});

function isFastifyNest(creation: TSESTree.Node): boolean {
  if (creation.type !== AST_NODE_TYPES.CallExpression) return false;
  const typeArgument = creation.typeArguments?.params[0];
  if (typeArgument?.type === AST_NODE_TYPES.TSTypeReference && typeArgument.typeName.type === AST_NODE_TYPES.Identifier && typeArgument.typeName.name === 'NestFastifyApplication') {
    return true;
  }
  return creation.arguments.some((argument) => argument.type === AST_NODE_TYPES.NewExpression && getCalleeName(argument) === 'FastifyAdapter');
}

function isExportedDeclaration(declarator: TSESTree.VariableDeclarator): boolean {
  return declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

/** `export default app`, `export { app }`, `module.exports = app` / `{ app }`, `exports.app = app`, `return app`. */
function leavesFile(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.ReturnStatement:
      return true;
    case AST_NODE_TYPES.ExportSpecifier:
      return parent.local === identifier;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === identifier && isModuleExports(parent.left);
    case AST_NODE_TYPES.Property: {
      const object = parent.parent;
      const assignment = object.parent;
      return parent.value === identifier && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.right === object && isModuleExports(assignment.left);
    }
    default:
      return false;
  }
}

function isModuleExports(node: TSESTree.Node): boolean {
  const name = getDottedName(node);
  return name !== undefined && (name === 'module.exports' || name.startsWith('module.exports.') || name.startsWith('exports.'));
}
