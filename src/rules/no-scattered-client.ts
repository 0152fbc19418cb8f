import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { TS_CASTS, climbThrough, getDottedName, getEnclosingFunction, getPropertyKeyName, isWithin, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { CONNECTION_ROLES, SCRIPT_FILES, SDK_CLIENTS } from '../util/known-modules.js';
import { getDataAccess, type DataAccess, type DbClientCreation } from '../util/data-access.js';
import { matchesFileGlob } from '../util/file-glob.js';
import { mayResolveImportBinding, resolveImportBinding, trackModuleReferences } from '../util/modules.js';
import { getRouteModel } from '../util/routes.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    clientModules?: string[];
    ignoreFiles?: string[];
  },
];
export type MessageIds = 'scatteredClient' | 'clientPerRequest' | 'clientPerCall';

const DEFAULT_CLIENT_MODULES = [
  '**/{config,configs,lib,libs,clients,client,db,database,infra,infrastructure,providers}/**',
  '**/{prisma,redis,openai,anthropic,llm,ai,db,database,client,clients,pool,knex,sequelize,data-source,datasource}.{ts,js,mts,cts,mjs,cjs}',
  '**/*.{module,client,provider,providers}.{ts,js,mts,cts,mjs,cjs}',
];
const DEFAULT_IGNORE_FILES = [...SCRIPT_FILES];

/**
 * Database and Redis clients that open connections, as the data-access model names their
 * creations. Not: Drizzle/Mongoose wrappers of an existing connection, HTTP-based clients
 * (Upstash, Vercel KV, Neon's `neon()`), TypeORM repositories and managers.
 */
/** What a new client passes through on its way to where it is kept (`a ?? new X()`, `c ? new X() : y`, casts). */
const STORED_VALUE_PASSERS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.AwaitExpression,
  ...TS_CASTS,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ConditionalExpression,
]);

const CONNECTION_LIBRARIES = new Set(['pg', 'mysql', 'postgres', 'prisma', 'knex', 'sequelize', 'typeorm', 'redis']);
const HTTP_CLIENT_MODULES = new Set(['@upstash/redis', '@vercel/kv', '@neondatabase/serverless', 'mongoose']);

/** Where a creation sits, which decides the message. */
type Placement = 'module' | 'request' | 'call';

