import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  enclosingClassBody,
  getCalleeName,
  getConstInitializer,
  getEnclosingFunction,
  getMemberName,
  getPropertyKeyName,
  isWithin,
  unwrapAwait,
  unwrapExpression,
} from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { getDataAccess, type DbCall } from '../util/data-access.js';
import { CALL, InstanceSet, resolveImportBinding, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { readOptionsObject } from '../util/options-object.js';

export type Options = [
  {
    persistentKeyPatterns?: string[];
    assumeCacheManagerDefaultTtl?: boolean;
  },
];
export type MessageIds = 'setWithoutTtl' | 'collectionWithoutTtl' | 'msetWithoutTtl' | 'cacheSetWithoutTtl';

/** Commands that create a key with no expiry unless an `EXPIRE` follows. */
const COLLECTION_COMMANDS = new Set(['HSET', 'HMSET', 'HSETNX', 'SADD', 'LPUSH', 'RPUSH', 'ZADD', 'SETNX']);
const MULTI_SET_COMMANDS = new Set(['MSET', 'MSETNX']);
const EXPIRE_COMMANDS = new Set(['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT', 'HEXPIRE', 'HPEXPIRE']);
/** Methods that take the command name as data: `redis.call('HSET', …)`, `client.sendCommand(['HSET', …])`. */
const GENERIC_METHODS = new Set(['call', 'callbuffer', 'sendcommand', 'send_command']);
/** `SET` arguments that give an expiry (ioredis flags; node-redis / Upstash option keys, any case). */
const TTL_FLAGS = new Set(['EX', 'PX', 'EXAT', 'PXAT', 'KEEPTTL', 'EXPIRATION']);
/** `SET` flags that do not give one. */
const OTHER_SET_FLAGS = new Set(['NX', 'XX', 'GET']);

/** cache-manager factories: v4 `caching({ store, ttl })`, v5 `caching('memory', { ttl })`, v6 `createCache({ ttl })`. */
const CACHE_MANAGER_FACTORIES: TraceMap<true> = {
  'cache-manager': {
    caching: { [CALL]: true },
    multiCaching: { [CALL]: true },
    createCache: { [CALL]: true },
    default: { caching: { [CALL]: true }, multiCaching: { [CALL]: true }, createCache: { [CALL]: true } },
  },
};
/** Where NestJS's `CACHE_MANAGER` token and the cache-manager `Cache` type come from. */
const CACHE_TOKEN_MODULES = ['@nestjs/cache-manager', '@nestjs/common'];
const CACHE_TYPE_MODULES = ['cache-manager', '@nestjs/cache-manager'];

/** Stands for a part of a key the rule cannot read (`${id}`, a parameter). */
const UNKNOWN_PART = '\u0000';

interface RedisWrite {
  node: TSESTree.CallExpression;
  command: string;
  key: TSESTree.Node | undefined;
}

export default createRule<Options, MessageIds>({
  name: 'require-cache-ttl',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an expiry on Redis keys and cache-manager entries written as cache',
      recommended: false,
      category: 'performance',
      cwe: 'CWE-400',
    },
    messages: {
      setWithoutTtl:
        'This `SET` stores the key with no expiry: the cached value is never refreshed and Redis memory only grows until `maxmemory` evicts or refuses writes. Give it `EX`/`PX` (or use `SETEX`).',
      collectionWithoutTtl:
        '`{{command}}` creates this key and nothing in this function calls `EXPIRE` on it: the key lives forever and Redis memory only grows. Call `expire(key, seconds)` after writing it.',
      msetWithoutTtl:
        '`{{command}}` cannot set an expiry: these keys live forever and Redis memory only grows. Write them with `SET key value EX n` (in a `multi()`/pipeline) instead.',
      cacheSetWithoutTtl:
        'This cache entry is stored without a ttl and the cache has no default ttl here: it never expires, so stale data is served and the store keeps growing. Pass a ttl.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          persistentKeyPatterns: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Key patterns that are meant to live forever (`config:*`, `leaderboard`): `*` matches any characters, `?` one. A key whose start is not a constant never matches.',
          },
          assumeCacheManagerDefaultTtl: {
            type: 'boolean',
            description:
              'Treat the NestJS cache manager injected with `@Inject(CACHE_MANAGER)` (or typed `Cache`) as configured with a default `ttl` (`CacheModule.register({ ttl })`), so its `set(key, value)` calls are not reported.',
          },
        },
      },
    ],
    defaultOptions: [{ persistentKeyPatterns: [], assumeCacheManagerDefaultTtl: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const persistent = (options.persistentKeyPatterns ?? []).map(keyPatternToRegExp);
    const writes: RedisWrite[] = [];
    const expires: { node: TSESTree.CallExpression; key: TSESTree.Node | undefined }[] = [];
    let cacheManagers: CacheManagers | undefined;

    return {
      'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(?:set|setnx|hset|hmset|hsetnx|sadd|lpush|rpush|zadd|mset|msetnx|p?expire(?:at)?|hp?expire|call|callBuffer|sendCommand|send_command)$/i]'(
        node: TSESTree.CallExpression,
      ) {
        const call = getDataAccess(sourceCode).classifyCall(node);
        if (call?.library === 'redis') {
          if (call.node === node) collectRedis(node, call);
          return;
        }
        if (getMemberName(node.callee as TSESTree.MemberExpression) === 'set') checkCacheManagerSet(node);
      },
      'Program:exit'() {
        for (const write of writes) checkRedisWrite(write);
      },
    };

    function collectRedis(node: TSESTree.CallExpression, call: DbCall): void {
      const command = commandOf(node, call);
      if (command === undefined) return;
      const args = commandArguments(node, call);
      if (!args) return; // a spread: the arguments cannot be seen
      if (EXPIRE_COMMANDS.has(command)) {
        expires.push({ node, key: args[0] });
        return;
      }
      if (command === 'SET') {
        if (hasExpiryArgument(args.slice(2))) return;
        writes.push({ node, command, key: args[0] });
        return;
      }
      if (COLLECTION_COMMANDS.has(command) || MULTI_SET_COMMANDS.has(command)) writes.push({ node, command, key: args[0] });
    }

    function checkRedisWrite(write: RedisWrite): void {
      if (write.key && isPersistentKey(write.key)) return;
      if (MULTI_SET_COMMANDS.has(write.command)) {
        report(write.node, 'msetWithoutTtl', { command: write.command });
        return;
      }
      const scope = getEnclosingFunction(write.node) ?? sourceCode.ast;
      const expired = expires.some((expire) => expire.key && write.key && isWithin(expire.node, scope) && sameKey(expire.key, write.key));
      if (expired) return;
      if (write.command === 'SET') report(write.node, 'setWithoutTtl', {});
      else report(write.node, 'collectionWithoutTtl', { command: write.command });
    }

    function report(node: TSESTree.CallExpression, messageId: MessageIds, data: Record<string, string>): void {
      const callee = unwrapExpression(node.callee);
      const start = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property.loc.start : node.loc.start;
      context.report({ node, loc: { start, end: node.loc.end }, messageId, data });
    }

    /** The Redis command: the model's, or for `call(CMD, …)` a name held in a constant. */
    function commandOf(node: TSESTree.CallExpression, call: DbCall): string | undefined {
      if (call.command !== undefined) return call.command;
      const method = getCalleeName(node)?.toLowerCase();
      if (method === undefined || !GENERIC_METHODS.has(method)) return undefined;
      const [first] = node.arguments;
      const name = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements[0] : first;
      if (!name || name.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const value = staticValue(name);
      return typeof value === 'string' ? value.toUpperCase() : undefined;
    }

    /** The command's own arguments (key first), without the command name of generic calls; undefined with a spread. */
    function commandArguments(node: TSESTree.CallExpression, call: DbCall): TSESTree.Node[] | undefined {
      let args: readonly (TSESTree.Node | null)[] = node.arguments;
      const method = call.method.toLowerCase();
      if (GENERIC_METHODS.has(method)) {
        const [first] = node.arguments;
        args = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements : node.arguments.slice(1);
        if (first?.type === AST_NODE_TYPES.ArrayExpression) args = args.slice(1);
      }
      if (args.some((argument) => !argument || argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      return args as TSESTree.Node[];
    }

    /**
     * Whether the arguments after `SET key value` give an expiry, or might (a value the rule cannot
     * read, such as a wrapper's third `ttl` parameter, counts as one: no report on a guess).
     */
    function hasExpiryArgument(rest: readonly TSESTree.Node[]): boolean {
      for (const argument of rest) {
        const target = unwrapExpression(argument);
        if (target.type === AST_NODE_TYPES.ArrowFunctionExpression || target.type === AST_NODE_TYPES.FunctionExpression) continue; // callback
        const value = staticValue(target);
        if (typeof value === 'string') {
          const flag = value.toUpperCase();
          if (TTL_FLAGS.has(flag)) return true;
          if (OTHER_SET_FLAGS.has(flag)) continue;
          return true;
        }
        const object = readOptionsObject(target, sourceCode.getScope(target));
        const keys = object ? collectKeys(object.object) : undefined;
        if (keys === undefined || keys.some((key) => TTL_FLAGS.has(key.toUpperCase()))) return true;
      }
      return false;
    }

    /** The keys of an options object, spreads of local constants included; undefined when a key cannot be read. */
    function collectKeys(object: TSESTree.ObjectExpression, depth = 0): string[] | undefined {
      const keys: string[] = [];
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          const inner = depth < 4 ? readOptionsObject(property.argument, sourceCode.getScope(property)) : undefined;
          const innerKeys = inner ? collectKeys(inner.object, depth + 1) : undefined;
          if (!innerKeys) return undefined;
          keys.push(...innerKeys);
          continue;
        }
        const name = getPropertyKeyName(property);
        if (name === undefined) return undefined;
        keys.push(name);
      }
      return keys;
    }

    /** Whether two key expressions name the same key: same text, or the same constant value. */
    function sameKey(a: TSESTree.Node, b: TSESTree.Node): boolean {
      const texts = (node: TSESTree.Node): string[] => {
        const target = unwrapExpression(node);
        const result = [normalise(sourceCode.getText(target))];
        if (target.type === AST_NODE_TYPES.Identifier) {
          const init = getConstInitializer(target, sourceCode.getScope(target));
          if (init) result.push(normalise(sourceCode.getText(unwrapExpression(init))));
        }
        const value = staticValue(target);
        if (typeof value === 'string') result.push(JSON.stringify(value));
        return result;
      };
      const left = texts(a);
      return texts(b).some((text) => left.includes(text));
    }

    function isPersistentKey(key: TSESTree.Node): boolean {
      if (persistent.length === 0) return false;
      const template = keyTemplate(key, 0);
      return persistent.some((pattern) => pattern.test(template));
    }

    /** The key's text with {@link UNKNOWN_PART} for what cannot be read: `` `config:${name}` `` → `config:\0`. */
    function keyTemplate(node: TSESTree.Node, depth: number): string {
      const target = unwrapExpression(node);
      const value = staticValue(target);
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      if (depth > 4) return UNKNOWN_PART;
      if (target.type === AST_NODE_TYPES.TemplateLiteral) {
        return target.quasis
          .map((quasi, index) => {
            const expression = target.expressions[index];
            return (quasi.value.cooked ?? '') + (expression ? keyTemplate(expression, depth + 1) : '');
          })
          .join('');
      }
      if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '+') {
        return keyTemplate(target.left, depth + 1) + keyTemplate(target.right, depth + 1);
      }
      if (target.type === AST_NODE_TYPES.Identifier) {
        const init = getConstInitializer(target, sourceCode.getScope(target));
        if (init) return keyTemplate(init, depth + 1);
      }
      return UNKNOWN_PART;
    }

    function staticValue(node: TSESTree.Node): unknown {
      return ASTUtils.getStaticValue(node, sourceCode.getScope(node))?.value;
    }

    // ----- cache-manager -------------------------------------------------------------------------

    function checkCacheManagerSet(node: TSESTree.CallExpression): void {
      const callee = node.callee as TSESTree.MemberExpression;
      if (node.arguments.length < 2 || node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return;
      const ttl = node.arguments[2];
      if (ttl && !(ttl.type === AST_NODE_TYPES.Identifier && ttl.name === 'undefined')) {
        const object = readOptionsObject(ttl, sourceCode.getScope(ttl));
        // v4 `set(k, v, { ttl })`; a bare number or any other value is the ttl itself.
        if (!object || object.get('ttl').state !== 'missing') return;
      }
      cacheManagers ??= findCacheManagers();
      if (!cacheManagers.isCacheWithoutDefaultTtl(unwrapExpression(callee.object))) return;
      const key = node.arguments[0];
      if (key && isPersistentKey(key)) return;
      report(node, 'cacheSetWithoutTtl', {});
    }

    function findCacheManagers(): CacheManagers {
      const creations = trackModuleReferences(sourceCode, CACHE_MANAGER_FACTORIES)
        .map((reference) => reference.node)
        .filter((node): node is TSESTree.CallExpression => node.type === AST_NODE_TYPES.CallExpression && !givesDefaultTtl(node));
      const instances = new InstanceSet(sourceCode, creations);
      const injected = new Map<TSESTree.ClassBody, Set<string>>();
      return {
        isCacheWithoutDefaultTtl(receiver: TSESTree.Node): boolean {
          if (instances.has(receiver)) return true;
          if (options.assumeCacheManagerDefaultTtl === true) return false;
          if (receiver.type === AST_NODE_TYPES.MemberExpression && receiver.object.type === AST_NODE_TYPES.ThisExpression) {
            const name = getMemberName(receiver);
            const body = enclosingClassBody(receiver);
            if (name === undefined || !body) return false;
            let names = injected.get(body);
            if (!names) {
              names = injectedCacheMembers(body);
              injected.set(body, names);
            }
            return names.has(name);
          }
          if (receiver.type === AST_NODE_TYPES.Identifier) {
            // A parameter or variable typed `Cache`: `async function warm(cache: Cache)`.
            const def = ASTUtils.findVariable(sourceCode.getScope(receiver), receiver)?.defs[0];
            const name = def?.name;
            return name?.type === AST_NODE_TYPES.Identifier && name.typeAnnotation !== undefined && isCacheType(name.typeAnnotation);
          }
          return false;
        },
      };
    }

    /** NestJS: `@Inject(CACHE_MANAGER) private cache: Cache` members and constructor parameter properties. */
    function injectedCacheMembers(body: TSESTree.ClassBody): Set<string> {
      const names = new Set<string>();
      for (const member of body.body) {
        if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier) {
          if (isCacheManagerDeclaration(member.decorators, member.typeAnnotation)) names.add(member.key.name);
        }
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
          for (const parameter of member.value.params) {
            if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
            const inner = parameter.parameter;
            const identifier = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
            if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
            if (isCacheManagerDeclaration(parameter.decorators, identifier.typeAnnotation)) names.add(identifier.name);
          }
        }
      }
      return names;
    }

    /** Whether a cache-manager factory call is given a default ttl (or options the rule cannot read). */
    function givesDefaultTtl(call: TSESTree.CallExpression): boolean {
      for (const argument of call.arguments) {
        const target = unwrapAwait(argument);
        if (target.type === AST_NODE_TYPES.SpreadElement) return true;
        if (target.type === AST_NODE_TYPES.Literal) continue; // 'memory'
        if (target.type === AST_NODE_TYPES.CallExpression) {
          // `caching(await redisStore({ ttl }))`
          if (target.arguments.some((inner) => readOptionsObject(inner, sourceCode.getScope(inner))?.get('ttl').state !== 'missing')) return true;
          continue;
        }
        if (target.type === AST_NODE_TYPES.ArrayExpression) continue; // multiCaching([a, b]): the stores' own ttl is not read
        const object = readOptionsObject(target, sourceCode.getScope(target));
        if (!object || object.get('ttl').state !== 'missing') return true;
      }
      return false;
    }

    function isCacheManagerDeclaration(decorators: readonly TSESTree.Decorator[], annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
      const tokenInjected = decorators.some((decorator) => {
        const expression = decorator.expression;
        if (expression.type !== AST_NODE_TYPES.CallExpression || getCalleeName(expression) !== 'Inject') return false;
        const [token] = expression.arguments;
        if (token?.type !== AST_NODE_TYPES.Identifier && token?.type !== AST_NODE_TYPES.MemberExpression) return false;
        const binding = resolveImportBinding(token, sourceCode.getScope(token));
        return binding !== undefined && CACHE_TOKEN_MODULES.includes(binding.source) && binding.path.includes('CACHE_MANAGER');
      });
      return tokenInjected || (annotation !== undefined && isCacheType(annotation));
    }

    /** `Cache` imported from cache-manager (or re-exported by @nestjs/cache-manager). */
    function isCacheType(annotation: TSESTree.TSTypeAnnotation): boolean {
      const type = annotation.typeAnnotation;
      if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
      const name = type.typeName;
      const identifier = name.type === AST_NODE_TYPES.Identifier ? name : name.type === AST_NODE_TYPES.TSQualifiedName ? name.left : undefined;
      if (identifier?.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
      const def = variable?.defs[0];
      if (def?.type !== 'ImportBinding' || def.parent.type !== AST_NODE_TYPES.ImportDeclaration) return false;
      if (!CACHE_TYPE_MODULES.includes(String(def.parent.source.value))) return false;
      const specifier = def.node;
      const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : undefined;
      return name.type === AST_NODE_TYPES.Identifier ? imported === 'Cache' : name.type === AST_NODE_TYPES.TSQualifiedName && name.right.name === 'Cache';
    }
  },
});

interface CacheManagers {
  isCacheWithoutDefaultTtl(receiver: TSESTree.Node): boolean;
}

function normalise(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** `config:*` → `^config:.*$`; `?` is one character. */
function keyPatternToRegExp(pattern: string): RegExp {
  let source = '';
  for (const character of pattern) {
    if (character === '*') source += '.*';
    else if (character === '?') source += '.';
    else source += character.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
  }
  return new RegExp(`^${source}$`, 'su');
}

