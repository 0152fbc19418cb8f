import path from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getMemberName, getPropertyKeyName, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { matchesFileGlob, projectRelativePath } from '../util/file-glob.js';
import { insertImport } from '../util/fix.js';
import { LoggingCallMatcher, isLoggerName } from '../util/logging.js';
import { getRequireSource, resolveImportBinding } from '../util/modules.js';
import { splitWords } from '../util/names.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    logger?: string;
    loggerModule?: string;
    ignoreFiles?: string[];
  },
];
export type MessageIds = 'preferLogger' | 'useLogger';

/** How a logger takes a message with data. */
type Flavor = 'pino' | 'winston' | 'nest';

interface LoggerTarget {
  /** The text to call on: `logger`, `this.logger`. */
  receiver: string;
  flavor: Flavor;
  /** The import to add, when the logger is not bound in the file yet. */
  importFrom?: string;
}

/** The `console` methods reported, and the logger method each becomes. */
const METHOD_MAP: Readonly<Record<string, string>> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug' };
const NEST_METHOD_MAP: Readonly<Record<string, string>> = { log: 'log', info: 'log', warn: 'warn', error: 'error', debug: 'debug' };

/** Logging packages: importing one is evidence that the file has a structured logger. */
const LOGGER_PACKAGES = ['pino', 'winston', 'bunyan', 'log4js', 'nestjs-pino', 'nest-winston'];
/** Packages that export a logger factory, not a ready logger: nothing to import a `logger` from. */
const FACTORY_PACKAGES = [...LOGGER_PACKAGES, '@nestjs/common', 'consola', 'debug', 'loglevel'];
/** Identifier names that hold errors: pino serialises an error only under `err`. */
const ERROR_NAME = /^(?:e|ex|err|error|exception)$|(?:Error|Err|Exception)$/u;
/** printf-style placeholders: `console.log('%s items', n)` would need the same from the logger. */
const FORMAT_SPECIFIER = /%[sdifjoOc]/u;

const DEFAULT_IGNORE_FILES = ['**/scripts/**', '**/bin/**', '**/cli/**', '**/*.config.{js,cjs,mjs,ts,mts,cts}'];

