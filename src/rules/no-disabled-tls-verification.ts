import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getConstInitializer, getMemberName, getPropertyKeyName, isFunctionNode, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import {
  getEnvVariableName,
  getStaticString,
  isTestFile,
  isUnderNonProductionGuard,
  truthWhenNodeEnvUnset,
} from '../util/secrets.js';

export type Options = [{ ignoreTestFiles?: boolean }];
export type MessageIds =
  | 'verificationDisabled'
  | 'verificationOffOutsideProduction'
  | 'envVerificationDisabled'
  | 'hostnameCheckDisabled'
  | 'enableVerification'
  | 'removeOverride';

/** Options whose falsy value turns certificate verification off (Node tls/https, pg, axios/got agents; request). */
const VERIFY_OPTIONS = ['rejectUnauthorized', 'strictSSL'];
const TLS_ENV_VARIABLE = 'NODE_TLS_REJECT_UNAUTHORIZED';
/**
 * The properties the rule looks at: one of its names as an identifier key, or any literal or
 * template key (named by value, `'rejectUnauthorized': false`). Most properties are neither.
 */
const PROPERTY_SELECTOR = `Property[key.type="Identifier"][key.name=/^(?:${[...VERIFY_OPTIONS, TLS_ENV_VARIABLE, 'checkServerIdentity'].join('|')})$/], Property[key.type="Literal"], Property[key.type="TemplateLiteral"]`;

