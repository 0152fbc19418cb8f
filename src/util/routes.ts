/**
 * The route model: the routes one file registers, in order, with the middleware that runs before
 * each handler. One model serves every route-aware rule and is built once per file.
 *
 * - Express: apps from `express()`, routers from `express.Router()` / `Router()` (tracked to the
 *   `express` module), and parameters typed `Express` / `Application` / `Router` or named `app` /
 *   `router` (the `registerRoutes(app)` style). Registrations `x.METHOD(path, ...middleware,
 *   handler)`, `x.route(path).get(...).post(...)`, and `x.use([path], ...middleware)` in source
 *   order; middleware arrays are flattened.
 * - NestJS: `@Controller()` classes and their `@Get()/@Post()/…` methods, with guards and throttle
 *   decorators from both the class and the method.
 * - Next.js: `GET/POST/…` exported from `app/**\/route.ts`, default handlers of `pages/api/**`, and
 *   wrappers around them (`export default withAuth(handler)`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getDottedName, getMemberName, isFunctionNode, typeReferenceName, unwrapExpression, type FunctionNode } from './ast.js';
import { CALL, resolveImportBinding, trackModuleReferences, type TraceMap } from './modules.js';
import { getFileVariables } from './variables.js';

export type Framework = 'express' | 'nest' | 'next';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head' | 'all';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all'];

export interface Route {
  framework: Framework;
  method: HttpMethod;
  /** The path when it is static (`/api/users/:id`), joined with a Nest controller prefix. */
  path: string | undefined;
  /** What reports point at: the registration call, the Nest method, the Next export. */
  node: TSESTree.Node;
  /** The router/app the route is registered on (Express), by variable name. */
  router: string | undefined;
  /**
   * Middleware in this route's own chain, in order (Express: arguments between path and handler;
   * Nest: guard, interceptor, pipe and throttle decorators of class then method).
   */
  middleware: TSESTree.Node[];
  /** The handler as written: a function, or a reference to one. */
  handler: TSESTree.Node | undefined;
  /** The handler's function when it is defined in this file. */
  handlerFunction: FunctionNode | undefined;
  /** Source order among all registrations (routes and `use`) of the file. */
  order: number;
}

export interface Use {
  router: string | undefined;
  /** Mount path when given and static. */
  path: string | undefined;
  middleware: TSESTree.Node[];
  node: TSESTree.CallExpression;
  order: number;
}

const ROUTER_PARAMETER_TYPES = ['Express', 'Application', 'Router', 'IRouter', 'Server'];
const ROUTER_PARAMETER_NAMES = /^(?:app|router|api|server|apiRouter|[a-z]+Router)$/u;
/**
 * Words without which a file registers no route: an Express route needs a receiver known as a
 * router (imported from `express`, a parameter typed or named as in {@link ROUTER_PARAMETER_TYPES}
 * and {@link ROUTER_PARAMETER_NAMES}, or `this.<such a name>`), a Nest route a `@Controller`;
 * Next.js routes are found by file name. Most files of a backend (services, utilities, React
 * components) have none of them, and the model's walk is skipped.
 */
const MAY_REGISTER_ROUTES = /\b(?:express|app|router|api|server|Express|Application|Server|Controller)\b|Router\b/u;
const HTTP_METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS);
const NEST_METHOD_DECORATORS: Record<string, HttpMethod> = {
  Get: 'get',
  Post: 'post',
  Put: 'put',
  Patch: 'patch',
  Delete: 'delete',
  Options: 'options',
  Head: 'head',
  All: 'all',
};
const NEST_MIDDLEWARE_DECORATORS = ['UseGuards', 'UseInterceptors', 'UsePipes', 'Throttle', 'SkipThrottle', 'Roles', 'Public'];
const NEXT_EXPORTS: Record<string, HttpMethod> = {
  GET: 'get',
  POST: 'post',
  PUT: 'put',
  PATCH: 'patch',
  DELETE: 'delete',
  OPTIONS: 'options',
  HEAD: 'head',
};

