import rule from '../../src/rules/require-fetch-timeout.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-fetch-timeout', rule, {
  valid: [
    // The fixed code from seed 002 A.1: a wrapper that passes its own abort signal.
    [
      'export async function fetchWithTimeout(url: string, options: RequestInit, timeoutMs = 30000): Promise<Response> {',
      '  const controller = new AbortController();',
      '  const timeout = setTimeout(() => controller.abort(), timeoutMs);',
      '  try {',
      '    return await fetch(url, { ...options, signal: controller.signal });',
      '  } finally {',
      '    clearTimeout(timeout);',
      '  }',
      '}',
    ].join('\n'),
    // A signal built elsewhere, or options that cannot be seen.
    'async function load(url: string, signal: AbortSignal) { return fetch(url, { signal }); }',
    'async function load(url: string, init: RequestInit) { return fetch(url, init); }',
    'async function load(url: string, init: RequestInit) { return fetch(url, { ...init, method: "POST" }); }',
    'const defaults = { signal: AbortSignal.timeout(5000) };\nfetch(url, { ...defaults, method: "POST" });',
    'fetch(new Request(url, { signal: AbortSignal.timeout(5000) }));',
    // `fetch` that is not the global one: another module, a local function, a method.
    "import { fetch } from './api';\nawait fetch('/users');",
    'function fetch(path: string) { return db.get(path); }\nfetch(key);',
    'class Client { fetch(url: string) { return url; } load() { return this.fetch("/x"); } }',
    'const value = await cache.fetch(key);',
    'let impl: typeof fetch;',
    // ky has a 10 s default timeout.
    "import ky from 'ky';\nawait ky.get(url).json();",
    // A look-alike `get` from another module.
    "import http from 'node:http';\nhttp.get(url, (res) => res.resume());",
    "import { get } from 'lodash';\nget(config, 'axios.timeout');",
    // axios with a timeout per call, per instance, or as a file-wide default.
    "import axios from 'axios';\nawait axios.get(url, { timeout: 10_000 });",
    "import axios from 'axios';\nawait axios.post(url, body, { signal: AbortSignal.timeout(5000) });",
    "import axios from 'axios';\nconst api = axios.create({ baseURL: process.env.API_URL, timeout: 10_000 });\nawait api.get('/users');",
    "import axios from 'axios';\naxios.defaults.timeout = 10_000;\nawait axios.get(url);",
    "import axios from 'axios';\nconst api = axios.create({ baseURL });\napi.defaults.timeout = 5000;",
    "import axios from 'axios';\nexport function get(url: string, config: object) { return axios.get(url, config); }",
    // got with a timeout.
    "import got from 'got';\nawait got(url, { timeout: { request: 10_000 } }).json();",
    "import got from 'got';\nconst client = got.extend({ prefixUrl, timeout: { request: 10_000 } });",
    // got / axios with options that cannot be seen.
    "import got from 'got';\nexport const call = (options: object) => got(options);",
    "import axios from 'axios';\nexport const call = (config: object) => axios(config);",
    // undici's own timeouts.
    "import { request } from 'undici';\nawait request(url, { headersTimeout: 5000, bodyTimeout: 5000 });",
    // Browser code: a hung fetch costs the user's tab, not the server.
    { code: "'use client';\nexport async function save(data: unknown) { await fetch('/api/save', { method: 'POST', body: JSON.stringify(data) }); }", filename: 'components/Save.tsx' },
    {
      code: "import { useEffect, useState } from 'react';\nexport function Users() {\n  const [users, setUsers] = useState([]);\n  useEffect(() => { fetch('/api/users').then((r) => r.json()).then(setUsers); }, []);\n  return <ul>{users.length}</ul>;\n}",
      filename: 'components/Users.tsx',
    },
    { code: "export function Ping() { return <button onClick={() => fetch('/api/ping')}>ping</button>; }", filename: 'components/Ping.tsx' },
    // Test files.
    { code: "const res = await fetch('http://localhost:3000/health');", filename: 'src/server.test.ts' },
  ],
  invalid: [
    {
      // Seed 002 A.1: a bare fetch to an external service.
      code: 'export async function enrich(url: string) {\n  const res = await fetch(url);\n  return res.json();\n}',
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 21,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                'export async function enrich(url: string) {\n  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });\n  return res.json();\n}',
            },
          ],
        },
      ],
    },
    {
      // Options without a signal, multi-line (as in the Next.js demo).
      code: [
        'const response = await fetch(`${carrierUrl}/track/${id}`, {',
        "  headers: { accept: 'application/json' },",
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 1,
          column: 24,
          suggestions: [
            {
              messageId: 'addSignal',
              output: [
                'const response = await fetch(`${carrierUrl}/track/${id}`, {',
                "  headers: { accept: 'application/json' },",
                '  signal: AbortSignal.timeout(30_000),',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Options in a constant: wrapped rather than edited (other calls may share it).
      code: "const init = { method: 'POST' };\nawait fetch(url, init);",
      options: [{ timeoutMs: 5000 }],
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'addSignal',
              output: "const init = { method: 'POST' };\nawait fetch(url, { ...init, signal: AbortSignal.timeout(5000) });",
            },
          ],
        },
      ],
    },
    {
      code: "await globalThis.fetch(url, { method: 'GET' });",
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          data: { callee: 'globalThis.fetch' },
          line: 1,
          column: 7,
          suggestions: [
            { messageId: 'addSignal', output: "await globalThis.fetch(url, { method: 'GET', signal: AbortSignal.timeout(30_000) });" },
          ],
        },
      ],
    },
    {
      // undici, aliased.
      code: "import { fetch as undiciFetch } from 'undici';\nconst res = await undiciFetch(url);",
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 19,
          suggestions: [
            {
              messageId: 'addSignal',
              output: "import { fetch as undiciFetch } from 'undici';\nconst res = await undiciFetch(url, { signal: AbortSignal.timeout(30_000) });",
            },
          ],
        },
      ],
    },
    {
      // undici namespace import.
      code: "import * as undici from 'undici';\nconst { body } = await undici.request(url, { method: 'POST' });",
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                "import * as undici from 'undici';\nconst { body } = await undici.request(url, { method: 'POST', signal: AbortSignal.timeout(30_000) });",
            },
          ],
        },
      ],
    },
    {
      // undici, destructured require in a CommonJS file.
      code: "const { request } = require('undici');\nmodule.exports = async (url) => (await request(url)).body.json();",
      filename: 'client.cjs',
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 40,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                "const { request } = require('undici');\nmodule.exports = async (url) => (await request(url, { signal: AbortSignal.timeout(30_000) })).body.json();",
            },
          ],
        },
      ],
    },
    {
      // node-fetch default import.
      code: "import fetch from 'node-fetch';\nawait fetch(url, { headers });",
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'addSignal',
              output: "import fetch from 'node-fetch';\nawait fetch(url, { headers, signal: AbortSignal.timeout(30_000) });",
            },
          ],
        },
      ],
    },
    {
      code: "import axios from 'axios';\nconst { data } = await axios.get(url);",
      errors: [
        {
          messageId: 'axiosWithoutTimeout',
          line: 2,
          column: 24,
          endColumn: 38,
          suggestions: [
            { messageId: 'addTimeout', output: "import axios from 'axios';\nconst { data } = await axios.get(url, { timeout: 30_000 });" },
          ],
        },
      ],
    },
    {
      // post(url, data, config): the config is the third argument.
      code: "import axios from 'axios';\nawait axios.post(url, body, { headers: { 'x-api-key': key } });",
      errors: [
        {
          messageId: 'axiosWithoutTimeout',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: "import axios from 'axios';\nawait axios.post(url, body, { headers: { 'x-api-key': key }, timeout: 30_000 });",
            },
          ],
        },
      ],
    },
    {
      code: "import axios from 'axios';\nawait axios.post(url);",
      errors: [
        {
          messageId: 'axiosWithoutTimeout',
          line: 2,
          column: 7,
          suggestions: [
            { messageId: 'addTimeout', output: "import axios from 'axios';\nawait axios.post(url, undefined, { timeout: 30_000 });" },
          ],
        },
      ],
    },
    {
      // axios(config), CommonJS require.
      code: "const axios = require('axios');\naxios({ url, method: 'get' });",
      filename: 'client.js',
      errors: [
        {
          messageId: 'axiosWithoutTimeout',
          line: 2,
          column: 1,
          suggestions: [
            { messageId: 'addTimeout', output: "const axios = require('axios');\naxios({ url, method: 'get', timeout: 30_000 });" },
          ],
        },
      ],
    },
    {
      // axios.request through `require('axios').default`, aliased.
      code: "const http = require('axios').default;\nhttp.request({ url });",
      filename: 'client.cjs',
      errors: [
        {
          messageId: 'axiosWithoutTimeout',
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'addTimeout', output: "const http = require('axios').default;\nhttp.request({ url, timeout: 30_000 });" }],
        },
      ],
    },
    {
      // An instance without a timeout: reported once, where it is created.
      code: "import axios from 'axios';\nexport const api = axios.create({ baseURL: process.env.API_URL });\nawait api.get('/users');",
      errors: [
        {
          messageId: 'axiosInstanceWithoutTimeout',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'addTimeout',
              output:
                "import axios from 'axios';\nexport const api = axios.create({ baseURL: process.env.API_URL, timeout: 30_000 });\nawait api.get('/users');",
            },
          ],
        },
      ],
    },
    {
      code: "import axios from 'axios';\nconst api = axios.create();",
      errors: [
        {
          messageId: 'axiosInstanceWithoutTimeout',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'addTimeout', output: "import axios from 'axios';\nconst api = axios.create({ timeout: 30_000 });" }],
        },
      ],
    },
    {
      // `timeout: 0` is axios' "no timeout".
      code: "import axios from 'axios';\nawait axios.get(url, { timeout: 0 });",
      errors: [
        {
          messageId: 'timeoutDisabled',
          line: 2,
          column: 24,
          endColumn: 34,
          suggestions: [{ messageId: 'addTimeout', output: "import axios from 'axios';\nawait axios.get(url, { timeout: 30_000 });" }],
        },
      ],
    },
    {
      // got has no default timeout; its `timeout` is an object since got 12.
      code: "import got from 'got';\nconst body = await got(url).json();",
      errors: [
        {
          messageId: 'gotWithoutTimeout',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: "import got from 'got';\nconst body = await got(url, { timeout: { request: 30_000 } }).json();",
            },
          ],
        },
      ],
    },
    {
      code: "import { got as client } from 'got';\nawait client.post(url, { json: payload });",
      errors: [
        {
          messageId: 'gotWithoutTimeout',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: "import { got as client } from 'got';\nawait client.post(url, { json: payload, timeout: { request: 30_000 } });",
            },
          ],
        },
      ],
    },
    {
      code: "import got from 'got';\nexport const github = got.extend({ prefixUrl: 'https://api.github.com' });",
      errors: [
        {
          messageId: 'gotInstanceWithoutTimeout',
          line: 2,
          column: 23,
          suggestions: [
            {
              messageId: 'addTimeout',
              output:
                "import got from 'got';\nexport const github = got.extend({ prefixUrl: 'https://api.github.com', timeout: { request: 30_000 } });",
            },
          ],
        },
      ],
    },
    {
      // An explicit `undefined` options argument is replaced.
      code: "import axios from 'axios';\nawait axios.get(url, undefined);",
      errors: [
        {
          messageId: 'axiosWithoutTimeout',
          line: 2,
          column: 7,
          suggestions: [{ messageId: 'addTimeout', output: "import axios from 'axios';\nawait axios.get(url, { timeout: 30_000 });" }],
        },
      ],
    },
    {
      // A server component (TSX without client hooks) runs on the server.
      code: 'export default async function Page() {\n  const res = await fetch(`${process.env.API_URL}/stats`);\n  return <pre>{await res.text()}</pre>;\n}',
      filename: 'app/stats/page.tsx',
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 21,
          suggestions: [
            {
              messageId: 'addSignal',
              output:
                'export default async function Page() {\n  const res = await fetch(`${process.env.API_URL}/stats`, { signal: AbortSignal.timeout(30_000) });\n  return <pre>{await res.text()}</pre>;\n}',
            },
          ],
        },
      ],
    },
    {
      // Client code is checked when `ignoreClientCode` is off.
      code: "'use client';\nawait fetch('/api/save');",
      options: [{ ignoreClientCode: false }],
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 2,
          column: 7,
          suggestions: [
            { messageId: 'addSignal', output: "'use client';\nawait fetch('/api/save', { signal: AbortSignal.timeout(30_000) });" },
          ],
        },
      ],
    },
  ],
});
