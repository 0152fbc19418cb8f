/**
 * Query results: what awaiting a database call gives (a node-postgres result object, a mysql2
 * `[rows, fields]` tuple, or an array of rows), how code reaches its rows and its first row
 * through locals and destructuring, and whether a query can come back with no rows at all.
 *
 * Built on the data-access model ({@link DataAccess.classifyCall}); shared by
 * `no-unchecked-first-row` (is this `rows[0]` a first row that may be missing?) and
 * `require-pagination` (is this list query only read for its first row, i.e. a lookup?).
 *
 * Only awaited calls count (`const r = await pool.query(…)`), and `.then((r) => …)` callbacks; a
 * result kept in a `let` written more than once, passed through a function, or stored in an object
 * is not followed.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { CASTS_AND_CHAINS, climbThrough, getMemberName, isFunctionNode, unwrapExpression } from './ast.js';
import { sqlReturnsOneRow, type DataAccess, type DbCall } from './data-access.js';

/**
 * `result`: a node-postgres result (`{ rows, rowCount }`); `tuple`: mysql2's `[rows, fields]`;
 * `rows`: an array of rows; `row`: the first row of one, undefined when there is none.
 */
export type QueryValueKind = 'result' | 'tuple' | 'rows' | 'row';

export interface QueryValue {
  kind: QueryValueKind;
  call: DbCall;
  /** The variables the value went through (`result`, `rows`, `user`), in order: what a guard may test. */
  variables: readonly TSESLint.Scope.Variable[];
}

/** One step from a value to a part of it: a property (`.rows`) or index 0 (`[0]`). */
type Step = 'rows' | 0;

const PRISMA_ROW_ARRAYS = new Set(['findMany', 'groupBy', '$queryRaw', '$queryRawUnsafe', 'createManyAndReturn', 'updateManyAndReturn']);
const DRIZZLE_ROW_ARRAYS = new Set(['select', 'selectDistinct', 'selectDistinctOn', 'findMany']);
const TYPEORM_ROW_ARRAYS = new Set(['find', 'findBy', 'findByIds', 'getMany', 'getRawMany']);
const MONGOOSE_ROW_ARRAYS = new Set(['find', 'aggregate']);
const MAX_DEPTH = 10;

/**
 * What awaiting `call` gives, when it holds rows: `result` for node-postgres `query()`, `tuple` for
 * mysql/mysql2 `query()`/`execute()`, `rows` for postgres.js templates, Prisma `findMany`/`$queryRaw`,
 * Drizzle selects (and writes with `.returning()`), Knex builders (not `.first()`), TypeORM
 * `find`/`getMany`/SELECT `query()`, Sequelize `findAll`, Mongoose `find`/`aggregate`. Undefined
 * for calls that return one record or none (`findUnique`, `.first()`), counts, and raw calls
 * whose shape depends on the driver (`knex.raw`, Drizzle `execute`, `sequelize.query`).
 */
