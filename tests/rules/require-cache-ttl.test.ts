import rule from '../../src/rules/require-cache-ttl.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const IOREDIS = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
const NODE_REDIS = "import { createClient } from 'redis';\nconst client = createClient();\n";

ruleTester.run('require-cache-ttl', rule, {
  valid: [
    // SET with an expiry, ioredis flags (any case, before or after NX) and node-redis / Upstash options.
    `${IOREDIS}await redis.set(key, value, 'EX', 60);`,
    `${IOREDIS}await redis.set(key, value, 'NX', 'px', 5000);`,
    `${IOREDIS}await redis.set(key, value, 'KEEPTTL');`,
    `${NODE_REDIS}await client.set(key, value, { EX: 60 });`,
    `${NODE_REDIS}await client.set(key, value, { NX: true, expiration: { type: 'EX', value: 60 } });`,
    "import { Redis } from '@upstash/redis';\nconst redis = Redis.fromEnv();\nawait redis.set(key, value, { ex: 60 });",
    // The TTL commands themselves, and SET given options the rule cannot read.
    `${IOREDIS}await redis.setex(key, 60, value); await redis.psetex(key, 60000, value);`,
    `${NODE_REDIS}const opts = buildOptions(); await client.set(key, value, opts);`,
    // An EXPIRE on the same key in the same function (directly, through a constant, in MULTI).
    `${IOREDIS}async function save(id: string, profile: Record<string, string>) {
  await redis.hset(\`user:\${id}\`, profile);
  await redis.expire(\`user:\${id}\`, 300);
}`,
    `${NODE_REDIS}async function remember(id: string) {
  const key = \`seen:\${id}\`;
  await client.sAdd(key, 'x');
  await client.expire(key, 60);
}`,
    `${IOREDIS}await redis.multi().lpush('recent', item).expire('recent', 3600).exec();`,
    `${IOREDIS}async function lock(name: string) { await redis.setnx(name, '1'); await redis.pexpire(name, 30000); }`,
    // Keys meant to live forever, by option.
    {
      code: `${IOREDIS}await redis.set('config:feature-flags', json); await redis.hset(\`config:\${tenant}\`, 'plan', plan);`,
      options: [{ persistentKeyPatterns: ['config:*'] }],
    },
    // Map#set, res.set, lru-cache: not Redis, not cache-manager.
    'const cache = new Map<string, string>(); cache.set(key, value);',
    "import express from 'express'; const app = express(); app.get('/', (req, res) => { res.set('Cache-Control', 'no-store'); res.send('ok'); });",
    "import { LRUCache } from 'lru-cache'; const cache = new LRUCache<string, string>({ max: 500 }); cache.set(key, value);",
    // A `set` on something named cache whose origin cannot be seen.
    "import { cache } from './cache'; cache.set(key, value);",
    // cache-manager: with a ttl, or created with a default ttl.
    "import { caching } from 'cache-manager'; const cache = await caching('memory', { max: 100 }); await cache.set('k', v, 60_000);",
    "import { caching } from 'cache-manager'; const cache = await caching('memory', { max: 100, ttl: 10_000 }); await cache.set('k', v);",
    "import { createCache } from 'cache-manager'; const cache = createCache({ ttl: 60_000 }); await cache.set('k', v);",
    "import cacheManager from 'cache-manager'; const cache = cacheManager.caching({ store: 'memory', max: 100 }); cache.set('k', v, { ttl: 60 });",
    // NestJS cache manager configured elsewhere with a ttl, by option; or given a ttl.
    {
      code: `import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
@Injectable()
export class ProfileService {
  constructor(@Inject(CACHE_MANAGER) private cacheManager: Cache) {}
  async save(id: string, profile: unknown) { await this.cacheManager.set(\`profile:\${id}\`, profile); }
}`,
      options: [{ assumeCacheManagerDefaultTtl: true }],
    },
    `import { Inject } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
export class ProfileService {
  constructor(@Inject(CACHE_MANAGER) private cacheManager: any) {}
  async save(id: string, profile: unknown) { await this.cacheManager.set(\`profile:\${id}\`, profile, 300_000); }
}`,
    // A wrapper whose third parameter is its ttl.
    "import { redis } from '../lib/redis'; await redis.set(key, value, ttlSeconds);",
    // The seed's CacheService: getOrSet stores with SETEX.
    `import Redis from 'ioredis';
export class CacheService {
  constructor(private readonly redis: Redis) {}
  async getOrSet<T>(key: string, ttl: number, factory: () => Promise<T>): Promise<T> {
    const cached = await this.redis.get(key);
    if (cached) return JSON.parse(cached) as T;
    const value = await factory();
    await this.redis.setex(key, ttl, JSON.stringify(value));
    return value;
  }
}`,
  ],
  invalid: [
    {
      // ioredis SET with no expiry (the demo's dashboard cache).
      code: `${IOREDIS}export async function cacheDashboard(tenantId: string, payload: unknown) {\n  await redis.set(\`dashboard:\${tenantId}\`, JSON.stringify(payload));\n}`,
      errors: [{ messageId: 'setWithoutTtl', line: 4, column: 15, endColumn: 68 }],
    },
    {
      // NX alone is not an expiry: a lock that never frees itself.
      code: `${IOREDIS}await redis.set('lock:report', '1', 'NX');`,
      errors: [{ messageId: 'setWithoutTtl', line: 3, column: 13 }],
    },
    {
      // node-redis options without EX/PX.
      code: `${NODE_REDIS}await client.set(key, value, { NX: true });`,
      errors: [{ messageId: 'setWithoutTtl', line: 3, column: 14 }],
    },
    {
      // node-redis camelCase hSet with no EXPIRE in the function.
      code: `${NODE_REDIS}async function saveProfile(id: string, profile: Record<string, string>) {\n  await client.hSet(\`profile:\${id}\`, profile);\n}`,
      errors: [{ messageId: 'collectionWithoutTtl', data: { command: 'HSET' }, line: 4, column: 16 }],
    },
    {
      // An EXPIRE on another key does not count.
      code: `${IOREDIS}async function track(id: string) {\n  await redis.sadd(\`online:\${id}\`, 'x');\n  await redis.expire(\`offline:\${id}\`, 60);\n}`,
      errors: [{ messageId: 'collectionWithoutTtl', data: { command: 'SADD' }, line: 4, column: 15 }],
    },
    {
      // An EXPIRE in another function does not count.
      code: `${IOREDIS}async function push(item: string) { await redis.lpush('feed', item); }\nasync function touch() { await redis.expire('feed', 60); }`,
      errors: [{ messageId: 'collectionWithoutTtl', data: { command: 'LPUSH' }, line: 3, column: 49 }],
    },
    {
      // ZADD inside MULTI with no EXPIRE.
      code: `${IOREDIS}await redis.multi().zadd('trending', score, id).incr('hits').exec();`,
      errors: [{ messageId: 'collectionWithoutTtl', data: { command: 'ZADD' }, line: 3, column: 21 }],
    },
    {
      // MSET cannot carry an expiry.
      code: `${IOREDIS}await redis.mset({ 'stats:users': users, 'stats:posts': posts });`,
      errors: [{ messageId: 'msetWithoutTtl', data: { command: 'MSET' }, line: 3, column: 13 }],
    },
    {
      // Generic command interfaces, the command name in a constant; CommonJS, destructured require.
      code: "const { Redis } = require('ioredis');\nconst redis = new Redis();\nconst SET = 'set';\nredis.call(SET, 'k', 'v');",
      filename: 'cache.js',
      errors: [{ messageId: 'setWithoutTtl', line: 4, column: 7 }],
    },
    {
      code: `${NODE_REDIS}await client.sendCommand(['HSET', 'settings', 'theme', 'dark']);`,
      errors: [{ messageId: 'collectionWithoutTtl', data: { command: 'HSET' }, line: 3, column: 14 }],
    },
    {
      // A Redis client held on a class member, plain require in a .cjs file.
      code: "const Redis = require('ioredis');\nclass Store {\n  constructor() { this.redis = new Redis(); }\n  save(k, v) { return this.redis.set(k, v); }\n}\nmodule.exports = Store;",
      filename: 'store.cjs',
      errors: [{ messageId: 'setWithoutTtl', line: 4, column: 34 }],
    },
    {
      // A heuristic Redis client (imported from the app's module, named like one), namespace import elsewhere.
      code: "import { redisClient } from '../lib/redis';\nexport const save = (k: string, v: string) => redisClient.set(k, v);",
      errors: [{ messageId: 'setWithoutTtl', line: 2, column: 59 }],
    },
    {
      // A key outside the persistent patterns.
      code: `${IOREDIS}await redis.set('cache:home', html);`,
      options: [{ persistentKeyPatterns: ['config:*'] }],
      errors: [{ messageId: 'setWithoutTtl', line: 3, column: 13 }],
    },
    {
      // cache-manager v5 without a default ttl.
      code: "import { caching } from 'cache-manager';\nconst cache = await caching('memory', { max: 100 });\nawait cache.set('categories', categories);",
      errors: [{ messageId: 'cacheSetWithoutTtl', line: 3, column: 13 }],
    },
    {
      // cache-manager v4 options object without ttl, default import.
      code: "import cacheManager from 'cache-manager';\nconst memoryCache = cacheManager.caching({ store: 'memory', max: 100 });\nmemoryCache.set('k', v, { isCacheable: () => true });",
      errors: [{ messageId: 'cacheSetWithoutTtl', line: 3, column: 13 }],
    },
    {
      // NestJS CACHE_MANAGER injection.
      code: `import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
@Injectable()
export class ProfileService {
  constructor(@Inject(CACHE_MANAGER) private cacheManager: Cache) {}
  async save(id: string, profile: unknown) {
    await this.cacheManager.set(\`profile:\${id}\`, profile);
  }
}`,
      errors: [{ messageId: 'cacheSetWithoutTtl', line: 8, column: 29 }],
    },
    {
      // A function parameter typed as cache-manager's Cache.
      code: "import type { Cache } from 'cache-manager';\nexport async function warm(cache: Cache, rows: Row[]) {\n  await cache.set('rows', rows, undefined);\n}",
      errors: [{ messageId: 'cacheSetWithoutTtl', line: 3, column: 15 }],
    },
  ],
});
