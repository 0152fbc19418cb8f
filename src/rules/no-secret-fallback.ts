import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { CASTS_AND_CHAINS, climbThrough, getMemberName, getPropertyKeyName, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { isSecretName } from '../util/names.js';
import {
  getEnvVariableName,
  getStaticString,
  isProcessEnv,
  isTestFile,
  isUnderNonProductionGuard,
  mayNameEnvVariable,
  throwMissingText,
} from '../util/secrets.js';

export type Options = [
  {
    extraWords?: string[];
    ignoreNames?: string[];
    allowEmptyString?: boolean;
    ignoreTestFiles?: boolean;
  },
];
export type MessageIds = 'secretFallback' | 'emptySecretFallback' | 'failFast';

export default createRule<Options, MessageIds>({
  name: 'no-secret-fallback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hard-coded fallback values for secrets read from the environment',
      recommended: true,
      category: 'security',
      cwe: 'CWE-798',
    },
    hasSuggestions: true,
    messages: {
      secretFallback:
        '`{{name}}` falls back to a hard-coded value: a deploy that forgets the variable starts anyway, with a secret that anyone who can read this code knows.',
      emptySecretFallback:
        '`{{name}}` falls back to an empty string: a deploy that forgets the variable starts anyway, and the mistake surfaces later as failed logins or as signatures made with an empty key.',
      failFast: 'Throw `{{name}} is required` when the variable is missing instead of falling back.',
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
            description: 'Extra words that make an environment variable name a secret (e.g. `dsn`), on top of the shared list.',
          },
          ignoreNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Environment variable names never reported (compared case-insensitively).',
          },
          allowEmptyString: {
            type: 'boolean',
            description: 'Allow an empty-string fallback (`process.env.X ?? \'\'`).',
          },
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, …).',
          },
        },
      },
    ],
    defaultOptions: [{ extraWords: [], ignoreNames: [], allowEmptyString: false, ignoreTestFiles: true }],
  },
  create(context, [options]) {
    if (options.ignoreTestFiles && isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const nameOptions = { extraWords: options.extraWords ?? [], ignoreNames: options.ignoreNames ?? [] };

    /** Reports `fallback` when it is a static string standing in for the secret `names`. */
    function check(names: readonly string[], fallback: TSESTree.Node, expression: TSESTree.Node): void {
      const secret = names.find((name) => isSecretName(name, nameOptions));
      if (secret === undefined || isOnlyInspected(expression)) return;
      const value = getStaticString(fallback, sourceCode.getScope(fallback));
      if (value === undefined || (value === '' && options.allowEmptyString)) return;
      if (isUnderNonProductionGuard(fallback, sourceCode)) return;
      const label = names.join(' or ');
      context.report({
        node: fallback,
        messageId: value === '' ? 'emptySecretFallback' : 'secretFallback',
        data: { name: secret },
        suggest: [
          {
            messageId: 'failFast',
            data: { name: label },
            fix: (fixer): TSESLint.RuleFix => fixer.replaceText(fallback, throwMissingText(label)),
          },
        ],
      });
    }

    /** The environment variables a `||` / `??` chain reads, or undefined when a part is not an env read. */
    function envChain(node: TSESTree.Node): string[] | undefined {
      const target = unwrapExpression(node);
      if (target.type === AST_NODE_TYPES.LogicalExpression && target.operator !== '&&') {
        const left = envChain(target.left);
        if (!left) return undefined;
        const right = envChain(target.right);
        return right ? [...left, ...right] : undefined;
      }
      const name = envVariableName(target);
      return name === undefined ? undefined : [name];
    }

    /** {@link getEnvVariableName}, with the scope looked up only for the shapes it can name. */
    function envVariableName(node: TSESTree.Node): string | undefined {
      return mayNameEnvVariable(node) ? getEnvVariableName(node, sourceCode.getScope(node)) : undefined;
    }

    /** Environment variables a condition reads (`process.env.X`, `!process.env.X`, `process.env.X !== undefined`). */
    function envNamesIn(node: TSESTree.Node): string[] {
      const target = unwrapExpression(node);
      const name = envVariableName(target);
      if (name !== undefined) return [name];
      if (target.type === AST_NODE_TYPES.UnaryExpression) return envNamesIn(target.argument);
      if (target.type === AST_NODE_TYPES.BinaryExpression || target.type === AST_NODE_TYPES.LogicalExpression) {
        return [...envNamesIn(target.left), ...envNamesIn(target.right)];
      }
      return [];
    }

    return {
      'LogicalExpression[operator="||"], LogicalExpression[operator="??"]'(node: TSESTree.LogicalExpression): void {
        const names = envChain(node.left);
        if (names) check(names, node.right, node);
      },
      'AssignmentExpression[operator="||="], AssignmentExpression[operator="??="]'(node: TSESTree.AssignmentExpression): void {
        const name = getEnvVariableName(node.left, sourceCode.getScope(node));
        if (name !== undefined) check([name], node.right, node);
      },
      ConditionalExpression(node): void {
        // `process.env.X ? process.env.X : 'dev'`, `!process.env.X ? 'dev' : process.env.X`, and
        // `process.env.NODE_ENV === 'production' ? process.env.X : 'dev'`.
        const testNames = envNamesIn(node.test);
        for (const [envBranch, fallback] of [
          [node.consequent, node.alternate],
          [node.alternate, node.consequent],
        ] as const) {
          const name = envVariableName(envBranch);
          if (name !== undefined && (testNames.includes(name) || testNames.includes('NODE_ENV'))) check([name], fallback, node);
        }
      },
      'VariableDeclarator > ObjectPattern.id'(pattern: TSESTree.ObjectPattern): void {
        // const { JWT_SECRET = 'dev' } = process.env
        const declarator = pattern.parent as TSESTree.VariableDeclarator;
        if (!declarator.init || !isProcessEnv(declarator.init, sourceCode.getScope(declarator))) return;
        for (const property of pattern.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.AssignmentPattern) continue;
          const name = getPropertyKeyName(property);
          if (name !== undefined) check([name], property.value.right, property);
        }
      },
    };
  },
});

const COMPARISONS = ['==', '===', '!=', '!==', '<', '<=', '>', '>='];

/**
 * Whether the value of `node` is only looked at, never used as the secret:
 * `(process.env.X ?? '').length < 32`, `(process.env.X || '') === ''`, `!(…)`, `if (…)`.
 */
function isOnlyInspected(node: TSESTree.Node): boolean {
  const current = climbThrough(node, CASTS_AND_CHAINS);
  const parent = current.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === current && getMemberName(parent) === 'length';
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISONS.includes(parent.operator);
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' || parent.operator === 'typeof';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return parent.test === current;
    default:
      return false;
  }
}
