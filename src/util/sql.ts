/**
 * SQL text: does a string look like SQL, which part of a query text is built from a non-inert
 * value, and how to rewrite an interpolated template into placeholders plus a values array.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from './ast.js';
import type { InertValueChecker } from './inert-values.js';

const MAX_DEPTH = 12;

// SQL keyword patterns are case-insensitive without the `u` flag: V8 runs `\b` under `iu` on a
// slow path (10 to 50 times slower on query text), and the keywords are ASCII.

/** Statement keywords a query starts with (after comments and an opening parenthesis). */
const STATEMENT_START =
  /^\s*(?:(?:\/\*[\s\S]*?\*\/|--[^\n]*(?:\n|$))\s*)*\(?\s*(?:SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|DELETE|WITH|MERGE\s+INTO|REPLACE\s+INTO|UPSERT|CREATE|ALTER|DROP|TRUNCATE|EXPLAIN|CALL|EXEC|EXECUTE|GRANT|REVOKE|SHOW|DESCRIBE|COPY|VACUUM|REFRESH\s+MATERIALIZED)\b/i;
/** Clause pairs that mark SQL anywhere in a text. */
const CLAUSE_PAIRS = [
  /\bSELECT\b[\s\S]+\bFROM\b/i,
  /\bINSERT\s+INTO\b/i,
  /\bUPDATE\b[\s\S]+\bSET\b/i,
  /\bDELETE\s+FROM\b/i,
];

/** Whether a text looks like SQL: it starts with a statement keyword or holds a clause pair. */
export function looksLikeSql(text: string): boolean {
  return STATEMENT_START.test(text) || CLAUSE_PAIRS.some((pattern) => pattern.test(text));
}

/**
 * The constant text of a query expression, with interpolations left out: template parts, string
 * literals of a `+` chain, and what a local variable was assigned (all its writes).
 */
export function getConstantSqlText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const visiting = new Set<TSESLint.Scope.Variable>();
  const text = (current: TSESTree.Node, depth: number): string => {
    if (depth > MAX_DEPTH) return '';
    const target = unwrapExpression(current);
    switch (target.type) {
      case AST_NODE_TYPES.Literal:
        return typeof target.value === 'string' ? target.value : '';
      case AST_NODE_TYPES.TemplateLiteral:
        return target.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
      case AST_NODE_TYPES.BinaryExpression:
        return target.operator === '+' ? `${text(target.left, depth + 1)}${text(target.right, depth + 1)}` : '';
      case AST_NODE_TYPES.ConditionalExpression:
        return `${text(target.consequent, depth + 1)} ${text(target.alternate, depth + 1)}`;
      case AST_NODE_TYPES.LogicalExpression:
        return `${text(target.left, depth + 1)} ${text(target.right, depth + 1)}`;
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
        if (!variable || visiting.has(variable)) return '';
        visiting.add(variable);
        const parts = writesOf(variable).map((write) => text(write.value, depth + 1));
        visiting.delete(variable);
        return parts.join(' ');
      }
      default:
        return '';
    }
  };
  return text(node, 0);
}

export interface DynamicSqlPart {
  /** The interpolated expression or concatenated operand that is not inert. */
  node: TSESTree.Node;
  /** `interpolation` (`${…}` in a template) or `concatenation` (`+`, `+=`). */
  kind: 'interpolation' | 'concatenation';
}

/**
 * The first part of a query text that is built from a non-inert value, following local variables
 * to the templates and concatenations they were built from. Undefined when every part is inert,
 * and when the text is opaque (a parameter, a call result): a helper that receives its SQL from
 * its caller is not where the query is built.
 */
export function findDynamicSqlPart(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  checker: InertValueChecker,
): DynamicSqlPart | undefined {
  const visiting = new Set<TSESLint.Scope.Variable>();
  const operand = (current: TSESTree.Node, depth: number): DynamicSqlPart | undefined => {
    const target = unwrapExpression(current);
    if (target.type === AST_NODE_TYPES.TemplateLiteral || target.type === AST_NODE_TYPES.Literal) return text(target, depth + 1);
    if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '+') return text(target, depth + 1);
    return checker.isInert(target) ? undefined : { node: target, kind: 'concatenation' };
  };
  const text = (current: TSESTree.Node, depth: number): DynamicSqlPart | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    const target = unwrapExpression(current);
    switch (target.type) {
      case AST_NODE_TYPES.TemplateLiteral: {
        const part = target.expressions.find((expression) => !checker.isInert(expression));
        return part ? { node: part, kind: 'interpolation' } : undefined;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (target.operator !== '+') return undefined;
        return operand(target.left, depth) ?? operand(target.right, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return text(target.consequent, depth + 1) ?? text(target.alternate, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return text(target.left, depth + 1) ?? text(target.right, depth + 1);
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
        if (!variable || visiting.has(variable)) return undefined;
        visiting.add(variable);
        try {
          for (const write of writesOf(variable)) {
            const found = write.append ? operand(write.value, depth) : text(write.value, depth + 1);
            if (found) return found;
          }
          return undefined;
        } finally {
          visiting.delete(variable);
        }
      }
      default:
        return undefined;
    }
  };
  return text(node, 0);
}

interface Write {
  value: TSESTree.Node;
  /** `x += value`: appended to the previous text. */
  append: boolean;
}

