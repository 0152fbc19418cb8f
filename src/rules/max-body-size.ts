import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getConstInitializer, unwrapExpression } from '../util/ast.js';
import { formatByteSize, parseByteSize } from '../util/bytes.js';
import { createRule } from '../util/create-rule.js';
import { CALL, InstanceSet, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { readOptionsObject } from '../util/options-object.js';

export type Options = [
  {
    maxSize: number | string;
  },
];
export type MessageIds = 'limitTooLarge' | 'lowerLimit';

/** Where a parser's options are and which key holds its size limit. */
interface ParserKind {
  argumentIndex: number;
  key: string;
  /** Whether the value must stay a number (Fastify's `bodyLimit`). */
  numeric: boolean;
}

type Source = 'parser' | 'fastify' | 'nest';

const KINDS: Record<Source, ParserKind> = {
  parser: { argumentIndex: 0, key: 'limit', numeric: false },
  fastify: { argumentIndex: 0, key: 'bodyLimit', numeric: true },
  nest: { argumentIndex: 1, key: 'limit', numeric: false },
};

const PARSERS = ['json', 'urlencoded', 'raw', 'text'] as const;
const parserCalls = (): Record<string, { [CALL]: Source }> =>
  Object.fromEntries(PARSERS.map((name) => [name, { [CALL]: 'parser' as const }]));

const TRACE_MAP: TraceMap<Source> = {
  express: parserCalls(),
  // bodyParser({ limit }) is the deprecated all-in-one form.
  'body-parser': { [CALL]: 'parser', ...parserCalls() },
  fastify: { [CALL]: 'fastify', fastify: { [CALL]: 'fastify' } },
};

const NEST_FACTORY_MAP: TraceMap<true> = {
  '@nestjs/core': { NestFactory: { create: { [CALL]: true } } },
};

const MEBIBYTE = 1024 * 1024;

export default createRule<Options, MessageIds>({
  name: 'max-body-size',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce a maximum request body size on Express, body-parser, Fastify and NestJS body parsers',
      recommended: true,
      category: 'security',
      cwe: 'CWE-770',
    },
    hasSuggestions: true,
    messages: {
      limitTooLarge:
        'This body limit of {{limit}} is above the {{max}} maximum: every request may make the server buffer and parse that much, so a handful of large ones exhaust memory and stall the event loop.',
      lowerLimit: 'Lower the limit to {{max}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxSize: {
            anyOf: [
              { type: 'integer', minimum: 0 },
              { type: 'string', pattern: '^\\d+(?:\\.\\d+)? *(?:[bB]|[kKmMgGtTpP][bB])?$' },
            ],
            description:
              "The largest accepted body limit: a number of bytes or a size string as the `bytes` package reads it ('100kb', '10mb', '1gb').",
          },
        },
      },
    ],
    defaultOptions: [{ maxSize: '10mb' }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Read when a file sets a limit (few do). The schema only lets readable sizes through; an
    // unreadable one reports nothing.
    let maxBytes = Number.POSITIVE_INFINITY;
    let maxText = '';
    let maxRead = false;
    let nestApps: InstanceSet | undefined;

    function check(call: TSESTree.CallExpression, kind: ParserKind): void {
      const argument = call.arguments[kind.argumentIndex];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const parserOptions = readOptionsObject(argument, sourceCode.getScope(call));
      const found = parserOptions?.get(kind.key);
      if (found?.state !== 'set') return;
      if (!maxRead) {
        maxRead = true;
        maxBytes = parseByteSize(options.maxSize) ?? Number.POSITIVE_INFINITY;
        maxText = typeof options.maxSize === 'string' ? options.maxSize : formatByteSize(maxBytes);
      }
      const property = found.property;
      const value = property.value;
      const limit = parseByteSize(ASTUtils.getStaticValue(value, sourceCode.getScope(value))?.value);
      if (limit === undefined || limit <= maxBytes) return;
      const replacement = formatLike(value, kind.numeric);
      context.report({
        node: value,
        messageId: 'limitTooLarge',
        data: { limit: formatByteSize(limit), max: maxText },
        suggest: [
          {
            messageId: 'lowerLimit',
            data: { max: maxText },
            fix: (fixer) =>
              property.shorthand
                ? fixer.replaceText(property, `${kind.key}: ${replacement}`)
                : fixer.replaceText(value, replacement),
          },
        ],
      });
    }

    /** The maximum written the way `node` writes its limit: a quoted size, a product of 1024s, or bytes. */
    function formatLike(node: TSESTree.Node, numeric: boolean): string {
      let target = unwrapExpression(node);
      if (target.type === AST_NODE_TYPES.Identifier) {
        const init = getConstInitializer(target, sourceCode.getScope(target));
        if (init) target = unwrapExpression(init);
      }
      if (!numeric && target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') {
        const quote = target.raw.startsWith('"') ? '"' : "'";
        return `${quote}${maxText}${quote}`;
      }
      if (!numeric && target.type === AST_NODE_TYPES.TemplateLiteral) return `\`${maxText}\``;
      if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '*') {
        if (maxBytes % MEBIBYTE === 0) return `${maxBytes / MEBIBYTE} * 1024 * 1024`;
        if (maxBytes % 1024 === 0) return `${maxBytes / 1024} * 1024`;
      }
      return String(maxBytes);
    }

    function isNestApp(node: TSESTree.Node): boolean {
      nestApps ??= new InstanceSet(
        sourceCode,
        trackModuleReferences(sourceCode, NEST_FACTORY_MAP).map((reference) => reference.node),
      );
      return nestApps.has(node);
    }

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, TRACE_MAP)) {
          if (reference.node.type === AST_NODE_TYPES.CallExpression) check(reference.node, KINDS[reference.info]);
        }
      },
      'CallExpression[callee.property.name="useBodyParser"]'(node: TSESTree.CallExpression) {
        // app.useBodyParser('json', { limit }) on an app from NestFactory.create().
        const callee = node.callee as TSESTree.MemberExpression;
        if (!isNestApp(callee.object)) return;
        check(node, KINDS.nest);
      },
    } satisfies TSESLint.RuleListener;
  },
});
