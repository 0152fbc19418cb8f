/**
 * Which arguments of a database call are written as a record (`write`) and which are used as a
 * query filter (`filter`). The shared data-access model (`src/util/data-access.ts`) says which
 * receivers are clients and of which kind (tracked Mongoose/Sequelize models and documents,
 * TypeORM repositories and managers, injected or typed ones included) and which calls match the
 * configured repository-method patterns (`storage.create*`: a `record`, reported only when the
 * whole body or query is passed). The argument roles per method are this rule's own tables.
 * Where the model cannot see the client's origin (a receiver from an unknown module or an
 * undeclared name), call shapes give the evidence, each family its own:
 *
 * - Prisma: `x.model.method({ data, create, update, where })` on a member receiver (`prisma.user`,
 *   `tx.post`, `this.prisma.user`).
 * - Mongo / Mongoose methods whose names are their own evidence (`insertOne`, `updateMany`,
 *   `findOneAndUpdate`, `findByIdAndUpdate`, `bulkCreate`…), on any receiver.
 * - Models (Mongoose, Sequelize): a PascalCase receiver that is not a JavaScript built-in (`User`),
 *   or one whose name ends in `Model` (`this.userModel`).
 * - TypeORM repositories and entity managers: receivers named `…Repository`/`…Repo`,
 *   `getRepository(…)` results, `manager`/`entityManager`/`em`.
 * - Mongo collections: `db.collection('x')` results and receivers named `…Collection`.
 * - Query builders: Drizzle / Kysely `insert(t).values(x)`, `update(t).set(x)`, Knex
 *   `knex('t').insert(x)` / `.update(x)` / `.where(x)`.
 * - mysql / mysql2 `query('INSERT INTO t SET ?', x)`, whose `SET ?` expands an object into columns.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty, getCalleeName, getMemberName, resolveObjectExpression, unwrapAwait, unwrapExpression } from '../../util/ast.js';
import { getDataAccess, type DbClient } from '../../util/data-access.js';
import { resolveImportBinding } from '../../util/modules.js';
import { splitWords } from '../../util/names.js';
import { getConstantSqlText } from '../../util/sql.js';

/** `record`: an argument of a configured repository write method (`storage.createUser(x)`), a record only when it is the whole input. */
export type DatabaseRole = 'write' | 'filter' | 'record';

export interface DatabaseArgument {
  node: TSESTree.Node;
  role: DatabaseRole;
}

type Roles = readonly (DatabaseRole | undefined)[];

const PRISMA_METHODS: Readonly<Record<string, readonly string[]>> = {
  create: ['data'],
  createMany: ['data'],
  createManyAndReturn: ['data'],
  update: ['data', 'where'],
  updateMany: ['data', 'where'],
  updateManyAndReturn: ['data', 'where'],
  upsert: ['create', 'update', 'where'],
  delete: ['where'],
  deleteMany: ['where'],
  findMany: ['where'],
  findFirst: ['where'],
  findFirstOrThrow: ['where'],
  findUnique: ['where'],
  findUniqueOrThrow: ['where'],
  count: ['where'],
  aggregate: ['where'],
  groupBy: ['where'],
};
const PRISMA_WRITE_KEYS = ['data', 'create', 'update'];
const PRISMA_WRITE_METHODS_SET: Readonly<Record<string, true>> = {
  create: true,
  createMany: true,
  createManyAndReturn: true,
  update: true,
  updateMany: true,
  updateManyAndReturn: true,
  upsert: true,
};
/** Words of a client's name that make `x.model.create(arg)` a Prisma call without the `{ data }` shape to go by. */
const PRISMA_CLIENT_WORDS = ['prisma', 'db', 'tx', 'trx', 'database', 'orm'];

/** Methods whose name is Mongo / Mongoose / Sequelize enough on any receiver. */
const DISTINCTIVE_METHODS: Readonly<Record<string, Roles>> = {
  insertOne: ['write'],
  insertMany: ['write'],
  bulkCreate: ['write'],
  updateOne: ['filter', 'write'],
  updateMany: ['filter', 'write'],
  replaceOne: ['filter', 'write'],
  findOneAndUpdate: ['filter', 'write'],
  findOneAndReplace: ['filter', 'write'],
  findByIdAndUpdate: [undefined, 'write'],
  findOneAndDelete: ['filter'],
  countDocuments: ['filter'],
};

