/**
 * The facts rule: reports, as messages, what the project checks need from each file (an app is
 * created, a server listens, a rate limiter or helmet is imported, a client is created, signals
 * are handled, a health route exists). Plain syntax, no state beyond the file, and only precise
 * nodes: imports, `new`/call expressions, `.listen(` calls, and the shared route model.
 */
import { ASTUtils, AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { childNodes, getCalleeName, getDottedName, getMemberName, getRootIdentifier, outermostValueNode, unwrapExpression } from '../../util/ast.js';
import { getDataAccess } from '../../util/data-access.js';
import { matchesFileGlob } from '../../util/file-glob.js';
import { isImportedLocalApp } from '../../util/known-modules.js';
import {
  CALL,
  InstanceSet,
  getRequireSource,
  resolveImportBinding,
  trackImplicitGlobalReferences,
  trackModuleReferences,
} from '../../util/modules.js';
import { getRouteModel, nextRoutePath } from '../../util/routes.js';
import { getEnvVariableName, isTestFile } from '../../util/secrets.js';
import { encodeFact, type Fact } from './facts.js';
import {
  APP_MAP,
  CLIENT_IGNORE_FILES,
  CONNECTION_ROLES,
  HELMET_MODULES,
  PROCESS_LISTENERS,
  RATE_LIMITER_MODULES,
  SDK_CLIENTS,
  SERVER_MAP,
  SHUTDOWN_CALL,
  SHUTDOWN_MODULES,
  SIGNALS,
  SUBSCRIBE_METHODS,
  THROTTLER_MAP,
  isHealthPath,
} from './known-modules.js';

/** Environment variables that say which deployment this is, not which service a client talks to. */
const DEPLOYMENT_ENV = /^(?:NODE_ENV|APP_ENV|ENV|ENVIRONMENT|STAGE|CI|DEBUG|LOG_LEVEL|TZ)$/u;

export const factsRule = ESLintUtils.RuleCreator.withoutDocs<[], 'fact'>({
  meta: {
    type: 'suggestion',
    docs: { description: 'Report the per-file facts of the project-level checks' },
    messages: { fact: '{{fact}}' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const clientsIgnored = matchesFileGlob(context.filename, CLIENT_IGNORE_FILES, context.cwd);
    const listens: TSESTree.CallExpression[] = [];
    const reported = new Set<string>();
    let moduleBound: Set<string> | undefined;

    /**
     * Top-level names that can hold a module's export: imports, `require()` results, and
     * `const`s made from them (`const { Pool } = pg`). A superset: resolution decides.
     */
    function moduleBoundNames(): Set<string> {
      const names = new Set<string>();
      const globalScope = sourceCode.scopeManager?.globalScope;
      const scopes = [globalScope, ...(globalScope?.childScopes.filter((scope) => scope.type === 'module') ?? [])];
      for (const scope of scopes) {
        for (const variable of scope?.variables ?? []) {
          const def = variable.defs[0];
          if (def?.type === 'ImportBinding') names.add(variable.name);
          else if (def?.type === 'Variable' && def.node.init) {
            const init = unwrapExpression(def.node.init);
            const base = init.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : init;
            const rootName = getRootIdentifier(base)?.name;
            if (getRequireSource(base) !== undefined || base.type === AST_NODE_TYPES.ImportExpression || (rootName !== undefined && names.has(rootName))) {
              names.add(variable.name);
            }
          }
        }
      }
      // `require` with no binding: `new (require('pg').Pool)()`.
      names.add('require');
      return names;
    }

    function emit(node: TSESTree.Node | TSESTree.SourceLocation, fact: Fact, once = false): void {
      const text = encodeFact(fact);
      if (once) {
        // One per file is enough for presence facts (every `process.on` would be noise).
        if (reported.has(fact.kind)) return;
        reported.add(fact.kind);
      }
      const loc = 'type' in node ? node.loc : node;
      context.report({ loc, messageId: 'fact', data: { fact: text } });
    }

    function noteModule(node: TSESTree.Node, source: string): void {
      const bare = source.replace(/^node:/u, '');
      const inList = (list: readonly string[]): boolean => list.some((entry) => bare === entry || bare.startsWith(`${entry}/`));
      if (inList(RATE_LIMITER_MODULES)) emit(node, { kind: 'rateLimiter', module: bare }, true);
      if (inList(HELMET_MODULES)) emit(node, { kind: 'helmet', module: bare }, true);
      if (inList(SHUTDOWN_MODULES)) emit(node, { kind: 'shutdown', via: bare }, true);
    }

    function noteClient(node: TSESTree.NewExpression | TSESTree.CallExpression, module: string, key: string): void {
      if (clientsIgnored || isSubscriber(node)) return;
      const callee = getDottedName(node.callee) ?? sourceCode.getText(node.callee);
      const client = node.type === AST_NODE_TYPES.NewExpression ? `new ${callee}()` : `${callee}()`;
      emit(node, { kind: 'client', module, client, key, env: envNames(node) });
    }

    /** A Redis client kept for `subscribe`: a connection in subscriber mode serves nothing else. */
    function isSubscriber(node: TSESTree.Node): boolean {
      const holder = outermostValueNode(node).parent;
      if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = sourceCode.getDeclaredVariables(holder)[0];
      return (
        variable?.references.some((reference) => {
          const member = reference.identifier.parent;
          return member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && SUBSCRIBE_METHODS.has(getMemberName(member) ?? '');
        }) === true
      );
    }

    /** `process.env.X` names read by the creation's arguments (and the options object a `const` holds). */
    function envNames(node: TSESTree.NewExpression | TSESTree.CallExpression): string[] {
      const names = new Set<string>();
      const options = getDataAccess(sourceCode).getClientCreation(node)?.options;
      const stack: TSESTree.Node[] = [...node.arguments, ...(options ? [options] : [])];
      while (stack.length > 0) {
        const current = stack.pop();
        if (!current) break;
        // `process.env.X`, also through `import { env } from 'node:process'` or `const { env } = process`.
        const name = current.type === AST_NODE_TYPES.MemberExpression ? getEnvVariableName(current, sourceCode.getScope(current)) : undefined;
        if (name !== undefined) {
          if (!DEPLOYMENT_ENV.test(name)) names.add(name);
          continue;
        }
        stack.push(...childNodes(current, { skipTypes: true }));
      }
      return [...names].sort();
    }

    function isServerListen(call: TSESTree.CallExpression, servers: InstanceSet): boolean {
      const receiver = (call.callee as TSESTree.MemberExpression).object;
      if (servers.has(receiver)) return true;
      return call.arguments.length > 0 && isImportedLocalApp(receiver, sourceCode.getScope(receiver));
    }

    function handlesSignal(): TSESTree.Node | undefined {
      const references = [
        ...trackImplicitGlobalReferences(sourceCode, { process: PROCESS_LISTENERS }),
        ...trackModuleReferences(sourceCode, { process: PROCESS_LISTENERS }),
      ];
      return references.find((reference) => {
        if (reference.node.type !== AST_NODE_TYPES.CallExpression) return false;
        const first = reference.node.arguments[0];
        if (!first) return false;
        const signal = ASTUtils.getStaticValue(first, sourceCode.getScope(first))?.value;
        // A signal that cannot be read (`for (const s of signals) process.on(s, …)`) gets the benefit of the doubt.
        return typeof signal !== 'string' || SIGNALS.includes(signal);
      })?.node;
    }

    function noteHealthRoutes(): void {
      const model = getRouteModel(context);
      for (const route of model.routes) {
        const path = route.path ?? (route.framework === 'next' ? nextRoutePath(context.filename) : undefined);
        if (path !== undefined && isHealthPath(path)) {
          emit(route.node, { kind: 'health', path }, true);
          return;
        }
      }
      for (const use of model.uses) {
        // app.use('/health', healthRouter)
        if (use.path !== undefined && use.middleware.length > 0 && isHealthPath(use.path)) {
          emit(use.node, { kind: 'health', path: use.path }, true);
          return;
        }
      }
    }

    return {
      ImportDeclaration(node) {
        if (node.importKind !== 'type') noteModule(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string') noteModule(node, node.source.value);
      },
      'CallExpression[callee.name="require"]'(node: TSESTree.CallExpression) {
        const source = getRequireSource(node);
        if (source !== undefined) noteModule(node, source);
      },
      'CallExpression[callee.name=/shutdown|graceful|terminus|terminator/i], CallExpression[callee.property.name=/shutdown|graceful|terminus|terminator/i]'(
        node: TSESTree.CallExpression,
      ) {
        const name = getCalleeName(node);
        if (name !== undefined && SHUTDOWN_CALL.test(name)) emit(node, { kind: 'shutdown', via: `${name}()` }, true);
      },
      'CallExpression[callee.property.name="listen"]'(node: TSESTree.CallExpression) {
        const first = node.arguments[0];
        // listen(0): an ephemeral port, a test or a tool.
        if (first && ASTUtils.getStaticValue(first, sourceCode.getScope(first))?.value === 0) return;
        listens.push(node);
      },
      'NewExpression, CallExpression'(node: TSESTree.NewExpression | TSESTree.CallExpression) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
        // Most calls are of local functions: skip them before resolving anything.
        const root = getRootIdentifier(callee);
        if (!root || !(moduleBound ??= moduleBoundNames()).has(root.name)) return;
        const creation = getDataAccess(sourceCode).getClientCreation(node);
        if (!creation || !CONNECTION_ROLES.has(creation.role)) return;
        const module = resolveImportBinding(creation.node.callee, sourceCode.getScope(creation.node))?.source;
        if (module !== undefined) noteClient(node, module, `${module}#${creation.role}`);
      },
      'Program:exit'() {
        for (const reference of trackModuleReferences(sourceCode, APP_MAP)) {
          if (reference.node.type === AST_NODE_TYPES.CallExpression) emit(reference.node, { kind: 'app', framework: reference.info });
        }
        for (const reference of trackModuleReferences(sourceCode, THROTTLER_MAP)) {
          emit(reference.node, { kind: 'rateLimiter', module: reference.info }, true);
        }
        for (const reference of trackModuleReferences(sourceCode, SDK_CLIENTS)) {
          const module = reference.path[0];
          if (reference.node.type === AST_NODE_TYPES.NewExpression && module !== undefined) noteClient(reference.node, module, module);
        }
        const signal = handlesSignal();
        if (signal) emit(signal, { kind: 'shutdown', via: 'process.on' }, true);
        for (const reference of trackModuleReferences(sourceCode, { '@nestjs/terminus': { HealthCheck: { [CALL]: true } } })) {
          emit(reference.node, { kind: 'health', path: '@HealthCheck()' }, true);
        }
        noteHealthRoutes();
        if (listens.length > 0) {
          const servers = new InstanceSet(
            sourceCode,
            trackModuleReferences(sourceCode, SERVER_MAP).map((reference) => reference.node),
          );
          for (const call of listens) {
            if (isServerListen(call, servers)) emit((call.callee as TSESTree.MemberExpression).property, { kind: 'listen' });
          }
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});
