import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getConstInitializer, getDottedName, getMemberName, isFunctionNode, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { isFromModule } from '../util/modules.js';
import { AUTH_ROUTE_WORDS, findListedWord, handlerLimitsRate, isRateLimiterName, nameWords, routePathWords } from '../util/route-guards.js';
import { getRouteModel, middlewareChainInFile, nextRoutePath, routeReportLoc, type HttpMethod, type Route, type RouteModel } from '../util/routes.js';

export type Options = [
  {
    authRouteWords?: string[];
    limiters?: string[];
    methods?: HttpMethod[];
    checkUploads?: boolean;
    globalThrottler?: boolean;
  },
];
export type MessageIds = 'missingAuthRateLimit' | 'missingUploadRateLimit' | 'skippedThrottle';

const DEFAULT_AUTH_ROUTE_WORDS = [...AUTH_ROUTE_WORDS];
const DEFAULT_METHODS: HttpMethod[] = ['post', 'put', 'patch', 'all'];
const UPLOAD_WORDS = ['upload', 'uploads', 'uploader', 'multer'];
const MULTER_METHODS = ['single', 'array', 'fields', 'any'];
const NEST_FILE_INTERCEPTORS = ['FileInterceptor', 'FilesInterceptor', 'FileFieldsInterceptor', 'AnyFilesInterceptor'];

interface Finding {
  kind: 'auth' | 'upload';
  /** Why the route counts: "`login` in its path", "its handler `signIn`". */
  reason: string;
}

