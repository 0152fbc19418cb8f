import rule from '../../src/rules/no-redis-keys.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** The SCAN rewrite the suggestion inserts, for a TypeScript file. */
const ioScan = (receiver: string, pattern: string): string =>
  `(async () => { const scanned: string[] = []; for await (const batch of ${receiver}.scanStream({ match: ${pattern} })) scanned.push(...(batch as string[])); return [...new Set(scanned)]; })()`;
const nodeScan = (receiver: string, pattern: string): string =>
  `(async () => { const scanned: string[] = []; for await (const batch of ${receiver}.scanIterator({ MATCH: ${pattern} })) scanned.push(...([] as string[]).concat(batch)); return [...new Set(scanned)]; })()`;

ruleTester.run('no-redis-keys', rule, {
  valid: [
    // Object.keys, Map#keys, Set#keys: not Redis.
    'const names = Object.keys(config);',
    'const cache = new Map<string, string>(); for (const key of cache.keys()) console.log(key);',
    // SCAN is the fix.
    "import Redis from 'ioredis'; const redis = new Redis(); const stream = redis.scanStream({ match: 'session:*' });",
    "import Redis from 'ioredis'; const redis = new Redis(); await redis.scan('0', 'MATCH', 'session:*', 'COUNT', 100);",
    "import { createClient } from 'redis'; const client = createClient(); for await (const key of client.scanIterator({ MATCH: 'user:*' })) await client.del(key);",
    // A `keys` method on something that is not a Redis client.
    "import { LRUCache } from 'lru-cache'; const cache = new LRUCache({ max: 100 }); const all = [...cache.keys()];",
    'const redis = new Map<string, number>(); const all = [...redis.keys()];',
    'function list(store: { keys(pattern: string): string[] }) { return store.keys("a*"); }',
    "import { keys } from 'lodash'; const fields = keys(user);",
    // `client` says nothing about Redis when its origin cannot be seen.
    "import { client } from './api'; await client.keys('users');",
    // Another command through the generic interfaces.
    "import Redis from 'ioredis'; const redis = new Redis(); await redis.call('SCAN', '0', 'MATCH', 'a*');",
    "import { createClient } from 'redis'; const client = createClient(); await client.sendCommand(['DBSIZE']);",
    // The seed's own cache service, fixed: SCAN instead of KEYS.
    `import Redis from 'ioredis';
export class CacheService {
  constructor(private readonly redis: Redis) {}
  async invalidate(pattern: string): Promise<void> {
    for await (const keys of this.redis.scanStream({ match: pattern, count: 100 })) {
      if (keys.length > 0) await this.redis.del(...keys);
    }
  }
}`,
    // Tests and maintenance scripts may use KEYS.
    { code: "import Redis from 'ioredis'; const redis = new Redis(); afterEach(async () => { await redis.del(...(await redis.keys('test:*'))); });", filename: 'src/cache.test.ts' },
    { code: "import Redis from 'ioredis'; const redis = new Redis(); console.log(await redis.keys('*'));", filename: 'scripts/dump-keys.ts' },
    {
      code: "import Redis from 'ioredis'; const redis = new Redis(); console.log(await redis.keys('*'));",
      filename: 'tools/dump.ts',
      options: [{ ignoreFiles: ['tools/**'] }],
    },
  ],
  invalid: [
    {
      // ESM default import of ioredis.
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nconst keys = await redis.keys(`dashboard:${tenantId}*`);",
      errors: [
        {
          messageId: 'redisKeys',
          line: 3,
          column: 26,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useScan',
              output: `import Redis from 'ioredis';\nconst redis = new Redis();\nconst keys = await ${ioScan('redis', '`dashboard:${tenantId}*`')};`,
            },
          ],
        },
      ],
    },
    {
      // The seed's CacheService: a typed constructor parameter.
      code: `import Redis from 'ioredis';
export class CacheService {
  constructor(private readonly redis: Redis) {}
  async invalidate(pattern: string): Promise<void> {
    const keys = await this.redis.keys(pattern);
    if (keys.length > 0) await this.redis.del(...keys);
  }
}`,
      errors: [
        {
          messageId: 'redisKeys',
          line: 5,
          column: 35,
          suggestions: [
            {
              messageId: 'useScan',
              output: `import Redis from 'ioredis';
export class CacheService {
  constructor(private readonly redis: Redis) {}
  async invalidate(pattern: string): Promise<void> {
    const keys = await ${ioScan('this.redis', 'pattern')};
    if (keys.length > 0) await this.redis.del(...keys);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Named, aliased import of the ioredis class.
      code: "import { Redis as IORedis } from 'ioredis';\nconst cache = new IORedis();\ncache.keys('a*').then(drop);",
      errors: [
        {
          messageId: 'redisKeys',
          line: 3,
          column: 7,
          suggestions: [{ messageId: 'useScan', output: `import { Redis as IORedis } from 'ioredis';\nconst cache = new IORedis();\n${ioScan('cache', "'a*'")}.then(drop);` }],
        },
      ],
    },
    {
      // node-redis v4, named import.
      code: "import { createClient } from 'redis';\nconst client = createClient();\nconst all = await client.keys('user:*');",
      errors: [
        {
          messageId: 'redisKeys',
          line: 3,
          column: 26,
          suggestions: [{ messageId: 'useScan', output: `import { createClient } from 'redis';\nconst client = createClient();\nconst all = await ${nodeScan('client', "'user:*'")};` }],
        },
      ],
    },
    {
      // node-redis uppercase command method, namespace import.
      code: "import * as redis from 'redis';\nconst client = redis.createClient();\nawait client.KEYS('user:*');",
      errors: [
        {
          messageId: 'redisKeys',
          line: 3,
          column: 14,
          suggestions: [{ messageId: 'useScan', output: `import * as redis from 'redis';\nconst client = redis.createClient();\nawait ${nodeScan('client', "'user:*'")};` }],
        },
      ],
    },
    {
      // node-redis sendCommand with a KEYS array.
      code: "import { createClient } from 'redis';\nconst client = createClient();\nawait client.sendCommand(['KEYS', prefix]);",
      errors: [
        {
          messageId: 'redisKeys',
          line: 3,
          column: 14,
          suggestions: [{ messageId: 'useScan', output: `import { createClient } from 'redis';\nconst client = createClient();\nawait ${nodeScan('client', 'prefix')};` }],
        },
      ],
    },
    {
      // ioredis call('KEYS', …) in CommonJS, destructured require; a constant command name.
      code: "const { Redis } = require('ioredis');\nconst redis = new Redis();\nconst CMD = 'keys';\nredis.call(CMD, 'job:*').then(print);",
      filename: 'worker.js',
      errors: [
        {
          messageId: 'redisKeys',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'useScan',
              output:
                "const { Redis } = require('ioredis');\nconst redis = new Redis();\nconst CMD = 'keys';\n(async () => { const scanned = []; for await (const batch of redis.scanStream({ match: 'job:*' })) scanned.push(...batch); return [...new Set(scanned)]; })().then(print);",
            },
          ],
        },
      ],
    },
    {
      // Plain require in a .cjs file.
      code: "const Redis = require('ioredis');\nconst redis = new Redis(process.env.REDIS_URL);\nmodule.exports.flush = async (p) => redis.del(...(await redis.keys(p)));",
      filename: 'cache.cjs',
      errors: [
        {
          messageId: 'redisKeys',
          line: 3,
          column: 63,
          suggestions: [
            {
              messageId: 'useScan',
              output:
                "const Redis = require('ioredis');\nconst redis = new Redis(process.env.REDIS_URL);\nmodule.exports.flush = async (p) => redis.del(...(await (async () => { const scanned = []; for await (const batch of redis.scanStream({ match: p })) scanned.push(...batch); return [...new Set(scanned)]; })()));",
            },
          ],
        },
      ],
    },
    {
      // Inside MULTI: reported, no rewrite (SCAN cannot be queued in a transaction).
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.multi().keys('lock:*').del('x').exec();",
      errors: [{ messageId: 'redisKeys', line: 3, column: 21, endColumn: 35, suggestions: [] }],
    },
    {
      // A client imported from the app's own module, named like Redis: the file's packages do not say which API.
      code: "import { redis } from '../lib/redis';\nexport async function clear(prefix: string) {\n  return redis.keys(`${prefix}*`);\n}",
      errors: [{ messageId: 'redisKeys', line: 3, column: 16, suggestions: [] }],
    },
    {
      // …but a type import of ioredis tells it.
      code: "import type { Redis } from 'ioredis';\nexport async function clear(redisClient: Redis, prefix: string) {\n  return redisClient.keys(prefix);\n}",
      errors: [
        {
          messageId: 'redisKeys',
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'useScan',
              output: `import type { Redis } from 'ioredis';\nexport async function clear(redisClient: Redis, prefix: string) {\n  return ${ioScan('redisClient', 'prefix')};\n}`,
            },
          ],
        },
      ],
    },
    {
      // A callback-style call: reported, no rewrite.
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nredis.keys('*', (err, keys) => done(keys));",
      errors: [{ messageId: 'redisKeys', line: 3, column: 7, suggestions: [] }],
    },
    {
      // Names taken by the pattern are not reused by the rewrite.
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nconst batch = 'b:*';\nawait redis.keys(batch);",
      errors: [
        {
          messageId: 'redisKeys',
          line: 4,
          column: 13,
          suggestions: [
            {
              messageId: 'useScan',
              output:
                "import Redis from 'ioredis';\nconst redis = new Redis();\nconst batch = 'b:*';\nawait (async () => { const scanned: string[] = []; for await (const batch2 of redis.scanStream({ match: batch })) scanned.push(...(batch2 as string[])); return [...new Set(scanned)]; })();",
            },
          ],
        },
      ],
    },
    {
      // NestJS @InjectRedis() (ioredis behind it), in a .tsx-free TypeScript file.
      code: `import { InjectRedis } from '@nestjs-modules/ioredis';
import type Redis from 'ioredis';
export class SessionStore {
  constructor(@InjectRedis() private readonly store: Redis) {}
  list() { return this.store.keys('sess:*'); }
}`,
      filename: 'src/session.store.ts',
      errors: [
        {
          messageId: 'redisKeys',
          line: 5,
          column: 30,
          suggestions: [
            {
              messageId: 'useScan',
              output: `import { InjectRedis } from '@nestjs-modules/ioredis';
import type Redis from 'ioredis';
export class SessionStore {
  constructor(@InjectRedis() private readonly store: Redis) {}
  list() { return ${ioScan('this.store', "'sess:*'")}; }
}`,
            },
          ],
        },
      ],
    },
  ],
});