const MODEL_METHODS: Readonly<Record<string, Roles>> = {
  ...DISTINCTIVE_METHODS,
  create: ['write'],
  build: ['write'],
  update: ['write'],
  upsert: ['write'],
  find: ['filter'],
  findOne: ['filter'],
  findAll: ['filter'],
  findAndCountAll: ['filter'],
  count: ['filter'],
  exists: ['filter'],
  where: ['filter'],
  deleteOne: ['filter'],
  deleteMany: ['filter'],
  destroy: ['filter'],
};

const REPOSITORY_METHODS: Readonly<Record<string, Roles>> = {
  create: ['write'],
  save: ['write'],
  insert: ['write'],
  upsert: ['write'],
  preload: ['write'],
  update: ['filter', 'write'],
  merge: [undefined, 'write', 'write', 'write'],
  find: ['filter'],
  findOne: ['filter'],
  findBy: ['filter'],
  findOneBy: ['filter'],
  findAndCount: ['filter'],
  findAndCountBy: ['filter'],
  count: ['filter'],
  countBy: ['filter'],
  exist: ['filter'],
  exists: ['filter'],
  existsBy: ['filter'],
  delete: ['filter'],
  softDelete: ['filter'],
};

/** EntityManager methods take the entity class first. */
const MANAGER_METHODS: Readonly<Record<string, Roles>> = {
  create: [undefined, 'write'],
  save: ['write', 'write'],
  insert: [undefined, 'write'],
  upsert: [undefined, 'write'],
  update: [undefined, 'filter', 'write'],
  merge: [undefined, undefined, 'write', 'write'],
  find: [undefined, 'filter'],
  findOne: [undefined, 'filter'],
  findBy: [undefined, 'filter'],
  findOneBy: [undefined, 'filter'],
  delete: [undefined, 'filter'],
};

const COLLECTION_METHODS: Readonly<Record<string, Roles>> = {
  ...DISTINCTIVE_METHODS,
  find: ['filter'],
  findOne: ['filter'],
  deleteOne: ['filter'],
  deleteMany: ['filter'],
  count: ['filter'],
  distinct: [undefined, 'filter'],
};

/** Mongoose and Sequelize documents (`const user = await User.findById(id)`). */
const DOCUMENT_METHODS: Readonly<Record<string, Roles>> = {
  set: ['write'],
  update: ['write'],
  updateOne: ['write'],
  overwrite: ['write'],
  replaceOne: ['write'],
};

const KNEX_METHODS: Readonly<Record<string, Roles>> = {
  insert: ['write'],
  update: ['write'],
  where: ['filter'],
  andWhere: ['filter'],
  orWhere: ['filter'],
};

/** Calls in a Knex chain that keep it a query builder. */
const KNEX_CHAIN_METHODS = ['table', 'into', 'from', 'where', 'andWhere', 'orWhere', 'whereIn', 'select', 'returning', 'withSchema', 'transacting', 'first'];

const BUILTIN_GLOBALS = new Set([
  'Object',
  'Array',
  'JSON',
  'Math',
  'Promise',
  'Reflect',
  'Number',
  'String',
  'Boolean',
  'Date',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Buffer',
  'Symbol',
  'Proxy',
  'Intl',
  'URL',
  'URLSearchParams',
  'Atomics',
  'BigInt',
  'Error',
]);

const MANAGER_NAMES = ['manager', 'entityManager', 'em', 'transactionalEntityManager'];

