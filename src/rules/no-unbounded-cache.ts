import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { TS_CASTS, climbThrough, alwaysExits, forEachChildNode, getEnclosingFunction, getMemberName, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { insertImport } from '../util/fix.js';
import { splitWords } from '../util/names.js';

export type Options = [{ extraCacheWords?: string[]; max?: number; ttlMs?: number }];
export type MessageIds = 'unboundedCache' | 'useLruCache';

/** Name words that mark a collection as a cache on their own (`pageCache`, `memo`, `seenIds`). */
const CACHE_WORDS = ['cache', 'caches', 'cached', 'memo', 'memos', 'memoized', 'memoize', 'memoization', 'seen', 'dedupe', 'dedup'];

type CollectionKind = 'Map' | 'Set' | 'object';

/** A long-lived collection: a module-level variable, a static field, or a field of a singleton class. */
interface Holder {
  name: string;
  /** The class a field belongs to: its name counts too (`class MemoryCache { #entries = new Map() }`). */
  className?: string;
  kind: CollectionKind;
  creation: TSESTree.Expression;
  /** What the report points at: the variable or field name. */
  reportNode: TSESTree.Node;
  /** The declared type annotation (`const c: Map<K, V> = …`), if any. */
  typeAnnotation: TSESTree.TSTypeAnnotation | undefined;
  /** Every expression that denotes the collection (`cache`, `this.cache`, `Service.cache`). */
  references: TSESTree.Node[];
  /** Whether something can bound it: delete/clear/size, a reassignment, or an escape we cannot follow. */
  bounded: boolean;
}

interface Access {
  kind: 'read' | 'write';
  node: TSESTree.Node;
  key: TSESTree.Node | undefined;
  /** For reads: the expression whose value is the read (`cache.get(k)`, `cache[k]`, `cache.has(k)`). */
  value: TSESTree.Node;
}

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-cache',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow long-lived Map, Set and object caches that only ever grow',
      recommended: true,
      category: 'performance',
      cwe: 'CWE-401',
    },
    hasSuggestions: true,
    messages: {
      unboundedCache:
        '`{{name}}` is a {{kind}} that lives as long as the process and gains an entry for every new key, and nothing deletes, clears or caps its entries: it grows until the server runs out of memory.',
      useLruCache: 'Replace the Map with an `LRUCache` from lru-cache holding at most {{max}} entries for {{ttl}} each.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          extraCacheWords: {
            type: 'array',
            items: { type: 'string' },
            description: 'More name words (besides cache, memo, seen, dedupe and their forms) that mark a collection as a cache.',
          },
          max: { type: 'integer', minimum: 1, description: 'The `max` entries the LRUCache suggestion sets.' },
          ttlMs: { type: 'integer', minimum: 1, description: 'The `ttl`, in milliseconds, the LRUCache suggestion sets.' },
        },
      },
    ],
    defaultOptions: [{ extraCacheWords: [], max: 500, ttlMs: 3_600_000 }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const cacheWords = [...CACHE_WORDS, ...(options.extraCacheWords ?? []).map((word) => word.toLowerCase())];
    const max = options.max ?? 500;
    const ttlMs = options.ttlMs ?? 3_600_000;
    /** `this.x` members, to find the fields of singleton classes. */
    const thisMembers: TSESTree.MemberExpression[] = [];

    function check(holder: Holder): void {
      if (holder.bounded) return;
      const accesses: Access[] = [];
      for (const reference of holder.references) {
        const access = classifyUse(reference, holder.kind);
        if (access === 'bound' || access === 'escape') return;
        if (access) accesses.push(access);
      }
      const runtimeWrites = accesses.filter(
        (access) => access.kind === 'write' && isRuntime(access.node) && !isConstantKey(access.key, sourceCode),
      );
      if (runtimeWrites.length === 0) return;
      const named = [holder.name, holder.className ?? '']
        .flatMap((name) => splitWords(name))
        .some((word) => cacheWords.includes(word));
      if (!named && !runtimeWrites.some((write) => isMemoized(write, accesses))) return;
      const start = holder.reportNode.loc.start;
      context.report({
        node: holder.reportNode,
        // The name only, without its type annotation.
        loc: { start, end: { line: start.line, column: start.column + holder.name.length } },
        messageId: 'unboundedCache',
        data: { name: holder.name, kind: holder.kind === 'object' ? 'plain object' : holder.kind },
        suggest: lruSuggestion(holder),
      });
    }

    function lruSuggestion(holder: Holder): TSESLint.ReportSuggestionArray<MessageIds> {
      const creation = holder.creation;
      if (holder.kind !== 'Map' || creation.type !== AST_NODE_TYPES.NewExpression || creation.arguments.length > 0) return [];
      let typeArguments = creation.typeArguments ? sourceCode.getText(creation.typeArguments) : '';
      const annotation = holder.typeAnnotation;
      if (annotation) {
        // `const c: Map<K, V> = new Map()`: the annotation moves onto the LRUCache (which is no Map).
        const type = annotation.typeAnnotation;
        if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeName.name !== 'Map') {
          return [];
        }
        if (!typeArguments && type.typeArguments) typeArguments = sourceCode.getText(type.typeArguments);
      }
      const ttl = formatDuration(ttlMs);
      return [
        {
          messageId: 'useLruCache',
          data: { max: String(max), ttl: describeDuration(ttlMs) },
          fix: (fixer) => [
            ...(annotation ? [fixer.remove(annotation)] : []),
            fixer.replaceText(creation, `new LRUCache${typeArguments}({ max: ${formatNumber(max)}, ttl: ${ttl} })`),
            ...insertImport(fixer, sourceCode, { source: 'lru-cache', named: 'LRUCache' }),
          ],
        },
      ];
    }

    /** Module-level `const cache = new Map()` / `= {}` (not exported: other modules may bound it). */
    function moduleHolders(program: TSESTree.Program): Holder[] {
      const holders: Holder[] = [];
      for (const statement of program.body) {
        if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
        for (const declarator of statement.declarations) {
          if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
          const kind = collectionKind(declarator.init, () => sourceCode.getScope(declarator));
          if (!kind) continue;
          const variable = sourceCode.getDeclaredVariables(declarator)[0];
          if (!variable) continue;
          const references = variable.references.filter((reference) => reference.identifier !== declarator.id);
          holders.push({
            name: declarator.id.name,
            kind,
            creation: declarator.init,
            reportNode: declarator.id,
            typeAnnotation: declarator.id.typeAnnotation,
            references: references.map((reference) => reference.identifier),
            // `cache = new Map()` somewhere resets it.
            bounded: references.some((reference) => reference.isWrite()),
          });
        }
      }
      return holders;
    }

    /**
     * Fields that live as long as the process: static fields, and instance fields of singleton
     * classes (NestJS `@Injectable()` providers, classes instantiated once at module level).
     */
    function classHolders(program: TSESTree.Program): Holder[] {
      const holders: Holder[] = [];
      for (const node of program.body) {
        const declaration =
          (node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration) && node.declaration
            ? node.declaration
            : node;
        if (declaration.type !== AST_NODE_TYPES.ClassDeclaration) continue;
        // Asked only for a field that holds a collection: most classes have none.
        let singleton: boolean | undefined;
        for (const member of declaration.body.body) {
          if (member.type !== AST_NODE_TYPES.PropertyDefinition || !member.value || member.computed) continue;
          const value = member.value;
          const kind = collectionKind(value, () => sourceCode.getScope(value));
          if (!kind) continue;
          if (!member.static && !(singleton ??= isSingletonClass(declaration))) continue;
          const name = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : ASTUtils.getPropertyName(member);
          if (name === null) continue;
          const references: TSESTree.Node[] = thisMembers.filter(
            (reference) => memberName(reference) === name && thisClass(reference)?.classNode === declaration && thisClass(reference)?.static === member.static,
          );
          if (member.static) {
            for (const reference of classReferences(declaration)) {
              const parent = reference.identifier.parent;
              if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && memberName(parent) === name) {
                references.push(parent);
              }
            }
          }
          holders.push({
            name,
            className: declaration.id?.name,
            kind,
            creation: member.value,
            reportNode: member.key,
            typeAnnotation: member.typeAnnotation,
            references,
            // `this.cache = new Map()` (outside the definition) resets it.
            bounded: references.some((reference) => isAssignmentTarget(reference)),
          });
        }
      }
      return holders;
    }

    /** Whether a class is created once for the process: `@Injectable()`, or `new X()` at module level. */
    function isSingletonClass(declaration: TSESTree.ClassDeclaration): boolean {
      if (declaration.decorators.some((decorator) => decoratorName(decorator) === 'Injectable')) return true;
      const creations = classReferences(declaration).filter(
        (reference) =>
          reference.identifier.parent?.type === AST_NODE_TYPES.NewExpression && reference.identifier.parent.callee === reference.identifier,
      );
      return creations.length === 1 && creations.every((reference) => !getEnclosingFunction(reference.identifier));
    }

    /** References to a class by name, from outside it and (through its inner binding) from inside. */
    function classReferences(declaration: TSESTree.ClassDeclaration): TSESLint.Scope.Reference[] {
      if (!declaration.id) return [];
      // The class scope holds the inner binding; the scope around it, the outer one.
      const classScope = sourceCode.getScope(declaration);
      const variables = new Set(
        [classScope.upper ?? classScope, classScope].map((scope) => ASTUtils.findVariable(scope, declaration.id?.name ?? '')),
      );
      return [...variables].flatMap((variable) => variable?.references ?? []);
    }

    /** A write that runs after start-up: inside a function that is not an IIFE at module level. */
    function isRuntime(node: TSESTree.Node): boolean {
      let fn = getEnclosingFunction(node);
      while (fn && isModuleLevelIife(fn)) fn = getEnclosingFunction(fn);
      return fn !== undefined;
    }

    return {
      'MemberExpression[object.type="ThisExpression"]'(node: TSESTree.MemberExpression): void {
        thisMembers.push(node);
      },
      'Program:exit'(program: TSESTree.Program): void {
        for (const holder of [...moduleHolders(program), ...classHolders(program)]) check(holder);
      },
    };
  },
});

