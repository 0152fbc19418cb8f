/**
 * Options objects as the library will see them: `cors({ ...defaults, origin: true })`,
 * `res.cookie(n, v, cookieOptions)` with `const cookieOptions = { … }`. Spreads of local constant
 * objects are looked through; a spread whose contents cannot be seen makes every key it could
 * override unknown, so rules never report a "missing" option that might come from it.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyKeyName, resolveObjectExpression } from './ast.js';

export type OptionLookup =
  /** The key is set; `property` is the definition that wins at run time. */
  | { state: 'set'; property: TSESTree.Property }
  /** The key is certainly absent. */
  | { state: 'missing' }
  /** A spread (or computed key) that cannot be seen may set it. */
  | { state: 'unknown' };

export interface OptionsObject {
  /** The object literal the options are written in (the argument itself, or the constant it names). */
  object: TSESTree.ObjectExpression;
  /** Where `name` stands: set (and by which property), certainly missing, or unknown. */
  get(name: string): OptionLookup;
}

type Entry = { key: string; property: TSESTree.Property } | { key: undefined };

const MAX_SPREAD_DEPTH = 5;

/**
 * Reads an options argument: an object literal, or an identifier bound to one in this file
 * ({@link resolveObjectExpression}). Undefined when the options cannot be seen (a parameter, an
 * import, a call result).
 */
export function readOptionsObject(node: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope): OptionsObject | undefined {
  const object = resolveObjectExpression(node, scope);
  if (!object) return undefined;
  const entries = flattenEntries(object, scope, 0);
  return {
    object,
    get(name: string): OptionLookup {
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const entry = entries[index];
        if (!entry) continue;
        if (entry.key === undefined) return { state: 'unknown' };
        if (entry.key === name) return { state: 'set', property: entry.property };
      }
      return { state: 'missing' };
    },
  };
}

function flattenEntries(object: TSESTree.ObjectExpression, scope: TSESLint.Scope.Scope, depth: number): Entry[] {
  const entries: Entry[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const inner = depth < MAX_SPREAD_DEPTH ? resolveObjectExpression(property.argument, scope) : undefined;
      if (inner) entries.push(...flattenEntries(inner, scope, depth + 1));
      else entries.push({ key: undefined });
      continue;
    }
    const key = getPropertyKeyName(property);
    entries.push(key === undefined ? { key: undefined } : { key, property });
  }
  return entries;
}
