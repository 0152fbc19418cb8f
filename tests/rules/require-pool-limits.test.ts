import rule from '../../src/rules/require-pool-limits.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const lines = (...parts: string[]): string => parts.join('\n');

ruleTester.run('require-pool-limits', rule, {
  valid: [
    // The seed's fixed pool.
    lines(
      "import { Pool } from 'pg';",
      'const pool = new Pool({',
      '  connectionString: process.env.DATABASE_URL,',
      '  max: 20,',
      '  min: 2,',
      '  idleTimeoutMillis: 30000,',
      '  connectionTimeoutMillis: 2000,',
      "  ssl: process.env.NODE_ENV === 'production' ? { rejectUnauthorized: true, ca: process.env.RDS_CA_CERT } : false,",
      '});',
    ),
    // Options the rule cannot see: a config object, a spread of an import, a parameter.
    "import { Pool } from 'pg';\nimport { config } from './config';\nexport const pool = new Pool(config.database);",
    "import { Pool } from 'pg';\nimport { baseConfig } from './config';\nexport const pool = new Pool({ ...baseConfig, connectionString: process.env.DATABASE_URL });",
    "import { Pool } from 'pg';\nexport function createPool(options) { return new Pool(options); }",
    // Limits set through a local constant and a spread of a visible one.
    lines(
      "import { Pool } from 'pg';",
      'const limits = { max: Number(process.env.PG_POOL_MAX ?? 10), connectionTimeoutMillis: 5_000 };',
      'const pool = new Pool({ ...limits, connectionString: process.env.DATABASE_URL });',
    ),
    // Other libraries' pools: generic-pool, tarn, and a local Pool class.
    "import { createPool } from 'generic-pool';\nconst pool = createPool(factory, { min: 0 });",
    "import { Pool } from 'tarn';\nconst pool = new Pool({ create, destroy, min: 0, max: 1 });",
    'class Pool { constructor(public size = 1) {} }\nconst workers = new Pool();',
    // A single pg Client is not a pool.
    "import { Client } from 'pg';\nconst client = new Client({ connectionString: process.env.DATABASE_URL });",
    // mysql2 with a connection limit and a bounded queue, or failing at once when full.
    "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10, queueLimit: 50 });",
    "const mysql = require('mysql2');\nconst pool = mysql.createPool({ host: 'db', connectionLimit: 10, waitForConnections: false });",
    // A connection URI: its query string may set the limits.
    "import { createPool } from 'mysql2/promise';\nconst pool = createPool(process.env.DATABASE_URL);",
    // Sequelize and Knex with a pool size; SQLite has no server to exhaust.
    "import { Sequelize } from 'sequelize';\nconst db = new Sequelize(process.env.DATABASE_URL, { pool: { max: 10, acquire: 10_000 } });",
    "import { Sequelize } from 'sequelize';\nconst db = new Sequelize({ dialect: 'sqlite', storage: ':memory:' });",
    "import knex from 'knex';\nconst db = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 10 } });",
    "import knex from 'knex';\nconst db = knex({ client: 'better-sqlite3', connection: { filename: './dev.db' } });",
    // Sequelize options the rule cannot see.
    "import { Sequelize } from 'sequelize';\nimport config from './config';\nconst db = new Sequelize(config.database, config.username, config.password, config.options);",
    // Test code may use small, default pools.
    { code: "import { Pool } from 'pg';\nconst pool = new Pool();", filename: 'tests/db.test.ts' },
    // With requireMaxSize off, a pool that bounds its wait passes.
    {
      code: "import { Pool } from 'pg';\nconst pool = new Pool({ connectionTimeoutMillis: 3000 });\nimport knex from 'knex';\nconst db = knex({ client: 'pg' });",
      options: [{ requireMaxSize: false }],
    },
  ],
  invalid: [
    {
      // The seed: a pool with no limits at all.
      code: "import { Pool } from 'pg';\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });",
      errors: [
        {
          messageId: 'unboundedWait',
          data: { library: 'node-postgres', missing: '`max` and `connectionTimeoutMillis`' },
          line: 2,
          column: 14,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`max: 10`, `idleTimeoutMillis: 30_000`, `connectionTimeoutMillis: 5_000`' },
              output:
                "import { Pool } from 'pg';\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });",
            },
          ],
        },
      ],
    },
    {
      // No options at all: pg reads PG* variables and keeps every default.
      code: "import { Pool as PgPool } from 'pg';\nexport const pool = new PgPool();",
      errors: [
        {
          messageId: 'unboundedWait',
          line: 2,
          column: 21,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              output: "import { Pool as PgPool } from 'pg';\nexport const pool = new PgPool({ max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });",
            },
          ],
        },
      ],
    },
    {
      // Default import, multi-line options: the demo's analytics replica.
      code: lines(
        "import pg from 'pg';",
        'export const analyticsPool = new pg.Pool({',
        '  connectionString: process.env.ANALYTICS_DATABASE_URL,',
        '});',
      ),
      errors: [
        {
          messageId: 'unboundedWait',
          line: 2,
          column: 30,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              output: lines(
                "import pg from 'pg';",
                'export const analyticsPool = new pg.Pool({',
                '  connectionString: process.env.ANALYTICS_DATABASE_URL,',
                '  max: 10,',
                '  idleTimeoutMillis: 30_000,',
                '  connectionTimeoutMillis: 5_000,',
                '});',
              ),
            },
          ],
        },
      ],
    },
    {
      // A size but `connectionTimeoutMillis: 0`, pg's spelling of "wait forever"; namespace import.
      code: "import * as pg from 'pg';\nconst pool = new pg.Pool({ max: 20, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 0 });",
      options: [{ connectionTimeoutMillis: 2000 }],
      errors: [
        {
          messageId: 'unboundedWait',
          data: { library: 'node-postgres', missing: 'a non-zero `connectionTimeoutMillis`' },
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`connectionTimeoutMillis: 2_000`' },
              output: "import * as pg from 'pg';\nconst pool = new pg.Pool({ max: 20, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 2_000 });",
            },
          ],
        },
      ],
    },
    {
      // A timeout but no size: the size is reported on its own.
      code: "const { Pool } = require('pg');\nconst pool = new Pool({ connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 });",
      filename: 'db.cjs',
      errors: [
        {
          messageId: 'missingMaxSize',
          data: { library: 'node-postgres', missing: '`max`', fallback: '10' },
          line: 2,
          column: 14,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`max: 10`' },
              output: "const { Pool } = require('pg');\nconst pool = new Pool({ connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000, max: 10 });",
            },
          ],
        },
      ],
    },
    {
      // Options kept in a constant: the suggestion edits the constant.
      code: lines(
        "const pg = require('pg');",
        'const poolConfig = { connectionString: process.env.DATABASE_URL, max: 15 };',
        'module.exports = new pg.Pool(poolConfig);',
      ),
      filename: 'db.js',
      errors: [
        {
          messageId: 'unboundedWait',
          data: { library: 'node-postgres', missing: '`connectionTimeoutMillis`' },
          line: 3,
          column: 18,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              output: lines(
                "const pg = require('pg');",
                'const poolConfig = { connectionString: process.env.DATABASE_URL, max: 15, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 };',
                'module.exports = new pg.Pool(poolConfig);',
              ),
            },
          ],
        },
      ],
    },
    {
      // pg-pool and Neon export the same pool.
      code: "import Pool from 'pg-pool';\nimport { Pool as NeonPool } from '@neondatabase/serverless';\nconst a = new Pool({ max: 5 });\nconst b = new NeonPool({ max: 5, connectionTimeoutMillis: 1000 });",
      errors: [
        {
          messageId: 'unboundedWait',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              output:
                "import Pool from 'pg-pool';\nimport { Pool as NeonPool } from '@neondatabase/serverless';\nconst a = new Pool({ max: 5, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });\nconst b = new NeonPool({ max: 5, connectionTimeoutMillis: 1000 });",
            },
          ],
        },
      ],
    },
    {
      // mysql2: no connection limit and an unbounded queue.
      code: "import mysql from 'mysql2/promise';\nexport const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'app', database: 'shop' });",
      errors: [
        {
          messageId: 'unboundedWait',
          data: { library: 'mysql', missing: '`connectionLimit` and `queueLimit`' },
          line: 2,
          column: 21,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`connectionLimit: 10`, `queueLimit: 100`' },
              output:
                "import mysql from 'mysql2/promise';\nexport const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'app', database: 'shop', connectionLimit: 10, queueLimit: 100 });",
            },
          ],
        },
      ],
    },
    {
      // mysql with `queueLimit: 0` (no limit), destructured require.
      code: "const { createPool } = require('mysql');\nconst pool = createPool({ connectionLimit: 20, queueLimit: 0 });",
      filename: 'pool.js',
      options: [{ queueLimit: 500 }],
      errors: [
        {
          messageId: 'unboundedWait',
          data: { library: 'mysql', missing: 'a non-zero `queueLimit`' },
          line: 2,
          column: 14,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              output: "const { createPool } = require('mysql');\nconst pool = createPool({ connectionLimit: 20, queueLimit: 500 });",
            },
          ],
        },
      ],
    },
    {
      // Sequelize from a URL alone: the suggestion adds an options argument.
      code: "import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize(process.env.DATABASE_URL!);",
      errors: [
        {
          messageId: 'missingMaxSize',
          data: { library: 'Sequelize', missing: '`pool.max`', fallback: '5' },
          line: 2,
          column: 26,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`{ pool: { max: 10, acquire: 5_000, idle: 30_000 } }`' },
              output:
                "import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize(process.env.DATABASE_URL!, { pool: { max: 10, acquire: 5_000, idle: 30_000 } });",
            },
          ],
        },
      ],
    },
    {
      // Sequelize (default require) with options but no pool, and with a pool but no max.
      code: lines(
        "const Sequelize = require('sequelize');",
        "const a = new Sequelize('shop', 'app', process.env.DB_PASSWORD, { dialect: 'postgres', logging: false });",
        "const b = new Sequelize(process.env.DATABASE_URL, { pool: { min: 0, idle: 5000 } });",
      ),
      filename: 'models/index.js',
      options: [{ maxConnections: 20 }],
      errors: [
        {
          messageId: 'missingMaxSize',
          line: 2,
          column: 11,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              output: lines(
                "const Sequelize = require('sequelize');",
                "const a = new Sequelize('shop', 'app', process.env.DB_PASSWORD, { dialect: 'postgres', logging: false, pool: { max: 20, acquire: 5_000, idle: 30_000 } });",
                "const b = new Sequelize(process.env.DATABASE_URL, { pool: { min: 0, idle: 5000 } });",
              ),
            },
          ],
        },
        {
          messageId: 'missingMaxSize',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`max: 20`, `acquire: 5_000`' },
              output: lines(
                "const Sequelize = require('sequelize');",
                "const a = new Sequelize('shop', 'app', process.env.DB_PASSWORD, { dialect: 'postgres', logging: false });",
                "const b = new Sequelize(process.env.DATABASE_URL, { pool: { min: 0, idle: 5000, max: 20, acquire: 5_000 } });",
              ),
            },
          ],
        },
      ],
    },
    {
      // Knex with no pool, called straight off require.
      code: "const db = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });",
      filename: 'db.js',
      errors: [
        {
          messageId: 'missingMaxSize',
          data: { library: 'Knex', missing: '`pool.max`', fallback: '10' },
          line: 1,
          column: 12,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`pool: { min: 0, max: 10 }`, `acquireConnectionTimeout: 5_000`' },
              output:
                "const db = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 10 }, acquireConnectionTimeout: 5_000 });",
            },
          ],
        },
      ],
    },
    {
      // Knex (named import) with a pool that has no max.
      code: "import { knex } from 'knex';\nexport const db = knex({ client: 'mysql2', connection, pool: { min: 2 }, acquireConnectionTimeout: 10_000 });",
      errors: [
        {
          messageId: 'missingMaxSize',
          line: 2,
          column: 19,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`max: 10`' },
              output: "import { knex } from 'knex';\nexport const db = knex({ client: 'mysql2', connection, pool: { min: 2, max: 10 }, acquireConnectionTimeout: 10_000 });",
            },
          ],
        },
      ],
    },
    {
      // requireMaxSize off still reports the unbounded wait; in a TSX file.
      code: "import { Pool } from 'pg';\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });\nexport const Status = () => <span>{pool.totalCount}</span>;",
      filename: 'status.tsx',
      options: [{ requireMaxSize: false }],
      errors: [
        {
          messageId: 'unboundedWait',
          data: { library: 'node-postgres', missing: '`connectionTimeoutMillis`' },
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'addPoolLimits',
              data: { properties: '`max: 10`, `idleTimeoutMillis: 30_000`, `connectionTimeoutMillis: 5_000`' },
              output:
                "import { Pool } from 'pg';\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });\nexport const Status = () => <span>{pool.totalCount}</span>;",
            },
          ],
        },
      ],
    },
  ],
});
