import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, getConstInitializer, getDottedName, getMemberName, getPropertyKeyName, unwrapExpression, UNWRAPPED_TYPES_PATTERN } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { LOGGING_METHODS, LoggingCallMatcher } from '../util/logging.js';
import { CALL, trackModuleReferences } from '../util/modules.js';
import { PERSONAL_DATA_WORDS, isPersonalDataName, splitWords } from '../util/names.js';
import { RequestInputTracker } from '../util/request-input.js';

export type Options = [
  {
    extraWords?: string[];
    ignoreNames?: string[];
    loggerNames?: string[];
  },
];
export type MessageIds = 'sensitiveData' | 'wholeRequestPart' | 'wholeUser' | 'logIdInstead' | 'dropProperty';

/** Parts of a request that, logged whole, carry every credential and personal field the client sent. */
const WHOLE_REQUEST_PARTS = ['body', 'headers', 'cookies', 'signedCookies', 'rawHeaders'];

/** Last words of a name that hold a whole user record: `user`, `req.user`, `newUser`, passport's `profile`. */
const USER_WORDS = ['user', 'profile', 'customer'];

/** Words in a name that say the value was already made safe to log: `maskedEmail`, `passwordHash`. */
const REDACTED_WORDS = ['masked', 'mask', 'redacted', 'hashed', 'hash', 'digest', 'encrypted', 'obfuscated', 'anonymized', 'anonymised', 'sanitized', 'truncated', 'present', 'exists', 'provided', 'missing', 'set', 'has', 'is'];

/** Members that reduce a value to a harmless fact about it. */
const FACT_MEMBERS = ['length', 'size'];

/** Calls whose result still shows their argument (or receiver) in full. */
const PASS_THROUGH_FUNCTIONS = ['String', 'JSON.stringify', 'util.inspect', 'inspect', 'util.format', 'format'];
const PASS_THROUGH_METHODS = ['toString', 'toLowerCase', 'toUpperCase', 'trim', 'toJSON', 'normalize'];

/**
 * Calls that can be logging calls in a file without `debug` instances: a member named like a
 * logging method, a computed member, or a callee in a cast or chain (looked through).
 */
const LOGGING_CALL_SELECTOR = [
  `CallExpression[callee.computed=false][callee.property.name=/^(?:${[...LOGGING_METHODS].join('|')})$/]`,
  'CallExpression[callee.computed=true]',
  `CallExpression[callee.type=/^(?:${UNWRAPPED_TYPES_PATTERN})$/]`,
].join(', ');

interface Finding {
  node: TSESTree.Node;
  messageId: 'sensitiveData' | 'wholeRequestPart' | 'wholeUser';
  name: string;
  suggest: TSESLint.SuggestionReportDescriptor<'logIdInstead' | 'dropProperty'>[];
}