export default createRule<Options, MessageIds>({
  name: 'no-scattered-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce creating SDK and database clients once, in the configured client modules',
      recommended: false,
      category: 'maintainability',
      cwe: 'CWE-772',
    },
    messages: {
      scatteredClient:
        '`{{client}}` is created outside the client modules: each file that does this holds its own client, with its own settings and connections. Create it once in a client module (such as `config/{{suggestedFile}}.ts`) and import it; the `shared-client` codemod makes the move.',
      clientPerRequest:
        '`{{client}}` is created inside a request handler: every request opens a new client and its connections, which pile up until the server or the database refuses more. Create it once in a client module and import it (the `shared-client` codemod makes the move).',
      clientPerCall:
        '`{{client}}` is created each time this function runs: every call opens a new client and its connections, which leak unless each one is closed. Create it once in a client module and import it (the `shared-client` codemod makes the move).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          clientModules: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs (relative to the project, `{a,b}` alternatives allowed) of the files allowed to create clients, at module level or in factory functions. Replaces the default list.',
          },
          ignoreFiles: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs of files not checked at all: one-shot scripts, seeds and migrations create their own client and exit. Test files are never checked.',
          },
        },
      },
    ],
    defaultOptions: [{ clientModules: DEFAULT_CLIENT_MODULES, ignoreFiles: DEFAULT_IGNORE_FILES }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename, context.cwd)) return {};
    if (matchesFileGlob(context.filename, options.ignoreFiles ?? DEFAULT_IGNORE_FILES, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const inClientModule = matchesFileGlob(context.filename, options.clientModules ?? DEFAULT_CLIENT_MODULES, context.cwd);
    let handlers: FunctionNode[] | undefined;
    let dataAccess: DataAccess | undefined;

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, SDK_CLIENTS)) {
          if (reference.node.type === AST_NODE_TYPES.NewExpression) check(reference.node, reference.path[0] ?? '');
        }
      },
      'NewExpression, CallExpression'(node: TSESTree.NewExpression | TSESTree.CallExpression) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
        // A client is made by a function imported from its library: most calls name no import.
        if (!mayResolveImportBinding(callee, sourceCode)) return;
        const creation = (dataAccess ??= getDataAccess(sourceCode)).getClientCreation(node);
        if (!creation || !opensConnections(creation)) return;
        check(node, creation.library);
      },
    };

    function opensConnections(creation: DbClientCreation): boolean {
      if (!CONNECTION_LIBRARIES.has(creation.library) || !CONNECTION_ROLES.has(creation.role)) return false;
      const source = resolveImportBinding(creation.node.callee, sourceCode.getScope(creation.node))?.source;
      return source !== undefined && !HTTP_CLIENT_MODULES.has(source);
    }

    function check(node: TSESTree.NewExpression | TSESTree.CallExpression, library: string): void {
      const placement = placementOf(node);
      if (placement === 'module' && inClientModule) return;
      if (placement === 'call' && inClientModule) return; // a factory in the client module
      const callee = getDottedName(node.callee) ?? sourceCode.getText(node.callee);
      const client = node.type === AST_NODE_TYPES.NewExpression ? `new ${callee}()` : `${callee}()`;
      const messageId: MessageIds = placement === 'module' ? 'scatteredClient' : placement === 'request' ? 'clientPerRequest' : 'clientPerCall';
      context.report({ node, messageId, data: { client, suggestedFile: suggestedFile(library) } });
    }

    /**
     * `module`: runs once per process (module level, a class constructor or field, a lazily
     * initialised singleton, a DI provider factory, a `main()` called once from the top level);
     * `request`: inside a route handler of this file; `call`: inside any other function.
     */
    function placementOf(node: TSESTree.Node): Placement {
      const fn = getEnclosingFunction(node);
      if (!fn) return 'module';
      handlers ??= getRouteModel(context).routes.flatMap((route) => (route.handlerFunction ? [route.handlerFunction] : []));
      if (handlers.some((handler) => isWithin(node, handler))) return 'request';
      if (isStoredOutside(node, fn)) return 'module';
      let current: FunctionNode | undefined = fn;
      while (current) {
        if (!runsOnce(current)) return 'call';
        current = getEnclosingFunction(current);
      }
      return 'module';
    }

    /** `client ??= new X()`, `if (!pool) pool = new Pool()`, `this.x = new X()`, `pools.set(id, new Pool())`: kept beyond the call. */
    function isStoredOutside(node: TSESTree.Node, fn: FunctionNode): boolean {
      const current = climbThrough(node, STORED_VALUE_PASSERS);
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current) {
        const left = parent.left;
        if (left.type === AST_NODE_TYPES.MemberExpression) return true;
        if (left.type === AST_NODE_TYPES.Identifier) {
          const variable = ASTUtils.findVariable(sourceCode.getScope(left), left);
          return variable !== null && !isWithin(variable.scope.block, fn);
        }
      }
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.Expression)) {
        const callee = unwrapExpression(parent.callee);
        return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'set';
      }
      return false;
    }

    /**
     * A function that runs once per process: a class constructor, a DI factory (`useFactory: () => …`),
     * a top-level IIFE, or a function whose only uses are calls at the top level of the file (`main()`).
     */
    function runsOnce(fn: FunctionNode): boolean {
      const parent = fn.parent;
      if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') return true;
      if (parent.type === AST_NODE_TYPES.Property && parent.value === fn && getPropertyKeyName(parent) === 'useFactory') return true;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return getEnclosingFunction(parent) === undefined && !inLoop(parent);
      const id =
        fn.type === AST_NODE_TYPES.FunctionDeclaration
          ? fn.id
          : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
            ? parent.id
            : null;
      if (!id) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
      if (!variable) return false;
      const uses = variable.references.filter((reference) => reference.identifier !== id && !reference.init);
      return (
        uses.length > 0 &&
        uses.every((reference) => {
          const identifier = reference.identifier;
          const call = identifier.parent;
          return call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier && getEnclosingFunction(call) === undefined && !inLoop(call);
        })
      );
    }
  },
});

function inLoop(node: TSESTree.Node): boolean {
  let current = node.parent;
  while (current) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
        current = current.parent;
    }
  }
  return false;
}

/** The client module the message proposes, by library. */
function suggestedFile(library: string): string {
  switch (library) {
    case 'openai':
      return 'openai';
    case '@anthropic-ai/sdk':
      return 'anthropic';
    case 'prisma':
      return 'prisma';
    case 'redis':
      return 'redis';
    case 'pg':
    case 'mysql':
    case 'postgres':
    case 'knex':
    case 'sequelize':
    case 'typeorm':
      return 'database';
    default:
      return 'clients';
  }
}