/** The arguments of `call` a database writes or filters with, if `call` is a database call. */
export function getDatabaseArguments(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): DatabaseArgument[] {
  // Every role names an argument: a call without any has none to report.
  if (call.arguments.length === 0) return [];
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = getMemberName(callee);
  if (method === undefined) return [];
  // Most calls name no method of the tables below: only the configured write patterns can match them.
  if (!TABLE_METHODS.has(method)) return patternArguments(call, getDataAccess(sourceCode));
  const receiver = unwrapAwait(callee.object);

  const sql = mysqlObjectValue(call, method, sourceCode);
  if (sql) return [{ node: sql, role: 'write' }];

  const dataAccess = getDataAccess(sourceCode);
  // Resolving the receiver's client is the expensive part: only for methods some client has.
  const known = CLIENT_METHODS.has(method) ? clientTable(dataAccess.getClient(receiver)) : undefined;
  if (known && Object.hasOwn(known, method)) return byRoles(call, known[method] ?? []);

  const prismaKeys = Object.hasOwn(PRISMA_METHODS, method) ? PRISMA_METHODS[method] : undefined;
  if (prismaKeys && isPrismaDelegate(receiver)) {
    const first = call.arguments[0];
    if (!first) return [];
    const object = resolveObjectExpression(first, sourceCode.getScope(call));
    // prisma.user.create(req.body): the client chose the whole argument, `data` and `select` included.
    if (!object) return isPrismaClientName(receiver) && Object.hasOwn(PRISMA_WRITE_METHODS_SET, method) ? [{ node: first, role: 'write' }] : [];
    const found: DatabaseArgument[] = [];
    for (const key of prismaKeys) {
      const property = findProperty(object, key);
      if (property) found.push({ node: property.value, role: PRISMA_WRITE_KEYS.includes(key) ? 'write' : 'filter' });
    }
    return found;
  }

  if (method === 'values' && isCallNamed(receiver, ['insert', 'insertInto'])) return byRoles(call, ['write']);
  if (method === 'set' && isCallNamed(receiver, ['update', 'updateTable'])) return byRoles(call, ['write']);
  const knex = Object.hasOwn(KNEX_METHODS, method) ? KNEX_METHODS[method] : undefined;
  if (knex && isKnexBuilder(receiver)) return byRoles(call, knex);

  const distinctive = Object.hasOwn(DISTINCTIVE_METHODS, method) ? DISTINCTIVE_METHODS[method] : undefined;
  if (distinctive) return byRoles(call, distinctive);

  for (const [methods, matches] of SHAPE_CANDIDATES) {
    const roles = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (roles && matches(receiver)) return byRoles(call, roles);
  }
  return patternArguments(call, dataAccess);
}

/** A call to a configured repository write method (`storage.createUser(x)`): each argument is a record. */
function patternArguments(call: TSESTree.CallExpression, dataAccess: ReturnType<typeof getDataAccess>): DatabaseArgument[] {
  // A `pattern` write is a call whose name matches a write pattern: check that before classifying.
  if (!dataAccess.matchesWritePattern(call)) return [];
  const patternCall = dataAccess.classifyCall(call);
  if (patternCall?.confidence === 'pattern' && patternCall.kind === 'write' && patternCall.node === call) {
    return call.arguments.flatMap((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? [] : [{ node: argument, role: 'record' as const }]));
  }
  return [];
}

/** Every table {@link clientTable} can return. */
const CLIENT_TABLES = [MODEL_METHODS, REPOSITORY_METHODS, MANAGER_METHODS, DOCUMENT_METHODS];
const CLIENT_METHODS: ReadonlySet<string> = new Set(CLIENT_TABLES.flatMap((table) => Object.keys(table)));

/** Tables whose receivers are recognised by shape when the data-access model cannot tell. */
const SHAPE_CANDIDATES: readonly (readonly [Readonly<Record<string, Roles>>, (node: TSESTree.Node) => boolean])[] = [
  [MODEL_METHODS, isModel],
  [REPOSITORY_METHODS, isRepository],
  [MANAGER_METHODS, isManager],
  [COLLECTION_METHODS, isCollection],
];

/** Every method name a step before the write patterns can match (`mysqlObjectValue`, the tables, Drizzle's `values`/`set`). */
const TABLE_METHODS: ReadonlySet<string> = new Set([
  'query',
  'execute',
  'values',
  'set',
  ...CLIENT_METHODS,
  ...Object.keys(PRISMA_METHODS),
  ...Object.keys(KNEX_METHODS),
  ...Object.keys(DISTINCTIVE_METHODS),
  ...SHAPE_CANDIDATES.flatMap(([methods]) => Object.keys(methods)),
]);

/** The argument roles of a client the data-access model recognised. */
function clientTable(client: DbClient | undefined): Readonly<Record<string, Roles>> | undefined {
  switch (client?.role) {
    case 'model':
      return MODEL_METHODS;
    case 'repository':
      return REPOSITORY_METHODS;
    case 'manager':
      return MANAGER_METHODS;
    case 'document':
      return DOCUMENT_METHODS;
    default:
      return undefined;
  }
}

/** `new User(req.body)` of a Mongoose model: a class from a local module, or `mongoose.model(…)` kept in a constant. */
export function getModelConstructionArgument(node: TSESTree.NewExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | undefined {
  const callee = unwrapExpression(node.callee);
  const first = node.arguments[0];
  if (!first) return undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    // new this.userModel(dto)
    const name = getMemberName(callee);
    return name !== undefined && lastWord(name) === 'model' ? first : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.Identifier || !isPascalCase(callee.name) || BUILTIN_GLOBALS.has(callee.name)) return undefined;
  const scope = sourceCode.getScope(node);
  const binding = resolveImportBinding(callee, scope);
  if (binding) return isLocalModule(binding.source) ? first : undefined;
  const variable = ASTUtils.findVariable(scope, callee);
  const def = variable?.defs[0];
  if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const init = unwrapAwait(def.node.init);
    return init.type === AST_NODE_TYPES.CallExpression && getCalleeName(init) === 'model' ? first : undefined;
  }
  return undefined;
}