/** `new Map()`, `new Set()` (the globals), `{}` or `Object.create(null)`. */
function collectionKind(node: TSESTree.Node, getScope: () => TSESLint.Scope.Scope): CollectionKind | undefined {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.NewExpression && target.callee.type === AST_NODE_TYPES.Identifier) {
    const name = target.callee.name;
    if (name !== 'Map' && name !== 'Set') return undefined;
    const variable = ASTUtils.findVariable(getScope(), name);
    return variable && variable.defs.length > 0 ? undefined : name;
  }
  if (target.type === AST_NODE_TYPES.ObjectExpression) return target.properties.length === 0 ? 'object' : undefined;
  if (
    target.type === AST_NODE_TYPES.CallExpression &&
    target.callee.type === AST_NODE_TYPES.MemberExpression &&
    target.callee.object.type === AST_NODE_TYPES.Identifier &&
    target.callee.object.name === 'Object' &&
    getMemberName(target.callee) === 'create' &&
    target.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    target.arguments[0].value === null
  ) {
    return 'object';
  }
  return undefined;
}

const MAP_WRITES = ['set'];
const SET_WRITES = ['add'];
const READS = ['get', 'has', 'peek'];
const BOUNDS = ['delete', 'clear', 'size'];
/** Uses that neither add nor bound: iteration and read-only views. */
const NEUTRAL = ['forEach', 'keys', 'values', 'entries', 'toString', 'toJSON'];
const OBJECT_VIEWS = ['keys', 'values', 'entries', 'getOwnPropertyNames'];

