import rule from '../../src/rules/no-secret-fallback.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const thrower = (name: string): string => `(() => { throw new Error('${name} is required'); })()`;

ruleTester.run('no-secret-fallback', rule, {
  valid: [
    // Names that are configuration, not secrets.
    'const port = process.env.PORT || 3000;',
    "const level = process.env.LOG_LEVEL ?? 'info';",
    "const expiresIn = process.env.JWT_EXPIRES_IN || '1h';",
    "const rounds = Number(process.env.SALT_ROUNDS || '12');",
    "const publicKey = process.env.NEXT_PUBLIC_STRIPE_KEY ?? 'pk_test_123';",
    // Falling back to another variable, or to nothing.
    'const secret = process.env.SESSION_SECRET || process.env.LEGACY_SECRET;',
    'const secret = process.env.SESSION_SECRET ?? undefined;',
    // Not the environment: a local object, a parameter, a shadowed `process`.
    "const env = { SESSION_SECRET: 'x' }; const secret = env.SESSION_SECRET || 'dev';",
    "function read(config) { return config.JWT_SECRET ?? 'dev'; }",
    "function run(process) { return process.env.JWT_SECRET || 'dev'; }",
    // Explicit non-production guards: the literal never runs in production.
    "const secret = process.env.NODE_ENV === 'test' ? 'test-secret' : process.env.JWT_SECRET;",
    "const isDev = process.env.NODE_ENV === 'development';\nconst secret = isDev ? process.env.SESSION_SECRET || 'dev' : process.env.SESSION_SECRET;",
    "if (process.env.NODE_ENV === 'test') { process.env.JWT_SECRET ??= 'test-secret'; }",
    // Test files.
    { code: "const secret = process.env.JWT_SECRET || 'test-secret';", filename: 'src/auth/jwt.test.ts' },
    { code: "const secret = process.env.JWT_SECRET || 'test-secret';", filename: 'tests/helpers/env.ts' },
    // The fixed code from the reports.
    [
      'function getSecret() {',
      '  const secret = process.env.SESSION_SECRET;',
      '  if (!secret || secret.length < 32) {',
      "    throw new Error('SESSION_SECRET required (min 32 chars)');",
      '  }',
      '  return secret;',
      '}',
    ].join('\n'),
    'const options = { secret: process.env.SESSION_SECRET! };',
    // A fallback computed at run time is not a literal.
    'const secret = process.env.SESSION_SECRET ?? crypto.randomUUID();',
    // Options.
    { code: "const dsn = process.env.SENTRY_TOKEN || 'abc';", options: [{ ignoreNames: ['SENTRY_TOKEN'] }] },
    { code: "const clientSecret = process.env.GOOGLE_CLIENT_SECRET ?? '';", options: [{ allowEmptyString: true }] },
    { code: "const secret = process.env.JWT_SECRET || 'test-secret';", filename: 'src/auth/jwt.test.ts', options: [{ ignoreTestFiles: true }] },
    // A fallback that is only inspected, never used as the secret.
    "if ((process.env.SESSION_SECRET ?? '').length < 32) throw new Error('SESSION_SECRET must be 32+ characters');",
    "const missing = !(process.env.JWT_SECRET || '');",
    // A computed name cannot be judged.
    "const read = (name) => process.env[name] || 'fallback';",
    // Type positions are not values.
    "type Env = { JWT_SECRET: 'dev' | 'prod' };",
  ],
  invalid: [
    {
      // Seed 004 §1.
      code: 'function getSecret() {\n  return process.env.SESSION_SECRET || "warehouse-core-dev-secret";\n}',
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'SESSION_SECRET' },
          line: 2,
          column: 40,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'failFast',
              data: { name: 'SESSION_SECRET' },
              output: `function getSecret() {\n  return process.env.SESSION_SECRET || ${thrower('SESSION_SECRET')};\n}`,
            },
          ],
        },
      ],
    },
    {
      // Seed 000 #3, as the example app has it.
      code: "export const config = {\n  sessionSecret: process.env.SESSION_SECRET || 'dev-secret-change-in-production',\n};",
      errors: [
        {
          messageId: 'secretFallback',
          line: 2,
          column: 48,
          suggestions: [
            {
              messageId: 'failFast',
              output: `export const config = {\n  sessionSecret: process.env.SESSION_SECRET || ${thrower('SESSION_SECRET')},\n};`,
            },
          ],
        },
      ],
    },
    {
      code: "const secret = process.env.JWT_SECRET ?? 'dev';",
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 42,
          endColumn: 47,
          suggestions: [{ messageId: 'failFast', output: `const secret = process.env.JWT_SECRET ?? ${thrower('JWT_SECRET')};` }],
        },
      ],
    },
    {
      code: "const key = process.env['OPENAI_API_KEY'] || `sk-local`;",
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'OPENAI_API_KEY' },
          line: 1,
          column: 46,
          suggestions: [{ messageId: 'failFast', output: `const key = process.env['OPENAI_API_KEY'] || ${thrower('OPENAI_API_KEY')};` }],
        },
      ],
    },
    {
      // A constant bound to a literal is a literal.
      code: "const DEV_SECRET = 'dev';\nconst secret = process.env.COOKIE_SECRET || DEV_SECRET;",
      errors: [
        {
          messageId: 'secretFallback',
          line: 2,
          column: 45,
          suggestions: [
            { messageId: 'failFast', output: `const DEV_SECRET = 'dev';\nconst secret = process.env.COOKIE_SECRET || ${thrower('COOKIE_SECRET')};` },
          ],
        },
      ],
    },
    {
      code: "const secret = process.env.SESSION_SECRET ? process.env.SESSION_SECRET : 'dev';",
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 74,
          suggestions: [
            {
              messageId: 'failFast',
              output: `const secret = process.env.SESSION_SECRET ? process.env.SESSION_SECRET : ${thrower('SESSION_SECRET')};`,
            },
          ],
        },
      ],
    },
    {
      // Fails open: production with NODE_ENV unset gets the literal.
      code: "const secret = process.env.NODE_ENV === 'production' ? process.env.JWT_SECRET : 'dev-secret';",
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 81,
          suggestions: [
            {
              messageId: 'failFast',
              output: `const secret = process.env.NODE_ENV === 'production' ? process.env.JWT_SECRET : ${thrower('JWT_SECRET')};`,
            },
          ],
        },
      ],
    },
    {
      code: "const { JWT_SECRET = 'dev', PORT = '3000' } = process.env;",
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'JWT_SECRET' },
          line: 1,
          column: 22,
          endColumn: 27,
          suggestions: [{ messageId: 'failFast', output: `const { JWT_SECRET = ${thrower('JWT_SECRET')}, PORT = '3000' } = process.env;` }],
        },
      ],
    },
    {
      // Through an alias of process.env, and `env` from node:process.
      code: "import { env } from 'node:process';\nconst e = env;\nconst secret = e.SESSION_SECRET ?? 'x';",
      errors: [
        {
          messageId: 'secretFallback',
          line: 3,
          column: 36,
          suggestions: [
            { messageId: 'failFast', output: `import { env } from 'node:process';\nconst e = env;\nconst secret = e.SESSION_SECRET ?? ${thrower('SESSION_SECRET')};` },
          ],
        },
      ],
    },
    {
      // Default import of node:process.
      code: "import process from 'node:process';\nexport const secret = process.env.SESSION_SECRET ?? 'x';",
      errors: [
        {
          messageId: 'secretFallback',
          line: 2,
          column: 53,
          suggestions: [
            { messageId: 'failFast', output: `import process from 'node:process';\nexport const secret = process.env.SESSION_SECRET ?? ${thrower('SESSION_SECRET')};` },
          ],
        },
      ],
    },
    {
      // CommonJS, `const { env } = process`.
      code: "const { env } = process;\nmodule.exports = { secret: env.API_SECRET || 'local' };",
      filename: 'config.cjs',
      errors: [
        {
          messageId: 'secretFallback',
          line: 2,
          column: 46,
          suggestions: [
            { messageId: 'failFast', output: `const { env } = process;\nmodule.exports = { secret: env.API_SECRET || ${thrower('API_SECRET')} };` },
          ],
        },
      ],
    },
    {
      // A variable destructured from the environment, then defaulted.
      code: "const { STRIPE_SECRET_KEY } = process.env;\nconst stripeKey = STRIPE_SECRET_KEY || 'sk_test_local';",
      filename: 'stripe.js',
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'STRIPE_SECRET_KEY' },
          line: 2,
          column: 40,
          suggestions: [
            {
              messageId: 'failFast',
              output: `const { STRIPE_SECRET_KEY } = process.env;\nconst stripeKey = STRIPE_SECRET_KEY || ${thrower('STRIPE_SECRET_KEY')};`,
            },
          ],
        },
      ],
    },
    {
      code: "const password = process.env.DB_PASSWORD || process.env.PGPASSWORD || 'postgres';",
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'DB_PASSWORD' },
          line: 1,
          column: 71,
          suggestions: [
            {
              messageId: 'failFast',
              output: `const password = process.env.DB_PASSWORD || process.env.PGPASSWORD || ${thrower('DB_PASSWORD or PGPASSWORD')};`,
            },
          ],
        },
      ],
    },
    {
      // An empty-string fallback hides the missing secret too (passport config in the example app).
      code: "const options = { clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? '' };",
      errors: [
        {
          messageId: 'emptySecretFallback',
          line: 1,
          column: 69,
          endColumn: 71,
          suggestions: [
            { messageId: 'failFast', output: `const options = { clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? ${thrower('GOOGLE_CLIENT_SECRET')} };` },
          ],
        },
      ],
    },
    {
      code: "process.env.JWT_SECRET ??= 'dev-secret';",
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 28,
          suggestions: [{ messageId: 'failFast', output: `process.env.JWT_SECRET ??= ${thrower('JWT_SECRET')};` }],
        },
      ],
    },
    {
      // `!== 'production'` is also true when NODE_ENV is unset: not a guard.
      code: "const secret = process.env.NODE_ENV !== 'production' ? process.env.JWT_SECRET || 'dev' : process.env.JWT_SECRET;",
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 82,
          suggestions: [
            {
              messageId: 'failFast',
              output: `const secret = process.env.NODE_ENV !== 'production' ? process.env.JWT_SECRET || ${thrower('JWT_SECRET')} : process.env.JWT_SECRET;`,
            },
          ],
        },
      ],
    },
    {
      // TSX, `import.meta.env`, a cast.
      code: "const token = (import.meta.env.GITHUB_TOKEN as string | undefined) ?? 'ghp_local';\nexport const App = () => <div>{token}</div>;",
      filename: 'app.tsx',
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 71,
          suggestions: [
            {
              messageId: 'failFast',
              output: `const token = (import.meta.env.GITHUB_TOKEN as string | undefined) ?? ${thrower('GITHUB_TOKEN')};\nexport const App = () => <div>{token}</div>;`,
            },
          ],
        },
      ],
    },
    {
      // Test files are checked when asked to, and extra words extend the list.
      code: "const dsn = process.env.SENTRY_DSN || 'https://abc@sentry.io/1';",
      filename: 'src/app.test.ts',
      options: [{ extraWords: ['dsn'], ignoreTestFiles: false }],
      errors: [
        {
          messageId: 'secretFallback',
          line: 1,
          column: 39,
          suggestions: [{ messageId: 'failFast', output: `const dsn = process.env.SENTRY_DSN || ${thrower('SENTRY_DSN')};` }],
        },
      ],
    },
  ],
});
