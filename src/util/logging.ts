/**
 * Logging calls: `console.*`, loggers created by pino / winston / bunyan / log4js / consola /
 * NestJS `Logger` (followed through imports and the variables or class members holding them),
 * the default loggers those modules export (`winston.info`, `Logger.log`), `debug('ns')`
 * instances, child loggers (`logger.child({…}).info`), and receivers named like a logger
 * (`logger`, `log`, `this.logger`, `req.log`, `auditLogger`). A method name alone never counts:
 * `Math.log(x)` and `chart.log(x)` are not logging calls.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getDottedName, getMemberName, unwrapAwait, unwrapExpression } from './ast.js';
import { CALL, CONSTRUCT, InstanceSet, namesModule, resolveImportBinding, trackModuleReferences, type TraceMap } from './modules.js';
import { splitWords } from './names.js';

/** `console` methods that write their arguments. */
export const CONSOLE_METHODS: readonly string[] = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'];

/** Logger methods that write their arguments (pino, winston, bunyan, Nest, log4js, consola…). */
export const LOG_METHODS: readonly string[] = [
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
  'silly',
  'http',
  'critical',
  'crit',
  'notice',
  'alert',
  'emerg',
  'success',
];

/** Every method name a logging call can have: the `console` methods and the logger methods. */
export const LOGGING_METHODS: ReadonlySet<string> = new Set([...CONSOLE_METHODS, ...LOG_METHODS]);

/** Last words of a receiver's name that make it a logger: `logger`, `log`, `auditLogger`, `req.log`. */
const LOGGER_NAME_WORDS = ['logger', 'log'];

/** Modules whose default / namespace export (or the named export given) is a ready logger. */
const LOGGER_MODULES: readonly { source: string; path: readonly string[] }[] = [
  { source: 'winston', path: [] },
  { source: 'consola', path: [] },
  { source: 'consola', path: ['consola'] },
  { source: 'loglevel', path: [] },
  { source: 'signale', path: [] },
  { source: 'npmlog', path: [] },
  { source: '@nestjs/common', path: ['Logger'] },
];

/** Calls and constructors that create loggers. */
const LOGGER_FACTORIES: TraceMap<'logger' | 'debug'> = {
  pino: { [CALL]: 'logger', pino: { [CALL]: 'logger' }, default: { [CALL]: 'logger' } },
  winston: { createLogger: { [CALL]: 'logger' } },
  bunyan: { createLogger: { [CALL]: 'logger' } },
  log4js: { getLogger: { [CALL]: 'logger' } },
  consola: { create: { [CALL]: 'logger' }, createConsola: { [CALL]: 'logger' } },
  '@nestjs/common': { Logger: { [CONSTRUCT]: 'logger' }, ConsoleLogger: { [CONSTRUCT]: 'logger' } },
  debug: { [CALL]: 'debug', default: { [CALL]: 'debug' } },
};

export interface LoggingOptions {
  /** Extra receivers (identifiers or dotted names such as `this.audit`) to treat as loggers. */
  loggerNames?: readonly string[];
}

export interface LoggingCall {
  call: TSESTree.CallExpression;
  /** `log`, `info`, `error`…; `debug` for a `debug('ns')` instance called directly. */
  method: string;
  /** `console`, or the logger expression (`logger`, `this.logger`, `req.log`…); undefined for `debug` instances. */
  receiver: TSESTree.Node | undefined;
  isConsole: boolean;
}

/**
 * Recognises logging calls in one file. Create one per rule invocation (inside `create`); the
 * logger modules are tracked on first use, once per file for every rule that asks.
 */