const EXPRESS_ROUTERS: TraceMap<'app' | 'router'> = {
  express: { [CALL]: 'app', Router: { [CALL]: 'router' } },
};

export class RouteModel {
  readonly routes: Route[] = [];
  readonly uses: Use[] = [];
  /** Variables known to hold an Express app or router, by name. */
  private readonly routerNames = new Set<string>();
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private order = 0;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, filename: string) {
    this.sourceCode = sourceCode;
    const nextFile = isNextRouteFile(filename) || isNextApiFile(filename);
    if (!nextFile && !MAY_REGISTER_ROUTES.test(sourceCode.text)) return;
    this.collectExpressRouters();
    if (!nextFile && !this.mayHaveRouters()) return;
    this.walk(sourceCode.ast, filename);
  }

  /**
   * Whether the walk can find anything outside Next.js files: a `@Controller`, or a receiver that
   * {@link isRouterExpression} accepts (a tracked router, `this.<router name>`, a router parameter).
   * Router words also name API clients (`import { api } from '../lib/api'`) and servers; files
   * that have them but none of these are most of what passes the text test.
   */
  private mayHaveRouters(): boolean {
    const text = this.sourceCode.text;
    // A backslash may spell an identifier with escapes (`Contr\u006fller`): walk to be sure.
    if (this.routerNames.size > 0 || text.includes('Controller') || text.includes('this') || text.includes('\\')) return true;
    return getFileVariables(this.sourceCode).some((variable) => {
      const def = variable.defs[0];
      return def?.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier && isRouterParameterDefinition(def.name);
    });
  }

  /** Whether the file registers routes on an Express app or router. */
  get hasExpressRoutes(): boolean {
    return this.routes.some((route) => route.framework === 'express');
  }

  /** The names of variables that hold an Express app created in this file (`const app = express()`). */
  readonly apps = new Set<string>();

  /**
   * Everything that runs before `route`'s handler in this file: `use` middleware registered on
   * the same router earlier in source order whose mount path covers the route, then the route's
   * own chain.
   */
  middlewareBefore(route: Route): TSESTree.Node[] {
    if (route.framework !== 'express') return route.middleware;
    const mounted = this.uses
      .filter((use) => use.router === route.router && use.order < route.order && pathCovers(use.path, route.path))
      .flatMap((use) => use.middleware);
    return [...mounted, ...route.middleware];
  }

  /**
   * Describes a middleware node for name matching: `rateLimit(...)` → `rateLimit`, `auth.required` → `auth.required`.
   * Kept per node: the route rules ask about the same middleware (don't change the array).
   */
  middlewareNames(node: TSESTree.Node): string[] {
    let names = this.namesByNode.get(node);
    if (names === undefined) {
      names = this.describeMiddleware(node);
      this.namesByNode.set(node, names);
    }
    return names;
  }

  private readonly namesByNode = new Map<TSESTree.Node, string[]>();

  private describeMiddleware(node: TSESTree.Node): string[] {
    const target = unwrapExpression(node);
    const names = new Set<string>();
    const add = (name: string | undefined): void => {
      if (name) names.add(name);
    };
    if (target.type === AST_NODE_TYPES.CallExpression) {
      add(getDottedName(target.callee));
      add(getCalleeName(target));
      const binding = resolveImportBinding(target.callee, this.sourceCode.getScope(target));
      if (binding) add(binding.source);
      for (const argument of target.arguments) {
        // @UseGuards(AuthGuard('jwt'), RolesGuard), passport.authenticate('jwt')
        if (argument.type === AST_NODE_TYPES.Identifier || argument.type === AST_NODE_TYPES.MemberExpression || argument.type === AST_NODE_TYPES.CallExpression) {
          for (const inner of this.middlewareNames(argument)) add(inner);
        }
      }
    } else {
      add(getDottedName(target));
      if (target.type === AST_NODE_TYPES.MemberExpression) add(getMemberName(target));
      const binding = resolveImportBinding(target, this.sourceCode.getScope(target));
      if (binding) add(binding.source);
      if (target.type === AST_NODE_TYPES.Identifier) {
        // const limiter = rateLimit({...}); app.post('/login', limiter, …)
        const init = this.initializerOf(target);
        if (init) for (const inner of this.middlewareNames(init)) add(inner);
      }
    }
    return [...names];
  }

  private initializerOf(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
    const scope = this.sourceCode.getScope(identifier);
    let current: TSESLint.Scope.Scope | null = scope;
    while (current) {
      const variable = current.set.get(identifier.name);
      if (variable) {
        const def = variable.defs[0];
        return def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? def.node.init : undefined;
      }
      current = current.upper;
    }
    return undefined;
  }

  private collectExpressRouters(): void {
    const references = trackModuleReferences(this.sourceCode, EXPRESS_ROUTERS);
    for (const reference of references) {
      const parent = reference.node.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
        this.routerNames.add(parent.id.name);
        if (reference.info === 'app') this.apps.add(parent.id.name);
      }
    }
  }

  private isRouterExpression(node: TSESTree.Node): string | undefined {
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      if (this.routerNames.has(target.name)) return target.name;
      if (this.isRouterParameter(target)) return target.name;
      return undefined;
    }
    if (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = getMemberName(target);
      return name !== undefined && ROUTER_PARAMETER_NAMES.test(name) ? `this.${name}` : undefined;
    }
    return undefined;
  }

  private isRouterParameter(identifier: TSESTree.Identifier): boolean {
    let scope: TSESLint.Scope.Scope | null = this.sourceCode.getScope(identifier);
    while (scope) {
      const variable = scope.set.get(identifier.name);
      if (variable) {
        const def = variable.defs[0];
        if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
        return isRouterParameterDefinition(def.name);
      }
      scope = scope.upper;
    }
    return false;
  }

  /** One pass over the program in source order; no re-walks per rule. */
  private walk(program: TSESTree.Program, filename: string): void {
    const visitorKeys = this.sourceCode.visitorKeys;
    const nextRoute = isNextRouteFile(filename);
    const nextApi = isNextApiFile(filename);
    const valueKeys = valueKeysFor(visitorKeys);
    const words = nextRoute || nextApi ? undefined : registrationWordPositions(this.sourceCode.text);
    const stack: TSESTree.Node[] = [program];
    // Pre-order, in source order: push children reversed.
    while (stack.length > 0) {
      const node = stack.pop();
      if (!node) break;
      // A subtree whose text holds no method name, `use` or `Controller` registers nothing (most
      // handler bodies). Export and class nodes are kept: decorators written before `export` lie
      // outside the range of both.
      if (words !== undefined && !containsPosition(words, node.range[0], node.range[1]) && !MAY_START_OUTSIDE_RANGE.has(node.type)) continue;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression:
          this.visitCall(node);
          break;
        case AST_NODE_TYPES.ClassDeclaration:
        case AST_NODE_TYPES.ClassExpression:
          this.visitClass(node);
          break;
        case AST_NODE_TYPES.ExportNamedDeclaration:
          if (nextRoute) this.visitNextExport(node);
          break;
        case AST_NODE_TYPES.ExportDefaultDeclaration:
          if (nextApi) this.visitNextDefault(node);
          break;
        default:
          break;
      }
      // The parser's visitor keys name exactly the child properties, in source order: far
      // cheaper than inspecting every property of every node. Type-only keys are dropped once per
      // node type.
      let keys = valueKeys.get(node.type);
      if (keys === undefined) {
        keys = (visitorKeys[node.type] ?? []).filter((key) => !TYPE_ONLY_KEYS.has(key));
        valueKeys.set(node.type, keys);
      }
      for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex -= 1) {
        const key = keys[keyIndex];
        if (key === undefined) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (let index = value.length - 1; index >= 0; index -= 1) {
            const child: unknown = value[index];
            if (isNodeLike(child)) stack.push(child);
          }
        } else if (isNodeLike(value)) {
          stack.push(value);
        }
      }
    }
  }

  private visitCall(call: TSESTree.CallExpression): void {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = getMemberName(callee);
    if (method === undefined) return;
    const isHttpMethod = HTTP_METHOD_SET.has(method);
    // Only route methods and `use` register anything: skip the receiver's scope lookup for the rest.
    if (!isHttpMethod && method !== 'use') return;

    // app.route('/x').get(h).post(h): handled once, from the outermost call, in source order.
    if (isHttpMethod) {
      const routeBase = this.routeChainBase(callee.object);
      if (routeBase) {
        if (isInnerChainLink(call)) return;
        const links: { call: TSESTree.CallExpression; method: HttpMethod }[] = [];
        let link: TSESTree.Node = call;
        while (link.type === AST_NODE_TYPES.CallExpression) {
          const linkCallee = unwrapExpression(link.callee);
          if (linkCallee.type !== AST_NODE_TYPES.MemberExpression) break;
          const name = getMemberName(linkCallee);
          if (name === undefined || !HTTP_METHOD_SET.has(name)) break;
          links.unshift({ call: link, method: name as HttpMethod });
          link = unwrapExpression(linkCallee.object);
        }
        for (const { call: linkCall, method: linkMethod } of links) {
          const chain = flattenArguments(linkCall.arguments);
          const handler = chain[chain.length - 1];
          this.routes.push({
            framework: 'express',
            method: linkMethod,
            path: routeBase.path,
            node: linkCall,
            router: routeBase.router,
            middleware: chain.slice(0, -1),
            handler,
            handlerFunction: handler ? this.resolveFunction(handler) : undefined,
            order: this.order++,
          });
        }
        return;
      }
    }

    const router = this.isRouterExpression(callee.object);
    if (router === undefined) return;
    if (method === 'use') {
      const [first, ...others] = call.arguments;
      const path = first ? staticPath(first) : undefined;
      const hasPath = first !== undefined && (path !== undefined || isPathLike(first));
      this.uses.push({
        router,
        path: hasPath ? path : undefined,
        middleware: flattenArguments(hasPath ? others : call.arguments),
        node: call,
        order: this.order++,
      });
      return;
    }
    const [first, ...others] = call.arguments;
    if (!first || call.arguments.length < 2) return; // app.get('env') is a setting read
    const path = staticPath(first);
    if (path === undefined && !isPathLike(first)) return;
    const chain = flattenArguments(others);
    const handler = chain[chain.length - 1];
    this.routes.push({
      framework: 'express',
      method: method as HttpMethod,
      path,
      node: call,
      router,
      middleware: chain.slice(0, -1),
      handler,
      handlerFunction: handler ? this.resolveFunction(handler) : undefined,
      order: this.order++,
    });
  }

  /** `app.route('/x')` or `app.route('/x').get(h)` → the router and path. */
  private routeChainBase(node: TSESTree.Node): { router: string; path: string | undefined } | undefined {
    let current = unwrapExpression(node);
    while (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const name = getMemberName(callee);
      if (name === 'route') {
        const router = this.isRouterExpression(callee.object);
        const first = current.arguments[0];
        return router === undefined ? undefined : { router, path: first ? staticPath(first) : undefined };
      }
      if (name === undefined || !HTTP_METHOD_SET.has(name)) return undefined;
      current = unwrapExpression(callee.object);
    }
    return undefined;
  }

  private resolveFunction(node: TSESTree.Node): FunctionNode | undefined {
    const target = unwrapExpression(node);
    if (isFunctionNode(target)) return target;
    if (target.type === AST_NODE_TYPES.CallExpression) {
      // asyncHandler(async (req, res) => …), catchAsync(fn)
      const inner = target.arguments[0];
      return inner ? this.resolveFunction(inner) : undefined;
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    let scope: TSESLint.Scope.Scope | null = this.sourceCode.getScope(target);
    while (scope) {
      const variable = scope.set.get(target.name);
      if (variable) {
        const def = variable.defs[0];
        if (def?.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
        if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
          const init = unwrapExpression(def.node.init);
          return isFunctionNode(init) ? init : undefined;
        }
        return undefined;
      }
      scope = scope.upper;
    }
    return undefined;
  }

  private visitClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
    const controller = node.decorators.find((decorator) => decoratorName(decorator) === 'Controller');
    if (!controller) return;
    const prefix = decoratorPath(controller);
    const classMiddleware = node.decorators.filter((decorator) => NEST_MIDDLEWARE_DECORATORS.includes(decoratorName(decorator) ?? ''));
    for (const member of node.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition) continue;
      const routeDecorator = member.decorators.find((decorator) => (decoratorName(decorator) ?? '') in NEST_METHOD_DECORATORS);
      if (!routeDecorator) continue;
      const method = NEST_METHOD_DECORATORS[decoratorName(routeDecorator) ?? ''];
      if (!method) continue;
      const methodMiddleware = member.decorators.filter((decorator) => NEST_MIDDLEWARE_DECORATORS.includes(decoratorName(decorator) ?? ''));
      this.routes.push({
        framework: 'nest',
        method,
        path: joinPaths(prefix, decoratorPath(routeDecorator)),
        node: member.key,
        router: undefined,
        middleware: [...classMiddleware, ...methodMiddleware].map((decorator) => decorator.expression),
        handler: member.value,
        handlerFunction: member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : undefined,
        order: this.order++,
      });
    }
  }

  private visitNextExport(node: TSESTree.ExportNamedDeclaration): void {
    const declaration = node.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
      const method = NEXT_EXPORTS[declaration.id.name];
      if (method) this.pushNext(method, declaration.id, declaration);
      return;
    }
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
        const method = NEXT_EXPORTS[declarator.id.name];
        if (method) this.pushNext(method, declarator.id, declarator.init);
      }
    }
  }

  private visitNextDefault(node: TSESTree.ExportDefaultDeclaration): void {
    const declaration = node.declaration;
    this.pushNext('all', declaration, declaration);
  }

  private pushNext(method: HttpMethod, reportNode: TSESTree.Node, value: TSESTree.Node): void {
    const wrappers: TSESTree.Node[] = [];
    let current = unwrapExpression(value);
    // export const POST = withAuth(withRateLimit(async (req) => …))
    while (current.type === AST_NODE_TYPES.CallExpression && current.arguments.length > 0) {
      wrappers.push(current.callee);
      const last = current.arguments[current.arguments.length - 1];
      if (!last) break;
      current = unwrapExpression(last);
    }
    this.routes.push({
      framework: 'next',
      method,
      path: undefined,
      node: reportNode,
      router: undefined,
      middleware: wrappers,
      handler: current,
      handlerFunction: this.resolveFunction(current),
      order: this.order++,
    });
  }
}