/**
 * What one use of the collection does: an access (read / write with its key), `'bound'` (delete,
 * clear, a size check, a reset), `'escape'` (passed or handed out: code we cannot see may bound
 * it), or undefined (neutral: iteration, `typeof`).
 */
function classifyUse(reference: TSESTree.Node, kind: CollectionKind): Access | 'bound' | 'escape' | undefined {
  const node = climbThrough(reference, TS_CASTS);
  const parent = node.parent;
  if (!parent) return 'escape';
  if (parent.type === AST_NODE_TYPES.TSTypeQuery) return undefined;
  if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === node) return undefined;
  if (parent.type === AST_NODE_TYPES.ForInStatement && parent.right === node) return undefined;
  if (parent.type === AST_NODE_TYPES.SpreadElement && parent.parent.type === AST_NODE_TYPES.ArrayExpression) return undefined;
  if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in' && parent.right === node) {
    return { kind: 'read', node: parent, key: parent.left, value: parent };
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.Expression)) {
    // Object.keys(cache).length > MAX is a size check; other calls may do anything with it.
    const callee = parent.callee;
    if (
      kind === 'object' &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Object' &&
      OBJECT_VIEWS.includes(getMemberName(callee) ?? '')
    ) {
      return parent.parent.type === AST_NODE_TYPES.MemberExpression && getMemberName(parent.parent) === 'length' ? 'bound' : undefined;
    }
    return 'escape';
  }
  if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return 'escape';

  if (kind === 'object') {
    if (!parent.computed) {
      const name = getMemberName(parent);
      if (name === 'hasOwnProperty' || name === 'propertyIsEnumerable') {
        const call = parent.parent;
        return call.type === AST_NODE_TYPES.CallExpression ? { kind: 'read', node: call, key: call.arguments[0], value: call } : undefined;
      }
    }
    if (parent.parent.type === AST_NODE_TYPES.UnaryExpression && parent.parent.operator === 'delete') return 'bound';
    if (isAssignmentTarget(parent)) return { kind: 'write', node: parent, key: parent.computed ? parent.property : undefined, value: parent };
    return { kind: 'read', node: parent, key: parent.computed ? parent.property : undefined, value: parent };
  }

  const name = getMemberName(parent);
  if (name === undefined) return 'escape';
  if (BOUNDS.includes(name)) return 'bound';
  const call = parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent ? parent.parent : undefined;
  if ((kind === 'Map' ? MAP_WRITES : SET_WRITES).includes(name)) {
    return call ? { kind: 'write', node: call, key: call.arguments[0], value: call } : 'escape';
  }
  if (READS.includes(name)) return call ? { kind: 'read', node: call, key: call.arguments[0], value: call } : 'escape';
  if (NEUTRAL.includes(name)) return undefined;
  return 'escape';
}

