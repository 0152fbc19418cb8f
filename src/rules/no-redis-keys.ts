import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getMemberName, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { getDataAccess, type DbCall } from '../util/data-access.js';
import { matchesFileGlob } from '../util/file-glob.js';
import { getRequireSource } from '../util/modules.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    ignoreFiles?: string[];
  },
];
export type MessageIds = 'redisKeys' | 'useScan';

/** Which client API the SCAN rewrite uses. */
type Flavor = 'ioredis' | 'node-redis';

const DEFAULT_IGNORE_FILES = ['**/scripts/**', '**/bin/**'];

/** Packages and Nest wrappers whose clients are ioredis instances. */
const IOREDIS_MODULES = ['ioredis', '@nestjs-modules/ioredis', '@liaoliaots/nestjs-redis', 'nestjs-ioredis'];
/** node-redis (v4+) packages. */
const NODE_REDIS_MODULES = ['redis', '@redis/client'];

/** Methods that take the command name as data. */
const GENERIC_METHODS = ['call', 'callbuffer', 'sendcommand', 'send_command'];

/** Names the rewrite declares inside its helper; renamed when the call's own text uses them. */
const REWRITE_NAMES = ['scanned', 'batch'] as const;

export default createRule<Options, MessageIds>({
  name: 'no-redis-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the Redis `KEYS` command in application code',
      recommended: true,
      category: 'performance',
      cwe: 'CWE-400',
    },
    hasSuggestions: true,
    messages: {
      redisKeys:
        '`KEYS` walks every key of the Redis database in one blocking call: on a large keyspace it stalls every other client (and request) for seconds. Iterate with `SCAN` instead.',
      useScan: 'Collect the same keys with a `SCAN` iteration (`{{api}}`), which never blocks Redis for long.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreFiles: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs (relative to the project, `{a,b}` alternatives allowed) of files not checked: one-off maintenance scripts may use `KEYS` on purpose. Test files are never checked.',
          },
        },
      },
    ],
    defaultOptions: [{ ignoreFiles: DEFAULT_IGNORE_FILES }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename, context.cwd)) return {};
    if (matchesFileGlob(context.filename, options.ignoreFiles ?? DEFAULT_IGNORE_FILES, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    let fileFlavor: Flavor | null | undefined;
    const isTypeScript = /\.[cm]?tsx?$/u.test(context.filename);

    return {
      // `redis.keys(p)`, `client.KEYS(p)`, `redis.call('KEYS', p)`, `client.sendCommand(['KEYS', p])`.
      'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(?:keys|call|callBuffer|sendCommand|send_command)$/i]'(
        node: TSESTree.CallExpression,
      ) {
        const call = getDataAccess(sourceCode).classifyCall(node);
        if (call?.library !== 'redis' || call.node !== node || commandOf(node, call) !== 'KEYS') return;
        const callee = node.callee as TSESTree.MemberExpression;
        const rewrite = scanRewrite(node, call);
        context.report({
          node,
          loc: { start: callee.property.loc.start, end: node.loc.end },
          messageId: 'redisKeys',
          ...(rewrite
            ? {
                suggest: [
                  {
                    messageId: 'useScan',
                    data: { api: rewrite.api },
                    fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, rewrite.text),
                  },
                ],
              }
            : {}),
        });
      },
    };

    /** The command: the model's, or for `call(CMD, …)`/`sendCommand([CMD, …])` a name held in a constant. */
    function commandOf(node: TSESTree.CallExpression, call: DbCall): string | undefined {
      if (call.command !== undefined) return call.command;
      const method = getCalleeName(node)?.toLowerCase();
      if (method === undefined || !GENERIC_METHODS.includes(method)) return undefined;
      const [first] = node.arguments;
      const name = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements[0] : first;
      if (!name || name.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const value = ASTUtils.getStaticValue(name, sourceCode.getScope(name))?.value;
      return typeof value === 'string' ? value.toUpperCase() : undefined;
    }

    /** The SCAN helper that replaces `node`, when the client API is known and the call is a plain one. */
    function scanRewrite(node: TSESTree.CallExpression, call: DbCall): { text: string; api: string } | undefined {
      const callee = node.callee as TSESTree.MemberExpression;
      // Not inside `multi()`/`pipeline()` (SCAN cannot join a transaction), not `redis?.keys()`.
      if (unwrapExpression(callee.object) !== call.receiver || callee.optional || node.optional) return undefined;
      const method = getMemberName(callee) ?? '';
      const pattern = patternArgument(node, method);
      if (!pattern) return undefined;
      const flavor = flavorOf(method);
      if (!flavor) return undefined;
      const receiverText = sourceCode.getText(callee.object);
      const patternText = sourceCode.getText(pattern);
      const used = `${receiverText} ${patternText}`;
      const [listName, itemName] = REWRITE_NAMES.map((name) => freshName(name, used));
      const list = isTypeScript ? `const ${listName}: string[] = []` : `const ${listName} = []`;
      if (flavor === 'ioredis') {
        const item = isTypeScript ? `(${itemName} as string[])` : itemName;
        return {
          api: 'scanStream',
          text: `(async () => { ${list}; for await (const ${itemName} of ${receiverText}.scanStream({ match: ${patternText} })) ${listName}.push(...${item}); return [...new Set(${listName})]; })()`,
        };
      }
      // node-redis v4 yields one key per step, v5 an array of keys: `concat` takes either.
      const empty = isTypeScript ? '([] as string[])' : '[]';
      return {
        api: 'scanIterator',
        text: `(async () => { ${list}; for await (const ${itemName} of ${receiverText}.scanIterator({ MATCH: ${patternText} })) ${listName}.push(...${empty}.concat(${itemName})); return [...new Set(${listName})]; })()`,
      };
    }

    /** The pattern of a one-pattern KEYS call (no callback, no spread). */
    function patternArgument(node: TSESTree.CallExpression, method: string): TSESTree.Expression | undefined {
      const args = node.arguments;
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      const lower = method.toLowerCase();
      if (lower === 'keys') return args.length === 1 ? (args[0] as TSESTree.Expression) : undefined;
      if (lower === 'call') return args.length === 2 ? (args[1] as TSESTree.Expression) : undefined;
      if (lower === 'sendcommand') {
        const array = args.length === 1 && args[0] ? unwrapExpression(args[0]) : undefined;
        if (array?.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length !== 2) return undefined;
        const element = array.elements[1];
        return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : undefined;
      }
      return undefined;
    }

    /**
     * The client API: `KEYS`/`sendCommand` exist only in node-redis and `call` only in ioredis;
     * otherwise the Redis package the file imports, when it imports exactly one kind.
     */
    function flavorOf(method: string): Flavor | undefined {
      if (method === 'KEYS' || method === 'sendCommand') return 'node-redis';
      if (method === 'call') return 'ioredis';
      if (method !== 'keys') return undefined;
      if (fileFlavor === undefined) fileFlavor = importedFlavor() ?? null;
      return fileFlavor ?? undefined;
    }

    function importedFlavor(): Flavor | undefined {
      const sources = new Set<string>();
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration) sources.add(String(statement.source.value));
        if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declarations) {
            const source = declarator.init ? getRequireSource(declarator.init) : undefined;
            if (source !== undefined) sources.add(source);
          }
        }
      }
      const ioredis = IOREDIS_MODULES.some((name) => sources.has(name));
      const nodeRedis = NODE_REDIS_MODULES.some((name) => sources.has(name));
      if (ioredis === nodeRedis) return undefined;
      return ioredis ? 'ioredis' : 'node-redis';
    }
  },
});

/** `name`, or `name2`, `name3`… when the text already uses it as a word. */
function freshName(name: string, used: string): string {
  let candidate = name;
  for (let index = 2; new RegExp(`\\b${candidate}\\b`, 'u').test(used); index += 1) candidate = `${name}${index}`;
  return candidate;
}
