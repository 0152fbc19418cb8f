import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty, getDottedName, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { PROCESS_LISTENERS, SERVER_MAP, SHUTDOWN_MODULES, SHUTDOWN_NAME, isImportedLocalApp } from '../util/known-modules.js';
import { InstanceSet, getRequireSource, isLocalModule, trackImplicitGlobalReferences, trackModuleReferences } from '../util/modules.js';

export type Options = [
  {
    signals: string[];
    shutdownModules: string[];
  },
];
export type MessageIds = 'missingShutdown';


const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|e2e)[\\/]|\.(?:test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/u;

export default createRule<Options, MessageIds>({
  name: 'require-graceful-shutdown',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require SIGTERM/SIGINT handling in files that start an HTTP server',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-404',
    },
    messages: {
      missingShutdown:
        'This server starts listening but nothing in this file handles {{signals}}: on every deploy or scale-down the process is killed mid-request, dropping in-flight requests and leaving database connections open.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          signals: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            uniqueItems: true,
            description: 'Signals whose `process.on(signal, …)` handler counts as graceful shutdown (any one of them is enough).',
          },
          shutdownModules: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              "Extra modules whose import counts as shutdown handling, e.g. `'./lifecycle'` (an entry also matches a specifier that ends with `/<entry>`).",
          },
        },
      },
    ],
    defaultOptions: [{ signals: ['SIGTERM', 'SIGINT'], shutdownModules: [] }],
  },
  create(context, [options]) {
    if (TEST_FILE.test(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const listens: TSESTree.CallExpression[] = [];
    /** Imported and required modules, judged only in a file that listens (most files never do). */
    const sources: string[] = [];
    let handledByCall = false;

    function isShutdownModule(source: string, modules: readonly string[]): boolean {
      const bare = source.replace(/^node:/u, '');
      // Local helpers named for it (`./lifecycle/graceful-shutdown`); packages only from the list (graceful-fs is not one).
      return (isLocalModule(bare) && SHUTDOWN_NAME.test(bare)) || modules.some((entry) => bare === entry || bare.endsWith(`/${entry}`) || bare.startsWith(`${entry}/`));
    }

    function handledByImportOrCall(): boolean {
      if (handledByCall) return true;
      const modules = [...SHUTDOWN_MODULES, ...options.shutdownModules];
      return sources.some((source) => isShutdownModule(source, modules));
    }

    function isServer(receiver: TSESTree.Node, servers: InstanceSet, call: TSESTree.CallExpression): boolean {
      if (servers.has(receiver)) return true;
      // An app built in another file counts only with a port argument: `import app from './app'; app.listen(PORT)`.
      if (!isImportedLocalApp(receiver, sourceCode.getScope(receiver))) return false;
      const port = call.arguments[0];
      return port !== undefined && isPortLike(port);
    }

    function isPortLike(node: TSESTree.Node): boolean {
      const target = unwrapExpression(node);
      const value = ASTUtils.getStaticValue(target, sourceCode.getScope(target));
      if (value && typeof value.value === 'number') return value.value > 0;
      if (target.type === AST_NODE_TYPES.LogicalExpression) return isPortLike(target.left) || isPortLike(target.right);
      if (target.type === AST_NODE_TYPES.CallExpression) return target.arguments.some((argument) => isPortLike(argument));
      if (target.type === AST_NODE_TYPES.ObjectExpression) {
        // fastify.listen({ port: PORT, host: '0.0.0.0' })
        const port = findProperty(target, 'port');
        return port !== undefined && isPortLike(port.value);
      }
      return /port/iu.test(getDottedName(target) ?? '');
    }

    function handlesSignal(): boolean {
      const references = [
        ...trackImplicitGlobalReferences(sourceCode, { process: PROCESS_LISTENERS }),
        ...trackModuleReferences(sourceCode, { process: PROCESS_LISTENERS }),
      ];
      return references.some((reference) => {
        if (reference.node.type !== AST_NODE_TYPES.CallExpression) return false;
        const first = reference.node.arguments[0];
        if (!first) return false;
        const signal = ASTUtils.getStaticValue(first, sourceCode.getScope(first))?.value;
        // A signal the rule cannot read (`for (const s of signals) process.on(s, …)`) gets the benefit of the doubt.
        return typeof signal !== 'string' || options.signals.includes(signal);
      });
    }

    /** Whether the port is 0 (an ephemeral port: a test or a tool, not a deployed server). */
    function isEphemeral(call: TSESTree.CallExpression): boolean {
      const first = call.arguments[0];
      return first !== undefined && ASTUtils.getStaticValue(first, sourceCode.getScope(first))?.value === 0;
    }

    return {
      ImportDeclaration(node) {
        sources.push(node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string') sources.push(node.source.value);
      },
      'CallExpression[callee.name="require"]'(node: TSESTree.CallExpression) {
        const source = getRequireSource(node);
        if (source !== undefined) sources.push(source);
      },
      'CallExpression[callee.name=/shutdown|graceful|terminus|terminator/i], CallExpression[callee.property.name=/shutdown|graceful|terminus|terminator/i]'() {
        handledByCall = true;
      },
      'CallExpression[callee.property.name="listen"]'(node: TSESTree.CallExpression) {
        if (!isEphemeral(node)) listens.push(node);
      },
      'Program:exit'() {
        if (listens.length === 0 || handledByImportOrCall()) return;
        const servers = new InstanceSet(
          sourceCode,
          trackModuleReferences(sourceCode, SERVER_MAP).map((reference) => reference.node),
        );
        const serverListens = listens.filter((call) => isServer((call.callee as TSESTree.MemberExpression).object, servers, call));
        if (serverListens.length === 0 || handlesSignal()) return;
        for (const call of serverListens) {
          context.report({
            node: (call.callee as TSESTree.MemberExpression).property,
            messageId: 'missingShutdown',
            data: { signals: options.signals.join('/') },
          });
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});