/** A parameter typed as a router (`app: Express`) or untyped and named like one (`router`). */
function isRouterParameterDefinition(name: TSESTree.Identifier): boolean {
  const annotation = name.typeAnnotation?.typeAnnotation;
  const typeName = typeReferenceName(annotation);
  if (typeName !== undefined) return ROUTER_PARAMETER_TYPES.includes(typeName);
  return annotation === undefined && ROUTER_PARAMETER_NAMES.test(name.name);
}

/** `x.get(h)` in `x.get(h).post(h)`: a link that the outer call already stands for. */
function isInnerChainLink(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== call) return false;
  const name = getMemberName(parent);
  return name !== undefined && HTTP_METHOD_SET.has(name) && parent.parent.type === AST_NODE_TYPES.CallExpression;
}

/**
 * Where a registration can show in the text: route method names, `use`, `Controller` (as
 * identifiers or string keys, `app['get']`). Undefined when the text has a backslash, which may
 * spell one of them with escapes (`app.g\u0065t`): then nothing is skipped.
 */
const REGISTRATION_WORDS = /\b(?:get|post|put|patch|delete|options|head|all|use|Controller)\b/gu;

function registrationWordPositions(text: string): number[] | undefined {
  if (text.includes('\\')) return undefined;
  const positions: number[] = [];
  REGISTRATION_WORDS.lastIndex = 0;
  for (let match = REGISTRATION_WORDS.exec(text); match !== null; match = REGISTRATION_WORDS.exec(text)) positions.push(match.index);
  return positions;
}