/** The values written to a local variable: initializer, `=` and `+=` assignments. */
function writesOf(variable: TSESLint.Scope.Variable): Write[] {
  const def = variable.defs[0];
  if (def?.type !== 'Variable') return [];
  const writes: Write[] = [];
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier) {
      if (parent.operator === '=' || parent.operator === '+=') writes.push({ value: parent.right, append: parent.operator === '+=' });
      continue;
    }
    if (reference.writeExpr && parent?.type === AST_NODE_TYPES.VariableDeclarator) writes.push({ value: reference.writeExpr, append: false });
  }
  return writes;
}

export type PlaceholderStyle = 'dollar' | 'question';

export interface ParameterizedTemplate {
  /** The new template literal source, with placeholders (or, for tagged templates, bare `${…}`). */
  text: string;
  /** The expressions that become parameters, in order. */
  values: TSESTree.Expression[];
}

/**
 * Rewrites `\`… WHERE email = '${email}' AND id = ${id}\`` into
 * `\`… WHERE email = $1 AND id = $2\`` with values `[email, id]` (`?` in the `question` style).
 * Interpolations `keep` accepts (constants such as a table name) stay in the text. Each other
 * interpolation must stand in a value position: wrapped in quotes (`'${x}'`), or right after a
 * comparison operator, `LIKE`, `LIMIT` or `OFFSET`. Otherwise (an identifier position, `IN (${…})`,
 * `'%${x}%'`), or when the text already holds placeholders, returns undefined.
 *
 * With `style: 'tagged'` every interpolation must be in a value position; the result keeps the
 * `${…}` (without the quotes) for a tagged template that sends them as parameters.
 */
export function parameterizeTemplate(
  sourceCode: Readonly<TSESLint.SourceCode>,
  template: TSESTree.TemplateLiteral,
  style: PlaceholderStyle | 'tagged',
  keep: (expression: TSESTree.Expression) => boolean,
): ParameterizedTemplate | undefined {
  const cooked = template.quasis.map((quasi) => quasi.value.cooked);
  if (cooked.some((text) => text === null)) return undefined;
  const all = (cooked as string[]).join('');
  if (style === 'dollar' && /\$\d/u.test(all)) return undefined;
  if (style === 'question' && all.includes('?')) return undefined;
  const raw = template.quasis.map((quasi) => quasi.value.raw);
  const pieces: string[] = [];
  const values: TSESTree.Expression[] = [];
  let quotes = 0;
  for (const [index, expression] of template.expressions.entries()) {
    const before = (cooked as string[])[index] ?? '';
    const after = (cooked as string[])[index + 1] ?? '';
    quotes += countQuotes(before);
    if (style !== 'tagged' && keep(expression)) {
      pieces.push(`\${${sourceCode.getText(expression)}}`);
      continue;
    }
    const quoted = quotes % 2 === 1 && before.endsWith("'") && after.startsWith("'") && !after.startsWith("''");
    const bare = quotes % 2 === 0 && VALUE_OPERATOR.test(before.trimEnd()) && /^(?:\s|\)|,|;|$)/u.test(after);
    if (!quoted && !bare) return undefined;
    if (quoted) {
      raw[index] = (raw[index] ?? '').slice(0, -1);
      raw[index + 1] = (raw[index + 1] ?? '').slice(1);
      (cooked as string[])[index + 1] = after.slice(1);
      quotes += 1;
    }
    values.push(expression);
    pieces.push(
      style === 'tagged' ? `\${${sourceCode.getText(expression)}}` : style === 'dollar' ? `$${values.length}` : '?',
    );
  }
  if (values.length === 0) return undefined;
  let text = '`';
  for (const [index, part] of raw.entries()) {
    text += part;
    if (index < pieces.length) text += pieces[index];
  }
  return { text: `${text}\``, values };
}

const VALUE_OPERATOR = /(?:=|<>|!=|<|>|\bLIKE|\bILIKE|\bLIMIT|\bOFFSET)$/i;

function countQuotes(text: string): number {
  let count = 0;
  for (const character of text) if (character === "'") count += 1;
  return count;
}

/**
 * The placeholder style the file's other queries use: `$1` (pg, Postgres drivers) or `?` (mysql,
 * sqlite, knex). Undefined when the file shows neither, or both.
 */
export function inferPlaceholderStyle(sourceCode: Readonly<TSESLint.SourceCode>): PlaceholderStyle | undefined {
  let dollar = false;
  let question = false;
  for (const token of sourceCode.ast.tokens) {
    if (token.type !== 'String' && token.type !== 'Template') continue;
    if (/\$\d+\b/u.test(token.value) && looksLikeSqlFragment(token.value)) dollar = true;
    // The token keeps its quotes, so a `?` that ends the string sits right before `'`, `"` or a backtick.
    if (/(?:=|\(|,|\bLIKE|\bLIMIT|\bOFFSET|\bIN)\s*\?(?:\s|,|\)|['"`]|\$\{|$)/i.test(token.value) && looksLikeSqlFragment(token.value)) question = true;
  }
  if (dollar === question) return undefined;
  return dollar ? 'dollar' : 'question';
}

function looksLikeSqlFragment(text: string): boolean {
  return looksLikeSql(text) || /\b(?:WHERE|VALUES|SET|LIMIT)\b/i.test(text);
}
