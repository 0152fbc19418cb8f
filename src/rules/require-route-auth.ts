import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, isFunctionNode, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { matchesAnyGlob, normalizeRoutePath } from '../util/glob.js';
import { findListedWord, handlerChecksAuth, isAuthName, routePathWords } from '../util/route-guards.js';
import { getRouteModel, middlewareChainInFile, nextRoutePath, pathCovers, routeReportLoc, type HttpMethod, type Route, type RouteModel } from '../util/routes.js';

export type Options = [
  {
    authNames?: string[];
    publicPaths?: string[];
    methods?: HttpMethod[];
  },
];
export type MessageIds = 'missingRouteAuth';

const DEFAULT_PUBLIC_PATHS = [
  '**/login',
  '**/logout',
  '**/signin',
  '**/sign-in',
  '**/signout',
  '**/sign-out',
  '**/signup',
  '**/sign-up',
  '**/register',
  '**/auth/**',
  '**/oauth/**',
  '**/*webhook*/**',
  '**/health',
  '**/healthz',
  '**/forgot-password',
  '**/reset-password',
  '**/password/forgot',
  '**/password/reset',
];
const DEFAULT_METHODS: HttpMethod[] = ['post', 'put', 'patch', 'delete'];
const WRITE_METHODS: readonly HttpMethod[] = ['post', 'put', 'patch', 'delete'];

/** NestJS decorators that mark a handler or controller as public on purpose (with a global auth guard). */
const PUBLIC_DECORATORS = ['Public', 'IsPublic', 'AllowAnonymous', 'Anonymous', 'SkipAuth', 'NoAuth', 'PublicRoute'];

interface RouteAuth {
  route: Route;
  /** Auth in the route's own chain, its handler, or (Nest) its class: evidence of the file's convention. */
  own: string | undefined;
  /** Auth from anywhere before the handler, `use` mounts included. */
  protectedBy: string | undefined;
}

