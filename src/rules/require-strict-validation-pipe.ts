import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyKeyName, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { setObjectProperties } from '../util/fix.js';
import { CONSTRUCT, READ, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { readOptionsObject, type OptionLookup } from '../util/options-object.js';

export type Options = [
  {
    requireForbidNonWhitelisted: boolean;
  },
];
export type MessageIds = 'notWhitelisting' | 'whitelistDisabled' | 'notForbidding' | 'pipeClassDefaults' | 'addStrictOptions';

type StrictOption = 'whitelist' | 'forbidNonWhitelisted';

const TRACE_MAP: TraceMap<'pipe'> = {
  '@nestjs/common': { ValidationPipe: { [CONSTRUCT]: 'pipe', [READ]: 'pipe' } },
};

const STRICT_TEXT = 'whitelist: true, forbidNonWhitelisted: true';

export default createRule<Options, MessageIds>({
  name: 'require-strict-validation-pipe',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `whitelist: true` and `forbidNonWhitelisted: true` on NestJS `ValidationPipe`',
      recommended: true,
      category: 'security',
      cwe: 'CWE-915',
    },
    hasSuggestions: true,
    messages: {
      notWhitelisting:
        'This `ValidationPipe` does not set `whitelist: true`, so properties your DTOs do not declare reach the handlers and can overwrite fields such as `role` or `isAdmin` (mass assignment).',
      whitelistDisabled:
        '`whitelist: false` lets properties your DTOs do not declare through to the handlers, where they can overwrite fields such as `role` or `isAdmin` (mass assignment).',
      notForbidding:
        'This `ValidationPipe` drops undeclared properties silently: without `forbidNonWhitelisted: true` a client probing for hidden fields gets no 400 and nobody notices.',
      pipeClassDefaults:
        '`ValidationPipe` passed as a class runs with its defaults (no `whitelist`), so properties your DTOs do not declare reach the handlers (mass assignment).',
      addStrictOptions:
        'Use `{ whitelist: true, forbidNonWhitelisted: true }` (requests with undeclared properties then fail with 400).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireForbidNonWhitelisted: {
            type: 'boolean',
            description:
              'Also require `forbidNonWhitelisted: true` (reject undeclared properties with a 400 instead of dropping them silently).',
          },
        },
      },
    ],
    defaultOptions: [{ requireForbidNonWhitelisted: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;

    /** Whether the option is statically `true`; `undefined` when it cannot be known. */
    function isEnabled(lookup: OptionLookup): boolean | undefined {
      if (lookup.state === 'unknown') return undefined;
      if (lookup.state === 'missing') return false;
      const value = lookup.property.value;
      const found = ASTUtils.getStaticValue(value, sourceCode.getScope(value));
      if (!found) return undefined;
      return found.value === true;
    }

    function checkConstruction(node: TSESTree.NewExpression): void {
      const argument = node.arguments[0];
      const scope = sourceCode.getScope(node);
      const object = argument ? readOptionsObject(argument, scope) : undefined;
      // Options built elsewhere (a parameter, a call, an import) cannot be judged here.
      if (argument && !object) return;

      const whitelist = object ? object.get('whitelist') : ({ state: 'missing' } as const);
      const forbid = object ? object.get('forbidNonWhitelisted') : ({ state: 'missing' } as const);
      const whitelistOn = isEnabled(whitelist);
      const forbidOn = isEnabled(forbid);

      const missing: StrictOption[] = [];
      if (whitelistOn === false) missing.push('whitelist');
      if (options.requireForbidNonWhitelisted && forbidOn === false) missing.push('forbidNonWhitelisted');
      if (missing.length === 0) return;

      const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => {
        const values: Partial<Record<StrictOption, string>> = {};
        for (const key of missing) values[key] = 'true';
        if (object) return setObjectProperties(fixer, sourceCode, object.object, values);
        const calleeEnd = (node.typeArguments ?? node.callee).range[1];
        return [fixer.replaceTextRange([calleeEnd, node.range[1]], `({ ${STRICT_TEXT} })`)];
      };
      const suggest = [{ messageId: 'addStrictOptions' as const, fix }];

      if (missing.includes('whitelist')) {
        const explicitFalse = whitelist.state === 'set' && isStaticFalse(whitelist.property.value);
        if (explicitFalse && whitelist.state === 'set') {
          context.report({ node: whitelist.property, messageId: 'whitelistDisabled', suggest });
        } else {
          context.report({ node, messageId: 'notWhitelisting', suggest });
        }
        return;
      }
      context.report({
        node: forbid.state === 'set' ? forbid.property : node,
        messageId: 'notForbidding',
        suggest,
      });
    }

    function isStaticFalse(node: TSESTree.Node): boolean {
      return ASTUtils.getStaticValue(node, sourceCode.getScope(node))?.value === false;
    }

    /**
     * `@UsePipes(ValidationPipe)`, `@Body(ValidationPipe)`, `{ provide: APP_PIPE, useClass: ValidationPipe }`:
     * Nest instantiates the class with no options.
     */
    function checkClassReference(node: TSESTree.Node): void {
      let target: TSESTree.Node = node;
      while (target.parent?.type === AST_NODE_TYPES.ArrayExpression) target = target.parent;
      const parent = target.parent;
      if (!parent) return;
      if (
        (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
        parent.arguments.includes(target as TSESTree.CallExpressionArgument)
      ) {
        context.report({
          node,
          messageId: 'pipeClassDefaults',
          suggest: [
            {
              messageId: 'addStrictOptions',
              fix: (fixer) => fixer.replaceText(node, `new ${sourceCode.getText(node)}({ ${STRICT_TEXT} })`),
            },
          ],
        });
        return;
      }
      if (parent.type === AST_NODE_TYPES.Property && parent.value === node && getPropertyKeyName(parent) === 'useClass') {
        context.report({
          node,
          messageId: 'pipeClassDefaults',
          suggest: [
            {
              messageId: 'addStrictOptions',
              fix: (fixer) => fixer.replaceText(parent, `useValue: new ${sourceCode.getText(node)}({ ${STRICT_TEXT} })`),
            },
          ],
        });
      }
    }

    /** The expressions that read the class: every value reference of an imported binding, or the member read itself. */
    function classUses(node: TSESTree.Node): TSESTree.Node[] {
      let identifier: TSESTree.Identifier | undefined;
      if (node.type === AST_NODE_TYPES.ImportSpecifier || node.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        identifier = node.local;
      } else if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern) {
        // const { ValidationPipe } = require('@nestjs/common')
        const value = node.value.type === AST_NODE_TYPES.AssignmentPattern ? node.value.left : node.value;
        if (value.type === AST_NODE_TYPES.Identifier) identifier = value;
      } else if (node.type === AST_NODE_TYPES.MemberExpression) {
        return [node];
      }
      if (!identifier) return [];
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      return (variable?.references ?? [])
        .filter((reference) => reference.isValueReference && reference.isRead())
        .map((reference) => reference.identifier);
    }

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, TRACE_MAP)) {
          if (reference.type === CONSTRUCT && reference.node.type === AST_NODE_TYPES.NewExpression) {
            checkConstruction(reference.node);
          } else if (reference.type === READ) {
            for (const use of classUses(reference.node)) {
              if (!isConstructedOrAliased(use)) checkClassReference(use);
            }
          }
        }
      },
    };
  },
});

/** `new ValidationPipe(…)` (checked as a construction) or `const Pipe = ValidationPipe` (followed by the tracker). */
function isConstructedOrAliased(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (parent.type === AST_NODE_TYPES.NewExpression && unwrapExpression(parent.callee) === node) return true;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return true;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node;
}