/** Whether a sorted position list holds one in `[start, end)`. */
function containsPosition(positions: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((positions[middle] ?? end) < start) low = middle + 1;
    else high = middle;
  }
  return low < positions.length && (positions[low] ?? end) < end;
}

const MAY_START_OUTSIDE_RANGE: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.ClassExpression,
]);

/**
 * Child keys per node type without the type-only ones, per visitor-key set (the parser's, shared by
 * every file): filtered once, not again in each file, whose pruned walk is often shorter than that.
 */
const valueKeysByVisitorKeys = new WeakMap<object, Map<string, readonly string[]>>();

function valueKeysFor(visitorKeys: object): Map<string, readonly string[]> {
  let keys = valueKeysByVisitorKeys.get(visitorKeys);
  if (keys === undefined) {
    keys = new Map();
    valueKeysByVisitorKeys.set(visitorKeys, keys);
  }
  return keys;
}

const TYPE_ONLY_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements']);

function isNodeLike(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) return getCalleeName(expression);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  return undefined;
}

function decoratorPath(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const first = expression.arguments[0];
  if (!first) return '';
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    // @Controller({ path: 'users', version: '1' })
    for (const property of first.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'path') {
        return staticPath(property.value);
      }
    }
    return '';
  }
  return staticPath(first);
}

