import rule from '../../src/rules/no-unbounded-cache.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const LRU = '{ max: 500, ttl: 1000 * 60 * 60 }';

ruleTester.run('no-unbounded-cache', rule, {
  valid: [
    // The fixed code from seed 000 #6: an LRU cache.
    [
      "import { LRUCache } from 'lru-cache';",
      'const pageCache = new LRUCache<string, string>({ max: 500, ttl: 1000 * 60 * 60, updateAgeOnGet: true });',
      'export function remember(key: string, text: string) { pageCache.set(key, text); }',
    ].join('\n'),
    // The fixed code from seed 002 D.2: evicts the oldest entry at capacity.
    [
      'class BoundedMemoryCache {',
      '  private maxEntries: number = 100000;',
      '  private cache = new Map<string, CacheEntry>();',
      '  set(key: string, value: unknown, ttlSeconds: number): void {',
      '    if (this.cache.size >= this.maxEntries) {',
      '      const oldest = this.cache.keys().next().value;',
      '      this.cache.delete(oldest);',
      '    }',
      '    this.cache.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });',
      '  }',
      '}',
      'export const memoryCache = new BoundedMemoryCache();',
    ].join('\n'),
    // Cleared periodically, or replaced.
    'const cache = new Map<string, string>();\nsetInterval(() => cache.clear(), 60_000);\nexport function put(k: string, v: string) { cache.set(k, v); }',
    'let cache = new Map<string, string>();\nexport function put(k: string, v: string) { cache.set(k, v); }\nexport function reset() { cache = new Map(); }',
    // Entries deleted when they expire.
    'const sessionCache: Record<string, Session> = {};\nexport function open(id: string, s: Session) { sessionCache[id] = s; }\nexport function close(id: string) { delete sessionCache[id]; }',
    'const cache: Record<string, string> = {};\nexport function put(k: string, v: string) { if (Object.keys(cache).length > 1000) return; cache[k] = v; }',
    // A lookup table filled once at start-up from a constant list.
    "const byCode = new Map<string, Country>();\nfor (const country of COUNTRIES) byCode.set(country.code, country);\nexport const findCountry = (code: string) => byCode.get(code);",
    'const cache = new Map<string, Handler>();\n(() => { for (const [name, handler] of Object.entries(HANDLERS)) cache.set(name, handler); })();\nexport const handlerFor = (name: string) => cache.get(name);',
    // Per-request state: a Map inside a function, or an instance field of a class created per request.
    'export function handler(req: Request) {\n  const cache = new Map<string, User>();\n  for (const id of req.ids) cache.set(id, load(id));\n  return cache;\n}',
    'class RequestScope {\n  private cache = new Map<string, User>();\n  get(id: string) { const hit = this.cache.get(id); if (hit) return hit; const user = load(id); this.cache.set(id, user); return user; }\n}\nexport function handle() { return new RequestScope(); }',
    // Weak collections let their keys be collected.
    'const cache = new WeakMap<object, Meta>();\nexport function meta(obj: object) { if (!cache.has(obj)) cache.set(obj, compute(obj)); return cache.get(obj); }',
    // Exported or handed to other code: that code may bound it.
    'export const cache = new Map<string, string>();\nexport function put(k: string, v: string) { cache.set(k, v); }',
    'const cache = new Map<string, string>();\nregisterCache(cache);\nexport function put(k: string, v: string) { cache.set(k, v); }',
    // An event registry: filled with handlers, never read back as a cached value.
    'const handlers = new Map<string, Fn[]>();\nexport function on(event: string, fn: Fn) {\n  if (!handlers.has(event)) handlers.set(event, []);\n  handlers.get(event)!.push(fn);\n}',
    // Constant keys: one entry, however often it is set.
    "const cache = new Map<string, Config>();\nexport async function config() {\n  if (cache.has('config')) return cache.get('config');\n  const loaded = await load();\n  cache.set('config', loaded);\n  return loaded;\n}",
    'const cache: Record<string, unknown> = {};\nexport function init(db: Db) { cache.db = db; }',
    // A `Map` that is not the global one, and a config object that is not a dictionary.
    "import { Map } from './collections';\nconst cache = new Map();\nexport const put = (k: string, v: string) => cache.set(k, v);",
    'const cacheConfig = { ttl: 60 };\nexport function set(key: string, value: number) { cacheConfig[key] = value; }',
    // Active connections are removed when they close.
    'const connections = new Set<Socket>();\nserver.on("connection", (socket) => { connections.add(socket); socket.on("close", () => connections.delete(socket)); });',
    // A Map named like a cache that is only ever read.
    'const cache = new Map<string, string>([["a", "b"]]);\nexport const read = (k: string) => cache.get(k);',
  ],
  invalid: [
    {
      // Seed 000 #6: the page cache of the book processor.
      code: [
        'const pageCache = new Map<string, string>();',
        'export async function getPage(bookId: string, page: number): Promise<string> {',
        '  const key = `${bookId}:${page}`;',
        '  if (pageCache.has(key)) return pageCache.get(key)!;',
        '  const text = await extractPage(bookId, page);',
        '  pageCache.set(key, text);',
        '  return text;',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'unboundedCache',
          data: { name: 'pageCache', kind: 'Map' },
          line: 1,
          column: 7,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: [
                "import { LRUCache } from 'lru-cache';",
                `const pageCache = new LRUCache<string, string>(${LRU});`,
                'export async function getPage(bookId: string, page: number): Promise<string> {',
                '  const key = `${bookId}:${page}`;',
                '  if (pageCache.has(key)) return pageCache.get(key)!;',
                '  const text = await extractPage(bookId, page);',
                '  pageCache.set(key, text);',
                '  return text;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A get-then-set lookup (as in the Next.js demo); the import goes after the last import.
      code: [
        "import { prisma } from './prisma';",
        'const skuCache = new Map<string, Sku>();',
        'export async function findSku(code: string) {',
        '  const cached = skuCache.get(code);',
        '  if (cached) return cached;',
        '  const sku = await prisma.sku.findUnique({ where: { code } });',
        '  if (sku) skuCache.set(code, sku);',
        '  return sku;',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'unboundedCache',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: [
                "import { prisma } from './prisma';",
                "import { LRUCache } from 'lru-cache';",
                `const skuCache = new LRUCache<string, Sku>(${LRU});`,
                'export async function findSku(code: string) {',
                '  const cached = skuCache.get(code);',
                '  if (cached) return cached;',
                '  const sku = await prisma.sku.findUnique({ where: { code } });',
                '  if (sku) skuCache.set(code, sku);',
                '  return sku;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // No cache-like name, but a memoizing function: return the stored value, else compute and store.
      code: [
        "import { db } from './db';",
        'const users = new Map<string, User>();',
        'export async function getUser(id: string) {',
        '  if (users.has(id)) return users.get(id);',
        '  const user = await db.user.find(id);',
        '  users.set(id, user);',
        '  return user;',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'unboundedCache',
          data: { name: 'users', kind: 'Map' },
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: [
                "import { db } from './db';",
                "import { LRUCache } from 'lru-cache';",
                `const users = new LRUCache<string, User>(${LRU});`,
                'export async function getUser(id: string) {',
                '  if (users.has(id)) return users.get(id);',
                '  const user = await db.user.find(id);',
                '  users.set(id, user);',
                '  return user;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A de-duplication Set: no suggestion (LRUCache is Map-like).
      code: 'const seen = new Set<string>();\nexport function handle(message: Message) {\n  if (seen.has(message.id)) return;\n  seen.add(message.id);\n  process(message);\n}',
      errors: [{ messageId: 'unboundedCache', data: { name: 'seen', kind: 'Set' }, line: 1, column: 7, suggestions: [] }],
    },
    {
      // A plain-object dictionary.
      code: 'const ratesCache: Record<string, Rates> = {};\nexport async function rates(currency: string) {\n  ratesCache[currency] ??= await fetchRates(currency);\n  return ratesCache[currency];\n}',
      errors: [{ messageId: 'unboundedCache', data: { name: 'ratesCache', kind: 'plain object' }, line: 1, column: 7, suggestions: [] }],
    },
    {
      code: 'const cached = Object.create(null);\nexport const remember = (key: string, value: string) => {\n  cached[key] = value;\n};',
      filename: 'memo.js',
      errors: [{ messageId: 'unboundedCache', line: 1, column: 7, suggestions: [] }],
    },
    {
      // The `Map<K, V>` annotation moves onto the LRUCache.
      code: 'const memo: Map<string, number> = new Map();\nexport function fib(n: number): number {\n  const key = String(n);\n  memo.set(key, n < 2 ? n : fib(n - 1) + fib(n - 2));\n  return memo.get(key)!;\n}',
      errors: [
        {
          messageId: 'unboundedCache',
          line: 1,
          column: 7,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: `import { LRUCache } from 'lru-cache';\nconst memo = new LRUCache<string, number>(${LRU});\nexport function fib(n: number): number {\n  const key = String(n);\n  memo.set(key, n < 2 ? n : fib(n - 1) + fib(n - 2));\n  return memo.get(key)!;\n}`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS: the suggestion adds a require.
      code: "const db = require('./db');\nconst cache = new Map();\nmodule.exports.get = async (id) => {\n  if (!cache.has(id)) cache.set(id, await db.load(id));\n  return cache.get(id);\n};",
      filename: 'cache.cjs',
      errors: [
        {
          messageId: 'unboundedCache',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: `const db = require('./db');\nconst { LRUCache } = require('lru-cache');\nconst cache = new LRUCache(${LRU});\nmodule.exports.get = async (id) => {\n  if (!cache.has(id)) cache.set(id, await db.load(id));\n  return cache.get(id);\n};`,
            },
          ],
        },
      ],
    },
    {
      // A NestJS provider is a singleton: its fields live as long as the process.
      code: [
        "import { Injectable } from '@nestjs/common';",
        '@Injectable()',
        'export class RatesService {',
        '  private cache = new Map<string, number>();',
        '  async rate(currency: string): Promise<number> {',
        '    const hit = this.cache.get(currency);',
        '    if (hit !== undefined) return hit;',
        '    const rate = await this.api.rate(currency);',
        '    this.cache.set(currency, rate);',
        '    return rate;',
        '  }',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'unboundedCache',
          line: 4,
          column: 11,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: [
                "import { Injectable } from '@nestjs/common';",
                "import { LRUCache } from 'lru-cache';",
                '@Injectable()',
                'export class RatesService {',
                `  private cache = new LRUCache<string, number>(${LRU});`,
                '  async rate(currency: string): Promise<number> {',
                '    const hit = this.cache.get(currency);',
                '    if (hit !== undefined) return hit;',
                '    const rate = await this.api.rate(currency);',
                '    this.cache.set(currency, rate);',
                '    return rate;',
                '  }',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A class instantiated once at module level, named like a cache (seed 002 D.2 before the fix).
      code: [
        'class MemoryCache {',
        '  #entries: Map<string, unknown> = new Map();',
        '  set(key: string, value: unknown) { this.#entries.set(key, value); }',
        '  get(key: string) { return this.#entries.get(key); }',
        '}',
        'export const memoryCache = new MemoryCache();',
      ].join('\n'),
      errors: [
        {
          messageId: 'unboundedCache',
          data: { name: '#entries', kind: 'Map' },
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: [
                "import { LRUCache } from 'lru-cache';",
                'class MemoryCache {',
                `  #entries = new LRUCache<string, unknown>(${LRU});`,
                '  set(key: string, value: unknown) { this.#entries.set(key, value); }',
                '  get(key: string) { return this.#entries.get(key); }',
                '}',
                'export const memoryCache = new MemoryCache();',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A static field is module-level state.
      code: 'export class Tokens {\n  static cache = new Set<string>();\n  static revoke(token: string) { Tokens.cache.add(token); }\n}',
      errors: [{ messageId: 'unboundedCache', data: { name: 'cache', kind: 'Set' }, line: 2, column: 10, suggestions: [] }],
    },
    {
      // Extra cache words and suggestion sizes from the options.
      code: 'const index = new Map<string, Doc>();\nexport function addDoc(doc: Doc) { index.set(doc.id, doc); }',
      options: [{ extraCacheWords: ['index'], max: 100, ttlMs: 600_000 }],
      errors: [
        {
          messageId: 'unboundedCache',
          line: 1,
          column: 7,
          suggestions: [
            {
              messageId: 'useLruCache',
              data: { max: '100', ttl: '10 minutes' },
              output:
                "import { LRUCache } from 'lru-cache';\nconst index = new LRUCache<string, Doc>({ max: 100, ttl: 1000 * 60 * 10 });\nexport function addDoc(doc: Doc) { index.set(doc.id, doc); }",
            },
          ],
        },
      ],
    },
    {
      // `let` that is never reset is no better than `const`.
      code: "'use strict';\nlet responseCache = new Map();\nexports.handler = async (event) => {\n  responseCache.set(event.path, await render(event));\n};",
      filename: 'lambda.js',
      errors: [
        {
          messageId: 'unboundedCache',
          line: 2,
          column: 5,
          suggestions: [
            {
              messageId: 'useLruCache',
              output: `'use strict';\nimport { LRUCache } from 'lru-cache';\nlet responseCache = new LRUCache(${LRU});\nexports.handler = async (event) => {\n  responseCache.set(event.path, await render(event));\n};`,
            },
          ],
        },
      ],
    },
  ],
});