export function resultShape(call: DbCall): Exclude<QueryValueKind, 'row'> | undefined {
  if (call.kind !== 'read' && call.kind !== 'write') return undefined;
  const chain = chainMethodNames(call.node);
  switch (call.library) {
    case 'pg':
      return call.method === 'query' ? 'result' : undefined;
    case 'mysql':
      // A mysql2 write gives `[ResultSetHeader, …]`, not rows.
      return call.kind === 'read' && (call.method === 'query' || call.method === 'execute') ? 'tuple' : undefined;
    case 'postgres':
      return call.method === 'sql' || call.method === 'unsafe' ? 'rows' : undefined;
    case 'prisma':
      return PRISMA_ROW_ARRAYS.has(call.method) ? 'rows' : undefined;
    case 'drizzle':
      if (call.kind === 'read') return DRIZZLE_ROW_ARRAYS.has(call.method) ? 'rows' : undefined;
      return chain.has('returning') ? 'rows' : undefined;
    case 'knex':
      if (call.kind === 'read') return call.method === 'first' ? undefined : 'rows';
      return chain.has('returning') ? 'rows' : undefined;
    case 'typeorm':
      if (call.method === 'query') return call.command === 'SELECT' ? 'rows' : undefined;
      return call.kind === 'read' && TYPEORM_ROW_ARRAYS.has(call.method) ? 'rows' : undefined;
    case 'sequelize':
      return call.method === 'findAll' ? 'rows' : undefined;
    case 'mongoose':
      return MONGOOSE_ROW_ARRAYS.has(call.method) ? 'rows' : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether `call` may give no rows. Not for: aggregate-only SELECTs (`SELECT COUNT(*) …`, Drizzle
 * `select({ n: count() })`, Knex `.count()`), and inserts that always return the row they insert
 * (`INSERT … VALUES … RETURNING`, Drizzle/Knex `insert().returning()`, Prisma
 * `createManyAndReturn`). For: every other read, UPDATE/DELETE … RETURNING (the WHERE may match
 * nothing), and inserts that may skip rows (`ON CONFLICT DO NOTHING`, `INSERT IGNORE`,
 * `INSERT … SELECT`, `.onConflictDoNothing()`, `.ignore()`).
 */
export function canReturnNoRows(call: DbCall): boolean {
  const chain = chainMethodNames(call.node);
  if (call.sql !== undefined && call.command !== undefined) {
    const text = call.sql.split('${…}').join('\u0000');
    if (call.command === 'SELECT') return !sqlReturnsOneRow(text);
    if (call.command === 'INSERT' || call.command === 'REPLACE') {
      return /\bON\s+CONFLICT\b[^]*?\bDO\s+NOTHING\b|^\s*INSERT\s+IGNORE\b|\bON\s+DUPLICATE\b/i.test(text) || /^\s*INSERT\s+INTO\s+[^]*?\)\s*(?:SELECT|WITH)\b/i.test(text) || /^\s*INSERT\s+INTO\s+[\w."`[\]]+\s+(?:SELECT|WITH)\b/i.test(text);
    }
    return true;
  }
  if (call.kind === 'read') {
    // Data access marks aggregate-only builders as single-row reads; `.first()` is not an array at all.
    if ((call.library === 'drizzle' || call.library === 'knex') && call.isList === false) return false;
    return true;
  }
  switch (call.library) {
    case 'drizzle':
      return call.method === 'insert' ? chain.has('onConflictDoNothing') : true;
    case 'knex':
      return call.method === 'insert' ? chain.has('ignore') : true;
    case 'prisma':
      return call.method === 'updateManyAndReturn';
    default:
      return false;
  }
}

/** The method names called along a builder chain ending at `node`: `db.select().from(t).where(c)` → select, from, where. */
export function chainMethodNames(node: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  let current = unwrapExpression(node);
  for (let step = 0; step < 40; step += 1) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = getMemberName(callee);
        if (name !== undefined) names.add(name);
        current = unwrapExpression(callee.object);
        continue;
      }
      current = callee;
      continue;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
      continue;
    }
    break;
  }
  return names;
}

/** Whether a member expression reads index 0: `rows[0]`, `rows['0']`. */
export function isIndexZero(node: TSESTree.MemberExpression): boolean {
  if (!node.computed) return false;
  const property = node.property;
  return property.type === AST_NODE_TYPES.Literal && (property.value === 0 || property.value === '0');
}

/**
 * Follows query values through one file. Create one per rule invocation; it memoises per
 * variable and holds no state across files.
 */