export default createRule<Options, MessageIds>({
  name: 'prefer-structured-logger',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the structured logger over `console` in server code that has one',
      recommended: true,
      category: 'maintainability',
      cwe: 'CWE-117',
    },
    hasSuggestions: true,
    messages: {
      preferLogger:
        '`console.{{method}}` bypasses the structured logger: this line has no level filtering, no request context and no JSON fields, and a newline in its data can forge log lines. Log it through `{{logger}}.{{loggerMethod}}(…)`.',
      useLogger: 'Replace with `{{call}}`{{importNote}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          logger: {
            type: 'string',
            description:
              'The name your code gives the logger (`logger`, `log`). When set, every server file is checked, not only those that already use a logger; the suggestion imports it under this name.',
          },
          loggerModule: {
            type: 'string',
            description:
              'The module that exports the logger: a path from the project root (`./src/lib/logger`, rewritten relative to each file), an alias (`@/lib/logger`) or a package. When set, every server file is checked and the suggestion adds the import.',
          },
          ignoreFiles: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs (relative to the project, `{a,b}` alternatives allowed) of files where `console` is the right output: scripts, CLIs, config files. Test files are never checked.',
          },
        },
      },
    ],
    defaultOptions: [{ logger: '', loggerModule: '', ignoreFiles: DEFAULT_IGNORE_FILES }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const loggerName = options.logger ?? '';
    const loggerModule = options.loggerModule ?? '';
    const isComponentFile = /\.[cm]?[jt]sx$/u.test(context.filename);
    const configured = loggerName !== '' || loggerModule !== '';
    const importSpecifier = loggerModule === '' ? undefined : specifierFor(loggerModule);

    const matcher = new LoggingCallMatcher(sourceCode, loggerName === '' ? {} : { loggerNames: [loggerName] });
    const consoleCalls: TSESTree.CallExpression[] = [];
    /** Other logger-method calls: whether one is a real logger only matters once a `console` call is found. */
    const otherCalls: TSESTree.CallExpression[] = [];

    return {
      'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(?:log|info|warn|error|debug|trace|fatal|verbose|http|silly|notice|crit|critical)$/]'(
        node: TSESTree.CallExpression,
      ) {
        const receiver = unwrapExpression((node.callee as TSESTree.MemberExpression).object);
        if (receiver.type !== AST_NODE_TYPES.Identifier || receiver.name !== 'console') {
          otherCalls.push(node);
          return;
        }
        const call = matcher.getLoggingCall(node);
        if (!call) return;
        if (call.isConsole) {
          if (Object.hasOwn(METHOD_MAP, call.method)) consoleCalls.push(node);
        } else {
          otherCalls.push(node);
        }
      },
      'Program:exit'() {
        if (consoleCalls.length === 0) return;
        // Checked here rather than in `create`: only the few files that call `console` pay for them.
        if (isTestFile(context.filename, context.cwd)) return;
        if (matchesFileGlob(context.filename, options.ignoreFiles ?? DEFAULT_IGNORE_FILES, context.cwd)) return;
        if (isLoggerModuleFile()) return;
        if (hasDirective('use client')) return;
        const binding = findLoggerBinding();
        const evidence = usesLogger() || binding !== undefined || importsLogger();
        // A .tsx/.jsx file may be browser code: only its own logger says it runs on the server.
        if (!evidence && (isComponentFile || !configured)) return;
        for (const node of consoleCalls) report(node, binding);
      },
    };

    function usesLogger(): boolean {
      return otherCalls.some((node) => {
        const call = matcher.getLoggingCall(node);
        return call !== undefined && !call.isConsole && call.receiver !== undefined;
      });
    }

    function report(node: TSESTree.CallExpression, binding: LoggerTarget | undefined): void {
      const method = getMemberName(node.callee as TSESTree.MemberExpression) ?? 'log';
      const target = nestTarget(node) ?? binding ?? importTarget();
      const loggerMethod = (target?.flavor === 'nest' ? NEST_METHOD_MAP : METHOD_MAP)[method] ?? 'info';
      const args = target ? rewriteArguments(node, target.flavor) : undefined;
      const call = target && args !== undefined ? `${target.receiver}.${loggerMethod}(${args})` : undefined;
      context.report({
        node,
        messageId: 'preferLogger',
        data: { method, logger: target?.receiver ?? (loggerName || 'logger'), loggerMethod },
        ...(target && call !== undefined
          ? {
              suggest: [
                {
                  messageId: 'useLogger',
                  data: { call, importNote: target.importFrom === undefined ? '' : ` and import it from \`${target.importFrom}\`` },
                  fix: (fixer: TSESLint.RuleFixer) => [
                    fixer.replaceText(node, call),
                    ...(target.importFrom === undefined ? [] : insertImport(fixer, sourceCode, { source: target.importFrom, named: target.receiver })),
                  ],
                },
              ],
            }
          : {}),
      });
    }

    /**
     * The logger's arguments: one argument as it is; a message followed by identifiers as pino's
     * `({ a, b }, 'msg')` or winston's `('msg', { a, b })`; undefined when no faithful rewrite exists.
     */
    function rewriteArguments(node: TSESTree.CallExpression, flavor: Flavor): string | undefined {
      const args = node.arguments;
      if (args.length === 0 || args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      if (args.length === 1) return sourceCode.getText(args[0]);
      if (flavor === 'nest') return undefined; // Nest reads a second string as the context name
      const [message, ...rest] = args;
      if (!message || !isMessage(message)) return undefined;
      const names: string[] = [];
      for (const argument of rest) {
        if (argument.type !== AST_NODE_TYPES.Identifier || argument.name === 'undefined' || names.includes(argument.name)) return undefined;
        names.push(argument.name);
      }
      const messageText = sourceCode.getText(message);
      const errors = names.filter((name) => ERROR_NAME.test(name));
      if (flavor === 'winston') {
        // winston keeps an Error's message and stack only when it is the whole metadata argument.
        if (errors.length > 0) return names.length === 1 ? `${messageText}, ${names[0] ?? ''}` : undefined;
        return `${messageText}, { ${names.join(', ')} }`;
      }
      if (errors.length > 1) return undefined;
      const fields = names.map((name) => (ERROR_NAME.test(name) && name !== 'err' ? `err: ${name}` : name));
      return `{ ${fields.join(', ')} }, ${messageText}`;
    }

    function isMessage(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && !FORMAT_SPECIFIER.test(node.value);
      if (node.type === AST_NODE_TYPES.TemplateLiteral) return !node.quasis.some((quasi) => FORMAT_SPECIFIER.test(quasi.value.cooked ?? ''));
      return false;
    }

    /** `this.logger` of a NestJS class (`private readonly logger = new Logger(X.name)`), when `this` is the instance here. */
    function nestTarget(node: TSESTree.Node): LoggerTarget | undefined {
      let current: TSESTree.Node | undefined = node.parent;
      while (current && current.type !== AST_NODE_TYPES.ClassBody) {
        if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
          const owner = current.parent;
          if (owner?.type !== AST_NODE_TYPES.MethodDefinition || owner.static) return undefined;
        }
        if (current.type === AST_NODE_TYPES.PropertyDefinition && current.static) return undefined;
        current = current.parent;
      }
      if (!current) return undefined;
      for (const member of current.body) {
        const name = member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed ? getPropertyKeyName(member) : undefined;
        if (name !== undefined && member.type === AST_NODE_TYPES.PropertyDefinition && isLoggerName(name) && isNestLogger(member.value, member.typeAnnotation)) {
          return { receiver: `this.${name}`, flavor: 'nest' };
        }
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
          for (const parameter of member.value.params) {
            if (parameter.type !== AST_NODE_TYPES.TSParameterProperty || parameter.parameter.type !== AST_NODE_TYPES.Identifier) continue;
            const identifier = parameter.parameter;
            if (isLoggerName(identifier.name) && isNestLogger(null, identifier.typeAnnotation)) return { receiver: `this.${identifier.name}`, flavor: 'nest' };
          }
        }
      }
      return undefined;
    }

    function isNestLogger(value: TSESTree.Node | null, annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
      const fromNest = (node: TSESTree.Node): boolean => {
        const binding = resolveImportBinding(node, sourceCode.getScope(node));
        return binding?.source === '@nestjs/common' && binding.path[binding.path.length - 1] === 'Logger';
      };
      if (value?.type === AST_NODE_TYPES.NewExpression && fromNest(value.callee)) return true;
      const type = annotation?.typeAnnotation;
      return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && fromNest(type.typeName);
    }

    /**
     * A logger bound at the top of the file: the configured name, an import from the configured
     * module, or a logger-named import or `const` made by a call (`pino()`, `createLogger()`,
     * `logger.child()`), never a `debug('ns')` instance or an alias of `console.log`.
     */
    function findLoggerBinding(): LoggerTarget | undefined {
      const scopes = [sourceCode.scopeManager?.globalScope, ...(sourceCode.scopeManager?.globalScope?.childScopes.filter((scope) => scope.type === 'module') ?? [])];
      const candidates: TSESLint.Scope.Variable[] = [];
      for (const scope of scopes) {
        for (const variable of scope?.variables ?? []) {
          const def = variable.defs[0];
          if (def?.name.type !== AST_NODE_TYPES.Identifier) continue;
          if (variable.name === loggerName || isFromLoggerModule(def) || (isLoggerName(variable.name) && isLoggerValue(variable, def))) candidates.push(variable);
        }
      }
      const preferred = candidates.find((variable) => variable.name === loggerName) ?? candidates.find((variable) => variable.name === 'logger') ?? candidates[0];
      return preferred ? { receiver: preferred.name, flavor: fileFlavor() } : undefined;
    }

    function isFromLoggerModule(def: TSESLint.Scope.Definition): boolean {
      if (importSpecifier === undefined || def.type !== 'ImportBinding' || def.parent.type !== AST_NODE_TYPES.ImportDeclaration) return false;
      const source = String(def.parent.source.value);
      return source === importSpecifier || source === loggerModule;
    }

    function isLoggerValue(variable: TSESLint.Scope.Variable, def: TSESLint.Scope.Definition): boolean {
      // An import of the app's logger: named `…Logger`, or a `log` the file calls logger methods on.
      const imported = (source: string): boolean =>
        !FACTORY_PACKAGES.includes(source) && (splitWords(variable.name).pop() === 'logger' || isUsedAsLogger(variable));
      if (def.type === 'ImportBinding') return imported(def.parent.type === AST_NODE_TYPES.ImportDeclaration ? String(def.parent.source.value) : '');
      if (def.type !== 'Variable' || !def.node.init) return false;
      const init = unwrapExpression(def.node.init);
      const required = getRequireSource(init);
      if (required !== undefined) return imported(required);
      if (def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
      if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return false;
      const binding = resolveImportBinding(init.callee, sourceCode.getScope(init));
      if (binding?.source === 'debug') return false;
      return matcher.isLogger(init) || (init.callee.type === AST_NODE_TYPES.MemberExpression && getMemberName(init.callee) === 'child' && matcher.isLogger(init.callee.object));
    }

    /** Whether the file calls logger methods on the variable: `log.info(…)`, `log.error(…)`. */
    function isUsedAsLogger(variable: TSESLint.Scope.Variable): boolean {
      return variable.references.some((reference) => {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
        const call = member.parent;
        return call.type === AST_NODE_TYPES.CallExpression && call.callee === member && matcher.isLoggingCall(call);
      });
    }

    /** The configured module's logger, imported under the configured name; none when that name is taken. */
    function importTarget(): LoggerTarget | undefined {
      if (importSpecifier === undefined || FACTORY_PACKAGES.includes(loggerModule)) return undefined;
      const name = loggerName || 'logger';
      if (!/^[A-Za-z_$][\w$]*$/u.test(name)) return undefined;
      const globalScope = sourceCode.scopeManager?.globalScope;
      const taken = [globalScope, ...(globalScope?.childScopes.filter((scope) => scope.type === 'module') ?? [])].some(
        (scope) => scope?.set.has(name) === true || scope?.through.some((reference) => reference.identifier.name === name) === true,
      );
      return taken ? undefined : { receiver: name, flavor: fileFlavor(), importFrom: importSpecifier };
    }

    /** winston when the file imports it, pino otherwise (the shape `console-to-logger` writes). */
    function fileFlavor(): Flavor {
      return importedSources().some((source) => source === 'winston' || source === 'nest-winston') ? 'winston' : 'pino';
    }

    function importsLogger(): boolean {
      return importedSources().some((source) => LOGGER_PACKAGES.includes(source) || source === importSpecifier || source === loggerModule) || importsNestLogger();
    }

    function importsNestLogger(): boolean {
      return sourceCode.ast.body.some(
        (statement) =>
          statement.type === AST_NODE_TYPES.ImportDeclaration &&
          statement.source.value === '@nestjs/common' &&
          statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier && specifier.imported.name === 'Logger'),
      );
    }

    function importedSources(): string[] {
      const sources: string[] = [];
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration) sources.push(String(statement.source.value));
        if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declarations) {
            const source = declarator.init ? getRequireSource(declarator.init) : undefined;
            if (source !== undefined) sources.push(source);
          }
        }
      }
      return sources;
    }

    function hasDirective(directive: string): boolean {
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
        if (statement.directive === directive) return true;
      }
      return false;
    }

    /** The logger module itself (`lib/logger.ts`, `utils/log.js`, `logging.ts`, or `loggerModule`): it may wrap console. */
    function isLoggerModuleFile(): boolean {
      const relative = projectRelativePath(context.filename, context.cwd);
      const base = path.posix.basename(relative).replace(/\.[^.]+$/u, '');
      const words = splitWords(base);
      const last = words[words.length - 1];
      if (last === 'logger' || last === 'log' || last === 'logging') return true;
      if (!loggerModule.startsWith('.')) return false;
      const target = path.posix.normalize(loggerModule.replace(/\\/gu, '/')).replace(/\.[cm]?[jt]sx?$/u, '');
      const self = relative.replace(/\.[cm]?[jt]sx?$/u, '');
      return self === target || self === `${target}/index`;
    }

    /** `./src/lib/logger` (from the project root) as this file imports it: `../lib/logger`. Aliases and packages as they are. */
    function specifierFor(module: string): string {
      if (!module.startsWith('.')) return module;
      const relative = projectRelativePath(context.filename, context.cwd);
      let specifier = path.posix.relative(path.posix.dirname(relative), path.posix.normalize(module.replace(/\\/gu, '/')));
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      return specifier;
    }
  },
});