function joinPaths(prefix: string | undefined, path: string | undefined): string | undefined {
  if (prefix === undefined || path === undefined) return undefined;
  const joined = `/${[prefix, path].map((part) => part.replace(/^\/+|\/+$/gu, '')).filter(Boolean).join('/')}`;
  return joined;
}

/** A string or constant template path, else undefined. */
export function staticPath(node: TSESTree.Node): string | undefined {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return target.value;
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) return target.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Paths that are not static but are clearly paths: templates, regexes, arrays of paths, identifiers named like paths. */
function isPathLike(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (target.type === AST_NODE_TYPES.Literal && 'regex' in target) return true;
  if (target.type === AST_NODE_TYPES.ArrayExpression) return target.elements.some((element) => element !== null && (staticPath(element) !== undefined || isPathLike(element)));
  if (target.type === AST_NODE_TYPES.Identifier) return /(?:path|route|prefix|url|base)/iu.test(target.name) || /^[A-Z_]+$/u.test(target.name);
  if (target.type === AST_NODE_TYPES.MemberExpression) return /(?:path|route|prefix|url)/iu.test(getDottedName(target) ?? '');
  if (target.type === AST_NODE_TYPES.BinaryExpression) return target.operator === '+';
  return false;
}

/** Whether middleware mounted at `mount` runs for a route at `path` (unknown paths are assumed covered only by a root mount). */
export function pathCovers(mount: string | undefined, path: string | undefined): boolean {
  if (mount === undefined || mount === '/' || mount === '' || mount === '*') return true;
  if (path === undefined) return false;
  const base = mount.replace(/\/+$/u, '');
  return path === base || path.startsWith(`${base}/`);
}