export class LoggingCallMatcher {
  private tracked: LoggerTracking | undefined;
  private readonly loggerNames: readonly string[];

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    options: LoggingOptions = {},
  ) {
    this.loggerNames = options.loggerNames ?? [];
  }

  /**
   * A cheap first test, exact for what {@link getLoggingCall} accepts: a member callee named like a
   * `console` or logger method, or a plain call in a file that creates `debug('ns')` loggers.
   */
  mayBeLoggingCall(node: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getMemberName(callee);
      return method !== undefined && LOGGING_METHODS.has(method);
    }
    return callee.type === AST_NODE_TYPES.Identifier && this.usesDebugLoggers();
  }

  /** Whether the file creates `debug('ns')` loggers, the only plain functions that log. */
  usesDebugLoggers(): boolean {
    // Asked of every file: answered from the file's module names unless it names `debug`.
    return namesModule(this.sourceCode, 'debug') && this.track().usesDebug;
  }

  /** The logging call `node` is, if any. */
  getLoggingCall(node: TSESTree.CallExpression): LoggingCall | undefined {
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      return this.usesDebugLoggers() && this.track().debugInstances.has(callee) ? { call: node, method: 'debug', receiver: undefined, isConsole: false } : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = getMemberName(callee);
    if (method === undefined) return undefined;
    const receiver = unwrapExpression(callee.object);
    if (this.isConsole(receiver)) {
      return CONSOLE_METHODS.includes(method) ? { call: node, method, receiver, isConsole: true } : undefined;
    }
    if (!LOG_METHODS.includes(method) || !this.isLogger(receiver)) return undefined;
    return { call: node, method, receiver, isConsole: false };
  }

  /** Whether `node` is a logging call. */
  isLoggingCall(node: TSESTree.CallExpression): boolean {
    return this.getLoggingCall(node) !== undefined;
  }

  /** Whether `node` is the global `console` (not a local binding of that name). */
  isConsole(node: TSESTree.Node): boolean {
    const target = unwrapExpression(node);
    if (target.type !== AST_NODE_TYPES.Identifier || target.name !== 'console') return false;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(target), target);
    return !variable || variable.defs.length === 0;
  }

  /** Whether `node` is a logger (see the module comment for what counts). */
  isLogger(node: TSESTree.Node, depth = 0): boolean {
    if (depth > 4) return false;
    const target = unwrapAwait(node);
    const dotted = getDottedName(target);
    if (dotted !== undefined && this.loggerNames.includes(dotted)) return true;
    if (target.type === AST_NODE_TYPES.CallExpression) {
      // logger.child({ requestId }).info(…)
      const callee = unwrapExpression(target.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberName(callee) === 'child') {
        return this.isLogger(callee.object, depth + 1);
      }
      return this.track().factoryCalls.includes(target);
    }
    if (target.type === AST_NODE_TYPES.NewExpression) {
      return this.track().factoryCalls.includes(target);
    }
    let name: string | undefined;
    if (target.type === AST_NODE_TYPES.Identifier) name = target.name;
    else if (target.type === AST_NODE_TYPES.MemberExpression) name = getMemberName(target);
    else return false;
    if (name !== undefined && isLoggerName(name)) return true;

    if (this.track().instances.has(target)) return true;
    const binding = resolveImportBinding(target, this.sourceCode.getScope(target));
    if (binding) {
      const path = binding.path.filter((part, index) => index > 0 || (part !== 'default' && part !== '*'));
      return LOGGER_MODULES.some(
        (logger) => logger.source === binding.source && logger.path.length === path.length && logger.path.every((part, index) => path[index] === part),
      );
    }
    if (target.type === AST_NODE_TYPES.Identifier) {
      // const log = logger.child({ module: 'auth' })
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(target), target);
      const def = variable?.defs[0];
      if (variable?.defs.length === 1 && def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        if (def.node.id.type === AST_NODE_TYPES.Identifier && variable.references.filter((reference) => reference.isWrite()).length <= 1) {
          return this.isLogger(def.node.init, depth + 1);
        }
      }
    }
    return false;
  }

  private track(): LoggerTracking {
    return (this.tracked ??= loggerTracking(this.sourceCode));
  }
}

/** What the file's logger modules create: the same for every rule, so tracked once per file. */
interface LoggerTracking {
  factoryCalls: readonly TSESTree.Node[];
  instances: InstanceSet;
  debugInstances: InstanceSet;
  usesDebug: boolean;
}

/** Per file, keyed by the `SourceCode`: nothing survives the file. */
const trackings = new WeakMap<object, LoggerTracking>();

function loggerTracking(sourceCode: Readonly<TSESLint.SourceCode>): LoggerTracking {
  let tracking = trackings.get(sourceCode);
  if (tracking) return tracking;
  const references = trackModuleReferences(sourceCode, LOGGER_FACTORIES);
  const debugCreations = references.filter((reference) => reference.info === 'debug').map((reference) => reference.node);
  tracking = {
    factoryCalls: references.map((reference) => reference.node),
    instances: new InstanceSet(
      sourceCode,
      references.filter((reference) => reference.info === 'logger').map((reference) => reference.node),
    ),
    debugInstances: new InstanceSet(sourceCode, debugCreations),
    usesDebug: debugCreations.length > 0,
  };
  trackings.set(sourceCode, tracking);
  return tracking;
}

/** Whether a name reads as a logger: its last word is `logger` or `log` (`logger`, `_log`, `auditLogger`, `LOGGER`). */
export function isLoggerName(name: string): boolean {
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last !== undefined && LOGGER_NAME_WORDS.includes(last);
}
