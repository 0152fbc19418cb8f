import rule from '../../src/rules/no-disabled-tls-verification.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-disabled-tls-verification', rule, {
  valid: [
    // The fixed code from seed 000 #1 and #17.
    [
      "import fs from 'node:fs';",
      "import { Pool } from 'pg';",
      'const pool = new Pool({',
      '  connectionString: process.env.DATABASE_URL,',
      "  ssl: process.env.NODE_ENV === 'production' ? {",
      '    rejectUnauthorized: true,',
      "    ca: fs.readFileSync('/path/to/rds-ca-bundle.pem').toString()",
      '  } : false',
      '});',
    ].join('\n'),
    // No TLS at all is another concern.
    "import { Pool } from 'pg';\nnew Pool({ ssl: false });",
    // A value that is not known statically, or that is true when NODE_ENV is unset.
    'new https.Agent({ rejectUnauthorized: config.tls.verify });',
    "new https.Agent({ rejectUnauthorized: process.env.DB_SSL_VERIFY !== 'false' });",
    "new https.Agent({ rejectUnauthorized: process.env.NODE_ENV !== 'development' });",
    'new https.Agent({ rejectUnauthorized: undefined });',
    // Off only where NODE_ENV explicitly names a non-production environment.
    "const ssl = process.env.NODE_ENV === 'development' ? { rejectUnauthorized: false } : { ca: process.env.RDS_CA_CERT };",
    "const isTest = process.env.NODE_ENV === 'test';\nif (isTest) { process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; }",
    // Type positions, destructuring defaults, comparisons, reads.
    'interface TlsOptions { rejectUnauthorized: false }',
    'type Options = { strictSSL: false };',
    'function connect({ rejectUnauthorized = false } = {}) { return rejectUnauthorized; }',
    'if (options.rejectUnauthorized === false) { warn(); }',
    "const insecure = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';",
    // Turning verification on, or keeping the default.
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    'https.globalAgent.options.rejectUnauthorized = true;',
    // A look-alike property on a non-environment object.
    "const flags = { NODE_TLS_REJECT_UNAUTHORIZED: '1' };",
    // checkServerIdentity that still checks.
    "import tls from 'node:tls';\ntls.connect({ host, checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });",
    [
      'tls.connect({',
      '  checkServerIdentity(host, cert) {',
      '    if (cert.subject.CN !== expected) return new Error(`unexpected host ${host}`);',
      '    return undefined;',
      '  },',
      '});',
    ].join('\n'),
    // Test files run against self-signed test servers.
    { code: 'const agent = new https.Agent({ rejectUnauthorized: false });', filename: 'src/server.test.ts' },
    { code: 'const agent = new https.Agent({ rejectUnauthorized: false });', filename: '__tests__/tls.ts' },
  ],
  invalid: [
    {
      // Seed 000 #1, as in the example app.
      code: [
        "import { Pool } from 'pg';",
        'const pool = new Pool({',
        '  connectionString: process.env.DATABASE_URL,',
        "  ssl: process.env.NODE_ENV === 'production' ? { rejectUnauthorized: false } : false,",
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'verificationDisabled',
          data: { name: 'rejectUnauthorized', value: 'false' },
          line: 4,
          column: 50,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'enableVerification',
              data: { name: 'rejectUnauthorized' },
              output: [
                "import { Pool } from 'pg';",
                'const pool = new Pool({',
                '  connectionString: process.env.DATABASE_URL,',
                "  ssl: process.env.NODE_ENV === 'production' ? { rejectUnauthorized: true } : false,",
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      code: "import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: 0 });",
      errors: [
        {
          messageId: 'verificationDisabled',
          data: { name: 'rejectUnauthorized', value: '0' },
          line: 2,
          column: 33,
          suggestions: [
            { messageId: 'enableVerification', output: "import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: true });" },
          ],
        },
      ],
    },
    {
      code: "const tls = require('tls');\ntls.connect(443, host, { rejectUnauthorized: !1 });",
      filename: 'client.cjs',
      errors: [
        {
          messageId: 'verificationDisabled',
          line: 2,
          column: 26,
          suggestions: [{ messageId: 'enableVerification', output: "const tls = require('tls');\ntls.connect(443, host, { rejectUnauthorized: true });" }],
        },
      ],
    },
    {
      // A constant bound to false, in an axios agent.
      code: "const VERIFY = false;\nconst client = axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: VERIFY }) });",
      errors: [
        {
          messageId: 'verificationDisabled',
          data: { name: 'rejectUnauthorized', value: 'VERIFY' },
          line: 2,
          column: 61,
          suggestions: [
            {
              messageId: 'enableVerification',
              output: 'const VERIFY = false;\nconst client = axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: true }) });',
            },
          ],
        },
      ],
    },
    {
      // got: https.rejectUnauthorized.
      code: "await got(url, { https: { 'rejectUnauthorized': false } });",
      errors: [
        {
          messageId: 'verificationDisabled',
          line: 1,
          column: 27,
          suggestions: [{ messageId: 'enableVerification', output: "await got(url, { https: { 'rejectUnauthorized': true } });" }],
        },
      ],
    },
    {
      code: "request({ url, strictSSL: false }, callback);",
      filename: 'legacy.js',
      errors: [
        {
          messageId: 'verificationDisabled',
          data: { name: 'strictSSL', value: 'false' },
          line: 1,
          column: 16,
          endColumn: 32,
          suggestions: [{ messageId: 'enableVerification', data: { name: 'strictSSL' }, output: 'request({ url, strictSSL: true }, callback);' }],
        },
      ],
    },
    {
      code: "https.globalAgent.options.rejectUnauthorized = false;",
      errors: [
        {
          messageId: 'verificationDisabled',
          line: 1,
          column: 1,
          endColumn: 53,
          suggestions: [{ messageId: 'enableVerification', output: 'https.globalAgent.options.rejectUnauthorized = true;' }],
        },
      ],
    },
    {
      // On only when NODE_ENV is production: off wherever it is unset.
      code: "const ssl = { rejectUnauthorized: process.env.NODE_ENV === 'production' };",
      errors: [
        {
          messageId: 'verificationOffOutsideProduction',
          line: 1,
          column: 15,
          suggestions: [{ messageId: 'enableVerification', output: 'const ssl = { rejectUnauthorized: true };' }],
        },
      ],
    },
    {
      code: "const isProduction = process.env.NODE_ENV === 'production';\nconst ssl = { rejectUnauthorized: isProduction ? true : false };",
      errors: [
        {
          messageId: 'verificationOffOutsideProduction',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'enableVerification',
              output: "const isProduction = process.env.NODE_ENV === 'production';\nconst ssl = { rejectUnauthorized: true };",
            },
          ],
        },
      ],
    },
    {
      code: "// Local certs are self-signed.\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nstart();",
      errors: [
        {
          messageId: 'envVerificationDisabled',
          line: 2,
          column: 1,
          endColumn: 47,
          suggestions: [{ messageId: 'removeOverride', output: '// Local certs are self-signed.\n\nstart();' }],
        },
      ],
    },
    {
      // Bracket form, through `env` from node:process, with a number.
      code: "import { env } from 'node:process';\nenv['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;",
      errors: [
        {
          messageId: 'envVerificationDisabled',
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'removeOverride', output: "import { env } from 'node:process';\n" }],
        },
      ],
    },
    {
      code: "Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0', DEBUG: '1' });",
      errors: [
        {
          messageId: 'envVerificationDisabled',
          line: 1,
          column: 30,
          endColumn: 63,
          suggestions: [{ messageId: 'removeOverride', output: "Object.assign(process.env, { DEBUG: '1' });" }],
        },
      ],
    },
    {
      code: "spawn('node', ['worker.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
      errors: [
        {
          messageId: 'envVerificationDisabled',
          line: 1,
          column: 55,
          suggestions: [{ messageId: 'removeOverride', output: "spawn('node', ['worker.js'], { env: { ...process.env } });" }],
        },
      ],
    },
    {
      code: "tls.connect({\n  host,\n  ca,\n  checkServerIdentity: () => undefined,\n});",
      errors: [
        {
          messageId: 'hostnameCheckDisabled',
          line: 4,
          column: 3,
          suggestions: [{ messageId: 'removeOverride', output: 'tls.connect({\n  host,\n  ca,\n});' }],
        },
      ],
    },
    {
      code: 'const skip = function () { console.warn("skipping host check"); };\nnew https.Agent({ checkServerIdentity: skip, keepAlive: true });',
      errors: [
        {
          messageId: 'hostnameCheckDisabled',
          line: 2,
          column: 19,
          suggestions: [
            {
              messageId: 'removeOverride',
              output: 'const skip = function () { console.warn("skipping host check"); };\nnew https.Agent({ keepAlive: true });',
            },
          ],
        },
      ],
    },
    {
      code: 'tls.checkServerIdentity = () => {};',
      errors: [{ messageId: 'hostnameCheckDisabled', line: 1, column: 1, suggestions: [{ messageId: 'removeOverride', output: '' }] }],
    },
    {
      // TSX component fetching through an insecure agent.
      code: "const agent = new Agent({ connect: { rejectUnauthorized: false } });\nexport const Page = () => <main>{String(agent)}</main>;",
      filename: 'page.tsx',
      errors: [
        {
          messageId: 'verificationDisabled',
          line: 1,
          column: 38,
          suggestions: [
            {
              messageId: 'enableVerification',
              output: "const agent = new Agent({ connect: { rejectUnauthorized: true } });\nexport const Page = () => <main>{String(agent)}</main>;",
            },
          ],
        },
      ],
    },
    {
      // Test files are checked when asked to.
      code: 'const agent = new https.Agent({ rejectUnauthorized: false });',
      filename: 'src/server.test.ts',
      options: [{ ignoreTestFiles: false }],
      errors: [
        {
          messageId: 'verificationDisabled',
          line: 1,
          column: 33,
          suggestions: [{ messageId: 'enableVerification', output: 'const agent = new https.Agent({ rejectUnauthorized: true });' }],
        },
      ],
    },
  ],
});