export default createRule<Options, MessageIds>({
  name: 'no-sensitive-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow logging personal data, credentials, whole request bodies/headers and whole user objects',
      recommended: true,
      category: 'security',
      cwe: 'CWE-532',
    },
    hasSuggestions: true,
    messages: {
      sensitiveData:
        '`{{name}}` looks like personal data or a credential, and log lines are shipped to aggregators, kept for months and read by far more people than your database: log an id or a redacted value instead.',
      wholeRequestPart:
        'Logging the whole `{{name}}` writes every password, token and cookie the client sends into your logs: log the few fields you need instead.',
      wholeUser:
        'Logging the whole user object `{{name}}` writes its email and other personal data (and any password hash it carries) into your logs: log its id instead.',
      logIdInstead: 'Log `{{replacement}}` instead.',
      dropProperty: 'Remove `{{name}}` from the logged object.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          extraWords: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Extra words that mark a name as personal data or a credential (e.g. `nationalId`, `iban`).',
          },
          ignoreNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Whole names (case-insensitive) that never count as sensitive.',
          },
          loggerNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Extra logger receivers, as identifiers or dotted names (e.g. `audit` or `this.audit`).',
          },
        },
      },
    ],
    defaultOptions: [{ extraWords: [], ignoreNames: [], loggerNames: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const nameOptions = { extraWords: options.extraWords ?? [], ignoreNames: options.ignoreNames ?? [] };
    const logging = new LoggingCallMatcher(sourceCode, { loggerNames: options.loggerNames ?? [] });
    let requests: RequestInputTracker | undefined;
    let redactedKeys: Set<string> | undefined;

    function isSensitiveName(name: string): boolean {
      const words = splitWords(name);
      if (words.some((word) => REDACTED_WORDS.includes(word))) return false;
      if (isPersonalDataName(name, nameOptions)) return true;
      // Plurals of personal-data words (`emails`, `phones`), not of secrets (`tokens` counts LLM tokens).
      const last = words[words.length - 1];
      return (
        last !== undefined &&
        last.endsWith('s') &&
        PERSONAL_DATA_WORDS.includes(last.slice(0, -1)) &&
        !nameOptions.ignoreNames.some((ignored) => ignored.toLowerCase() === name.toLowerCase())
      );
    }

    function isRequestObject(node: TSESTree.Node): boolean {
      requests ??= new RequestInputTracker(sourceCode);
      return requests.isRequestObject(node);
    }

    /** What in a logged value is sensitive. */
    function inspect(node: TSESTree.Node, depth: number): Finding[] {
      if (depth > 6) return [];
      const target = unwrapExpression(node);
      switch (target.type) {
        case AST_NODE_TYPES.Identifier:
          return inspectIdentifier(target, depth);
        case AST_NODE_TYPES.MemberExpression:
          return inspectMember(target);
        case AST_NODE_TYPES.TemplateLiteral:
          return target.expressions.flatMap((expression) => inspect(expression, depth + 1));
        case AST_NODE_TYPES.BinaryExpression:
          return target.operator === '+' ? [...inspect(target.left, depth + 1), ...inspect(target.right, depth + 1)] : [];
        case AST_NODE_TYPES.LogicalExpression:
          return target.operator === '&&' ? inspect(target.right, depth + 1) : [...inspect(target.left, depth + 1), ...inspect(target.right, depth + 1)];
        case AST_NODE_TYPES.ConditionalExpression:
          return [...inspect(target.consequent, depth + 1), ...inspect(target.alternate, depth + 1)];
        case AST_NODE_TYPES.AwaitExpression:
          return inspect(target.argument, depth + 1);
        case AST_NODE_TYPES.ArrayExpression:
          return target.elements.flatMap((element) => (element ? inspect(element, depth + 1) : []));
        case AST_NODE_TYPES.SpreadElement:
          return inspect(target.argument, depth + 1);
        case AST_NODE_TYPES.ObjectExpression:
          return target.properties.flatMap((property) =>
            property.type === AST_NODE_TYPES.Property ? inspectProperty(property, depth) : inspect(property.argument, depth + 1),
          );
        case AST_NODE_TYPES.CallExpression:
          return inspectCall(target, depth);
        default:
          return [];
      }
    }

    function inspectIdentifier(identifier: TSESTree.Identifier, depth: number): Finding[] {
      if (isSensitiveName(identifier.name)) return [{ node: identifier, messageId: 'sensitiveData', name: identifier.name, suggest: [] }];
      if (isUserName(identifier.name) && !holdsPlainValue(identifier)) {
        return [{ node: identifier, messageId: 'wholeUser', name: identifier.name, suggest: [idSuggestion(identifier, `${identifier.name}?.id`)] }];
      }
      // const body = req.body; logger.info(body): reported where it is logged, named by its origin.
      const init = getConstInitializer(identifier, sourceCode.getScope(identifier));
      const found = init ? inspect(init, depth + 1)[0] : undefined;
      return found ? [{ node: identifier, messageId: found.messageId, name: found.name, suggest: [] }] : [];
    }

    function inspectMember(member: TSESTree.MemberExpression): Finding[] {
      const name = getMemberName(member);
      if (name === undefined) return [];
      const object = unwrapExpression(member.object);
      const dotted = getDottedName(member) ?? name;
      if (WHOLE_REQUEST_PARTS.includes(name) && isRequestObject(object)) {
        return [{ node: member, messageId: 'wholeRequestPart', name: dotted, suggest: [] }];
      }
      if (isSensitiveName(name)) {
        const owner = getDottedName(object);
        const suggest = owner !== undefined && isUserLike(object) ? [idSuggestion(member, `${owner}.id`)] : [];
        return [{ node: member, messageId: 'sensitiveData', name: dotted, suggest }];
      }
      if (isUserName(name) && !FACT_MEMBERS.includes(name)) {
        return [{ node: member, messageId: 'wholeUser', name: dotted, suggest: [idSuggestion(member, `${getDottedName(member) ?? sourceCode.getText(member)}?.id`)] }];
      }
      return [];
    }

    function inspectCall(call: TSESTree.CallExpression, depth: number): Finding[] {
      const callee = unwrapExpression(call.callee);
      const dotted = getDottedName(callee);
      if (dotted !== undefined && PASS_THROUGH_FUNCTIONS.includes(dotted)) return call.arguments.flatMap((argument) => inspect(argument, depth + 1));
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
      const method = getCalleeName(call);
      if (method !== undefined && PASS_THROUGH_METHODS.includes(method)) return inspect(callee.object, depth + 1);
      // req.get('authorization'), req.header('Cookie'), request.headers.get('authorization')
      if (method === 'get' || method === 'header') {
        const receiver = unwrapExpression(callee.object);
        const isHeaders =
          isRequestObject(receiver) ||
          (receiver.type === AST_NODE_TYPES.MemberExpression && ['headers', 'cookies'].includes(getMemberName(receiver) ?? ''));
        const header = call.arguments[0] ? ASTUtils.getStringIfConstant(call.arguments[0], sourceCode.getScope(call)) : null;
        if (isHeaders && header !== null && isSensitiveName(header)) {
          return [{ node: call, messageId: 'sensitiveData', name: sourceCode.getText(call), suggest: [] }];
        }
      }
      return [];
    }

    function inspectProperty(property: TSESTree.Property, depth: number): Finding[] {
      const key = getPropertyKeyName(property);
      if (key !== undefined && isSensitiveName(key) && carriesValue(property.value, 0)) {
        return [{ node: property, messageId: 'sensitiveData', name: key, suggest: [dropSuggestion(property, key)] }];
      }
      const findings = inspect(property.value, depth + 1);
      return findings.map((finding) => {
        if (finding.node !== unwrapExpression(property.value)) return finding;
        const suggest = [...finding.suggest];
        if (property.shorthand && finding.messageId === 'wholeUser') {
          const name = sourceCode.getText(property.value);
          suggest.splice(0, suggest.length, {
            messageId: 'logIdInstead',
            data: { replacement: `${name}?.id` },
            fix: (fixer) => fixer.replaceText(property, `${name}Id: ${name}?.id`),
          });
        }
        suggest.push(dropSuggestion(property, key ?? sourceCode.getText(property.key)));
        return { ...finding, node: property.shorthand ? property : finding.node, suggest };
      });
    }

    /** Whether a value logged under a sensitive key would show data (not a constant, a count, a flag or a redaction). */
    function carriesValue(node: TSESTree.Node, depth: number): boolean {
      if (depth > 4) return false;
      const target = unwrapExpression(node);
      switch (target.type) {
        case AST_NODE_TYPES.Identifier:
          return target.name !== 'undefined' && !splitWords(target.name).some((word) => REDACTED_WORDS.includes(word));
        case AST_NODE_TYPES.MemberExpression:
          return !FACT_MEMBERS.includes(getMemberName(target) ?? '');
        case AST_NODE_TYPES.TemplateLiteral:
          return target.expressions.some((expression) => carriesValue(expression, depth + 1));
        case AST_NODE_TYPES.BinaryExpression:
          return target.operator === '+' && (carriesValue(target.left, depth + 1) || carriesValue(target.right, depth + 1));
        case AST_NODE_TYPES.LogicalExpression:
          return target.operator === '&&' ? carriesValue(target.right, depth + 1) : carriesValue(target.left, depth + 1) || carriesValue(target.right, depth + 1);
        case AST_NODE_TYPES.ConditionalExpression:
          return carriesValue(target.consequent, depth + 1) || carriesValue(target.alternate, depth + 1);
        case AST_NODE_TYPES.AwaitExpression:
          return carriesValue(target.argument, depth + 1);
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapExpression(target.callee);
          const dotted = getDottedName(callee);
          if (dotted !== undefined && PASS_THROUGH_FUNCTIONS.includes(dotted)) return target.arguments.some((argument) => carriesValue(argument, depth + 1));
          const method = getCalleeName(target);
          return callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined && PASS_THROUGH_METHODS.includes(method) && carriesValue(callee.object, depth + 1);
        }
        case AST_NODE_TYPES.ObjectExpression:
        case AST_NODE_TYPES.ArrayExpression:
          return true;
        default:
          return false;
      }
    }

    function isUserName(name: string): boolean {
      const words = splitWords(name);
      const last = words[words.length - 1];
      return last !== undefined && USER_WORDS.includes(last);
    }

    /** `user`, `req.user`, `newUser`: a value whose `.id` is the user's id. */
    function isUserLike(node: TSESTree.Node): boolean {
      const target = unwrapExpression(node);
      const name =
        target.type === AST_NODE_TYPES.Identifier ? target.name : target.type === AST_NODE_TYPES.MemberExpression ? getMemberName(target) : undefined;
      return name !== undefined && isUserName(name);
    }

    /** `const user = req.user?.id` or `const user = 'anonymous'`: named like a user, holds something else. */
    function holdsPlainValue(identifier: TSESTree.Identifier): boolean {
      const init = getConstInitializer(identifier, sourceCode.getScope(identifier));
      if (!init) return false;
      const target = unwrapExpression(init);
      if (target.type === AST_NODE_TYPES.Literal || target.type === AST_NODE_TYPES.TemplateLiteral) return true;
      return target.type === AST_NODE_TYPES.MemberExpression && !isUserName(getMemberName(target) ?? '');
    }

    function idSuggestion(node: TSESTree.Node, replacement: string): TSESLint.SuggestionReportDescriptor<'logIdInstead'> {
      return { messageId: 'logIdInstead', data: { replacement }, fix: (fixer) => fixer.replaceText(node, replacement) };
    }

    function dropSuggestion(property: TSESTree.Property, name: string): TSESLint.SuggestionReportDescriptor<'dropProperty'> {
      return {
        messageId: 'dropProperty',
        data: { name },
        fix: (fixer) => {
          const object = property.parent;
          if (object.type === AST_NODE_TYPES.ObjectExpression && object.properties.length === 1) return fixer.replaceText(object, '{}');
          const after = sourceCode.getTokenAfter(property);
          if (after?.value === ',') {
            const next = sourceCode.getTokenAfter(after, { includeComments: true });
            return fixer.removeRange([property.range[0], next && next.value !== '}' ? next.range[0] : after.range[1]]);
          }
          const before = sourceCode.getTokenBefore(property);
          return fixer.removeRange([before?.value === ',' ? before.range[0] : property.range[0], property.range[1]]);
        },
      };
    }

    /** Object keys that a pino logger created in this file redacts (`redact: ['password', '*.email']`). */
    function getRedactedKeys(): Set<string> {
      if (redactedKeys) return redactedKeys;
      redactedKeys = new Set();
      for (const reference of trackModuleReferences(sourceCode, { pino: { [CALL]: true, pino: { [CALL]: true }, default: { [CALL]: true } } })) {
        if (reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
        const config = reference.node.arguments[0];
        if (config?.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const property of config.properties) {
          if (property.type !== AST_NODE_TYPES.Property || getPropertyKeyName(property) !== 'redact') continue;
          let paths: TSESTree.Node | undefined = property.value;
          if (paths.type === AST_NODE_TYPES.ObjectExpression) {
            paths = paths.properties.find(
              (inner): inner is TSESTree.Property => inner.type === AST_NODE_TYPES.Property && getPropertyKeyName(inner) === 'paths',
            )?.value;
          }
          if (paths?.type !== AST_NODE_TYPES.ArrayExpression) continue;
          for (const element of paths.elements) {
            if (element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'string') {
              redactedKeys.add(element.value.split('.').pop()?.replace(/^\[["']?|["']?\]$/gu, '') ?? '');
            }
          }
        }
      }
      return redactedKeys;
    }

    function checkCall(node: TSESTree.CallExpression): void {
      if (!logging.mayBeLoggingCall(node)) return;
      const call = logging.getLoggingCall(node);
      if (!call) return;
      const redactingLogger = !call.isConsole && call.receiver !== undefined;
      for (const argument of node.arguments) {
        for (const finding of inspect(argument, 0)) {
          if (redactingLogger && finding.node.type === AST_NODE_TYPES.Property && getRedactedKeys().has(finding.name)) continue;
          context.report({
            node: finding.node,
            messageId: finding.messageId,
            data: { name: finding.name },
            suggest: finding.suggest,
          });
        }
      }
    }

    // Only calls that can be logging calls reach the listener; plain calls only in a file using `debug`.
    return logging.usesDebugLoggers() ? { CallExpression: checkCall } : { [LOGGING_CALL_SELECTOR]: checkCall };
  },
});
