import rule from '../../src/rules/no-hardcoded-secret.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const fromEnv = (name: string): string => `process.env.${name} ?? (() => { throw new Error('${name} is required'); })()`;
const SESSION = { what: 'session secret', impact: 'forge session cookies and act as any user' };
const JWT = { what: 'JWT signing key', impact: 'mint valid tokens for any user' };

ruleTester.run('no-hardcoded-secret', rule, {
  valid: [
    // Secrets read from the environment or a config module (the seeds' fixed code).
    "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET!, resave: false }));",
    "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
    "import session from 'express-session';\nimport { config } from './config/env';\napp.use(session({ secret: config.sessionSecret }));",
    // The same function names from other modules or local code.
    "import { sign } from './lib/crypto';\nsign(payload, 'not-a-jwt-key');",
    "const jwt = { sign: (p, k) => p };\njwt.sign(payload, 'local');",
    "import { createHmac } from './hmac';\ncreateHmac('sha256', 'key');",
    "import session from 'cookie-session-lookalike';\nsession({ secret: 'x' });",
    // Empty strings leak nothing (the library refuses them at run time).
    "import cookieParser from 'cookie-parser';\napp.use(cookieParser(''));",
    // A public key is not a secret.
    "import jwt from 'jsonwebtoken';\nconst PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkq\\n-----END PUBLIC KEY-----';\njwt.verify(token, PUBLIC_KEY);",
    // Connection strings without a password, with an interpolated one, or to a local database.
    "import { Pool } from 'pg';\nnew Pool({ connectionString: 'postgres://app@db.internal:5432/app' });",
    "import { Pool } from 'pg';\nnew Pool({ connectionString: `postgres://app:${process.env.DB_PASSWORD}@db.internal/app` });",
    "import { Pool } from 'pg';\nnew Pool({ connectionString: 'postgres://postgres:postgres@localhost:5432/dev' });",
    "import mongoose from 'mongoose';\nmongoose.connect(process.env.MONGODB_URI);",
    // Name heuristic: placeholders, words, messages, derived values, public config.
    "const config = { apiKey: 'your-api-key-here-1234' };",
    "const messages = { password: 'Password must contain 8 characters' };",
    "const JWT_EXPIRES_IN = 'a8F3kL9mQ2xR7vB4';",
    "const passwordHash = '$2b$12$KIXQJ8ZpXb9k2Q1uVwYzUe0m5n6o7p8q9r0s1t2u3v4w5x6y7z8a9';",
    "const firebaseConfig = { apiKey: 'AIzaSyD4kL9mQ2xR7vB4nW8pT1cZ6', authDomain: 'app.firebaseapp.com' };",
    "const tokenKey = 'auth';",
    // Type positions are not values.
    "type Config = { secret: 'a8F3kL9mQ2xR7vB4nW8pT1cZ6' };",
    "interface Keys { apiKey: 'sk-a8F3kL9mQ2xR7vB4nW8pT1cZ6' }",
    // Test files use fake secrets.
    { code: "import jwt from 'jsonwebtoken';\njwt.sign({ id: 1 }, 'test-secret');", filename: 'src/auth.spec.ts' },
    { code: "import jwt from 'jsonwebtoken';\njwt.sign({ id: 1 }, 'test-secret');", filename: 'test/helpers/auth.ts' },
    // Name heuristic turned off / names ignored.
    { code: "const STRIPE_SECRET_KEY = 'sk9Lq2Xv7Rb4Nw8Pt1Zc6';", options: [{ checkSecretNames: false }] },
    { code: "const STRIPE_SECRET_KEY = 'sk9Lq2Xv7Rb4Nw8Pt1Zc6';", options: [{ ignoreNames: ['stripe_secret_key'] }] },
  ],
  invalid: [
    {
      // Seed 000 #3 / 004 §1: a literal session secret.
      code: "import session from 'express-session';\napp.use(session({ secret: 'warehouse-core-dev-secret', resave: false }));",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: SESSION,
          line: 2,
          column: 27,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'readFromEnv',
              data: { envName: 'SESSION_SECRET' },
              output: `import session from 'express-session';\napp.use(session({ secret: ${fromEnv('SESSION_SECRET')}, resave: false }));`,
            },
          ],
        },
      ],
    },
    {
      // Key rotation array, through require: no suggestion (it would drop the rotation).
      code: "const session = require('express-session');\napp.use(session({ secret: ['new-secret', 'old-secret'] }));",
      filename: 'app.js',
      errors: [{ messageId: 'hardcodedSecret', line: 2, column: 27, suggestions: [] }],
    },
    {
      // The example app: cookie-parser with a literal.
      code: "import cookieParser from 'cookie-parser';\napp.use(cookieParser('keyboard cat'));",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'cookie signing secret', impact: 'forge signed cookies' },
          line: 2,
          column: 22,
          endColumn: 36,
          suggestions: [
            { messageId: 'readFromEnv', output: `import cookieParser from 'cookie-parser';\napp.use(cookieParser(${fromEnv('COOKIE_SECRET')}));` },
          ],
        },
      ],
    },
    {
      // A constant bound to a literal: the suggestion fixes the constant.
      code: "import jwt from 'jsonwebtoken';\nconst SECRET = 'shhhhh';\nexport const issue = (user) => jwt.sign({ sub: user.id }, SECRET);",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: JWT,
          line: 3,
          column: 59,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: `import jwt from 'jsonwebtoken';\nconst SECRET = ${fromEnv('JWT_SECRET')};\nexport const issue = (user) => jwt.sign({ sub: user.id }, SECRET);`,
            },
          ],
        },
      ],
    },
    {
      // Named and aliased imports, a template without expressions.
      code: "import { sign, verify as check } from 'jsonwebtoken';\nsign(payload, `secret`);\ncheck(token, 'secret');",
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 15,
          suggestions: [
            { messageId: 'readFromEnv', output: `import { sign, verify as check } from 'jsonwebtoken';\nsign(payload, ${fromEnv('JWT_SECRET')});\ncheck(token, 'secret');` },
          ],
        },
        {
          messageId: 'hardcodedSecret',
          line: 3,
          column: 14,
          suggestions: [
            { messageId: 'readFromEnv', output: `import { sign, verify as check } from 'jsonwebtoken';\nsign(payload, \`secret\`);\ncheck(token, ${fromEnv('JWT_SECRET')});` },
          ],
        },
      ],
    },
    {
      // CommonJS destructured require.
      code: "const { sign } = require('jsonwebtoken');\nmodule.exports = (p) => sign(p, 'dev');",
      filename: 'token.cjs',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 33,
          suggestions: [{ messageId: 'readFromEnv', output: `const { sign } = require('jsonwebtoken');\nmodule.exports = (p) => sign(p, ${fromEnv('JWT_SECRET')});` }],
        },
      ],
    },
    {
      code: "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: 'sk-proj-a8F3kL9mQ2xR7vB4nW8pT1cZ6' });",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'OpenAI API key', impact: 'spend on your account' },
          line: 2,
          column: 44,
          suggestions: [
            {
              messageId: 'readFromEnv',
              data: { envName: 'OPENAI_API_KEY' },
              output: `import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: ${fromEnv('OPENAI_API_KEY')} });`,
            },
          ],
        },
      ],
    },
    {
      // A short key at a known sink is reported even though the name heuristic would not.
      code: "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ apiKey: 'dev' });",
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 40,
          suggestions: [
            { messageId: 'readFromEnv', output: `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ apiKey: ${fromEnv('ANTHROPIC_API_KEY')} });` },
          ],
        },
      ],
    },
    {
      // Stripe called as a function after require.
      code: "const stripe = require('stripe')('sk_live_51Habc');",
      filename: 'billing.js',
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'Stripe secret key', impact: 'move money and read customer data' },
          line: 1,
          column: 34,
          suggestions: [{ messageId: 'readFromEnv', output: `const stripe = require('stripe')(${fromEnv('STRIPE_SECRET_KEY')});` }],
        },
      ],
    },
    {
      // node: prefix, aliased import, Buffer.from around the key.
      code: "import { createHmac as hmac } from 'node:crypto';\nconst sig = hmac('sha256', Buffer.from('webhook-key', 'utf8')).update(body).digest('hex');",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'HMAC key', impact: 'forge valid signatures' },
          line: 2,
          column: 28,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: `import { createHmac as hmac } from 'node:crypto';\nconst sig = hmac('sha256', Buffer.from(${fromEnv('HMAC_SECRET')}, 'utf8')).update(body).digest('hex');`,
            },
          ],
        },
      ],
    },
    {
      code: "import * as crypto from 'crypto';\nconst cipher = crypto.createCipheriv('aes-256-gcm', '0123456789abcdef0123456789abcdef', iv);",
      errors: [{ messageId: 'hardcodedSecret', data: { what: 'encryption key', impact: 'decrypt what it protects' }, line: 2, column: 53, suggestions: [{ messageId: 'readFromEnv', output: `import * as crypto from 'crypto';\nconst cipher = crypto.createCipheriv('aes-256-gcm', ${fromEnv('ENCRYPTION_KEY')}, iv);` }] }],
    },
    {
      code: "import pg from 'pg';\nconst pool = new pg.Pool({ host: 'db.internal', user: 'app', password: 'hunter2' });",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'database password', impact: 'log in to your database' },
          line: 2,
          column: 72,
          suggestions: [
            { messageId: 'readFromEnv', output: `import pg from 'pg';\nconst pool = new pg.Pool({ host: 'db.internal', user: 'app', password: ${fromEnv('DB_PASSWORD')} });` },
          ],
        },
      ],
    },
    {
      code: "import { Pool } from 'pg';\nnew Pool({ connectionString: 'postgres://app:s3cr3t@db.internal:5432/app' });",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: { what: 'database password (in a connection string)', impact: 'log in to your database' },
          line: 2,
          column: 30,
          suggestions: [{ messageId: 'readFromEnv', output: `import { Pool } from 'pg';\nnew Pool({ connectionString: ${fromEnv('DATABASE_URL')} });` }],
        },
      ],
    },
    {
      // A literal password in front of an interpolated host: reported, no suggestion.
      code: "import { Client } from 'pg';\nnew Client(`postgres://app:s3cr3t@${process.env.DB_HOST}/app`);",
      errors: [{ messageId: 'hardcodedSecret', line: 2, column: 12, suggestions: [] }],
    },
    {
      code: "import mongoose from 'mongoose';\nmongoose.connect('mongodb+srv://admin:Pa55w0rd@cluster0.mongodb.net/app');",
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 18,
          suggestions: [{ messageId: 'readFromEnv', data: { envName: 'MONGODB_URI' }, output: `import mongoose from 'mongoose';\nmongoose.connect(${fromEnv('MONGODB_URI')});` }],
        },
      ],
    },
    {
      // Options held in a constant; nested property path.
      code: "import nodemailer from 'nodemailer';\nconst transportOptions = { host: 'smtp.example.com', auth: { user: 'bot', pass: 'mailpass' } };\nnodemailer.createTransport(transportOptions);",
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 81,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: `import nodemailer from 'nodemailer';\nconst transportOptions = { host: 'smtp.example.com', auth: { user: 'bot', pass: ${fromEnv('SMTP_PASSWORD')} } };\nnodemailer.createTransport(transportOptions);`,
            },
          ],
        },
      ],
    },
    {
      // The name heuristic: a credential-looking literal in a secret-named constant.
      code: "export const STRIPE_SECRET_KEY = 'sk9Lq2Xv7Rb4Nw8Pt1Zc6';",
      errors: [
        {
          messageId: 'secretLikeValue',
          data: { name: 'STRIPE_SECRET_KEY' },
          line: 1,
          column: 34,
          endColumn: 57,
          suggestions: [{ messageId: 'readFromEnv', output: `export const STRIPE_SECRET_KEY = ${fromEnv('STRIPE_SECRET_KEY')};` }],
        },
      ],
    },
    {
      // …in an object property of an unknown SDK, a class field, an assignment.
      code: [
        "const twilio = new Twilio({ authToken: 'f3a9c2e17b4d8a6e5c0b9d2f1a7e4c8b' });",
        "class Client { private apiKey = 'AKx9Lq2Xv7Rb4Nw8Pt1Zc6'; }",
        "this.clientSecret = 'GOCSPX-9Lq2Xv7Rb4Nw8Pt1Zc6';",
      ].join('\n'),
      errors: [
        {
          messageId: 'secretLikeValue',
          data: { name: 'authToken' },
          line: 1,
          column: 40,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: [
                `const twilio = new Twilio({ authToken: ${fromEnv('AUTH_TOKEN')} });`,
                "class Client { private apiKey = 'AKx9Lq2Xv7Rb4Nw8Pt1Zc6'; }",
                "this.clientSecret = 'GOCSPX-9Lq2Xv7Rb4Nw8Pt1Zc6';",
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'secretLikeValue',
          data: { name: 'apiKey' },
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: [
                "const twilio = new Twilio({ authToken: 'f3a9c2e17b4d8a6e5c0b9d2f1a7e4c8b' });",
                `class Client { private apiKey = ${fromEnv('API_KEY')}; }`,
                "this.clientSecret = 'GOCSPX-9Lq2Xv7Rb4Nw8Pt1Zc6';",
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'secretLikeValue',
          data: { name: 'clientSecret' },
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: [
                "const twilio = new Twilio({ authToken: 'f3a9c2e17b4d8a6e5c0b9d2f1a7e4c8b' });",
                "class Client { private apiKey = 'AKx9Lq2Xv7Rb4Nw8Pt1Zc6'; }",
                `this.clientSecret = ${fromEnv('CLIENT_SECRET')};`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // TSX: an SDK client created in a component.
      code: "import { OpenAI } from 'openai';\nconst client = new OpenAI({ apiKey: 'sk-live', dangerouslyAllowBrowser: true });\nexport const Chat = () => <div>{String(client)}</div>;",
      filename: 'chat.tsx',
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 37,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: `import { OpenAI } from 'openai';\nconst client = new OpenAI({ apiKey: ${fromEnv('OPENAI_API_KEY')}, dangerouslyAllowBrowser: true });\nexport const Chat = () => <div>{String(client)}</div>;`,
            },
          ],
        },
      ],
    },
    {
      // Namespace import; a secret-named constant that reaches a sink is reported once, at the sink.
      code: "import * as jwt from 'jsonwebtoken';\nconst JWT_SECRET = 'a8F3kL9mQ2xR7vB4nW8pT1cZ6';\njwt.verify(token, JWT_SECRET);",
      errors: [
        {
          messageId: 'hardcodedSecret',
          data: JWT,
          line: 3,
          column: 19,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'readFromEnv',
              output: `import * as jwt from 'jsonwebtoken';\nconst JWT_SECRET = ${fromEnv('JWT_SECRET')};\njwt.verify(token, JWT_SECRET);`,
            },
          ],
        },
      ],
    },
    {
      // Test files are checked when asked to.
      code: "import jwt from 'jsonwebtoken';\njwt.sign({ id: 1 }, 'test-secret');",
      filename: 'src/auth.spec.ts',
      options: [{ ignoreTestFiles: false }],
      errors: [
        {
          messageId: 'hardcodedSecret',
          line: 2,
          column: 21,
          suggestions: [{ messageId: 'readFromEnv', output: `import jwt from 'jsonwebtoken';\njwt.sign({ id: 1 }, ${fromEnv('JWT_SECRET')});` }],
        },
      ],
    },
  ],
});
