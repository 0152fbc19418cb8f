/** Fixer helpers shared by rules' fixes and suggestions. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty } from './ast.js';
import { getRequireSource } from './modules.js';

export interface ImportSpec {
  /** Module specifier, e.g. `lru-cache`. */
  source: string;
  /** Named import, e.g. `LRUCache`. */
  named?: string;
  /** Default import local name, e.g. `helmet`. */
  defaultName?: string;
}

/** Whether the file is CommonJS: it uses `require` and has no `import` declaration. */
export function isCommonJsFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const body = sourceCode.ast.body;
  if (body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration)) return false;
  return body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((declarator) => declarator.init && getRequireSource(declarator.init) !== undefined),
  );
}

/** Whether the file already binds `spec` (so an insertion would duplicate it). */
export function hasImport(sourceCode: Readonly<TSESLint.SourceCode>, spec: ImportSpec): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === spec.source) {
      return statement.specifiers.some((specifier) =>
        spec.named !== undefined
          ? specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.local.name === spec.named
          : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier && specifier.local.name === spec.defaultName,
      );
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (!declarator.init || getRequireSource(declarator.init) !== spec.source.replace(/^node:/u, '')) continue;
        if (spec.defaultName !== undefined && declarator.id.type === AST_NODE_TYPES.Identifier) return true;
        if (
          spec.named !== undefined &&
          declarator.id.type === AST_NODE_TYPES.ObjectPattern &&
          declarator.id.properties.some(
            (property) =>
              property.type === AST_NODE_TYPES.Property &&
              property.value.type === AST_NODE_TYPES.Identifier &&
              property.value.name === spec.named,
          )
        ) {
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * Adds an import (or a `require` in a CommonJS file) after the file's last import, or at the top.
 * Returns no fix when the binding is already there.
 */
export function insertImport(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  spec: ImportSpec,
): TSESLint.RuleFix[] {
  if (hasImport(sourceCode, spec)) return [];
  const commonJs = isCommonJsFile(sourceCode);
  const binding = spec.named !== undefined ? `{ ${spec.named} }` : (spec.defaultName ?? '');
  const text = commonJs
    ? `const ${binding} = require('${spec.source}');`
    : `import ${binding} from '${spec.source}';`;
  const body = sourceCode.ast.body;
  const last = [...body]
    .reverse()
    .find((statement) =>
      commonJs
        ? statement.type === AST_NODE_TYPES.VariableDeclaration &&
          statement.declarations.some((declarator) => declarator.init && getRequireSource(declarator.init) !== undefined)
        : statement.type === AST_NODE_TYPES.ImportDeclaration,
    );
  if (last) return [fixer.insertTextAfter(last, `\n${text}`)];
  const first = body[0];
  if (!first) return [fixer.insertTextAfterRange([0, 0], `${text}\n`)];
  // Keep a leading directive ('use strict', 'use server') first.
  if (first.type === AST_NODE_TYPES.ExpressionStatement && first.directive !== undefined) {
    return [fixer.insertTextAfter(first, `\n${text}`)];
  }
  return [fixer.insertTextBefore(first, `${text}\n`)];
}

/**
 * Sets properties on an object literal: replaces the value of those present, appends the others
 * (respecting a trailing comma and the object's one-line / multi-line layout).
 */
export function setObjectProperties(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  object: TSESTree.ObjectExpression,
  properties: Readonly<Record<string, string>>,
): TSESLint.RuleFix[] {
  const fixes: TSESLint.RuleFix[] = [];
  const additions: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const existing = findProperty(object, key);
    if (existing) {
      if (existing.shorthand) fixes.push(fixer.replaceText(existing, `${key}: ${value}`));
      else fixes.push(fixer.replaceText(existing.value, value));
    } else {
      additions.push(`${key}: ${value}`);
    }
  }
  if (additions.length === 0) return fixes;

  const closing = sourceCode.getLastToken(object);
  if (!closing) return fixes;
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    fixes.push(fixer.replaceText(object, `{ ${additions.join(', ')} }`));
    return fixes;
  }
  const multiline = object.loc.start.line !== object.loc.end.line;
  const tokenAfterLast = sourceCode.getTokenAfter(last);
  const hasTrailingComma = tokenAfterLast?.value === ',';
  if (multiline) {
    const indent = ' '.repeat(last.loc.start.column);
    const text = additions.map((addition) => `\n${indent}${addition},`).join('');
    const anchor = hasTrailingComma && tokenAfterLast ? tokenAfterLast : last;
    fixes.push(fixer.insertTextAfter(anchor, hasTrailingComma ? text : `,${text.replace(/,$/u, '')}`));
  } else {
    fixes.push(fixer.insertTextAfter(hasTrailingComma && tokenAfterLast ? tokenAfterLast : last, `${hasTrailingComma ? ' ' : ', '}${additions.join(', ')}`));
  }
  return fixes;
}