export default createRule<Options, MessageIds>({
  name: 'require-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a rate limiter on authentication and upload routes',
      recommended: true,
      category: 'security',
      cwe: 'CWE-307',
    },
    messages: {
      missingAuthRateLimit:
        '`{{route}}` looks like an authentication endpoint ({{reason}}) and no rate limiter runs before it, so attackers can try passwords and one-time codes as fast as the server answers.',
      missingUploadRateLimit:
        '`{{route}}` accepts uploads ({{reason}}) and no rate limiter runs before it, so one client can fill the disk and keep every worker busy.',
      skippedThrottle:
        '`@SkipThrottle()` turns the throttler off for `{{route}}`, {{what}} ({{reason}}), so nothing limits how often it can be called.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          authRouteWords: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Words of a route path or handler name that make it an authentication endpoint (`a+b` needs both words). Replaces the default list.',
          },
          limiters: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Extra names (callee, dotted name or module) of middleware that limit the request rate, e.g. `MiddlewarePresets.auth`.',
          },
          methods: {
            type: 'array',
            items: { type: 'string', enum: ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all'] },
            uniqueItems: true,
            description: 'HTTP methods whose routes are checked.',
          },
          checkUploads: {
            type: 'boolean',
            description: 'Also check upload routes (a multer middleware or a NestJS file interceptor in the chain, or `upload` in the path).',
          },
          globalThrottler: {
            type: 'boolean',
            description:
              'A ThrottlerGuard is registered globally (an `APP_GUARD` provider in another file): NestJS routes count as limited, and only `@SkipThrottle()` on them is reported.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        authRouteWords: DEFAULT_AUTH_ROUTE_WORDS,
        limiters: [],
        methods: DEFAULT_METHODS,
        checkUploads: true,
        globalThrottler: false,
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const authRouteWords = options.authRouteWords ?? DEFAULT_AUTH_ROUTE_WORDS;
    const limiters = options.limiters ?? [];
    const methods = options.methods ?? DEFAULT_METHODS;
    /** Mounted middleware recurs in the chain of every route after it: each node is judged once. */
    const limitingMiddleware = new Map<TSESTree.Node, boolean>();

    return {
      Program() {
        const model = getRouteModel(context);
        for (const route of model.routes) {
          if (methods.includes(route.method)) check(model, route);
        }
      },
    };

    function check(model: RouteModel, route: Route): void {
      const finding = classify(model, route);
      if (!finding) return;
      const data = { route: describeRoute(route), reason: finding.reason };
      const loc = routeReportLoc(route, sourceCode);
      if (route.framework === 'nest') {
        if (skipsThrottle(route)) {
          const what = finding.kind === 'auth' ? 'an authentication endpoint' : 'an upload route';
          context.report({ loc, messageId: 'skippedThrottle', data: { route: data.route, reason: data.reason, what } });
          return;
        }
        if (options.globalThrottler === true) return;
      }
      const chain = middlewareChainInFile(model, route).filter((node) => !isDecoratorNamed(node, 'SkipThrottle'));
      const limited = chain.some((node) => limitsRate(model, node)) || handlerLimitsRate(route.handlerFunction, limiters);
      if (limited) return;
      context.report({ loc, messageId: finding.kind === 'auth' ? 'missingAuthRateLimit' : 'missingUploadRateLimit', data });
    }

    function limitsRate(model: RouteModel, node: TSESTree.Node): boolean {
      let limits = limitingMiddleware.get(node);
      if (limits === undefined) {
        limits = model.middlewareNames(node).some((name) => isRateLimiterName(name, limiters)) || handlerLimitsRate(node, limiters);
        limitingMiddleware.set(node, limits);
      }
      return limits;
    }

    function classify(model: RouteModel, route: Route): Finding | undefined {
      const pathWords = routePathWords(routePath(route));
      const handlerName = getHandlerName(route);
      const handlerWords = handlerName === undefined ? [] : nameWords(handlerName);
      const authWord = findListedWord(pathWords, authRouteWords);
      if (authWord !== undefined) return { kind: 'auth', reason: `\`${authWord}\` in its path` };
      const handlerWord = findListedWord(handlerWords, authRouteWords);
      if (handlerWord !== undefined && handlerName !== undefined) return { kind: 'auth', reason: `its handler \`${handlerName}\`` };
      if (options.checkUploads === false) return undefined;
      const scope = sourceCode.getScope(route.node);
      if (route.middleware.some((node) => isMulterMiddleware(node, scope))) return { kind: 'upload', reason: 'multer in its chain' };
      if (route.middleware.some((node) => model.middlewareNames(node).some((name) => NEST_FILE_INTERCEPTORS.includes(name)))) {
        return { kind: 'upload', reason: 'a file interceptor' };
      }
      if (pathWords.some((word) => UPLOAD_WORDS.includes(word))) return { kind: 'upload', reason: '`upload` in its path' };
      if (handlerName !== undefined && handlerWords.some((word) => UPLOAD_WORDS.includes(word))) {
        return { kind: 'upload', reason: `its handler \`${handlerName}\`` };
      }
      return undefined;
    }

    function routePath(route: Route): string | undefined {
      return route.path ?? (route.framework === 'next' ? nextRoutePath(context.filename) : undefined);
    }

    function describeRoute(route: Route): string {
      const path = routePath(route);
      const method = route.method === 'all' && route.framework === 'next' ? '' : `${route.method.toUpperCase()} `;
      return path === undefined ? `${method}route`.trim() : `${method}${path}`;
    }

    /** Whether the last `@SkipThrottle()` of the class then the method turns throttling off (`{ default: false }` turns it back on). */
    function skipsThrottle(route: Route): boolean {
      const skip = [...route.middleware].reverse().find((node) => isDecoratorNamed(node, 'SkipThrottle'));
      if (!skip) return false;
      const target = unwrapExpression(skip);
      if (target.type !== AST_NODE_TYPES.CallExpression) return true;
      const argument = target.arguments[0];
      if (argument?.type !== AST_NODE_TYPES.ObjectExpression) return argument === undefined;
      return argument.properties.some(
        (property) => property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Literal || property.value.value !== false,
      );
    }

    function isMulterMiddleware(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
      const target = unwrapExpression(node);
      if (target.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrapExpression(target.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !MULTER_METHODS.includes(getMemberName(callee) ?? '')) return false;
      const object = unwrapExpression(callee.object);
      // multer({ dest }).single('file')
      if (object.type === AST_NODE_TYPES.CallExpression) return isFromModule(object.callee, scope, ['multer']);
      if (object.type === AST_NODE_TYPES.Identifier) {
        // const upload = multer({ … }); upload.single('file')
        const init = getConstInitializer(object, scope);
        const created = init ? unwrapExpression(init) : undefined;
        if (created?.type === AST_NODE_TYPES.CallExpression && isFromModule(created.callee, scope, ['multer'])) return true;
      }
      // An upload middleware from the application's own module: `import { upload } from '../middleware/upload'`.
      const name = getDottedName(object);
      return name !== undefined && nameWords(name).some((word) => UPLOAD_WORDS.includes(word));
    }
  },
});

/** The name a route's handler goes by: `login`, `authController.signIn`, the Nest method name. */
function getHandlerName(route: Route): string | undefined {
  if (route.framework === 'nest') return route.node.type === AST_NODE_TYPES.Identifier ? route.node.name : undefined;
  const fn = route.handlerFunction;
  if (fn?.id) return fn.id.name;
  if (fn?.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    const name = fn.parent.id.name;
    // `export const POST = …` names the method, not the endpoint.
    return route.framework === 'next' ? undefined : name;
  }
  let handler = route.handler ? unwrapExpression(route.handler) : undefined;
  // asyncHandler(authController.login)
  while (handler?.type === AST_NODE_TYPES.CallExpression && handler.arguments[0]) handler = unwrapExpression(handler.arguments[0]);
  if (!handler || isFunctionNode(handler)) return undefined;
  return getDottedName(handler);
}

function isDecoratorNamed(node: TSESTree.Node, name: string): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.CallExpression) return getCalleeName(target) === name;
  return target.type === AST_NODE_TYPES.Identifier && target.name === name;
}