export class QueryResults {
  private readonly variableValues = new Map<TSESLint.Scope.Variable, QueryValue | null>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly dataAccess: DataAccess,
  ) {}

  /**
   * The query value `node` evaluates to: `await pool.query(…)` (a result), `result.rows` (rows),
   * `rows[0]` (a row), and locals bound to them, destructuring included (`const { rows } = …`,
   * `const [[user]] = await mysql.query(…)`, `const [user] = await db.select()…`).
   */
  valueOf(node: TSESTree.Node): QueryValue | undefined {
    return this.value(node, 0);
  }

  /** The value at `step` of a value: `.rows` of a result, `[0]` of a tuple (its rows) or of rows (the first row). */
  static stepInto(value: QueryValue, step: Step): QueryValue | undefined {
    const next = transition(value.kind, step);
    return next ? { ...value, kind: next } : undefined;
  }

  /**
   * Whether the rows of an awaited `call` are read only through their first row: `(await q)[0]`,
   * `const [row] = await q`, `const { rows: [row] } = …`, or a local whose every use is `x[0]`,
   * `x.rows[0]`, `x.length`, `x.rowCount`. Such a query is a lookup, whatever its WHERE says.
   */
  readsFirstRowOnly(call: DbCall): boolean {
    const shape = resultShape(call);
    if (!shape) return false;
    const awaited = awaitedOf(call.node);
    if (!awaited) return false;
    return this.consumesFirstRowOnly(awaited, shape, 0);
  }

  private consumesFirstRowOnly(node: TSESTree.Node, kind: QueryValueKind, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (kind === 'row') return true;
    const outer = outerExpression(node);
    const parent = outer.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const step = memberStep(parent);
      if (step === undefined) return false;
      const next = transition(kind, step);
      return next !== undefined && this.consumesFirstRowOnly(parent, next, depth + 1);
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
      return this.patternFirstRowOnly(parent.id, kind, depth);
    }
    return false;
  }

  private patternFirstRowOnly(pattern: TSESTree.Node, kind: QueryValueKind, depth: number): boolean {
    if (kind === 'row') return true;
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      const variable = this.declaredVariable(pattern);
      if (!variable) return false;
      const reads = variable.references.filter((reference) => reference.isRead());
      let sawFirstRow = false;
      for (const reference of reads) {
        const use = reference.identifier;
        const parent = outerExpression(use).parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outerExpression(use)) {
          const name = getMemberName(parent);
          if (name === 'length' || name === 'rowCount') continue;
        }
        if (!this.consumesFirstRowOnly(use, kind, depth + 1)) return false;
        sawFirstRow = true;
      }
      return sawFirstRow;
    }
    if (pattern.type === AST_NODE_TYPES.ObjectPattern && kind === 'result') {
      const rows = pattern.properties.find(
        (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'rows',
      );
      return rows !== undefined && this.patternFirstRowOnly(rows.value, 'rows', depth + 1);
    }
    if (pattern.type === AST_NODE_TYPES.ArrayPattern && (kind === 'tuple' || kind === 'rows')) {
      const [first, ...others] = pattern.elements;
      if (!first || first.type === AST_NODE_TYPES.RestElement) return false;
      if (kind === 'rows' && others.some((element) => element !== null)) return false;
      const next = transition(kind, 0);
      return next !== undefined && this.patternFirstRowOnly(first.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first, next, depth + 1);
    }
    return false;
  }

  private value(node: TSESTree.Node, depth: number): QueryValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const target = unwrapExpression(node);
    switch (target.type) {
      case AST_NODE_TYPES.AwaitExpression: {
        const inner = unwrapExpression(target.argument);
        if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.TaggedTemplateExpression) return undefined;
        const call = this.dataAccess.classifyCall(inner);
        const shape = call ? resultShape(call) : undefined;
        return call && shape ? { kind: shape, call, variables: [] } : undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const step = memberStep(target);
        if (step === undefined) return undefined;
        const base = this.value(target.object, depth + 1);
        return base ? QueryResults.stepInto(base, step) : undefined;
      }
      case AST_NODE_TYPES.Identifier:
        return this.identifierValue(target, depth);
      default:
        return undefined;
    }
  }

  private identifierValue(node: TSESTree.Identifier, depth: number): QueryValue | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(node), node);
    if (!variable) return undefined;
    if (this.variableValues.has(variable)) return this.variableValues.get(variable) ?? undefined;
    this.variableValues.set(variable, null); // cycle guard
    const found = this.variableValue(variable, depth);
    this.variableValues.set(variable, found ?? null);
    return found;
  }

  private variableValue(variable: TSESLint.Scope.Variable, depth: number): QueryValue | undefined {
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (!def) return undefined;
    const name = def.name as TSESTree.Identifier;
    if (def.type === 'Variable') {
      const declarator = def.node;
      const writes = variable.references.filter((reference) => reference.isWrite());
      if (new Set(writes.map((reference) => reference.identifier)).size > 1) return undefined;
      const init = declarator.init ?? (declarator.id.type === AST_NODE_TYPES.Identifier ? writes[0]?.writeExpr : undefined);
      if (!init) return undefined;
      const base = this.value(init, depth + 1);
      return base ? this.descend(base, declarator.id, name, variable) : undefined;
    }
    if (def.type === 'Parameter' && isFunctionNode(def.node)) {
      // `pool.query(…).then((result) => …)`, `.then(({ rows }) => …)`
      const fn = def.node;
      const [first] = fn.params;
      const call = fn.parent;
      if (!first || call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getMemberName(callee) !== 'then') return undefined;
      const receiver = unwrapExpression(callee.object);
      if (receiver.type !== AST_NODE_TYPES.CallExpression && receiver.type !== AST_NODE_TYPES.TaggedTemplateExpression) return undefined;
      const dbCall = this.dataAccess.classifyCall(receiver);
      const shape = dbCall ? resultShape(dbCall) : undefined;
      if (!dbCall || !shape) return undefined;
      return this.descend({ kind: shape, call: dbCall, variables: [] }, first, name, variable);
    }
    return undefined;
  }

  /** The value bound to `name` inside `pattern` when the whole pattern receives `value`. */
  private descend(value: QueryValue, pattern: TSESTree.Node, name: TSESTree.Identifier, variable: TSESLint.Scope.Variable): QueryValue | undefined {
    const path = patternPath(pattern, name);
    if (!path) return undefined;
    let current: QueryValue | undefined = value;
    for (const step of path) {
      if (!current) return undefined;
      current = QueryResults.stepInto(current, step);
    }
    return current ? { ...current, variables: [...current.variables, variable] } : undefined;
  }

  private declaredVariable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    return ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier) ?? undefined;
  }
}