/**
 * Whether a write sits in a memoizing function: the same function returns a value read from the
 * collection (`return cache.get(k)`, `const hit = cache.get(k); if (hit) return hit;`) or leaves
 * early when the key is there (`if (cache.has(k)) return …`, `if (seen.has(id)) return;`).
 */
function isMemoized(write: Access, accesses: readonly Access[]): boolean {
  const fn = getEnclosingFunction(write.node);
  if (!fn) return false;
  return accesses.some((access) => access.kind === 'read' && getEnclosingFunction(access.node) === fn && readDecidesReturn(access, fn));
}

function readDecidesReturn(read: Access, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node = read.value; current.parent && current !== fn; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (parent === fn && fn.body === current) return true;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test === current) {
      return alwaysExits(parent.consequent) || alwaysExits(parent.alternate);
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
      const id = parent.id;
      return returnsName(fn, id.name);
    }
    if (
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.ExpressionStatement ||
      parent.type === AST_NODE_TYPES.VariableDeclaration ||
      isFunctionLike(parent)
    ) {
      return false;
    }
  }
  return false;
}

/** Whether a return statement of `fn` (not of a nested function) mentions the variable `name`. */
function returnsName(fn: FunctionNode, name: string): boolean {
  let found = false;
  const visit = (node: TSESTree.Node, inReturn: boolean): void => {
    if (found) return;
    if (node !== fn && isFunctionLike(node)) return;
    if (inReturn && node.type === AST_NODE_TYPES.Identifier && node.name === name) {
      found = true;
      return;
    }
    const returning = inReturn || node.type === AST_NODE_TYPES.ReturnStatement;
    forEachChildNode(node, (child) => visit(child, returning));
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) visit(fn.body, true);
  else visit(fn.body, false);
  return found;
}

function isFunctionLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

function isConstantKey(key: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!key) return true;
  if (key.type === AST_NODE_TYPES.SpreadElement) return false;
  return ASTUtils.getStaticValue(key as TSESTree.Expression, sourceCode.getScope(key)) !== null;
}

function isAssignmentTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node)
  );
}

/** `(() => { … })()` or `(function () { … })()` in the module body: start-up code. */
function isModuleLevelIife(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.callee === fn &&
    getEnclosingFunction(parent) === undefined
  );
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
  return getMemberName(node);
}

/** The class whose instance (or constructor, for static members) `this` denotes at `node`. */
function thisClass(node: TSESTree.Node): { classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression; static: boolean } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const method = current.parent;
      if (method.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
      return { classNode: method.parent.parent, static: method.static };
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return { classNode: current.parent.parent, static: current.static };
    if (current.type === AST_NODE_TYPES.StaticBlock) return { classNode: current.parent.parent, static: true };
  }
  return undefined;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return getMemberName(expression);
  return undefined;
}

/** `3600000` → `1000 * 60 * 60`, `600000` → `1000 * 60 * 10`, `90000` → `90_000`. */
function formatDuration(ms: number): string {
  const hour = 3_600_000;
  const minute = 60_000;
  if (ms % hour === 0) return ms === hour ? '1000 * 60 * 60' : `1000 * 60 * 60 * ${ms / hour}`;
  if (ms % minute === 0) return `1000 * 60 * ${ms / minute}`;
  return formatNumber(ms);
}

function describeDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? '1 hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? '1 minute' : `${ms / 60_000} minutes`;
  return `${ms / 1000} s`;
}

function formatNumber(value: number): string {
  const text = String(value);
  return /^\d{5,}$/u.test(text) ? text.replace(/\B(?=(\d{3})+$)/gu, '_') : text;
}
