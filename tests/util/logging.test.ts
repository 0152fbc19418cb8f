import type { TSESTree } from '@typescript-eslint/utils';

import { isLoggerName, LoggingCallMatcher, type LoggingOptions } from '../../src/util/logging.js';
import { probe } from './probe.js';

/** Reports every logging call as `method receiver`, with `(console)` for console calls and `-` for debug instances. */
function logs(code: string, options: LoggingOptions = {}): string[] {
  return probe(code, (context) => {
    const matcher = new LoggingCallMatcher(context.sourceCode, options);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const call = matcher.getLoggingCall(node);
        if (!call) return;
        const receiver = call.receiver ? context.sourceCode.getText(call.receiver) : '-';
        context.report({ node, messageId: 'found', data: { text: `${call.method} ${receiver}${call.isConsole ? ' (console)' : ''}` } });
      },
    };
  });
}

describe('LoggingCallMatcher', () => {
  // `may` is the cheap first test; it may say yes where nothing logs, never no where something does.
  function firstTest(code: string): string[] {
    return probe(code, (context) => {
      const matcher = new LoggingCallMatcher(context.sourceCode);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          const text = `${matcher.mayBeLoggingCall(node) ? 'may' : 'not'} ${matcher.getLoggingCall(node) ? 'logs' : '-'} ${matcher.usesDebugLoggers()}`;
          context.report({ node, messageId: 'found', data: { text } });
        },
      };
    });
  }

  it('rejects calls cheaply only where no logging call can be', () => {
    expect(firstTest("import pino from 'pino';\nconst log = pino();\nlog.info(a); res.json(b); helper(c); console.time(t);")).toEqual([
      '2:13 not - false',
      '3:1 may logs false',
      '3:14 not - false',
      '3:27 not - false',
      '3:38 not - false',
    ]);
    expect(firstTest("import createDebug from 'debug';\nconst debug = createDebug('app');\ndebug(a); helper(b);")).toEqual([
      '2:15 may - true',
      '3:1 may logs true',
      '3:11 may - true',
    ]);
  });

  it('matches console methods that write, and only on the global console', () => {
    expect(
      logs(
        [
          'console.log(a); console.error(b); console.table(rows);',
          'console.time(t); console.assert(ok, msg); console.group(g);',
          'function f(console) { console.log(x); }',
        ].join('\n'),
      ),
    ).toEqual(['1:1 log console (console)', '1:17 error console (console)', '1:35 table console (console)']);
  });

  it('follows pino, winston, bunyan, log4js and Nest loggers through imports and variables', () => {
    expect(
      logs(
        [
          "import pino from 'pino';",
          "import { createLogger } from 'winston';",
          "import bunyan from 'bunyan';",
          "import { Logger } from '@nestjs/common';",
          "const app = pino({ level: 'info' });",
          'const w = createLogger({});',
          "const b = bunyan.createLogger({ name: 'api' });",
          "pino().info(a); app.warn(b); w.error(c); b.fatal(d); new Logger('Svc').verbose(e);",
          'Logger.log(f); app.child({ requestId }).debug(g);',
        ].join('\n'),
      ),
    ).toEqual([
      '8:1 info pino()',
      '8:17 warn app',
      '8:30 error w',
      '8:42 fatal b',
      "8:54 verbose new Logger('Svc')",
      '9:1 log Logger',
      '9:16 debug app.child({ requestId })',
    ]);
  });

  it('knows default loggers exported by winston and consola', () => {
    expect(
      logs("import winston from 'winston';\nimport { consola } from 'consola';\nwinston.info(a); consola.success(b); winston.format(c);"),
    ).toEqual(['3:1 info winston', '3:18 success consola']);
  });

  it('treats debug() instances as calls that log', () => {
    expect(logs("import createDebug from 'debug';\nconst debug = createDebug('app:auth');\ndebug('user %s', id); other('x');")).toEqual([
      '3:1 debug -',
    ]);
  });

  it('recognises receivers named like loggers, child loggers and configured names', () => {
    expect(
      logs(
        [
          'logger.info(a); this.logger.error(b); req.log.warn(c); auditLogger.notice(d); LOG.debug(e);',
          "const log = logger.child({ module: 'auth' }); log.info(f);",
          'this.audit.info(g); telemetry.info(h);',
        ].join('\n'),
        { loggerNames: ['this.audit'] },
      ),
    ).toEqual([
      '1:1 info logger',
      '1:17 error this.logger',
      '1:39 warn req.log',
      '1:56 notice auditLogger',
      '1:79 debug LOG',
      '2:47 info log',
      '3:1 info this.audit',
    ]);
  });

  it('does not take a method name alone for logging', () => {
    expect(
      logs(
        [
          "import { Blog } from './blog';",
          'Math.log(x); chart.log(y); catalog.info(z); dialog.warn(w); logger.flush(); logger.level(v);',
          "Blog.log(u); blog.error(t); this.logs.info(s); console['log'].call(null, r);",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('isLoggerName', () => {
  it.each([
    ['logger', true],
    ['log', true],
    ['_log', true],
    ['LOGGER', true],
    ['auditLogger', true],
    ['request_log', true],
    ['catalog', false],
    ['logs', false],
    ['loggerFactory', false],
    ['blog', false],
    ['dialog', false],
  ])('isLoggerName(%j) is %s', (name, expected) => {
    expect(isLoggerName(name)).toBe(expected);
  });
});