export default createRule<Options, MessageIds>({
  name: 'no-disabled-tls-verification',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow turning off TLS certificate verification',
      recommended: true,
      category: 'security',
      cwe: 'CWE-295',
    },
    hasSuggestions: true,
    messages: {
      verificationDisabled:
        '`{{name}}: {{value}}` makes this connection accept any certificate, so anyone on the network path can impersonate the server and read or alter the traffic, credentials included.',
      verificationOffOutsideProduction:
        '`{{name}}` is true only when NODE_ENV is a given value: wherever NODE_ENV is unset or different (a misconfigured deploy, a one-off script) this connection accepts any certificate and can be intercepted.',
      envVerificationDisabled:
        'Setting NODE_TLS_REJECT_UNAUTHORIZED to \'0\' turns certificate verification off for every TLS connection this process makes, so any of them can be intercepted.',
      hostnameCheckDisabled:
        'This `checkServerIdentity` never returns an error, so a valid certificate for any other host is accepted and the connection can be intercepted.',
      enableVerification:
        'Set `{{name}}` to `true` (trust a private CA, such as the RDS bundle, through the `ca` option instead).',
      removeOverride:
        'Remove this override so Node verifies certificates again (trust a private CA through `ca` or NODE_EXTRA_CA_CERTS instead).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, …), where self-signed test servers are common.',
          },
        },
      },
    ],
    defaultOptions: [{ ignoreTestFiles: true }],
  },
  create(context, [options]) {
    if (options.ignoreTestFiles && isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;

    /** `rejectUnauthorized: <value>` or `x.rejectUnauthorized = <value>`. */
    function checkVerifyOption(name: string, value: TSESTree.Node, reportNode: TSESTree.Node): void {
      if (isUnderNonProductionGuard(value, sourceCode)) return;
      const scope = sourceCode.getScope(value);
      const enable = {
        messageId: 'enableVerification' as const,
        data: { name },
        fix: (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => fixer.replaceText(value, 'true'),
      };
      const evaluated = ASTUtils.getStaticValue(unwrapExpression(value) as TSESTree.Expression, scope);
      if (evaluated) {
        // `undefined` keeps the default (verify); any other falsy value turns verification off.
        if (evaluated.value === undefined || evaluated.value) return;
        context.report({
          node: reportNode,
          messageId: 'verificationDisabled',
          data: { name, value: sourceCode.getText(value) },
          suggest: [enable],
        });
        return;
      }
      if (truthWhenNodeEnvUnset(value, scope) === false) {
        context.report({ node: reportNode, messageId: 'verificationOffOutsideProduction', data: { name }, suggest: [enable] });
      }
    }

    function isTlsOffValue(value: TSESTree.Node): boolean {
      const text = getStaticString(value, sourceCode.getScope(value));
      if (text !== undefined) return text === '0';
      const evaluated = ASTUtils.getStaticValue(unwrapExpression(value) as TSESTree.Expression, sourceCode.getScope(value));
      return evaluated?.value === 0;
    }

    return {
      [PROPERTY_SELECTOR](node: TSESTree.Property): void {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        if (name === undefined) return;
        if (VERIFY_OPTIONS.includes(name)) {
          checkVerifyOption(name, node.value, node);
        } else if (name === TLS_ENV_VARIABLE) {
          // Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0' }), spawn(…, { env: { … } })
          if (isTlsOffValue(node.value) && !isUnderNonProductionGuard(node, sourceCode)) {
            context.report({
              node,
              messageId: 'envVerificationDisabled',
              suggest: [{ messageId: 'removeOverride', fix: (fixer) => removeProperty(fixer, sourceCode, node) }],
            });
          }
        } else if (name === 'checkServerIdentity' && isNoOpCheck(node.value, sourceCode)) {
          if (isUnderNonProductionGuard(node, sourceCode)) return;
          context.report({
            node,
            messageId: 'hostnameCheckDisabled',
            suggest: [{ messageId: 'removeOverride', fix: (fixer) => removeProperty(fixer, sourceCode, node) }],
          });
        }
      },
      'AssignmentExpression[operator="="]'(node: TSESTree.AssignmentExpression): void {
        const left = unwrapExpression(node.left);
        if (left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = getMemberName(left);
        if (name === undefined) return;
        if (VERIFY_OPTIONS.includes(name)) {
          // https.globalAgent.options.rejectUnauthorized = false
          checkVerifyOption(name, node.right, node);
          return;
        }
        const statement = node.parent.type === AST_NODE_TYPES.ExpressionStatement ? node.parent : undefined;
        const removal = statement
          ? [{ messageId: 'removeOverride' as const, fix: (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => fixer.remove(statement) }]
          : [];
        if (name === TLS_ENV_VARIABLE && getEnvVariableName(left, sourceCode.getScope(node)) === TLS_ENV_VARIABLE) {
          if (isTlsOffValue(node.right) && !isUnderNonProductionGuard(node, sourceCode)) {
            context.report({ node, messageId: 'envVerificationDisabled', suggest: removal });
          }
        } else if (name === 'checkServerIdentity' && isNoOpCheck(node.right, sourceCode)) {
          if (!isUnderNonProductionGuard(node, sourceCode)) context.report({ node, messageId: 'hostnameCheckDisabled', suggest: removal });
        }
      },
    };
  },
});

/**
 * Whether a `checkServerIdentity` function can never report a mismatch: it never throws and never
 * returns anything but `undefined`, `null` or `false` (`() => undefined`, `() => {}`,
 * `function () { return; }`), directly or through a constant.
 */
function isNoOpCheck(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = getConstInitializer(target, sourceCode.getScope(target));
    if (!init) return false;
    target = unwrapExpression(init);
  }
  if (!isFunctionNode(target) || target.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  return neverFails(target, sourceCode);
}

function neverFails(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isNoErrorValue(fn.body, sourceCode);
  let fails = false;
  const visit = (node: TSESTree.Node): void => {
    if (fails) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      fails = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument && !isNoErrorValue(node.argument, sourceCode)) fails = true;
      return;
    }
    if (node !== fn.body && isFunctionNode(node)) return;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(fn.body);
  return !fails;
}

function isNoErrorValue(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const value = ASTUtils.getStaticValue(unwrapExpression(node) as TSESTree.Expression, sourceCode.getScope(node));
  return value !== null && (value.value === undefined || value.value === null || value.value === false);
}

/** Removes a property with its comma, keeping the object's layout. */
function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    if (next && next.value !== '}') return fixer.removeRange([property.range[0], next.range[0]]);
    // Last property with a trailing comma: take the line with it.
    const previous = sourceCode.getTokenBefore(property);
    return fixer.removeRange([previous ? previous.range[1] : property.range[0], after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(property);
  if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
  return fixer.remove(property);
}
