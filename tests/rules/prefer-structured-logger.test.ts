import rule from '../../src/rules/prefer-structured-logger.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const LOGGER_IMPORT = "import { logger } from '../lib/logger';\n";

ruleTester.run('prefer-structured-logger', rule, {
  valid: [
    // No logger configured or used in the file: console is all there is.
    { code: "console.log('listening on', port);", filename: 'src/server.ts' },
    { code: "import express from 'express';\nconst app = express();\napp.listen(3000, () => console.info('up'));", filename: 'src/index.ts' },
    // The fixed seed code: the logger everywhere.
    { code: `${LOGGER_IMPORT}logger.warn({ status, trackingNumber }, 'carrier tracking failed');`, filename: 'lib/carriers.ts' },
    // A local object named console, and console methods that are output, not logs.
    { code: `${LOGGER_IMPORT}const console = { log: (s: string) => s };\nconsole.log('x'); logger.info('y');`, filename: 'src/a.ts' },
    { code: `${LOGGER_IMPORT}console.table(rows); console.trace('here'); logger.info('done');`, filename: 'src/report.ts' },
    // Math.log and a chart's log are not loggers, so they are no evidence.
    { code: "const y = Math.log(x); chart.log(y); console.log(y);", filename: 'src/stats.ts' },
    // A debug('ns') instance is not a structured logger.
    { code: "import createDebug from 'debug';\nconst debug = createDebug('app');\ndebug('start'); console.log('x');", filename: 'src/app.ts' },
    // Test files, scripts, CLIs and config files.
    { code: `${LOGGER_IMPORT}console.log('debugging a test'); logger.info('x');`, filename: 'src/users.test.ts' },
    { code: `${LOGGER_IMPORT}console.log('migrated'); logger.info('x');`, filename: 'scripts/migrate.ts' },
    { code: "import pino from 'pino';\nconst logger = pino();\nconsole.table(stats); console.log('done');", filename: 'src/cli/report.ts' },
    { code: "import { logger } from './logger';\nconsole.log('x');", filename: 'src/tools/x.ts', options: [{ ignoreFiles: ['src/tools/**'] }] },
    // The logger module itself may wrap console.
    { code: "import pino from 'pino';\nexport const logger = pino();\nprocess.on('exit', () => console.error('bye'));", filename: 'src/lib/logger.ts' },
    { code: "console.log('x');", filename: 'src/lib/log/index.ts', options: [{ loggerModule: './src/lib/log/index' }] },
    // Browser code: 'use client', or a component file with no logger of its own.
    { code: "'use client';\nimport { logger } from '../lib/logger';\nconsole.error('scan failed'); logger.info('x');", filename: 'components/ScanInput.tsx' },
    { code: "export function Answer() { console.log('render'); return <div />; }", filename: 'web/src/components/Answer.tsx', options: [{ loggerModule: './src/lib/logger' }] },
  ],
  invalid: [
    {
      // The demo: console.error next to an imported pino logger; error-like data goes under `err`.
      code: "import { logger } from './logger';\nexport async function rates() {\n  try { await fetchRates(); } catch (error) {\n    console.error('carrier rates failed', error);\n  }\n}",
      filename: 'lib/carriers.ts',
      errors: [
        {
          messageId: 'preferLogger',
          data: { method: 'error', logger: 'logger', loggerMethod: 'error' },
          line: 4,
          column: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useLogger',
              output: "import { logger } from './logger';\nexport async function rates() {\n  try { await fetchRates(); } catch (error) {\n    logger.error({ err: error }, 'carrier rates failed');\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // log → info, one argument kept as it is (a template string too).
      code: `${LOGGER_IMPORT}console.log(\`Processed book \${bookId}\`);\nlogger.info('x');`,
      filename: 'src/services/bookProcessor.ts',
      errors: [
        {
          messageId: 'preferLogger',
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'useLogger', output: `${LOGGER_IMPORT}logger.info(\`Processed book \${bookId}\`);\nlogger.info('x');` }],
        },
      ],
    },
    {
      // Several identifiers become pino fields.
      code: `${LOGGER_IMPORT}console.warn('slow query', sql, durationMs);`,
      filename: 'src/db/query.ts',
      errors: [{ messageId: 'preferLogger', line: 2, column: 1, suggestions: [{ messageId: 'useLogger', output: `${LOGGER_IMPORT}logger.warn({ sql, durationMs }, 'slow query');` }] }],
    },
    {
      // Not identifiers: reported, no suggestion (the codemod does the structured rewrite).
      code: `${LOGGER_IMPORT}console.log('User', user.id, 'logged in');`,
      filename: 'src/routes/auth.ts',
      errors: [{ messageId: 'preferLogger', line: 2, column: 1, suggestions: [] }],
    },
    {
      // printf placeholders: no suggestion.
      code: `${LOGGER_IMPORT}console.debug('%s items', count);`,
      filename: 'src/routes/items.ts',
      errors: [{ messageId: 'preferLogger', data: { method: 'debug', logger: 'logger', loggerMethod: 'debug' }, line: 2, column: 1, suggestions: [] }],
    },
    {
      // A pino logger created in the file (default import), used elsewhere in it.
      code: "import pino from 'pino';\nconst log = pino();\nlog.info('boot');\nconsole.info('ready');",
      filename: 'src/worker.ts',
      errors: [{ messageId: 'preferLogger', line: 4, column: 1, suggestions: [{ messageId: 'useLogger', output: "import pino from 'pino';\nconst log = pino();\nlog.info('boot');\nlog.info('ready');" }] }],
    },
    {
      // winston (namespace import, as in the seed's config): message first, data after.
      code: "import * as winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nconsole.log('cache miss', key);\nconsole.error('refresh failed', err);",
      filename: 'src/cache.ts',
      errors: [
        { messageId: 'preferLogger', line: 3, column: 1, suggestions: [{ messageId: 'useLogger', output: "import * as winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nlogger.info('cache miss', { key });\nconsole.error('refresh failed', err);" }] },
        { messageId: 'preferLogger', line: 4, column: 1, suggestions: [{ messageId: 'useLogger', output: "import * as winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nconsole.log('cache miss', key);\nlogger.error('refresh failed', err);" }] },
      ],
    },
    {
      // CommonJS with a required winston logger module (destructured require).
      code: "const { logger } = require('./lib/logger');\nconst winston = require('winston');\nmodule.exports = function handle(err) { console.error(err); logger.info('handled'); };",
      filename: 'src/handler.js',
      errors: [{ messageId: 'preferLogger', line: 3, column: 41, suggestions: [{ messageId: 'useLogger', output: "const { logger } = require('./lib/logger');\nconst winston = require('winston');\nmodule.exports = function handle(err) { logger.error(err); logger.info('handled'); };" }] }],
    },
    {
      // NestJS: the class's Logger, with Nest's method names.
      code: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);
  async save(file: Express.Multer.File) {
    console.log('saving upload');
    console.error('upload failed', file);
  }
}`,
      filename: 'src/uploads/uploads.service.ts',
      errors: [
        {
          messageId: 'preferLogger',
          data: { method: 'log', logger: 'this.logger', loggerMethod: 'log' },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);
  async save(file: Express.Multer.File) {
    this.logger.log('saving upload');
    console.error('upload failed', file);
  }
}`,
            },
          ],
        },
        // Nest reads a second argument as the context name: no rewrite.
        { messageId: 'preferLogger', line: 7, column: 5, suggestions: [] },
      ],
    },
    {
      // Configured module and name: every server file, the import added relative to the file.
      code: "import express from 'express';\nconst app = express();\napp.listen(3000, () => console.log('listening'));",
      filename: 'src/index.ts',
      options: [{ logger: 'logger', loggerModule: './src/lib/logger' }],
      errors: [
        {
          messageId: 'preferLogger',
          line: 3,
          column: 24,
          suggestions: [
            {
              messageId: 'useLogger',
              data: { call: "logger.info('listening')", importNote: ' and import it from `./lib/logger`' },
              output: "import express from 'express';\nimport { logger } from './lib/logger';\nconst app = express();\napp.listen(3000, () => logger.info('listening'));",
            },
          ],
        },
      ],
    },
    {
      // Configured alias module in a CommonJS file: a require is added.
      code: "const express = require('express');\nconsole.warn('deprecated route');",
      filename: 'src/routes/legacy.cjs',
      options: [{ loggerModule: '@app/logger' }],
      errors: [
        {
          messageId: 'preferLogger',
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'useLogger', output: "const express = require('express');\nconst { logger } = require('@app/logger');\nlogger.warn('deprecated route');" }],
        },
      ],
    },
    {
      // Configured, but the name is taken by something else: reported without a suggestion.
      code: "const logger = 'not a logger';\nconsole.log(logger);",
      filename: 'src/odd.ts',
      options: [{ loggerModule: './src/lib/logger' }],
      errors: [{ messageId: 'preferLogger', line: 2, column: 1, suggestions: [] }],
    },
    {
      // A server component (.tsx) that uses the logger itself.
      code: "import { logger } from '@/lib/logger';\nexport default async function Page() {\n  logger.info('render');\n  console.log('rendering page');\n  return <main />;\n}",
      filename: 'app/page.tsx',
      errors: [{ messageId: 'preferLogger', line: 4, column: 3, suggestions: [{ messageId: 'useLogger', output: "import { logger } from '@/lib/logger';\nexport default async function Page() {\n  logger.info('render');\n  logger.info('rendering page');\n  return <main />;\n}" }] }],
    },
    {
      // An aliased import of the app's logger, found by its use.
      code: "import { logger as appLogger } from '../logger-setup';\nappLogger.info('start');\nconsole.error(error);",
      filename: 'src/jobs/sync.ts',
      errors: [{ messageId: 'preferLogger', line: 3, column: 1, suggestions: [{ messageId: 'useLogger', output: "import { logger as appLogger } from '../logger-setup';\nappLogger.info('start');\nappLogger.error(error);" }] }],
    },
  ],
});