export default createRule<Options, MessageIds>({
  name: 'require-route-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require auth on write routes of a router whose other routes require it',
      recommended: true,
      category: 'security',
      cwe: 'CWE-862',
    },
    messages: {
      missingRouteAuth:
        '`{{route}}` has no auth middleware or check while `{{sibling}}` on line {{line}} requires {{auth}}, so unless this route is public on purpose anyone who can reach the server can call it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          authNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Extra names (callee, dotted name or module) of middleware, guards and wrappers that authenticate or authorize, e.g. `MiddlewarePresets.authenticated`.',
          },
          publicPaths: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Globs of route paths that are public on purpose (`*` within a segment, `**` across segments). Replaces the default list.',
          },
          methods: {
            type: 'array',
            items: { type: 'string', enum: ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all'] },
            uniqueItems: true,
            description: 'HTTP methods whose routes must have auth when their siblings do.',
          },
        },
      },
    ],
    defaultOptions: [{ authNames: [], publicPaths: DEFAULT_PUBLIC_PATHS, methods: DEFAULT_METHODS }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const authNames = options.authNames ?? [];
    const publicPaths = options.publicPaths ?? DEFAULT_PUBLIC_PATHS;
    const methods = options.methods ?? DEFAULT_METHODS;
    /** Mounted middleware recurs in the chain of every route after it: each node is judged once. */
    const authByMiddleware = new Map<TSESTree.Node, string | null>();
    /** Each route is compared with every other of its group: judged once. */
    const conventionEvidence = new Map<Route, boolean>();

    return {
      Program() {
        const model = getRouteModel(context);
        const groups = new Map<unknown, RouteAuth[]>();
        for (const route of model.routes) {
          const key = groupKey(route);
          const group = groups.get(key) ?? [];
          group.push(describeAuth(model, route));
          groups.set(key, group);
        }
        for (const group of groups.values()) {
          for (const entry of group) checkRoute(model, entry, group);
        }
      },
    };

    function checkRoute(model: RouteModel, entry: RouteAuth, group: readonly RouteAuth[]): void {
      const { route } = entry;
      if (!methods.includes(route.method) || entry.protectedBy !== undefined) return;
      const path = routePath(route);
      if (path !== undefined && matchesAnyGlob(path, publicPaths)) return;
      if (isMarkedPublic(route) || isBeforeAuthWall(model, route)) return;
      // The file's convention: a write route, or a route on the same path, that requires auth itself.
      const evidence = group.find(
        (other) =>
          other !== entry &&
          other.own !== undefined &&
          isConventionEvidence(other.route) &&
          (WRITE_METHODS.includes(other.route.method) || (path !== undefined && samePath(routePath(other.route), path))),
      );
      if (!evidence?.own) return;
      context.report({
        loc: routeReportLoc(route, sourceCode),
        messageId: 'missingRouteAuth',
        data: {
          route: describeRoute(route),
          sibling: describeRoute(evidence.route),
          line: String(evidence.route.node.loc.start.line),
          auth: evidence.own,
        },
      });
    }

    function describeAuth(model: RouteModel, route: Route): RouteAuth {
      const own = authIn(model, route.middleware) ?? (handlerChecksAuth(route.handlerFunction, authNames) ? 'an auth check in its handler' : undefined);
      const protectedBy = own ?? authIn(model, middlewareChainInFile(model, route));
      return { route, own, protectedBy };
    }

    /** How to name the first auth middleware of a chain in a message (`` `requireAuth` ``), if any. */
    function authIn(model: RouteModel, chain: readonly TSESTree.Node[]): string | undefined {
      for (const node of chain) {
        const auth = middlewareAuth(model, node);
        if (auth !== null) return auth;
      }
      return undefined;
    }

    function middlewareAuth(model: RouteModel, node: TSESTree.Node): string | null {
      let auth = authByMiddleware.get(node);
      if (auth === undefined) {
        const name = model.middlewareNames(node).find((candidate) => isAuthName(candidate, authNames));
        if (name !== undefined) auth = `\`${name}\``;
        else auth = isFunctionNode(unwrapExpression(node)) && handlerChecksAuth(unwrapExpression(node), authNames) ? 'an auth check in its middleware' : null;
        authByMiddleware.set(node, auth);
      }
      return auth;
    }

    /**
     * Public routes and authentication endpoints (`/login`, `/token/refresh`) reject bad credentials
     * with 401 and call `passport.authenticate`: that says nothing about the routes next to them.
     */
    function isConventionEvidence(route: Route): boolean {
      let evidence = conventionEvidence.get(route);
      if (evidence === undefined) {
        const path = routePath(route);
        evidence = !(path !== undefined && matchesAnyGlob(path, publicPaths)) && findListedWord(routePathWords(path)) === undefined;
        conventionEvidence.set(route, evidence);
      }
      return evidence;
    }

    /** Routes registered before `router.use(requireAuth)` are public by their position. */
    function isBeforeAuthWall(model: RouteModel, route: Route): boolean {
      if (route.framework !== 'express') return false;
      return model.uses.some(
        (use) => use.router === route.router && use.order > route.order && pathCovers(use.path, route.path) && authIn(model, use.middleware) !== undefined,
      );
    }

    function routePath(route: Route): string | undefined {
      return route.path ?? (route.framework === 'next' ? nextRoutePath(context.filename) : undefined);
    }

    function describeRoute(route: Route): string {
      const path = routePath(route);
      const method = route.method.toUpperCase();
      return path === undefined ? `${method} route` : `${method} ${path}`;
    }
  },
});

/** Routes are compared with the others registered on the same router, in the same controller, or in the same route file. */
function groupKey(route: Route): unknown {
  if (route.framework === 'express') return `express:${route.router ?? ''}`;
  if (route.framework === 'nest') return route.node.parent?.parent ?? route.node;
  return 'next';
}

function samePath(a: string | undefined, b: string): boolean {
  return a !== undefined && normalizeRoutePath(a) === normalizeRoutePath(b);
}

/** `@Public()` on the Nest method or its controller. */
function isMarkedPublic(route: Route): boolean {
  if (route.framework !== 'nest') return false;
  const method = route.node.parent;
  const decorators: TSESTree.Decorator[] = [];
  if (method?.type === AST_NODE_TYPES.MethodDefinition) {
    decorators.push(...method.decorators);
    const owner = method.parent.parent;
    if (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) decorators.push(...owner.decorators);
  }
  return decorators.some((decorator) => {
    const expression = decorator.expression;
    const name = expression.type === AST_NODE_TYPES.CallExpression ? getCalleeName(expression) : expression.type === AST_NODE_TYPES.Identifier ? expression.name : undefined;
    return name !== undefined && PUBLIC_DECORATORS.includes(name);
  });
}