function byRoles(call: TSESTree.CallExpression, roles: Roles): DatabaseArgument[] {
  const found: DatabaseArgument[] = [];
  roles.forEach((role, index) => {
    const argument = call.arguments[index];
    if (role && argument && argument.type !== AST_NODE_TYPES.SpreadElement) found.push({ node: argument, role });
  });
  return found;
}

/** `prisma.user`, `tx.post`, `this.prisma.user`, `db.user`: a model delegate on a client (not `this.userModel`). */
function isPrismaDelegate(receiver: TSESTree.Node): boolean {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.computed) return false;
  const object = unwrapExpression(receiver.object);
  return object.type !== AST_NODE_TYPES.ThisExpression;
}

function isPrismaClientName(receiver: TSESTree.Node): boolean {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression) return false;
  const client = unwrapExpression(receiver.object);
  const name = client.type === AST_NODE_TYPES.Identifier ? client.name : client.type === AST_NODE_TYPES.MemberExpression ? getMemberName(client) : undefined;
  return name !== undefined && splitWords(name).some((word) => PRISMA_CLIENT_WORDS.includes(word));
}

function isModel(receiver: TSESTree.Node): boolean {
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    return (isPascalCase(receiver.name) && !BUILTIN_GLOBALS.has(receiver.name)) || lastWord(receiver.name) === 'model';
  }
  if (receiver.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberName(receiver);
    return name !== undefined && lastWord(name) === 'model';
  }
  return false;
}

function isRepository(receiver: TSESTree.Node): boolean {
  if (receiver.type === AST_NODE_TYPES.CallExpression) return getCalleeName(receiver) === 'getRepository';
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? getMemberName(receiver) : undefined;
  if (name === undefined) return false;
  const last = lastWord(name);
  return last === 'repository' || last === 'repo';
}

function isManager(receiver: TSESTree.Node): boolean {
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? getMemberName(receiver) : undefined;
  return name !== undefined && MANAGER_NAMES.includes(name);
}

function isCollection(receiver: TSESTree.Node): boolean {
  if (receiver.type === AST_NODE_TYPES.CallExpression) return getCalleeName(receiver) === 'collection';
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? getMemberName(receiver) : undefined;
  return name !== undefined && lastWord(name) === 'collection';
}

function isCallNamed(node: TSESTree.Node, names: readonly string[]): boolean {
  const target = unwrapAwait(node);
  return target.type === AST_NODE_TYPES.CallExpression && names.includes(getCalleeName(target) ?? '');
}

/** `knex('users')`, `trx('users')`, `db.table('users')`, `knex.into('users').where(…)`. */
function isKnexBuilder(node: TSESTree.Node): boolean {
  let current = unwrapAwait(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    const first = current.arguments[0];
    const tableArgument = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string';
    if (callee.type === AST_NODE_TYPES.Identifier) return tableArgument;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = getMemberName(callee);
    if (name === undefined || !KNEX_CHAIN_METHODS.includes(name)) return false;
    if (tableArgument && (name === 'table' || name === 'into' || name === 'from')) return true;
    current = unwrapAwait(callee.object);
  }
  return false;
}

/** `conn.query('INSERT INTO users SET ?', req.body)`: the value bound to `SET ?`. */
function mysqlObjectValue(call: TSESTree.CallExpression, method: string, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | undefined {
  if (method !== 'query' && method !== 'execute') return undefined;
  const [sqlNode, values] = call.arguments;
  if (!sqlNode || !values || values.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const text = getConstantSqlText(sourceCode, sqlNode);
  const match = /\bSET\s+\?(?!\?)/i.exec(text);
  if (!match) return undefined;
  const index = (text.slice(0, match.index).match(/(?<!\?)\?(?!\?)/gu) ?? []).length;
  const target = unwrapExpression(values);
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    const element = target.elements[index];
    return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : undefined;
  }
  return index === 0 ? values : undefined;
}

function isPascalCase(name: string): boolean {
  return /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/u.test(name);
}

function lastWord(name: string): string | undefined {
  const words = splitWords(name);
  return words[words.length - 1];
}

function isLocalModule(source: string): boolean {
  return source.startsWith('.') || source.startsWith('@/') || source.startsWith('~/') || source.startsWith('src/');
}