function transition(kind: QueryValueKind, step: Step): QueryValueKind | undefined {
  if (kind === 'result' && step === 'rows') return 'rows';
  if (kind === 'tuple' && step === 0) return 'rows';
  if (kind === 'rows' && step === 0) return 'row';
  return undefined;
}

function memberStep(node: TSESTree.MemberExpression): Step | undefined {
  if (isIndexZero(node)) return 0;
  return !node.computed && getMemberName(node) === 'rows' ? 'rows' : undefined;
}

/**
 * The steps from a destructuring pattern's value to the binding `name`: `{ rows }` → rows,
 * `[[user]]` → 0, 0, `{ rows: [user] }` → rows, 0. Undefined when the binding sits elsewhere
 * (another property, a later element, a rest element).
 */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): Step[] | undefined {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === name || (pattern.name === name.name && pattern.range[0] === name.range[0]) ? [] : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      // A default (`const [user = null] = rows`) is a deliberate fallback: not followed.
      return undefined;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'rows') continue;
        const rest = patternPath(property.value, name);
        if (rest) return ['rows', ...rest];
      }
      return undefined;
    case AST_NODE_TYPES.ArrayPattern: {
      const first = pattern.elements[0];
      if (!first || first.type === AST_NODE_TYPES.RestElement) return undefined;
      const rest = patternPath(first, name);
      return rest ? [0, ...rest] : undefined;
    }
    default:
      return undefined;
  }
}

/** The `await` around a call (through TS wrappers), if its value is awaited right there. */
function awaitedOf(node: TSESTree.Node): TSESTree.AwaitExpression | undefined {
  const outer = outerExpression(node);
  return outer.parent?.type === AST_NODE_TYPES.AwaitExpression ? outer.parent : undefined;
}

const OUTER_WRAPPERS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.TSTypeAssertion, ...CASTS_AND_CHAINS]);

/** `node` with the TS wrappers and parentheses-free chains around it. */
function outerExpression(node: TSESTree.Node): TSESTree.Node {
  return climbThrough(node, OUTER_WRAPPERS);
}