function flattenArguments(nodes: readonly TSESTree.Node[]): TSESTree.Node[] {
  const flat: TSESTree.Node[] = [];
  for (const node of nodes) {
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.ArrayExpression) {
      flat.push(...flattenArguments(target.elements.filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null)));
    } else if (target.type === AST_NODE_TYPES.SpreadElement) {
      flat.push(...flattenArguments([target.argument]));
    } else {
      flat.push(node);
    }
  }
  return flat;
}

function isNextRouteFile(filename: string): boolean {
  return /(?:^|[\\/])app[\\/](?:.*[\\/])?route\.[cm]?[jt]sx?$/u.test(filename);
}

function isNextApiFile(filename: string): boolean {
  return /(?:^|[\\/])pages[\\/]api[\\/]/u.test(filename);
}

const cache = new WeakMap<object, RouteModel>();

/**
 * The route model of the file being linted, built once and shared by every rule that asks
 * (keyed by the SourceCode object, so it is collected with it and never leaks across files).
 */
export function getRouteModel(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RouteModel {
  const key = context.sourceCode;
  let model = cache.get(key);
  if (!model) {
    model = new RouteModel(context.sourceCode, context.filename);
    cache.set(key, model);
  }
  return model;
}

/**
 * Everything that runs before `route`'s handler as far as this file shows: {@link RouteModel.middlewareBefore},
 * preceded by what runs before the route's router where that router is mounted in this same file
 * (`app.use(limiter); app.use('/auth', authRouter)`, `app.use('/api', requireAuth, apiRouter)`).
 */
export function middlewareChainInFile(model: RouteModel, route: Route): TSESTree.Node[] {
  const own = model.middlewareBefore(route);
  if (route.framework !== 'express' || route.router === undefined) return own;
  return [...middlewareBeforeMount(model, route.router, new Set()), ...own];
}

function middlewareBeforeMount(model: RouteModel, router: string, seen: Set<string>): TSESTree.Node[] {
  if (seen.has(router)) return [];
  seen.add(router);
  for (const use of model.uses) {
    if (use.router === undefined || use.router === router) continue;
    const index = use.middleware.findIndex((node) => {
      const target = unwrapExpression(node);
      return target.type === AST_NODE_TYPES.Identifier && target.name === router;
    });
    if (index < 0) continue;
    const mountRouter = use.router;
    const before = model.uses
      .filter((other) => other.router === mountRouter && other.order < use.order && pathCovers(other.path, use.path))
      .flatMap((other) => other.middleware);
    return [...middlewareBeforeMount(model, mountRouter, seen), ...before, ...use.middleware.slice(0, index)];
  }
  return [];
}

/**
 * The URL path of a Next.js route file: `app/api/auth/login/route.ts` → `/api/auth/login` (route
 * groups `(x)` and slots `@x` dropped), `pages/api/users/[id].ts` → `/api/users/[id]`.
 */
export function nextRoutePath(filename: string): string | undefined {
  const segments = filename.replace(/\\/gu, '/').split('/');
  const last = segments[segments.length - 1] ?? '';
  if (/^route\.[cm]?[jt]sx?$/u.test(last)) {
    const appIndex = segments.lastIndexOf('app', segments.length - 2);
    if (appIndex < 0) return undefined;
    const parts = segments.slice(appIndex + 1, -1).filter((segment) => !/^\(.*\)$/u.test(segment) && !segment.startsWith('@'));
    return `/${parts.join('/')}`;
  }
  for (let index = segments.length - 2; index >= 0; index -= 1) {
    if (segments[index] === 'pages' && segments[index + 1] === 'api') {
      const parts = segments.slice(index + 1);
      parts[parts.length - 1] = (parts[parts.length - 1] ?? '').replace(/\.[cm]?[jt]sx?$/u, '');
      if (parts[parts.length - 1] === 'index') parts.pop();
      return `/${parts.join('/')}`;
    }
  }
  return undefined;
}

/**
 * Where a report about a route reads best in an editor: `router.post('/login'` for an Express
 * registration (not the whole multi-line call), the method name of an `app.route()` chain link, the
 * Nest method name, the name of a Next.js export (or the first token of an anonymous default).
 */
export function routeReportLoc(route: Route, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.SourceLocation {
  const node = route.node;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(node.callee);
    if (route.framework === 'express' && callee.type === AST_NODE_TYPES.MemberExpression) {
      if (unwrapExpression(callee.object).type === AST_NODE_TYPES.CallExpression) return callee.property.loc;
      const first = node.arguments[0];
      return first ? { start: node.loc.start, end: first.loc.end } : node.loc;
    }
    return callee.loc;
  }
  if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression) && node.id) return node.id.loc;
  if (node.loc.start.line === node.loc.end.line) return node.loc;
  return sourceCode.getFirstToken(node)?.loc ?? node.loc;
}
