/**
 * The data-access model: which expressions are database clients, what a call does to the database
 * (read, write, transaction control), whether it runs inside a transaction, and which loop repeats it.
 *
 * Clients are recognised, most precise first:
 * 1. Tracked imports. Values created by the client factories of node-postgres, mysql/mysql2,
 *    postgres.js/Neon/@vercel/postgres, Prisma, Drizzle, Knex, TypeORM, Sequelize, Mongoose and
 *    ioredis/node-redis/Upstash (`new Pool()`, `drizzle(pool)`, `mongoose.model('User', s)`), or
 *    typed / injected as their classes (`client: PoolClient`, `tx: Prisma.TransactionClient`,
 *    `@InjectRepository(User) repo`). They are followed through locals, class members (`this.pool`),
 *    derived handles (`await pool.connect()`, `dataSource.getRepository(User)`) and transaction
 *    callbacks (`prisma.$transaction(async (tx) => …)`). Import resolution is `resolveImportBinding`
 *    from `modules.ts`: ESM named/default/namespace/aliased imports, `require`, destructuring.
 * 2. Name-and-shape heuristics, only for receivers whose origin cannot be seen (imported from a local
 *    or unknown module, a parameter, `ctx.db`, an unresolved `this.x`): a receiver named like a client
 *    AND a call shape typical of one library. `db.user.findMany()` is Prisma, `db.select().from(t)`
 *    Drizzle, `db('users').where()` Knex, `pool.query('SELECT …')` SQL, `userRepository.findOneBy()`
 *    TypeORM, `redis.set()` Redis, `User.findAll()` a model imported from a `models/` module.
 *    A method name alone never makes a database call: `router.delete()`, `map.delete()`,
 *    `cache.set()`, `array.find()` are not.
 * 3. Configured repository-method patterns (`storage.create*`) for apps that wrap their ORM.
 *
 * Build the model once per file with {@link getDataAccess}; every lookup is memoised and lazy (no
 * whole-file walk): a call is classified from its own member chain and the definitions of the names
 * in it.
 *
 * Blind spots, by design or not yet covered: clients passed through function parameters without a
 * type or a client-like name; models/clients kept in objects or maps (`this.repos[name]`); a query
 * built in one function and run in another; `Promise.all` over a pre-built array of queries;
 * iteration through named callbacks (`items.map(loadUser)`) or p-map/async helpers; the native
 * `mongodb` driver, Supabase, MikroORM, better-sqlite3 (except through Drizzle), DynamoDB;
 * multi-statement SQL strings (only the first statement counts); a `BEGIN` issued in a helper.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  CASTS_AND_CHAINS,
  climbThrough,
  enclosingClassBody,
  findProperty,
  type FunctionNode,
  getDottedName,
  getMemberName,
  hasSpread,
  isFunctionNode,
  unwrapAwait,
  unwrapExpression,
  variableInitializer,
} from './ast.js';
import { resolveImportBinding } from './modules.js';
import { getVariableNamesInitialisedWith } from './variables.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/**
 * The library behind a client. `mysql` covers `mysql`, `mysql2` and `mysql2/promise`; `postgres`
 * covers the tagged-template SQL clients (postgres.js, Neon's `neon()`, `sql` of @vercel/postgres);
 * `repository` is a configured repository-method pattern.
 */
export type DbLibrary =
  | 'pg'
  | 'mysql'
  | 'postgres'
  | 'prisma'
  | 'drizzle'
  | 'knex'
  | 'typeorm'
  | 'sequelize'
  | 'mongoose'
  | 'redis'
  | 'repository';

export type DbCallKind = 'read' | 'write' | 'transaction' | 'unknown';

/** `tracked`: the client's origin was seen; `heuristic`: name and call shape; `pattern`: a configured method pattern. */
export type DbConfidence = 'tracked' | 'heuristic' | 'pattern';

/** For `kind: 'transaction'`: a scope (`$transaction(cb)`) or a control statement (`BEGIN`, `commit()`). */
export type TransactionControl = 'scope' | 'begin' | 'commit' | 'rollback' | 'savepoint';

/**
 * What a client value is: `pool`/`client` (pg, mysql, Prisma, Redis, postgres.js), `db` (Drizzle,
 * Knex, a Sequelize instance, a Mongoose connection), TypeORM `dataSource`/`manager`/`repository`/
 * `queryRunner`/`queryBuilder`, `model` and `document` (Sequelize, Mongoose), Mongoose `session`,
 * Sequelize `transaction` (the `t` passed as `{ transaction: t }`).
 */
export type ClientRole =
  | 'pool'
  | 'client'
  | 'db'
  | 'dataSource'
  | 'manager'
  | 'repository'
  | 'queryRunner'
  | 'queryBuilder'
  | 'model'
  | 'document'
  | 'session'
  | 'transaction';

export interface DbClient {
  library: DbLibrary;
  role: ClientRole;
  /** The model or entity, when the client is bound to one (`getRepository(User)`, `mongoose.model('User')`). */
  model?: string;
  /** A transaction handle: `tx` of a transaction callback, `await knex.transaction()`, `tx: Prisma.TransactionClient`. */
  isTransaction?: boolean;
  confidence: Exclude<DbConfidence, 'pattern'>;
}

/** A place in this file where a client is created (`new Pool(…)`, `createClient(…)`, `drizzle(…)`). */
export interface DbClientCreation {
  library: DbLibrary;
  role: ClientRole;
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The options object literal, when one is passed (inline or through a `const`). */
  options?: TSESTree.ObjectExpression;
  model?: string;
}

/** A call to the database, as {@link DataAccess.classifyCall} sees it. */
export interface DbCall {
  /** The call (or tagged template, for `` sql`…` `` and `` prisma.$queryRaw`…` ``). For a builder chain, its last call. */
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  library: DbLibrary;
  kind: DbCallKind;
  /** The operation: `findMany`, `query`, `select`, `insert`, `set`, `createReceipt`… */
  method: string;
  /** Prisma model, Drizzle/Knex/SQL table, TypeORM entity, Sequelize/Mongoose model, when known. */
  model?: string;
  /** For reads: whether it may return many rows (false for `findUnique`, `SELECT COUNT(*)`, `WHERE id = $1`). */
  isList?: boolean;
  /** For list reads: whether a row limit is given (`take`, `.limit()`, `LIMIT`); undefined when it cannot be told. */
  hasLimit?: boolean;
  /** The expression giving the limit (`take: n`, `.limit(n)`, the pg parameter of `LIMIT $2`), for cap checks. */
  limit?: TSESTree.Node;
  /** Upper-case SQL keyword (`SELECT`, `INSERT`, `BEGIN`) or Redis command (`KEYS`, `SET`, `HSET`). */
  command?: string;
  /** The static SQL text, `${…}` standing for interpolations. */
  sql?: string;
  /** The argument carrying the SQL text. */
  sqlNode?: TSESTree.Node;
  /** For `kind: 'transaction'`. */
  transaction?: TransactionControl;
  /** Whether it reads or writes a set in one go (`{ in: ids }`, `inArray`, `whereIn`, `$in`, `IN (…)`, `createMany`). */
  isBatched?: boolean;
  /** The receiver recognised as the client (`prisma`, `this.pool`, `tx`, `User`). */
  receiver: TSESTree.Node;
  client: DbClient;
  confidence: DbConfidence;
}

export interface TransactionScope {
  /**
   * `callback`: inside a function passed to a transaction (`$transaction(async (tx) => …)`,
   * `db.transaction(…)`, a `withTransaction(…)` helper); `array`: an element of `$transaction([…])`;
   * `region`: between `BEGIN`/`startTransaction()` and `COMMIT`/`commitTransaction()` in one function;
   * `handle`: a call on a transaction handle (`tx.user.create()` in a helper taking `tx`);
   * `option`: a call given the transaction (`{ transaction: t }`, `.transacting(trx)`, `{ session }`).
   */
  kind: 'callback' | 'array' | 'region' | 'handle' | 'option';
  /** The transaction call, the `BEGIN` call, the handle, or the option. */
  node: TSESTree.Node;
}

export interface LoopInfo {
  /** The loop statement, or the iteration call (`items.map(…)`). */
  node: TSESTree.Node;
  kind: 'for' | 'for-in' | 'for-of' | 'while' | 'do-while' | 'callback';
  /** For callbacks: `map`, `forEach`, `from` (`Array.from(x, fn)`)… */
  method?: string;
  callback?: FunctionNode;
  /** What is iterated: the `for…of`/`for…in` right side, the callback's receiver array. */
  iterable?: TSESTree.Node;
  /** The number of iterations when it is fixed in the code (`[a, b, c]`, `for (let i = 0; i < 3; i++)`). */
  staticLength?: number;
  /** Iterations run concurrently: `Promise.all(items.map(async …))`. */
  concurrent: boolean;
  /** `for await (…)`. */
  isAwait: boolean;
  /** The per-iteration variables: the loop variable(s), or the callback's element and index parameters. */
  variables: readonly TSESLint.Scope.Variable[];
}

export interface DataAccessOptions {
  /** Glob-like patterns of repository/storage methods that write (`storage.create*`, `*Repository.update*`, `*.save`). */
  writeMethods?: readonly string[];
  /** Glob-like patterns of repository/storage methods that read (`storage.get*`, `*Repository.find*`). */
  readMethods?: readonly string[];
}

const REPOSITORY_RECEIVERS = ['storage', '*Repository', '*Repo'];

/** Default write patterns: the `storage` object of Replit/Express templates and hand-written `*Repository` classes. */
export const DEFAULT_WRITE_METHODS: readonly string[] = REPOSITORY_RECEIVERS.flatMap((receiver) =>
  ['create*', 'update*', 'delete*', 'insert*', 'upsert*', 'remove*', 'save*', 'bulk*'].map((verb) => `${receiver}.${verb}`),
);
/** Default read patterns, same receivers as {@link DEFAULT_WRITE_METHODS}. */
export const DEFAULT_READ_METHODS: readonly string[] = REPOSITORY_RECEIVERS.flatMap((receiver) =>
  ['get*', 'find*', 'list*', 'count*', 'search*'].map((verb) => `${receiver}.${verb}`),
);

/** JSON schema of {@link DataAccessOptions}, for rules that expose them. */
export const dataAccessOptionsSchema = {
  writeMethods: {
    type: 'array',
    items: { type: 'string' },
    uniqueItems: true,
    description:
      'Repository or storage methods that write to the database, as patterns on the callee where `*` matches within one name: `storage.create*`, `*Repository.update*`, `*.save`. Replaces the default list (`storage.create*`, `*Repository.update*`, …).',
  },
  readMethods: {
    type: 'array',
    items: { type: 'string' },
    uniqueItems: true,
    description:
      'Repository or storage methods that read from the database, as patterns on the callee: `storage.get*`, `*Repository.find*`. Replaces the default list.',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Library knowledge
// ---------------------------------------------------------------------------------------------

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
const NO_NAMES: ReadonlySet<string> = new Set();
/** Initialisers a builder variable can have, for `expandChain` to splice in: a call or a member chain. */
const BUILDER_INITS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.MemberExpression]);
/** Builder terminals that render the query instead of running it. */
const NON_EXECUTING = new Set(['toSQL', 'toString', 'toQuery', 'getSQL', 'getQuery', 'getSql', 'prepare', 'toSql', 'getFilter']);

const PRISMA_READ_LIST = new Set(['findMany', 'groupBy', 'findRaw', 'aggregateRaw']);
const PRISMA_READ_ONE = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'count', 'aggregate']);
const PRISMA_WRITE = new Set([
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete',
  'deleteMany',
]);
const PRISMA_TOP = new Set(['$transaction', '$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe', '$runCommandRaw']);
const PRISMA_LIFECYCLE = new Set(['$connect', '$disconnect', '$on', '$use', '$extends', '$metrics']);

const DRIZZLE_SELECT = new Set(['select', 'selectDistinct', 'selectDistinctOn']);
const DRIZZLE_WRITE = new Set(['insert', 'update', 'delete']);
const DRIZZLE_RAW = new Set(['execute', 'run', 'all', 'get', 'values']);
const AGGREGATE_CALL = /^(?:count|countDistinct|sum|sumDistinct|avg|avgDistinct|min|max)$/u;

const KNEX_WRITE = new Set(['insert', 'update', 'del', 'delete', 'truncate', 'upsert', 'increment', 'decrement']);
const KNEX_AGGREGATE = new Set(['count', 'countDistinct', 'min', 'max', 'sum', 'sumDistinct', 'avg', 'avgDistinct']);
const KNEX_BUILDER = new Set([
  ...KNEX_WRITE,
  ...KNEX_AGGREGATE,
  'select', 'first', 'pluck', 'from', 'into', 'table', 'as', 'column', 'columns', 'distinct', 'distinctOn', 'with', 'withRecursive',
  'where', 'andWhere', 'orWhere', 'whereNot', 'andWhereNot', 'orWhereNot', 'whereIn', 'orWhereIn', 'whereNotIn', 'orWhereNotIn',
  'whereNull', 'orWhereNull', 'whereNotNull', 'orWhereNotNull', 'whereBetween', 'whereNotBetween', 'whereExists', 'whereNotExists',
  'whereRaw', 'orWhereRaw', 'whereLike', 'whereILike', 'whereJsonPath', 'whereJsonObject', 'join', 'innerJoin', 'leftJoin',
  'leftOuterJoin', 'rightJoin', 'rightOuterJoin', 'fullOuterJoin', 'crossJoin', 'joinRaw', 'orderBy', 'orderByRaw', 'groupBy',
  'groupByRaw', 'having', 'havingRaw', 'havingIn', 'limit', 'offset', 'returning', 'onConflict', 'merge', 'ignore', 'forUpdate',
  'forShare', 'skipLocked', 'noWait', 'modify', 'clearSelect', 'clearWhere', 'clearOrder', 'union', 'unionAll', 'transacting',
  'timeout', 'options', 'clone', 'jsonExtract', 'hintComment',
]);
const KNEX_STARTERS = new Set([...KNEX_BUILDER].filter((name) => !['as', 'transacting', 'timeout', 'options', 'clone'].includes(name)));

const TYPEORM_READ_LIST = new Set(['find', 'findBy', 'findAndCount', 'findAndCountBy', 'findByIds']);
const TYPEORM_READ_ONE = new Set([
  'findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findOneById', 'count', 'countBy', 'exist', 'exists', 'existsBy',
  'sum', 'average', 'minimum', 'maximum',
]);
const TYPEORM_WRITE = new Set([
  'save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'recover', 'increment',
  'decrement', 'clear', 'updateAll', 'deleteAll',
]);
const QB_LIST = new Set(['getMany', 'getManyAndCount', 'getRawMany', 'getRawAndEntities', 'stream']);
const QB_ONE = new Set(['getOne', 'getOneOrFail', 'getRawOne', 'getCount', 'getExists', 'getExist']);
const QB_WRITE_STEPS = new Set(['insert', 'update', 'delete', 'softDelete', 'restore', 'relation']);

const SEQUELIZE_READ_LIST = new Set(['findAll', 'findAndCountAll']);
const SEQUELIZE_READ_ONE = new Set(['findOne', 'findByPk', 'count', 'max', 'min', 'sum', 'aggregate']);
const SEQUELIZE_WRITE = new Set([
  'create', 'bulkCreate', 'update', 'destroy', 'upsert', 'increment', 'decrement', 'truncate', 'restore', 'findOrCreate',
  'findCreateFind',
]);
const SEQUELIZE_INSTANCE_WRITE = new Set(['save', 'update', 'destroy', 'increment', 'decrement', 'restore']);

const MONGOOSE_READ_LIST = new Set(['find', 'aggregate', 'distinct']);
const MONGOOSE_READ_ONE = new Set(['findOne', 'findById', 'countDocuments', 'estimatedDocumentCount', 'exists', 'count']);
const MONGOOSE_WRITE = new Set([
  'create', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndUpdate',
  'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'findByIdAndRemove',
  'bulkWrite', 'bulkSave', 'remove', 'update',
]);
const MONGOOSE_DOCUMENT_WRITE = new Set(['save', 'deleteOne', 'remove', 'updateOne', 'update', 'replaceOne']);
const MONGOOSE_QUERY_HELPERS = new Set([
  'limit', 'skip', 'sort', 'lean', 'exec', 'select', 'populate', 'where', 'equals', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'ne',
  'or', 'and', 'nor', 'regex', 'elemMatch', 'session', 'hint', 'collation', 'cursor', 'orFail', 'setOptions', 'projection',
  'batchSize', 'maxTimeMS', 'read', 'allowDiskUse', 'explain', 'countDocuments', 'transform', 'comment', 'slice', 'size', 'all',
  'mod', 'near', 'within', 'populated', 'match', 'group', 'project', 'unwind', 'lookup', 'addFields', 'facet', 'option',
]);

/** Methods that exist on only one of the model libraries, to tell an imported model's library. */
const SEQUELIZE_ONLY = new Set(['findAll', 'findAndCountAll', 'findByPk', 'bulkCreate', 'destroy', 'findOrCreate', 'upsert', 'increment', 'decrement', 'truncate', 'max', 'min', 'sum']);
const TYPEORM_ACTIVE_RECORD_ONLY = new Set(['findBy', 'findOneBy', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'countBy', 'existsBy', 'save', 'softRemove']);
const MODEL_METHODS = new Set([
  ...SEQUELIZE_READ_LIST,
  ...SEQUELIZE_READ_ONE,
  ...SEQUELIZE_WRITE,
  ...MONGOOSE_READ_LIST,
  ...MONGOOSE_READ_ONE,
  ...MONGOOSE_WRITE,
  ...TYPEORM_ACTIVE_RECORD_ONLY,
]);

const REDIS_READ = new Set([
  'get', 'mget', 'getrange', 'strlen', 'exists', 'ttl', 'pttl', 'type', 'keys', 'scan', 'sscan', 'hscan', 'zscan', 'hget', 'hmget',
  'hgetall', 'hkeys', 'hvals', 'hlen', 'hexists', 'hstrlen', 'hrandfield', 'smembers', 'sismember', 'smismember', 'scard', 'srandmember',
  'sinter', 'sunion', 'sdiff', 'zrange', 'zrangebyscore', 'zrevrange', 'zrevrangebyscore', 'zrangebylex', 'zscore', 'zmscore', 'zcard',
  'zcount', 'zrank', 'zrevrank', 'lrange', 'llen', 'lindex', 'lpos', 'xrange', 'xrevrange', 'xread', 'xlen', 'xinfo', 'dbsize',
  'pfcount', 'getbit', 'bitcount', 'geopos', 'geodist', 'geosearch', 'georadius', 'randomkey', 'object', 'dump',
]);
const REDIS_WRITE = new Set([
  'set', 'setex', 'psetex', 'setnx', 'mset', 'msetnx', 'getset', 'getdel', 'getex', 'append', 'setrange', 'incr', 'incrby',
  'incrbyfloat', 'decr', 'decrby', 'del', 'unlink', 'expire', 'pexpire', 'expireat', 'pexpireat', 'persist', 'rename', 'renamenx',
  'copy', 'hset', 'hmset', 'hsetnx', 'hdel', 'hincrby', 'hincrbyfloat', 'sadd', 'srem', 'spop', 'smove', 'sinterstore',
  'sunionstore', 'sdiffstore', 'zadd', 'zrem', 'zincrby', 'zpopmin', 'zpopmax', 'zremrangebyscore', 'zremrangebyrank',
  'zremrangebylex', 'zunionstore', 'zinterstore', 'lpush', 'rpush', 'lpushx', 'rpushx', 'lpop', 'rpop', 'lset', 'lrem', 'ltrim',
  'linsert', 'lmove', 'blpop', 'brpop', 'blmove', 'rpoplpush', 'brpoplpush', 'xadd', 'xdel', 'xtrim', 'xack', 'xgroup',
  'flushdb', 'flushall', 'publish', 'pfadd', 'pfmerge', 'setbit', 'geoadd', 'restore', 'touch',
]);
const REDIS_GENERIC = new Set(['sendcommand', 'send_command', 'call', 'callbuffer']);
const REDIS_LIFECYCLE = new Set(['connect', 'disconnect', 'quit', 'on', 'once', 'off', 'duplicate', 'pipeline', 'isready', 'isopen', 'ping']);

const SQL_READ = new Set(['SELECT', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'VALUES', 'TABLE']);
const SQL_WRITE = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'UPSERT', 'MERGE', 'REPLACE', 'TRUNCATE', 'CREATE', 'ALTER', 'DROP', 'RENAME', 'GRANT',
  'REVOKE', 'COPY', 'LOAD', 'COMMENT', 'REFRESH', 'REINDEX',
]);
const SQL_OTHER = new Set(['CALL', 'EXEC', 'EXECUTE', 'DO', 'SET', 'LOCK', 'VACUUM', 'ANALYZE', 'LISTEN', 'NOTIFY', 'PREPARE', 'DEALLOCATE', 'USE', 'PRAGMA']);
const SQL_TRANSACTION: Readonly<Record<string, TransactionControl>> = {
  BEGIN: 'begin',
  START: 'begin',
  COMMIT: 'commit',
  END: 'commit',
  ROLLBACK: 'rollback',
  ABORT: 'rollback',
  SAVEPOINT: 'savepoint',
  RELEASE: 'savepoint',
};

const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
const MUTATING_ARRAY_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'fill', 'copyWithin', 'length']);
/** What the text of a file with a `BEGIN`…`COMMIT` region must hold (see `transactionRegions`). */
const REGION_WORDS = /begin|start|\\[ux0-7]/i;
const TRANSACTION_HELPER = /^(?:\$?transaction|(?:with|within|run|runIn|in|doIn|executeIn|use)Transaction|transactional)$/iu;

/*
 * Receiver names for the heuristics (last name of the receiver: `db`, `this.prisma`, `ctx.db`), each
 * paired with a call shape in `guessClient`:
 *   Prisma   prisma*, *prisma, db, database, client, tx, trx   + `.<model>.<prismaMethod>()` or `.$transaction/$queryRaw…()`
 *   Drizzle  *db, database, drizzle, tx, trx                    + `.select().from(table)`, `.insert(t).values()`, `.update(t).set()`, `.delete(t).where()`, `.query.<t>.findMany()`
 *   Knex     knex, *knex, *db, database, tx, trx                + `x('table').<builder>()`, `.select().from('table')`, `.raw()`
 *   SQL      *pool, *client, *db, *conn(ection), pg, mysql, sql  + `.query/.execute(<text that starts with a SQL keyword>)`
 *   TypeORM  repo*, *repo, *repository; manager, em; *dataSource; *queryRunner   + TypeORM method names
 *   Redis    redis, redisClient…, *Redis                         + Redis command names
 *   Models   Capitalised import from a models/schemas/entities/db module, *Model, `db.User`, `models.User` + model statics
 * `tx`/`trx`/`transaction` receivers count as transaction handles.
 */
const PRISMA_NAMES = /^(?:prisma\w*|\w*prisma|db|database|client|tx|trx|transaction)$/iu;
const DRIZZLE_NAMES = /^(?:\w*db|database|drizzle|tx|trx|transaction)$/iu;
const KNEX_NAMES = /^(?:knex|\w*knex|\w*db|database|tx|trx|transaction)$/iu;
const SQL_NAMES = /^(?:\w*pool|\w*client|\w*db|database|\w*conn|\w*connection|pg|mysql|sql|tx|trx)$/iu;
const REPOSITORY_NAMES = /(?:^repo|repo$|repository$)/iu;
const MANAGER_NAMES = /^(?:manager|entityManager|em)$/iu;
const DATA_SOURCE_NAMES = /^(?:\w*dataSource|connection)$/iu;
const QUERY_RUNNER_NAMES = /queryRunner$/iu;
const REDIS_NAMES = /^(?:redis(?:Client|Connection|Cluster|Pub|Sub)?|\w*Redis)$/iu;
const TRANSACTION_NAMES = /^(?:tx|trx|transaction)$/iu;
/**
 * Any of the case-insensitive client-name patterns above (and `sequelize`), as one expression: most
 * names (`res`, `router`, `items`) match none, and are rejected with one test instead of eleven.
 */
const ANY_CLIENT_NAME = new RegExp(
  [PRISMA_NAMES, DRIZZLE_NAMES, KNEX_NAMES, /^sequelize$/iu, DATA_SOURCE_NAMES, MANAGER_NAMES, SQL_NAMES, REPOSITORY_NAMES, QUERY_RUNNER_NAMES, REDIS_NAMES, TRANSACTION_NAMES]
    .map((pattern) => `(?:${pattern.source})`)
    .join('|'),
  'iu',
);
// Bits of `nameFlags`: which of the name patterns above a receiver's name matches.
const NAME_PRISMA = 1;
const NAME_DRIZZLE = 2;
const NAME_KNEX = 4;
const NAME_SEQUELIZE = 8;
const NAME_DATA_SOURCE = 16;
const NAME_MANAGER = 32;
const NAME_SQL = 64;
const NAME_REPOSITORY = 128;
const NAME_QUERY_RUNNER = 256;
const NAME_REDIS = 512;
const NAME_MODEL = 1024;
const NAME_TRANSACTION = 2048;
const MODEL_PATH = /(?:^|[/\\])(?:models?|schemas?|entit(?:y|ies)|db)(?:[/\\.]|$)/iu;

const DYNAMIC = '\u0000';
const PRIMARY_KEY_LOOKUP = new RegExp(`(?:^|[\\s(])(?:\\w+\\.)?["\`]?id["\`]?\\s*=\\s*(?:\\$\\d+|\\?|:\\w+|@\\w+|${DYNAMIC}|\\d+)`, 'iu');
const MAX_DEPTH = 12;

/**
 * Name flags by name: a pure derived-value cache (a name always has the same flags) shared across
 * files, since the same receiver names (`res`, `router`, `db`, `Math`) come back in file after file.
 * Bounded: emptied when it reaches {@link MAX_CACHED_NAMES} distinct names.
 */
const nameFlagCache = new Map<string, number>();
const MAX_CACHED_NAMES = 4096;

/** Which client-name patterns `name` matches, as `NAME_*` bits. */
function nameFlags(name: string): number {
  let flags = nameFlagCache.get(name);
  if (flags === undefined) {
    // What `looksLikeModel` needs of the name.
    const model = /.Model$/u.test(name) || /^[A-Z]/u.test(name) ? NAME_MODEL : 0;
    flags = !ANY_CLIENT_NAME.test(name)
      ? model
      : (PRISMA_NAMES.test(name) ? NAME_PRISMA : 0) |
        (DRIZZLE_NAMES.test(name) ? NAME_DRIZZLE : 0) |
        (KNEX_NAMES.test(name) ? NAME_KNEX : 0) |
        (/^sequelize$/iu.test(name) ? NAME_SEQUELIZE : 0) |
        (DATA_SOURCE_NAMES.test(name) ? NAME_DATA_SOURCE : 0) |
        (MANAGER_NAMES.test(name) ? NAME_MANAGER : 0) |
        (SQL_NAMES.test(name) ? NAME_SQL : 0) |
        (REPOSITORY_NAMES.test(name) ? NAME_REPOSITORY : 0) |
        (QUERY_RUNNER_NAMES.test(name) ? NAME_QUERY_RUNNER : 0) |
        (REDIS_NAMES.test(name) ? NAME_REDIS : 0) |
        model |
        (TRANSACTION_NAMES.test(name) ? NAME_TRANSACTION : 0);
    if (nameFlagCache.size >= MAX_CACHED_NAMES) nameFlagCache.clear();
    nameFlagCache.set(name, flags);
  }
  return flags;
}

// ---------------------------------------------------------------------------------------------
// SQL text
// ---------------------------------------------------------------------------------------------

export interface SqlInfo {
  /** The statement's keyword, upper-case; for `WITH …`, the main statement's. Undefined when the text starts dynamic. */
  command: string | undefined;
  kind: DbCallKind;
  transaction?: TransactionControl;
  isList?: boolean;
  hasLimit?: boolean;
  table?: string;
  isBatched?: boolean;
  /** `n` of `LIMIT $n` (pg placeholders). */
  limitParameter?: number;
}

// SQL keyword patterns are case-insensitive without the `u` flag: V8 runs `\b` under `iu` on a
// slow path (10 to 50 times slower on query text), and the keywords are ASCII.

/**
 * Classifies SQL text by its first keyword: SELECT/WITH…SELECT/SHOW are reads, INSERT/UPDATE/DELETE/
 * MERGE/DDL writes (RETURNING does not change that), BEGIN/COMMIT/ROLLBACK transaction control.
 * A `\u0000` in `text` stands for an interpolated value.
 */
export function classifySql(text: string): SqlInfo {
  const body = stripSqlNoise(text);
  if (body.startsWith(DYNAMIC) || body === '') return { command: undefined, kind: 'unknown' };
  const first = /^[A-Za-z]+/u.exec(body)?.[0]?.toUpperCase();
  if (first === undefined) return { command: undefined, kind: 'unknown' };
  const top = topLevel(body);
  let command = first;
  if (first === 'WITH') {
    const main = /\b(SELECT|INSERT|UPDATE|DELETE|MERGE)\b/i.exec(top.slice(4))?.[1]?.toUpperCase();
    command = main ?? 'WITH';
    const modifies = /\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\S+\s+SET)\b/i.test(body);
    if (command === 'SELECT' && modifies) return { command, kind: 'write', table: sqlTable(command, top) };
  }
  const control = SQL_TRANSACTION[command];
  if (control !== undefined && (command !== 'START' || /^START\s+TRANSACTION\b/i.test(body))) {
    return { command, kind: 'transaction', transaction: control };
  }
  if (SQL_READ.has(command)) {
    const hasLimit = /\bLIMIT\b|\bFETCH\s+(?:FIRST|NEXT)\b|\bTOP\s*\(?\s*\d/i.test(top);
    const limitParameter = /\bLIMIT\s+\$(\d+)/i.exec(top)?.[1];
    return {
      command,
      kind: 'read',
      isList: command === 'SELECT' ? selectIsList(top) : command !== 'EXPLAIN',
      hasLimit,
      table: sqlTable(command, top),
      isBatched: /\bIN\s*\(|=\s*ANY\s*\(/i.test(body),
      ...(limitParameter === undefined ? {} : { limitParameter: Number(limitParameter) }),
    };
  }
  if (SQL_WRITE.has(command)) {
    return {
      command,
      kind: 'write',
      table: sqlTable(command, top),
      isBatched: /\bIN\s*\(|=\s*ANY\s*\(|\bVALUES\s*\([^]*?\)\s*,\s*\(|\bunnest\s*\(/i.test(body) || (command === 'INSERT' && /\bSELECT\b/i.test(top)),
    };
  }
  return { command, kind: 'unknown' };
}

function stripSqlNoise(text: string): string {
  let rest = text.trimStart();
  for (;;) {
    if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      rest = end === -1 ? '' : rest.slice(end + 1).trimStart();
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      rest = end === -1 ? '' : rest.slice(end + 2).trimStart();
    } else if (rest.startsWith('(')) {
      rest = rest.slice(1).trimStart();
    } else {
      return rest;
    }
  }
}

/**
 * The text with everything inside parentheses and string literals blanked, so subqueries and values
 * do not count. Each blanked character (code point) becomes one space; parentheses stay. Built from
 * slices of kept and blanked runs rather than one character at a time.
 */
function topLevel(text: string): string {
  let depth = 0;
  let quoted = false;
  let out = '';
  let runStart = 0;
  let runKept = true;
  let blanks = 0;
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index);
    const width = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    let keep: boolean;
    if (quoted) {
      if (code === 0x27) quoted = false;
      keep = false;
    } else if (code === 0x27) {
      quoted = true;
      keep = false;
    } else if (code === 0x28) {
      depth += 1;
      keep = true;
    } else if (code === 0x29) {
      depth = Math.max(0, depth - 1);
      keep = true;
    } else {
      keep = depth === 0;
    }
    if (keep !== runKept) {
      out += runKept ? text.slice(runStart, index) : ' '.repeat(blanks);
      runKept = keep;
      runStart = index;
      blanks = 0;
    }
    if (!keep) blanks += 1;
    index += width;
  }
  return out + (runKept ? text.slice(runStart) : ' '.repeat(blanks));
}

function selectIsList(top: string): boolean {
  const from = /\bFROM\b/i.exec(top);
  if (!from) return false;
  const hasGroupBy = /\bGROUP\s+BY\b/i.test(top);
  const list = top.slice(top.search(/\bSELECT\b/i) + 6, from.index);
  const items = list.split(',');
  if (!hasGroupBy && items.every((item) => AGGREGATE_ITEM.test(item))) return false;
  // A primary-key lookup returns one row: `WHERE id = $1`, `WHERE u.id = ?`.
  const where = /\bWHERE\b([^]*)$/i.exec(top)?.[1] ?? '';
  if (PRIMARY_KEY_LOOKUP.test(where) && !/\bOR\b/i.test(where)) return false;
  return true;
}

const AGGREGATE_ITEM = /^\s*(?:COUNT|SUM|AVG|MIN|MAX|BOOL_AND|BOOL_OR|EVERY|STRING_AGG|ARRAY_AGG|JSON_AGG|JSONB_AGG|GROUP_CONCAT|EXISTS)\s*\(\s*\)(?:\s*::\s*\w+)?(?:\s+(?:AS\s+)?[\w"`]+)?\s*$/iu;

const SQL_TABLE: Readonly<Record<string, RegExp>> = {
  SELECT: /\bFROM\s+([\w."`[\]]+)/i,
  INSERT: /^\s*INSERT\s+(?:IGNORE\s+)?INTO\s+([\w."`[\]]+)/iu,
  REPLACE: /^\s*REPLACE\s+INTO\s+([\w."`[\]]+)/iu,
  UPDATE: /\bUPDATE\s+(?:ONLY\s+)?([\w."`[\]]+)/i,
  DELETE: /\bDELETE\s+FROM\s+([\w."`[\]]+)/i,
  MERGE: /\bMERGE\s+INTO\s+([\w."`[\]]+)/i,
  TRUNCATE: /^\s*TRUNCATE\s+(?:TABLE\s+)?([\w."`[\]]+)/iu,
};

function sqlTable(command: string, top: string): string | undefined {
  const pattern = SQL_TABLE[command];
  const raw = pattern?.exec(top)?.[1];
  return raw === undefined ? undefined : raw.replace(/["`[\]]/gu, '');
}

function renderSql(text: string): string {
  return text.includes(DYNAMIC) ? text.split(DYNAMIC).join('${…}') : text;
}

// ---------------------------------------------------------------------------------------------
// Chains
// ---------------------------------------------------------------------------------------------

type Invocation = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

interface Segment {
  /** Property name (`.from`); undefined for a direct call (`knex('users')`) or a computed member. */
  name: string | undefined;
  /** The member expression, or for a direct call the callee. */
  node: TSESTree.Node;
  /** The call made on this segment. */
  call?: Invocation;
}

interface Chain {
  root: TSESTree.Node;
  segments: Segment[];
  /** The builder variable whose initialiser was spliced in (`const q = knex('t'); q.where()`). */
  expandedFrom?: TSESLint.Scope.Variable;
}

function isInvocation(node: TSESTree.Node): node is Invocation {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression;
}

function invocationArgs(node: Invocation): readonly TSESTree.Node[] {
  return node.type === AST_NODE_TYPES.CallExpression ? node.arguments : [node.quasi];
}

/** `db.select().from(t).limit(1)` → root `db`, segments `select()`, `from(t)`, `limit(1)`. */
function flattenChain(node: TSESTree.Node): Chain {
  // Collected from the end of the chain, then reversed: every call is flattened, so no `unshift`.
  const segments: Segment[] = [];
  let pending: Invocation | undefined;
  let current = unwrapExpression(node);
  for (;;) {
    if (isInvocation(current)) {
      if (pending) segments.push({ name: undefined, node: current, call: pending });
      pending = current;
      current = unwrapExpression(current.type === AST_NODE_TYPES.CallExpression ? current.callee : current.tag);
      continue;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getMemberName(current);
      segments.push(pending ? { name, node: current, call: pending } : { name, node: current });
      pending = undefined;
      current = unwrapExpression(current.object);
      continue;
    }
    if (pending) segments.push({ name: undefined, node: current, call: pending });
    segments.reverse();
    return { root: current, segments };
  }
}

/** The segments after the first `consumed` (those the client took); the chain's own array when none is taken. */
function restAfter(chain: Chain, consumed: number): readonly Segment[] {
  return consumed === 0 ? chain.segments : chain.segments.slice(consumed);
}

/** The prefixes of a chain that may be the client: the root, then each member before the first call. */
function clientCandidates(chain: Chain): { node: TSESTree.Node; consumed: number }[] {
  const list = [{ node: chain.root, consumed: 0 }];
  for (let index = 0; index < chain.segments.length; index += 1) {
    const segment = chain.segments[index];
    if (!segment || segment.call || segment.name === undefined) break;
    list.push({ node: segment.node, consumed: index + 1 });
  }
  return list;
}

/**
 * Whether a call's result is only the receiver of a further method call (`z.string().max(5)`,
 * `db.select().from(t)`), not of `then`/`catch`/`finally`: such a call is not the end of its chain
 * and {@link DataAccess.classifyCall} classifies it only as a Redis pipeline step. A cheap test
 * that lets a rule skip the classification of most calls.
 */
export function continuesChain(call: TSESTree.Node): boolean {
  const next = continuationOf(call);
  return next !== undefined && !PROMISE_METHODS.has(next);
}

/** The method called on the result of `call` right away (`call.then(…)` → `then`), if any. */
function continuationOf(call: TSESTree.Node): string | undefined {
  let child: TSESTree.Node = call;
  let parent = call.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== child) return undefined;
  const outer = parent.parent;
  if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== parent) return undefined;
  return getMemberName(parent);
}

/** Whether the value of `node` is dropped (`q.where(x);` as a statement). */
function valueIsDropped(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.parent?.type === AST_NODE_TYPES.ChainExpression || current.parent?.type === AST_NODE_TYPES.TSNonNullExpression) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

function nameOf(node: TSESTree.Node): string | undefined {
  const target = unwrapAwait(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return getMemberName(target);
  return undefined;
}

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return target.value;
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) return target.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `User`, `User.name`, `'User'`, `schema.users` → a model/table name. */
function entityName(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const target = unwrapExpression(node);
  const text = stringValue(target);
  if (text !== undefined) return text.split(/\s+as\s+/iu)[0]?.trim();
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberName(target);
    if (name === 'name' && target.object.type === AST_NODE_TYPES.Identifier) return target.object.name;
    return name;
  }
  return undefined;
}

function isFunctionArgument(node: TSESTree.Node | undefined): boolean {
  return node !== undefined && isFunctionNode(node);
}

function normalisePath(path: readonly string[]): string {
  const parts = path[0] === 'default' || path[0] === '*' ? path.slice(1) : [...path];
  if (parts[0] === 'default') parts.shift();
  return parts.join('.');
}

function isPrismaPackage(source: string): boolean {
  return source === '@prisma/client' || source.startsWith('@prisma/client/') || source === '.prisma/client' || source.startsWith('.prisma/client/');
}

const MYSQL_MODULES = new Set(['mysql', 'mysql2', 'mysql2/promise']);
const REDIS_MODULES = new Set(['ioredis', 'redis', '@redis/client', '@upstash/redis', '@vercel/kv']);

/** The library a package belongs to (only packages, never local modules). */
function libraryOfModule(source: string): DbLibrary | undefined {
  if (source === 'pg' || source === 'pg-pool' || source === '@neondatabase/serverless' || source === '@vercel/postgres') return 'pg';
  if (MYSQL_MODULES.has(source)) return 'mysql';
  if (source === 'postgres') return 'postgres';
  if (isPrismaPackage(source)) return 'prisma';
  if (source === 'drizzle-orm' || source.startsWith('drizzle-orm/')) return 'drizzle';
  if (source === 'knex') return 'knex';
  if (source === 'typeorm' || source === '@nestjs/typeorm') return 'typeorm';
  if (source === 'sequelize' || source === 'sequelize-typescript' || source === '@nestjs/sequelize') return 'sequelize';
  if (source === 'mongoose' || source === '@nestjs/mongoose' || source === '@typegoose/typegoose') return 'mongoose';
  if (REDIS_MODULES.has(source)) return 'redis';
  return undefined;
}

interface ClientKind {
  library: DbLibrary;
  role: ClientRole;
  isTransaction?: boolean;
}

/** What a factory or constructor imported from `source` as `path` creates. */
function creationKind(source: string, path: string, isNew: boolean): ClientKind | undefined {
  if (source === 'pg' || source === '@neondatabase/serverless') {
    if (isNew && path === 'Pool') return { library: 'pg', role: 'pool' };
    if (isNew && path === 'Client') return { library: 'pg', role: 'client' };
    if (!isNew && path === 'neon') return { library: 'postgres', role: 'client' };
  }
  if (source === 'pg-pool' && isNew && path === '') return { library: 'pg', role: 'pool' };
  if (source === '@vercel/postgres' && !isNew) {
    if (path === 'createPool') return { library: 'pg', role: 'pool' };
    if (path === 'createClient') return { library: 'pg', role: 'client' };
  }
  if (MYSQL_MODULES.has(source) && !isNew) {
    if (path === 'createPool' || path === 'createPoolCluster') return { library: 'mysql', role: 'pool' };
    if (path === 'createConnection') return { library: 'mysql', role: 'client' };
  }
  if (source === 'postgres' && !isNew && path === '') return { library: 'postgres', role: 'client' };
  if (/prisma/iu.test(source) && isNew && path === 'PrismaClient') return { library: 'prisma', role: 'client' };
  if (source.startsWith('drizzle-orm/') && !isNew && path === 'drizzle') return { library: 'drizzle', role: 'db' };
  if (source === 'knex' && !isNew && (path === '' || path === 'knex')) return { library: 'knex', role: 'db' };
  if ((source === 'sequelize' || source === 'sequelize-typescript') && isNew && path === 'Sequelize') return { library: 'sequelize', role: 'db' };
  if (source === 'typeorm') {
    if (isNew && (path === 'DataSource' || path === 'Connection')) return { library: 'typeorm', role: 'dataSource' };
    if (!isNew && (path === 'createConnection' || path === 'getConnection')) return { library: 'typeorm', role: 'dataSource' };
    if (!isNew && path === 'getManager') return { library: 'typeorm', role: 'manager' };
    if (!isNew && /^get(?:Tree|Mongo|Custom)?Repository$/u.test(path)) return { library: 'typeorm', role: 'repository' };
  }
  if (source === 'mongoose' && !isNew) {
    if (path === 'model') return { library: 'mongoose', role: 'model' };
    if (path === 'createConnection' || path === 'connect') return { library: 'mongoose', role: 'db' };
  }
  if (source === '@typegoose/typegoose' && !isNew && path === 'getModelForClass') return { library: 'mongoose', role: 'model' };
  if (source === 'ioredis' && isNew && ['', 'Redis', 'Cluster', 'Redis.Cluster', 'Cluster.Cluster'].includes(path)) return { library: 'redis', role: 'client' };
  if ((source === 'redis' || source === '@redis/client') && !isNew && (path === 'createClient' || path === 'createCluster')) {
    return { library: 'redis', role: 'client' };
  }
  if (source === '@upstash/redis' && ((isNew && path === 'Redis') || (!isNew && path === 'Redis.fromEnv'))) return { library: 'redis', role: 'client' };
  if (source === '@vercel/kv' && !isNew && path === 'createClient') return { library: 'redis', role: 'client' };
  return undefined;
}

/**
 * A word of every module {@link creationKind} knows: a client is created only from an import or a
 * require of one, whose string names it, so a file whose text has none of them creates no client.
 */
const CLIENT_MODULE_WORDS = /pg|postgres|neondatabase|mysql|prisma|drizzle-orm|knex|sequelize|typeorm|mongoose|typegoose|redis|@vercel\/kv/iu;

/** Values a package exports ready to use (`import { sql } from '@vercel/postgres'`, `import mongoose from 'mongoose'`). */
function exportedClientKind(source: string, path: string): ClientKind | undefined {
  if (source === '@vercel/postgres' && path === 'sql') return { library: 'postgres', role: 'client' };
  if (source === '@vercel/postgres' && path === 'db') return { library: 'pg', role: 'pool' };
  if (source === '@vercel/kv' && path === 'kv') return { library: 'redis', role: 'client' };
  if (source === 'mongoose' && (path === '' || path === 'connection')) return { library: 'mongoose', role: 'db' };
  return undefined;
}

/** What a value typed as `path` from `source` is (`PoolClient` from pg, `Prisma.TransactionClient`). */
function typeKind(source: string, path: string): ClientKind | undefined {
  const last = path.split('.').pop() ?? '';
  if (source === 'pg' || source === '@neondatabase/serverless') {
    if (path === 'Pool') return { library: 'pg', role: 'pool' };
    if (path === 'Client' || path === 'PoolClient') return { library: 'pg', role: 'client' };
  }
  if (source === '@vercel/postgres') {
    if (path === 'VercelPool') return { library: 'pg', role: 'pool' };
    if (path === 'VercelClient' || path === 'VercelPoolClient') return { library: 'pg', role: 'client' };
  }
  if (MYSQL_MODULES.has(source)) {
    if (path === 'Pool' || path === 'PoolCluster') return { library: 'mysql', role: 'pool' };
    if (path === 'Connection' || path === 'PoolConnection') return { library: 'mysql', role: 'client' };
  }
  if (source === 'postgres') {
    if (path === 'Sql') return { library: 'postgres', role: 'client' };
    if (path === 'TransactionSql') return { library: 'postgres', role: 'client', isTransaction: true };
  }
  if (/prisma/iu.test(source)) {
    if (path === 'PrismaClient') return { library: 'prisma', role: 'client' };
    if (last === 'TransactionClient') return { library: 'prisma', role: 'client', isTransaction: true };
  }
  if (source === 'drizzle-orm' || source.startsWith('drizzle-orm/')) {
    if (/Transaction$/u.test(last)) return { library: 'drizzle', role: 'db', isTransaction: true };
    if (/Database$/u.test(last)) return { library: 'drizzle', role: 'db' };
  }
  if (source === 'knex') {
    if (path === 'Knex.Transaction') return { library: 'knex', role: 'db', isTransaction: true };
    if (path === 'Knex' || path === 'knex.Knex') return { library: 'knex', role: 'db' };
  }
  if (source === 'typeorm') {
    if (path === 'DataSource' || path === 'Connection') return { library: 'typeorm', role: 'dataSource' };
    if (path === 'EntityManager') return { library: 'typeorm', role: 'manager' };
    if (/^(?:Tree|Mongo)?Repository$/u.test(path)) return { library: 'typeorm', role: 'repository' };
    if (path === 'QueryRunner') return { library: 'typeorm', role: 'queryRunner' };
    if (/QueryBuilder$/u.test(path)) return { library: 'typeorm', role: 'queryBuilder' };
  }
  if (source === 'sequelize' || source === 'sequelize-typescript') {
    if (path === 'Sequelize') return { library: 'sequelize', role: 'db' };
    if (path === 'Transaction') return { library: 'sequelize', role: 'transaction', isTransaction: true };
    if (path === 'ModelStatic' || path === 'ModelCtor') return { library: 'sequelize', role: 'model' };
  }
  if (source === 'mongoose') {
    if (path === 'Model') return { library: 'mongoose', role: 'model' };
    if (path === 'Connection' || path === 'Mongoose') return { library: 'mongoose', role: 'db' };
    if (path === 'ClientSession') return { library: 'mongoose', role: 'session' };
  }
  if (source === 'ioredis' && ['', 'Redis', 'Cluster'].includes(path)) return { library: 'redis', role: 'client' };
  if ((source === 'redis' || source === '@redis/client') && /^Redis(?:Client|Cluster)Type$/u.test(path)) return { library: 'redis', role: 'client' };
  if (source === '@upstash/redis' && path === 'Redis') return { library: 'redis', role: 'client' };
  return undefined;
}

/** NestJS injection decorators: `@InjectRepository(User)`, `@InjectModel(Cat.name)`, `@InjectRedis()`. */
function decoratorKind(source: string, name: string): ClientKind | undefined {
  if (source === '@nestjs/typeorm') {
    if (name === 'InjectRepository') return { library: 'typeorm', role: 'repository' };
    if (name === 'InjectDataSource' || name === 'InjectConnection') return { library: 'typeorm', role: 'dataSource' };
    if (name === 'InjectEntityManager') return { library: 'typeorm', role: 'manager' };
  }
  if (source === '@nestjs/mongoose') {
    if (name === 'InjectModel') return { library: 'mongoose', role: 'model' };
    if (name === 'InjectConnection') return { library: 'mongoose', role: 'db' };
  }
  if (source === '@nestjs/sequelize') {
    if (name === 'InjectModel') return { library: 'sequelize', role: 'model' };
    if (name === 'InjectConnection') return { library: 'sequelize', role: 'db' };
  }
  if (/(?:^|\/)nestjs-(?:modules\/ioredis|redis)$|^@nestjs-modules\/ioredis$/u.test(source) && name === 'InjectRedis') {
    return { library: 'redis', role: 'client' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/** What the classifiers tell of a call; the site supplies the rest of its {@link DbCall}. */
type Classified = Omit<DbCall, 'node' | 'library' | 'receiver' | 'client' | 'confidence'> & {
  library?: DbLibrary;
};

interface Site {
  node: Invocation;
  client: DbClient;
  receiver: TSESTree.Node;
  rest: readonly Segment[];
  /** Names of calls made on the builder variable elsewhere (`q.limit(10);`). */
  extra: ReadonlySet<string>;
}

interface Region {
  key: string | undefined;
  start: number;
  end: number;
  node: TSESTree.Node;
}

interface MethodPattern {
  source: string;
  parts: RegExp[];
}

function compilePattern(pattern: string): MethodPattern {
  const parts = pattern.split('.').map((part) => new RegExp(`^${partSource(part)}$`, 'u'));
  return { source: pattern, parts };
}

/** One dotted part of a pattern as a regular expression: `*` matches within the part. */
function partSource(part: string): string {
  return part.split('*').map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('[^.]*');
}

/**
 * Compiled pattern lists, by list text: a pure derived-value cache (the same list always compiles
 * to the same patterns), so each list is compiled once per process instead of once per file.
 */
const compiledPatternLists = new Map<string, PatternList>();

/** The same, by list object: the default lists and a config's lists come back as the same arrays. */
const compiledPatternArrays = new WeakMap<readonly string[], PatternList>();

interface PatternList {
  patterns: readonly MethodPattern[];
  /** The patterns' last parts in one expression: most calls are rejected by one test of their method name. */
  lastPart: RegExp;
  /** The patterns of each number of parts in one expression, tested on that many last names of a callee joined by dots. */
  tails: readonly { length: number; expression: RegExp }[];
}

function compilePatterns(patterns: readonly string[]): PatternList {
  const known = compiledPatternArrays.get(patterns);
  if (known) return known;
  const key = patterns.join('\n');
  let compiled = compiledPatternLists.get(key);
  if (!compiled) {
    const list = patterns.map(compilePattern);
    const lastParts = list.map((pattern) => pattern.parts[pattern.parts.length - 1]?.source).filter((source) => source !== undefined);
    // A part never holds a dot, and `*` matches no dot: over names joined by dots, each part of a
    // pattern still lines up with one name.
    const byLength = new Map<number, string[]>();
    for (const pattern of patterns) {
      const parts = pattern.split('.');
      byLength.set(parts.length, [...(byLength.get(parts.length) ?? []), parts.map(partSource).join('\\.')]);
    }
    compiled = {
      patterns: list,
      lastPart: lastParts.length === 0 ? /(?!)/u : new RegExp(lastParts.map((source) => `(?:${source})`).join('|'), 'u'),
      tails: [...byLength].map(([length, sources]) => ({ length, expression: new RegExp(`^(?:${sources.map((source) => `(?:${source})`).join('|')})$`, 'u') })),
    };
    compiledPatternLists.set(key, compiled);
  }
  compiledPatternArrays.set(patterns, compiled);
  return compiled;
}

/**
 * Whether a call of `method` can match one of `patterns`: its last dotted segment (the method name
 * itself, unless the name holds dots) against the patterns' last parts. `this` segments are
 * dropped from dotted names, so a method named `this` is left to the full match.
 */
function mayMatchPatterns(patterns: PatternList, method: string): boolean {
  const last = method.slice(method.lastIndexOf('.') + 1);
  return last === 'this' || patterns.lastPart.test(last);
}

/** Whether some pattern of the list matches the dotted callee: one test per number of parts. */
function matchesPatternList(patterns: PatternList, dotted: readonly string[]): boolean {
  for (const { length, expression } of patterns.tails) {
    if (dotted.length >= length && expression.test(dotted.slice(dotted.length - length).join('.'))) return true;
  }
  return false;
}

/**
 * The data-access model of one file. Construct it in a rule's `create` (or share one through
 * {@link getDataAccess}); it memoises per node and per variable and holds no state across files.
 */
export class DataAccess {
  private readonly calls = new Map<TSESTree.Node, DbCall | null>();
  private readonly variableClients = new Map<TSESLint.Scope.Variable, DbClient | null>();
  private readonly memberClients = new Map<TSESTree.ClassBody, Map<string, DbClient | null>>();
  private readonly regions = new Map<TSESTree.Node, Region[]>();
  private readonly sqlInfos = new Map<string, SqlInfo>();
  /** Identifier → the variable it names (null: a global or undeclared name). Every call asks for its chain's root, often twice. */
  private readonly variables = new Map<TSESTree.Identifier, TSESLint.Scope.Variable | null>();
  private readonly writePatterns: PatternList;
  private readonly readPatterns: PatternList;
  private evidence: Set<DbLibrary> | undefined;
  private namesClientModule: boolean | undefined;
  private mayHaveRegions: boolean | undefined;
  private depth = 0;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    options: DataAccessOptions = {},
  ) {
    this.writePatterns = compilePatterns(options.writeMethods ?? DEFAULT_WRITE_METHODS);
    this.readPatterns = compilePatterns(options.readMethods ?? DEFAULT_READ_METHODS);
  }

  // ----- clients -------------------------------------------------------------------------------

  /**
   * The client `node` evaluates to, when its origin can be seen: a tracked creation, a typed or
   * injected parameter/member, a handle derived from a client, a transaction callback's parameter.
   * Heuristic receivers (a `db` imported from a local module) need a call shape: see {@link classifyCall}.
   */
  getClient(node: TSESTree.Node): DbClient | undefined {
    if (this.depth > MAX_DEPTH || !this.namesClientModules()) return undefined;
    this.depth += 1;
    try {
      return this.resolveClient(node);
    } finally {
      this.depth -= 1;
    }
  }

  /** Whether a `new`/call expression creates a database client (`new Pool()`, `createClient()`, `drizzle()`). */
  getClientCreation(node: TSESTree.Node): DbClientCreation | undefined {
    if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (!this.namesClientModules()) return undefined;
    const binding = resolveImportBinding(node.callee, this.sourceCode.getScope(node));
    if (!binding) return undefined;
    const kind = creationKind(binding.source, normalisePath(binding.path), node.type === AST_NODE_TYPES.NewExpression);
    if (!kind) return undefined;
    const options = [...node.arguments].reverse().map((argument) => this.objectOf(argument)).find((object) => object !== undefined);
    const model = kind.role === 'model' || kind.role === 'repository' ? entityName(node.arguments[0]) : undefined;
    return { library: kind.library, role: kind.role, node, ...(options ? { options } : {}), ...(model === undefined ? {} : { model }) };
  }

  /**
   * Whether the file's text names a database package. Every client whose origin can be seen comes,
   * in the end, from an import or `require` of one (a creation, an exported client, a type, a NestJS
   * injection decorator, a model base class) or from a `…PrismaService` type: without one of those
   * words, {@link getClient} finds nothing, and most files are answered without a scope lookup.
   */
  private namesClientModules(): boolean {
    return (this.namesClientModule ??= CLIENT_MODULE_WORDS.test(this.sourceCode.text));
  }

  private resolveClient(node: TSESTree.Node): DbClient | undefined {
    const target = unwrapAwait(node);
    switch (target.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierClient(target);
      case AST_NODE_TYPES.MemberExpression: {
        if (target.object.type === AST_NODE_TYPES.ThisExpression) {
          const name = getMemberName(target);
          return name === undefined ? undefined : this.memberClient(target, name);
        }
        const name = getMemberName(target);
        const object = unwrapAwait(target.object);
        // `sequelize.models.User`, `mongoose.models.User`, `conn.models.User`
        if (object.type === AST_NODE_TYPES.MemberExpression && getMemberName(object) === 'models' && name !== undefined) {
          const owner = this.getClient(object.object);
          if (owner && owner.role === 'db' && (owner.library === 'sequelize' || owner.library === 'mongoose')) {
            return { library: owner.library, role: 'model', model: name, confidence: owner.confidence };
          }
        }
        const base = this.getClient(target.object);
        return base ? this.derive(base, name, undefined) : undefined;
      }
      case AST_NODE_TYPES.NewExpression: {
        const creation = this.getClientCreation(target);
        if (creation) return this.fromCreation(creation);
        const model = this.getClient(target.callee);
        if (model?.role === 'model') return { library: model.library, role: 'document', ...(model.model === undefined ? {} : { model: model.model }), confidence: model.confidence };
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const creation = this.getClientCreation(target);
        if (creation) return this.fromCreation(creation);
        const callee = unwrapExpression(target.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const base = this.getClient(callee.object);
          return base ? this.derive(base, getMemberName(callee), target) : undefined;
        }
        return undefined;
      }
      case AST_NODE_TYPES.LogicalExpression:
        return this.getClient(target.left) ?? this.getClient(target.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.getClient(target.consequent) ?? this.getClient(target.alternate);
      default:
        return undefined;
    }
  }

  private fromCreation(creation: DbClientCreation): DbClient {
    return {
      library: creation.library,
      role: creation.role,
      ...(creation.model === undefined ? {} : { model: creation.model }),
      confidence: 'tracked',
    };
  }

  /** A client reached from `base` by reading `name` or calling `base.name(…)`. */
  private derive(base: DbClient, name: string | undefined, call: Invocation | undefined): DbClient | undefined {
    const make = (library: DbLibrary, role: ClientRole, extra: Partial<DbClient> = {}): DbClient => ({ library, role, confidence: base.confidence, ...extra });
    const args = call ? invocationArgs(call) : [];
    const awaited = call !== undefined && unwrapParent(call)?.type === AST_NODE_TYPES.AwaitExpression;
    const model = base.model === undefined ? {} : { model: base.model };
    switch (base.library) {
      case 'pg':
        if (base.role === 'pool' && call && name === 'connect' && args.length === 0) return make('pg', 'client');
        return undefined;
      case 'mysql':
        if (base.role === 'pool' && call && name === 'getConnection') return make('mysql', 'client');
        if (call && name === 'promise') return make('mysql', base.role);
        return undefined;
      case 'prisma':
        return call && name === '$extends' ? base : undefined;
      case 'knex':
        return call && name === 'transaction' && !args.some(isFunctionArgument) ? make('knex', 'db', { isTransaction: true }) : undefined;
      case 'postgres':
        return call && name === 'reserve' ? base : undefined;
      case 'redis':
        return call && name === 'duplicate' ? base : undefined;
      case 'typeorm': {
        if (call && name !== undefined && /^get(?:Tree|Mongo|Custom)?Repository$|^withRepository$/u.test(name) && base.role !== 'repository') {
          const entity = entityName(args[0]);
          return make('typeorm', 'repository', entity === undefined ? {} : { model: entity });
        }
        if (!call && name === 'manager') return make('typeorm', 'manager');
        if (call && name === 'createQueryRunner') return make('typeorm', 'queryRunner');
        if (call && name === 'initialize' && base.role === 'dataSource') return base;
        if (call && name === 'createQueryBuilder') return make('typeorm', 'queryBuilder', model);
        if (call && base.role === 'queryBuilder' && name !== undefined && !QB_LIST.has(name) && !QB_ONE.has(name) && name !== 'execute') return base;
        return undefined;
      }
      case 'sequelize':
        if (base.role === 'db' && call && name === 'transaction' && !args.some(isFunctionArgument)) return make('sequelize', 'transaction', { isTransaction: true });
        if (base.role === 'db' && call && name === 'define') {
          const entity = entityName(args[0]);
          return make('sequelize', 'model', entity === undefined ? {} : { model: entity });
        }
        if (base.role === 'model' && call && awaited && name !== undefined && ['findByPk', 'findOne', 'create'].includes(name)) return make('sequelize', 'document', model);
        if (base.role === 'model' && call && name === 'build') return make('sequelize', 'document', model);
        return undefined;
      case 'mongoose':
        if (base.role === 'db' && call && name === 'model') {
          const entity = entityName(args[0]);
          return make('mongoose', 'model', entity === undefined ? {} : { model: entity });
        }
        if (base.role === 'db' && !call && name === 'connection') return base;
        if (base.role === 'db' && call && name === 'useDb') return base;
        if ((base.role === 'db' || base.role === 'model') && call && name === 'startSession') return make('mongoose', 'session');
        if (base.role === 'model' && call && awaited && name !== undefined && ['findById', 'findOne', 'create'].includes(name)) return make('mongoose', 'document', model);
        return undefined;
      default:
        return undefined;
    }
  }

  /** The variable `identifier` names, from its own scope: `findVariable(getScope(identifier), identifier)`, memoised. */
  private variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    let variable = this.variables.get(identifier);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
      this.variables.set(identifier, variable);
    }
    return variable ?? undefined;
  }

  /** `getConstInitializer(identifier, getScope(identifier))` through {@link variableOf}. */
  private constInitializer(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
    return variableInitializer(this.variableOf(identifier));
  }

  private identifierClient(node: TSESTree.Identifier): DbClient | undefined {
    const variable = this.variableOf(node);
    if (!variable) return undefined;
    if (this.variableClients.has(variable)) return this.variableClients.get(variable) ?? undefined;
    this.variableClients.set(variable, null); // cycle guard
    const found = this.variableClient(variable, node);
    this.variableClients.set(variable, found ?? null);
    return found;
  }

  private variableClient(variable: TSESLint.Scope.Variable, use: TSESTree.Identifier): DbClient | undefined {
    const def = variable.defs[0];
    if (!def) return undefined;
    switch (def.type) {
      case 'ImportBinding': {
        const binding = resolveImportBinding(use, this.sourceCode.getScope(use));
        const kind = binding && exportedClientKind(binding.source, normalisePath(binding.path));
        return kind ? { ...kind, confidence: 'tracked' } : undefined;
      }
      case 'Variable': {
        const declarator = def.node;
        if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
        const typed = this.clientFromType(declarator.id.typeAnnotation?.typeAnnotation, declarator.id);
        if (typed) return typed;
        const writes = variable.references.filter((reference) => reference.isWrite());
        if (writes.length > 1) return undefined;
        const value = declarator.init ?? writes[0]?.writeExpr ?? undefined;
        return value ? this.getClient(value) : undefined;
      }
      case 'Parameter':
        return this.parameterClient(def.node, def.name as TSESTree.Identifier);
      case 'ClassName': {
        const classNode = def.node;
        if (!classNode.superClass) return undefined;
        const binding = resolveImportBinding(classNode.superClass, this.sourceCode.getScope(classNode));
        const path = binding ? normalisePath(binding.path) : '';
        const model = classNode.id?.name;
        const extra = model === undefined ? {} : { model };
        if (binding && (binding.source === 'sequelize' || binding.source === 'sequelize-typescript') && path === 'Model') {
          return { library: 'sequelize', role: 'model', ...extra, confidence: 'tracked' };
        }
        if (binding?.source === 'typeorm' && path === 'BaseEntity') return { library: 'typeorm', role: 'repository', ...extra, confidence: 'tracked' };
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private parameterClient(fn: TSESTree.Node, name: TSESTree.Identifier): DbClient | undefined {
    // The declared parameter (`tx: Prisma.TransactionClient`, `@InjectRepository(User) repo: Repository<User>`).
    const parameter = findParameterNode(fn, name);
    if (parameter) {
      const typed = this.clientFromParameter(parameter);
      if (typed) return typed;
    }
    if (!isFunctionNode(fn)) return undefined;
    const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
    const call = fn.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = getMemberName(callee);
    const owner = this.getClient(callee.object);
    if (!owner) return undefined;
    // `pool.connect((err, client, release) => …)`
    if (owner.library === 'pg' && owner.role === 'pool' && method === 'connect' && index === 1) return { library: 'pg', role: 'client', confidence: owner.confidence };
    if (index !== 0) return undefined;
    // The handle of a transaction callback: `prisma.$transaction(async (tx) => …)`, `sql.begin((sql) => …)`.
    const scope =
      (owner.library === 'prisma' && method === '$transaction') ||
      (owner.library === 'postgres' && method === 'begin') ||
      (method === 'transaction' && ['drizzle', 'knex', 'sequelize', 'typeorm'].includes(owner.library));
    if (scope) {
      const role: ClientRole =
        owner.library === 'typeorm' ? 'manager' : owner.library === 'sequelize' ? 'transaction' : owner.library === 'prisma' || owner.library === 'postgres' ? 'client' : 'db';
      return { library: owner.library, role, isTransaction: true, confidence: owner.confidence };
    }
    if (owner.library === 'mongoose' && owner.role === 'session' && method === 'withTransaction') return { ...owner, isTransaction: true };
    return undefined;
  }

  private clientFromParameter(parameter: TSESTree.Node): DbClient | undefined {
    const inner = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
    const identifier = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
    const decorators = [
      ...(parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.decorators : []),
      ...(identifier.type === AST_NODE_TYPES.Identifier ? identifier.decorators : []),
    ];
    const injected = this.clientFromDecorators(decorators);
    if (injected) return injected;
    if (identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
    return this.clientFromType(identifier.typeAnnotation?.typeAnnotation, identifier);
  }

  private clientFromDecorators(decorators: readonly TSESTree.Decorator[]): DbClient | undefined {
    for (const decorator of decorators) {
      const expression = decorator.expression;
      if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
      const binding = resolveImportBinding(expression.callee, this.sourceCode.getScope(decorator));
      const kind = binding && decoratorKind(binding.source, normalisePath(binding.path));
      if (!kind) continue;
      const model = kind.role === 'model' || kind.role === 'repository' ? entityName(expression.arguments[0]) : undefined;
      return { ...kind, ...(model === undefined ? {} : { model }), confidence: 'tracked' };
    }
    return undefined;
  }

  /** A client from a type annotation: a tracked library type, `typeof User`, or a local `PrismaService`. */
  private clientFromType(type: TSESTree.TypeNode | undefined, at: TSESTree.Node): DbClient | undefined {
    if (!type) return undefined;
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      for (const member of type.types) {
        const found = this.clientFromType(member, at);
        if (found) return found;
      }
      return undefined;
    }
    if (type.type === AST_NODE_TYPES.TSTypeQuery) {
      return type.exprName.type === AST_NODE_TYPES.Identifier ? this.getClient(type.exprName) : undefined;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const names: string[] = [];
    let left: TSESTree.EntityName = type.typeName;
    while (left.type === AST_NODE_TYPES.TSQualifiedName) {
      names.unshift(left.right.name);
      left = left.left;
    }
    if (left.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = resolveImportBinding(left, this.sourceCode.getScope(at));
    const typeArgument = type.typeArguments?.params[0];
    const model = typeArgument?.type === AST_NODE_TYPES.TSTypeReference && typeArgument.typeName.type === AST_NODE_TYPES.Identifier ? typeArgument.typeName.name : undefined;
    const withModel = model === undefined ? {} : { model };
    if (binding) {
      const path = [normalisePath(binding.path), ...names].filter((part) => part !== '').join('.');
      const kind = typeKind(binding.source, path);
      if (kind) return { ...kind, ...(kind.role === 'repository' || kind.role === 'model' ? withModel : {}), confidence: 'tracked' };
      if (libraryOfModule(binding.source) !== undefined) return undefined;
    }
    // A local wrapper class, as NestJS apps write it: `constructor(private prisma: PrismaService)`.
    const last = names[names.length - 1] ?? left.name;
    if (/Prisma(?:Service|Client)$/u.test(last)) return { library: 'prisma', role: 'client', confidence: 'heuristic' };
    return undefined;
  }

  /** `this.name` in a class: a property initialiser, a typed/injected constructor parameter, or `this.name = …` in a method. */
  private memberClient(node: TSESTree.MemberExpression, name: string): DbClient | undefined {
    const classBody = enclosingClassBody(node);
    if (!classBody) return undefined;
    let members = this.memberClients.get(classBody);
    if (!members) {
      members = new Map();
      this.memberClients.set(classBody, members);
    }
    if (members.has(name)) return members.get(name) ?? undefined;
    members.set(name, null); // cycle guard
    const found = this.classMemberClient(classBody, name);
    members.set(name, found ?? null);
    return found;
  }

  private classMemberClient(classBody: TSESTree.ClassBody, name: string): DbClient | undefined {
    for (const member of classBody.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
        const found =
          this.clientFromDecorators(member.decorators) ??
          this.clientFromType(member.typeAnnotation?.typeAnnotation, member) ??
          (member.value ? this.getClient(member.value) : undefined);
        if (found) return found;
      }
    }
    for (const member of classBody.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition) continue;
      if (member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
          if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) {
            const found = this.clientFromParameter(param);
            if (found) return found;
          }
        }
      }
      for (const statement of member.value.body?.body ?? []) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
        const expression = statement.expression;
        if (
          expression.type === AST_NODE_TYPES.AssignmentExpression &&
          expression.left.type === AST_NODE_TYPES.MemberExpression &&
          expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
          getMemberName(expression.left) === name
        ) {
          const found = this.getClient(expression.right);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  // ----- calls ---------------------------------------------------------------------------------

  /**
   * What a call does to the database, or undefined when it is not a database call. For builder
   * chains (`db.select().from(t).limit(1)`, `knex('t').where().first()`, `User.find().limit(5)`)
   * only the last call of the chain is classified, with what the whole chain says; a `.then()`/
   * `.catch()` after it does not count. Redis pipelines (`multi().set().exec()`) are classified
   * per command. Connection lifecycle calls (`pool.connect()`, `$disconnect()`, `client.release()`)
   * and local helpers (TypeORM `repo.create(dto)`, `knex.fn.now()`) are not database calls.
   */
  classifyCall(node: TSESTree.Node): DbCall | undefined {
    if (!isInvocation(node)) return undefined;
    const cached = this.calls.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.calls.set(node, null); // cycle guard
    const found = this.computeCall(node);
    this.calls.set(node, found ?? null);
    return found;
  }

  private computeCall(node: Invocation): DbCall | undefined {
    if (node.type === AST_NODE_TYPES.TaggedTemplateExpression && unwrapParent(node)?.type === AST_NODE_TYPES.TemplateLiteral) return undefined; // a fragment
    // The chain as written, and with a builder variable's initialiser spliced in (`q.limit(1)` after
    // `const q = db.select().from(t)`); the spliced one first, it says more.
    const written = flattenChain(node);
    const expanded = this.expandChain(written);
    const chains = expanded === written ? [written] : [expanded, written];
    // Both steps below try the same candidates in the same order: the spliced chain's first, each
    // chain's from its end (the receiver nearest the call).
    const candidates: { chain: Chain; node: TSESTree.Node; consumed: number }[] = [];
    for (const chain of chains) {
      const list = clientCandidates(chain);
      for (let index = list.length - 1; index >= 0; index -= 1) {
        const candidate = list[index];
        if (candidate) candidates.push({ chain, node: candidate.node, consumed: candidate.consumed });
      }
    }
    if (this.namesClientModules()) {
      for (const candidate of candidates) {
        const client = this.getClient(candidate.node);
        if (client) return this.finish(node, client, candidate.node, candidate.chain, restAfter(candidate.chain, candidate.consumed));
      }
    }
    for (const { chain, node: receiver, consumed } of candidates) {
      // A direct call of the candidate with nothing after it (`fetchUser(id)`) fits no guess:
      // all but Knex's need a method name after the client, and Knex's `db('t')` a builder step.
      const segmentsLeft = chain.segments.length - consumed;
      if (segmentsLeft < 2 && chain.segments[consumed]?.name === undefined) continue;
      const name = nameOf(receiver);
      // Every guess needs a client-like name: most receivers (`res`, `router`, `items`) have none.
      // The guess goes by names and call shape, cheaper than the scope lookup of the candidate
      // check, and rejects most calls.
      if (name === undefined || nameFlags(name) === 0) continue;
      const rest = restAfter(chain, consumed);
      const client = this.guessClient(receiver, name, rest);
      if (!client || !this.isHeuristicCandidate(receiver)) continue;
      const call = this.finish(node, client, receiver, chain, rest);
      if (call) return call;
    }
    return this.matchPatterns(node);
  }

  /**
   * Names of the file's variables initialised once with a call or a member chain: the only roots
   * {@link expandChain} can splice in. A set of names, gathered once, spares the scope lookup of
   * every other chain's root (`res`, `items`, `console`).
   */
  private builderNames(): ReadonlySet<string> | undefined {
    return this.sourceCode.scopeManager ? getVariableNamesInitialisedWith(this.sourceCode, BUILDER_INITS) : undefined;
  }

  /** Splices in the initialiser of a builder variable: `const q = knex('t').where(…); q.first()`. */
  private expandChain(chain: Chain): Chain {
    let current = chain;
    for (let step = 0; step < 3; step += 1) {
      const root = current.root;
      if (root.type !== AST_NODE_TYPES.Identifier) return current;
      const builders = this.builderNames();
      if (builders && !builders.has(root.name)) return current;
      const known = this.getClient(root);
      if (known && known.role !== 'queryBuilder') return current;
      const init = this.constInitializer(root);
      const value = init ? unwrapExpression(init) : undefined;
      if (!value || (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.MemberExpression)) return current;
      // Only a call chain is a builder; `const users = prisma.user` is a plain alias.
      const variable = value.type === AST_NODE_TYPES.CallExpression ? this.variableOf(root) : undefined;
      const inner = flattenChain(value);
      current = { root: inner.root, segments: [...inner.segments, ...current.segments], ...(variable ? { expandedFrom: variable } : (current.expandedFrom ? { expandedFrom: current.expandedFrom } : {})) };
    }
    return current;
  }

  private finish(node: Invocation, found: DbClient, receiverNode: TSESTree.Node, chain: Chain, chainRest: readonly Segment[]): DbCall | undefined {
    let client = found;
    let receiver = receiverNode;
    let rest = chainRest;
    // Follow derivations inside the chain: `ds.getRepository(User).find()`, `dataSource.manager.save()`.
    while (rest.length > 1) {
      const [head] = rest;
      if (!head) break;
      if (client.role === 'queryBuilder') break; // its steps are the query, not new clients
      const derived = this.derive(client, head.name, head.call);
      if (!derived) break;
      client = derived;
      receiver = head.call ?? head.node;
      rest = rest.slice(1);
    }
    if (client.library !== 'redis') {
      if (continuesChain(node)) return undefined; // not the end of the chain
      if (chain.expandedFrom && valueIsDropped(node)) return undefined; // `q.where(…);` only configures the builder
      if (this.isDeferredBuilder(node)) return undefined;
    }
    // Builder calls made on the variable elsewhere count too: `const q = User.find(); q.limit(10);`.
    const holder = chain.expandedFrom ?? this.declaredVariable(node);
    const extra = holder ? builderCallsOn(holder) : NO_NAMES;
    const site: Site = { node, client, receiver, rest, extra };
    const classified = this.classifyAt(site);
    if (!classified) return undefined;
    // Built by assignment: a rest pattern and spreads cost several times more, on every classified call.
    const call = { node, library: classified.library ?? client.library } as DbCall;
    const fields = call as unknown as Record<string, unknown>;
    for (const key in classified) {
      if (key !== 'library' && key !== 'hasLimit' && key !== 'limit') fields[key] = classified[key as keyof Classified];
    }
    // A limit only matters for list reads: keep `hasLimit` there, or when a limit is actually written.
    const { hasLimit, limit } = classified;
    const keepLimit = classified.isList === true || hasLimit === true;
    if (keepLimit && hasLimit !== undefined) call.hasLimit = hasLimit;
    if (keepLimit && limit) call.limit = limit;
    call.receiver = receiver;
    call.client = client;
    call.confidence = client.confidence;
    return call;
  }

  /** The variable `node` initialises (`const q = …`), if any. */
  private declaredVariable(node: TSESTree.Node): TSESLint.Scope.Variable | undefined {
    const declarator = unwrapParent(node);
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    return this.sourceCode.getDeclaredVariables(declarator)[0];
  }

  /** `const q = db.select().from(t)` whose query runs later as `await q.limit(10)`: counted there, not here. */
  private isDeferredBuilder(node: Invocation): boolean {
    const declarator = unwrapParent(node);
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
    for (const variable of this.sourceCode.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) {
        if (reference.isWrite()) continue;
        const identifier = reference.identifier;
        const member = identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
        const name = getMemberName(member);
        if (name === undefined || PROMISE_METHODS.has(name)) continue;
        let end: TSESTree.Node = member;
        while (end.parent && ((end.parent.type === AST_NODE_TYPES.CallExpression && end.parent.callee === end) || (end.parent.type === AST_NODE_TYPES.MemberExpression && end.parent.object === end))) {
          end = end.parent;
        }
        if (end.type === AST_NODE_TYPES.CallExpression && !valueIsDropped(end)) return true;
      }
    }
    return false;
  }

  private classifyAt(site: Site): Classified | undefined {
    switch (site.client.library) {
      case 'pg':
      case 'mysql':
        return this.classifySqlClient(site);
      case 'postgres':
        return this.classifyPostgres(site);
      case 'prisma':
        return this.classifyPrisma(site);
      case 'drizzle':
        return this.classifyDrizzle(site);
      case 'knex':
        return this.classifyKnex(site);
      case 'typeorm':
        return this.classifyTypeorm(site);
      case 'sequelize':
        return this.classifySequelize(site);
      case 'mongoose':
        return this.classifyMongoose(site);
      case 'redis':
        return this.classifyRedis(site);
      default:
        return undefined;
    }
  }

  // ----- per library ---------------------------------------------------------------------------

  private classifySqlClient(site: Site): Classified | undefined {
    const [op] = site.rest;
    if (site.rest.length !== 1 || !op?.call || op.name === undefined) return undefined;
    if (op.name === 'query' || op.name === 'execute') {
      const args = invocationArgs(op.call);
      return this.sqlCall(op.name, args[0], args[1], site.client.library === 'pg');
    }
    if (['connect', 'release', 'end', 'on', 'once', 'getConnection', 'promise', 'destroy', 'escape', 'escapeId', 'format', 'ping'].includes(op.name)) return undefined;
    if (op.name === 'beginTransaction') return { kind: 'transaction', method: op.name, transaction: 'begin' };
    if (op.name === 'commit') return { kind: 'transaction', method: op.name, transaction: 'commit' };
    if (op.name === 'rollback') return { kind: 'transaction', method: op.name, transaction: 'rollback' };
    return site.client.confidence === 'tracked' ? { kind: 'unknown', method: op.name } : undefined;
  }

  /** {@link classifySql}, once per text in the file: the client guess and the call's classification both read it. */
  private sqlInfo(text: string): SqlInfo {
    let info = this.sqlInfos.get(text);
    if (info === undefined) {
      info = classifySql(text);
      this.sqlInfos.set(text, info);
    }
    return info;
  }

  /** A `query(sql, values)` call: classified by its SQL text. */
  private sqlCall(method: string, sqlArgument: TSESTree.Node | undefined, values: TSESTree.Node | undefined, pgPlaceholders: boolean): Classified {
    let sqlNode = sqlArgument;
    let valuesNode = values;
    const config = this.objectOf(sqlArgument);
    if (config) {
      const text = findProperty(config, 'text') ?? findProperty(config, 'sql');
      sqlNode = text?.value;
      valuesNode = findProperty(config, 'values')?.value ?? values;
    }
    const texts = sqlNode ? this.sqlTexts(sqlNode, 0) : undefined;
    if (!texts || !sqlNode) return { kind: 'unknown', method, ...(sqlNode ? { sqlNode } : {}) };
    const info = combineSql(texts.map((text) => this.sqlInfo(text)));
    const result: Classified = { method, sqlNode, sql: renderSql(texts[0] ?? ''), kind: info.kind };
    addSqlFields(result, info);
    if (pgPlaceholders && info.limitParameter !== undefined && valuesNode) {
      const array = this.arrayOf(valuesNode);
      const element = array?.elements[info.limitParameter - 1];
      if (element && element.type !== AST_NODE_TYPES.SpreadElement) result.limit = element;
    }
    return result;
  }

  private classifyPostgres(site: Site): Classified | undefined {
    const [op] = site.rest;
    if (site.rest.length !== 1 || !op?.call) return undefined;
    if (op.name === undefined) {
      if (op.call.type !== AST_NODE_TYPES.TaggedTemplateExpression) return undefined; // `sql(values)` helpers build fragments
      return this.sqlCall('sql', op.call, undefined, false);
    }
    if (op.name === 'unsafe' || op.name === 'query') {
      const args = invocationArgs(op.call);
      return this.sqlCall(op.name, args[0], args[1], true);
    }
    if (op.name === 'begin') return { kind: 'transaction', method: op.name, transaction: 'scope' };
    return undefined; // `end()`, `listen()`, `json()`, `array()`…: lifecycle and value helpers
  }

  private classifyPrisma(site: Site): Classified | undefined {
    const [first, second] = site.rest;
    if (!first?.name) return undefined;
    if (first.name.startsWith('$')) {
      if (site.rest.length !== 1 || !first.call) return undefined;
      const args = invocationArgs(first.call);
      switch (first.name) {
        case '$transaction':
          return { kind: 'transaction', method: first.name, transaction: 'scope' };
        case '$queryRaw':
        case '$queryRawUnsafe': {
          const sql = this.sqlCall(first.name, args[0], args[1], true);
          return sql.kind === 'unknown' ? { ...sql, kind: 'read' } : sql;
        }
        case '$executeRaw':
        case '$executeRawUnsafe': {
          const sql = this.sqlCall(first.name, args[0], args[1], true);
          return sql.kind === 'write' || sql.kind === 'transaction' ? sql : { ...sql, kind: 'write', isList: undefined, hasLimit: undefined };
        }
        default:
          return PRISMA_LIFECYCLE.has(first.name) ? undefined : { kind: 'unknown', method: first.name };
      }
    }
    if (first.call || !second?.call || second.name === undefined) return undefined;
    const model = first.name;
    const method = second.name;
    const options = second.call.type === AST_NODE_TYPES.CallExpression ? second.call.arguments[0] : undefined;
    const batched = this.mentionsSet(options) || (PRISMA_WRITE.has(method) && /Many/u.test(method));
    if (site.rest.length > 2) {
      // Fluent relation reads: `prisma.user.findUnique({ … }).posts()`.
      const last = site.rest[site.rest.length - 1];
      if (!PRISMA_READ_ONE.has(method) || !last?.call || last.name === undefined) return undefined;
      return { kind: 'read', method, model, isList: undefined };
    }
    if (PRISMA_READ_LIST.has(method)) {
      const limit = this.optionLimit(options, 'take');
      return { kind: 'read', method, model, isList: true, ...limit, isBatched: batched };
    }
    if (PRISMA_READ_ONE.has(method)) return { kind: 'read', method, model, isList: false, isBatched: batched };
    if (PRISMA_WRITE.has(method)) return { kind: 'write', method, model, isBatched: batched };
    return site.client.confidence === 'tracked' ? { kind: 'unknown', method, model } : undefined;
  }

  private classifyDrizzle(site: Site): Classified | undefined {
    let rest = site.rest;
    while (rest[0] && (rest[0].name === 'with' || rest[0].name === '$with') && rest[0].call) rest = rest.slice(1);
    const [op] = rest;
    if (!op?.name) return undefined;
    const names = chainNames(rest, site.extra);
    const last = rest[rest.length - 1];
    if (last?.name !== undefined && NON_EXECUTING.has(last.name)) return undefined;
    const batched = rest.some((segment) => segment.call && this.mentionsSet(segment.call));
    if (op.name === 'query' && !op.call) {
      const table = rest[1];
      const method = rest[2];
      if (!table?.name || table.call || !method?.call || method.name === undefined || rest.length !== 3) return undefined;
      const options = method.call.type === AST_NODE_TYPES.CallExpression ? method.call.arguments[0] : undefined;
      if (method.name === 'findMany') return { kind: 'read', method: 'findMany', model: table.name, isList: true, ...this.optionLimit(options, 'limit'), isBatched: batched };
      if (method.name === 'findFirst') return { kind: 'read', method: 'findFirst', model: table.name, isList: false, isBatched: batched };
      return undefined;
    }
    if (!op.call) return undefined;
    if (DRIZZLE_SELECT.has(op.name)) {
      const from = rest.find((segment) => segment.name === 'from');
      const fromArgs = from?.call ? invocationArgs(from.call) : [];
      const limitSegment = rest.find((segment) => segment.name === 'limit' && segment.call);
      const limitArgs = limitSegment?.call ? invocationArgs(limitSegment.call) : [];
      const selection = this.objectOf(invocationArgs(op.call)[0]);
      const aggregateOnly =
        selection !== undefined &&
        selection.properties.length > 0 &&
        !names.has('groupBy') &&
        selection.properties.every(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            property.value.type === AST_NODE_TYPES.CallExpression &&
            AGGREGATE_CALL.test(getDottedName(property.value.callee)?.split('.').pop() ?? ''),
        );
      const model = entityName(fromArgs[0]);
      return {
        kind: 'read',
        method: op.name,
        ...(model === undefined ? {} : { model }),
        isList: !aggregateOnly,
        hasLimit: names.has('limit'),
        ...(limitArgs[0] ? { limit: limitArgs[0] } : {}),
        isBatched: batched,
      };
    }
    if (DRIZZLE_WRITE.has(op.name)) {
      const model = entityName(invocationArgs(op.call)[0]);
      const values = rest.find((segment) => segment.name === 'values')?.call;
      const many = values?.type === AST_NODE_TYPES.CallExpression && this.arrayOf(values.arguments[0]) !== undefined;
      return { kind: 'write', method: op.name, ...(model === undefined ? {} : { model }), isBatched: batched || many };
    }
    if (rest.length !== 1) return undefined;
    if (op.name === 'transaction') return { kind: 'transaction', method: op.name, transaction: 'scope' };
    if (op.name === '$count') return { kind: 'read', method: op.name, isList: false };
    if (DRIZZLE_RAW.has(op.name)) {
      const args = invocationArgs(op.call);
      return this.sqlCall(op.name, args[0], undefined, false);
    }
    if (op.name === 'refreshMaterializedView') return { kind: 'write', method: op.name };
    if (op.name === 'batch') return { kind: 'unknown', method: op.name, isBatched: true };
    return site.client.confidence === 'tracked' && !op.name.startsWith('$') ? { kind: 'unknown', method: op.name } : undefined;
  }

  private classifyKnex(site: Site): Classified | undefined {
    const rest = site.rest;
    const [first] = rest;
    if (!first?.call) {
      if (first?.name === 'schema') {
        const op = rest[rest.length - 1];
        return op?.call && op.name !== undefined ? { kind: 'write', method: op.name } : undefined;
      }
      return undefined;
    }
    const last = rest[rest.length - 1];
    if (last?.name !== undefined && NON_EXECUTING.has(last.name)) return undefined;
    if (first.name === undefined || KNEX_STARTERS.has(first.name)) {
      const builder = first.name === undefined ? rest.slice(1) : rest;
      const table =
        first.name === undefined
          ? entityName(invocationArgs(first.call)[0])
          : entityName(rest.find((segment) => segment.name === 'from' || segment.name === 'into' || segment.name === 'table')?.call?.type === AST_NODE_TYPES.CallExpression
              ? (rest.find((segment) => segment.name === 'from' || segment.name === 'into' || segment.name === 'table')?.call as TSESTree.CallExpression).arguments[0]
              : undefined);
      const names = chainNames(builder, site.extra);
      const write = builder.find((segment) => segment.name !== undefined && KNEX_WRITE.has(segment.name));
      const batched = names.has('whereIn') || names.has('orWhereIn') || builder.some((segment) => segment.name === 'insert' && segment.call?.type === AST_NODE_TYPES.CallExpression && this.arrayOf(segment.call.arguments[0]) !== undefined);
      const model = table === undefined ? {} : { model: table };
      if (write?.name !== undefined) return { kind: 'write', method: write.name, ...model, isBatched: batched };
      const aggregate = [...names].some((name) => KNEX_AGGREGATE.has(name)) && !names.has('groupBy');
      const limitSegment = builder.find((segment) => segment.name === 'limit' && segment.call);
      const limitArg = limitSegment?.call ? invocationArgs(limitSegment.call)[0] : undefined;
      return {
        kind: 'read',
        method: names.has('first') ? 'first' : builder.find((segment) => segment.name === 'select')?.name ?? last?.name ?? 'select',
        ...model,
        isList: !names.has('first') && !aggregate,
        hasLimit: names.has('limit') || names.has('first'),
        ...(limitArg ? { limit: limitArg } : {}),
        isBatched: batched,
      };
    }
    if (rest.length !== 1) return undefined;
    const args = invocationArgs(first.call);
    if (first.name === 'raw') return this.sqlCall('raw', args[0], args[1], false);
    if (first.name === 'transaction') {
      return args.some(isFunctionArgument)
        ? { kind: 'transaction', method: first.name, transaction: 'scope' }
        : { kind: 'transaction', method: first.name, transaction: 'begin' };
    }
    if (site.client.isTransaction && (first.name === 'commit' || first.name === 'rollback')) return { kind: 'transaction', method: first.name, transaction: first.name };
    return undefined;
  }

  private classifyTypeorm(site: Site): Classified | undefined {
    const rest = site.rest;
    const role = site.client.role;
    const builderStart = role === 'queryBuilder' ? 0 : rest.findIndex((segment) => segment.name === 'createQueryBuilder' && segment.call);
    if (builderStart >= 0) return this.classifyQueryBuilder(site, rest.slice(role === 'queryBuilder' ? 0 : builderStart + 1));
    const [op] = rest;
    if (rest.length !== 1 || !op?.call || op.name === undefined) return undefined;
    const method = op.name;
    const args = op.call.type === AST_NODE_TYPES.CallExpression ? op.call.arguments : [];
    if (role === 'queryRunner') {
      if (method === 'startTransaction') return { kind: 'transaction', method, transaction: 'begin' };
      if (method === 'commitTransaction') return { kind: 'transaction', method, transaction: 'commit' };
      if (method === 'rollbackTransaction') return { kind: 'transaction', method, transaction: 'rollback' };
      if (method === 'query') return this.sqlCall(method, args[0], args[1], true);
      return undefined;
    }
    if (method === 'transaction' && (role === 'dataSource' || role === 'manager')) return { kind: 'transaction', method, transaction: 'scope' };
    if (method === 'query') return this.sqlCall(method, args[0], args[1], true);
    if (role === 'dataSource') return undefined;
    // An EntityManager names the entity first: `manager.find(User, { … })`.
    const entity = args[0];
    const entityFirst =
      role === 'manager' && entity !== undefined && (stringValue(entity) !== undefined || (entity.type === AST_NODE_TYPES.Identifier && /^[A-Z]/u.test(entity.name)));
    const model = entityFirst ? entityName(entity) : site.client.model;
    const options = entityFirst ? args[1] : args[0];
    const withModel = model === undefined ? {} : { model };
    const batched = this.mentionsSet(options) || (TYPEORM_WRITE.has(method) && this.arrayOf(options) !== undefined);
    if (TYPEORM_READ_LIST.has(method)) {
      const limit = method === 'find' || method === 'findAndCount' ? this.optionLimit(options, 'take') : { hasLimit: false };
      return { kind: 'read', method, ...withModel, isList: true, ...limit, isBatched: batched };
    }
    if (TYPEORM_READ_ONE.has(method)) return { kind: 'read', method, ...withModel, isList: false, isBatched: batched };
    if (TYPEORM_WRITE.has(method)) return { kind: 'write', method, ...withModel, isBatched: batched };
    return undefined; // `create`, `merge`, `getId`…: no database round trip
  }

  private classifyQueryBuilder(site: Site, chain: readonly Segment[]): Classified | undefined {
    const last = chain[chain.length - 1];
    if (!last?.call || last.name === undefined) return undefined;
    const names = chainNames(chain, site.extra);
    const limitSegment = chain.find((segment) => (segment.name === 'take' || segment.name === 'limit') && segment.call);
    const limitArg = limitSegment?.call ? invocationArgs(limitSegment.call)[0] : undefined;
    const limit = { hasLimit: names.has('take') || names.has('limit'), ...(limitArg ? { limit: limitArg } : {}) };
    const model = site.client.model === undefined ? {} : { model: site.client.model };
    const batched = chain.some((segment) => segment.call && this.mentionsSet(segment.call));
    if (QB_LIST.has(last.name)) return { kind: 'read', method: last.name, ...model, isList: true, ...limit, isBatched: batched };
    if (QB_ONE.has(last.name)) return { kind: 'read', method: last.name, ...model, isList: false, isBatched: batched };
    if (last.name === 'execute') {
      const write = chain.find((segment) => segment.name !== undefined && QB_WRITE_STEPS.has(segment.name));
      if (write) return { kind: 'write', method: write.name ?? 'execute', ...model, isBatched: batched };
      return { kind: 'read', method: 'execute', ...model, isList: true, ...limit, isBatched: batched };
    }
    return undefined;
  }

  private classifySequelize(site: Site): Classified | undefined {
    const rest = site.rest;
    const [op] = rest;
    if (rest.length !== 1 || !op?.call || op.name === undefined) return undefined;
    const method = op.name;
    const args = op.call.type === AST_NODE_TYPES.CallExpression ? op.call.arguments : [];
    const model = site.client.model === undefined ? {} : { model: site.client.model };
    switch (site.client.role) {
      case 'db':
        if (method === 'transaction') {
          return args.some(isFunctionArgument) ? { kind: 'transaction', method, transaction: 'scope' } : { kind: 'transaction', method, transaction: 'begin' };
        }
        if (method === 'query') return this.sqlCall(method, args[0], undefined, false);
        return undefined;
      case 'transaction':
        if (method === 'commit' || method === 'rollback') return { kind: 'transaction', method, transaction: method };
        return undefined;
      case 'document':
        if (SEQUELIZE_INSTANCE_WRITE.has(method)) return { kind: 'write', method, ...model };
        if (method === 'reload') return { kind: 'read', method, ...model, isList: false };
        return undefined;
      case 'model': {
        const options = method === 'update' ? args[1] : args[0];
        const batched = this.mentionsSet(options) || method === 'bulkCreate';
        if (SEQUELIZE_READ_LIST.has(method)) return { kind: 'read', method, ...model, isList: true, ...this.optionLimit(options, 'limit'), isBatched: batched };
        if (SEQUELIZE_READ_ONE.has(method)) return { kind: 'read', method, ...model, isList: false, isBatched: batched };
        if (SEQUELIZE_WRITE.has(method)) return { kind: 'write', method, ...model, isBatched: batched };
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private classifyMongoose(site: Site): Classified | undefined {
    const rest = site.rest;
    const [op] = rest;
    if (!op?.call || op.name === undefined) return undefined;
    const method = op.name;
    const args = op.call.type === AST_NODE_TYPES.CallExpression ? op.call.arguments : [];
    const model = site.client.model === undefined ? {} : { model: site.client.model };
    const role = site.client.role;
    if (role === 'session') {
      if (rest.length !== 1) return undefined;
      if (method === 'withTransaction') return { kind: 'transaction', method, transaction: 'scope' };
      if (method === 'startTransaction') return { kind: 'transaction', method, transaction: 'begin' };
      if (method === 'commitTransaction') return { kind: 'transaction', method, transaction: 'commit' };
      if (method === 'abortTransaction') return { kind: 'transaction', method, transaction: 'rollback' };
      return undefined;
    }
    if (role === 'db') return rest.length === 1 && method === 'transaction' ? { kind: 'transaction', method, transaction: 'scope' } : undefined;
    if (role === 'document') {
      if (rest.length !== 1) return undefined;
      return MONGOOSE_DOCUMENT_WRITE.has(method) ? { kind: 'write', method, ...model } : undefined;
    }
    if (role !== 'model') return undefined;
    const helpers = rest.slice(1);
    if (helpers.some((segment) => segment.name === undefined || !segment.call || !MONGOOSE_QUERY_HELPERS.has(segment.name))) return undefined;
    const names = chainNames(helpers, site.extra);
    const batched = this.mentionsSet(args[0]) || method === 'insertMany' || method === 'bulkWrite';
    if (MONGOOSE_READ_LIST.has(method)) {
      const limitSegment = helpers.find((segment) => segment.name === 'limit');
      const limitArg = limitSegment?.call ? invocationArgs(limitSegment.call)[0] : undefined;
      let limit: Pick<Classified, 'hasLimit' | 'limit'> = { hasLimit: names.has('limit'), ...(limitArg ? { limit: limitArg } : {}) };
      if (!names.has('limit') && method === 'find') {
        const fromOptions = this.optionLimit(args[2], 'limit');
        if (fromOptions.hasLimit) limit = fromOptions;
      }
      if (method === 'aggregate') {
        const stages = this.arrayOf(args[0]);
        const stage = stages?.elements.find((element) => element?.type === AST_NODE_TYPES.ObjectExpression && findProperty(element, '$limit') !== undefined);
        if (stage?.type === AST_NODE_TYPES.ObjectExpression) limit = { hasLimit: true, ...(findProperty(stage, '$limit') ? { limit: findProperty(stage, '$limit')?.value } : {}) };
        else if (names.has('limit')) limit = { hasLimit: true };
        else if (!stages) limit = {};
      }
      return { kind: 'read', method, ...model, isList: true, ...limit, isBatched: batched };
    }
    if (MONGOOSE_READ_ONE.has(method)) return { kind: 'read', method, ...model, isList: false, isBatched: batched };
    if (MONGOOSE_WRITE.has(method)) return { kind: 'write', method, ...model, isBatched: batched };
    return undefined;
  }

  private classifyRedis(site: Site): Classified | undefined {
    const rest = site.rest;
    const last = rest[rest.length - 1];
    if (!last?.call || last.name === undefined) return undefined;
    // Every segment before the last must be a command or `multi()`/`pipeline()`.
    const before = rest.slice(0, -1);
    if (before.some((segment) => !segment.call || segment.name === undefined || !isRedisMethod(segment.name))) return undefined;
    const inMulti = before.some((segment) => segment.name === 'multi');
    const lower = last.name.toLowerCase();
    if (lower === 'multi') return { kind: 'transaction', method: last.name, command: 'MULTI', transaction: 'begin' };
    if (lower === 'exec' || lower === 'execasync') {
      return inMulti ? { kind: 'transaction', method: last.name, command: 'EXEC', transaction: 'commit' } : { kind: 'unknown', method: last.name, command: 'EXEC' };
    }
    if (lower === 'discard') return { kind: 'transaction', method: last.name, command: 'DISCARD', transaction: 'rollback' };
    let command = lower.toUpperCase();
    if (REDIS_GENERIC.has(lower)) {
      const args = invocationArgs(last.call);
      const first = this.arrayOf(args[0])?.elements[0] ?? args[0];
      const name = stringValue(first ?? undefined);
      if (name === undefined) return { kind: 'unknown', method: last.name };
      command = name.toUpperCase();
    } else if (REDIS_LIFECYCLE.has(lower)) {
      return undefined;
    }
    const key = command.toLowerCase();
    if (key === 'keys') return { kind: 'read', method: last.name, command, isList: true, hasLimit: false };
    if (key === 'scan' || key === 'sscan' || key === 'hscan' || key === 'zscan') return { kind: 'read', method: last.name, command, isList: true, hasLimit: true };
    if (REDIS_READ.has(key)) return { kind: 'read', method: last.name, command, isList: ['mget', 'hgetall', 'smembers', 'lrange', 'zrange', 'zrevrange', 'zrangebyscore', 'xrange', 'hkeys', 'hvals'].includes(key) };
    if (REDIS_WRITE.has(key)) return { kind: 'write', method: last.name, command };
    return site.client.confidence === 'tracked' ? { kind: 'unknown', method: last.name, command } : undefined;
  }

  // ----- heuristics ----------------------------------------------------------------------------

  /**
   * Whether `node` may be a client whose origin cannot be seen: imported from a local or unknown
   * module, a parameter, a member of an object (`ctx.db`), a variable initialised by an unknown call.
   * Not: literals, `new Map()`, functions, classes, values from a known database package that were
   * not recognised as clients.
   */
  private isHeuristicCandidate(node: TSESTree.Node): boolean {
    const target = unwrapAwait(node);
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      if (target.object.type !== AST_NODE_TYPES.ThisExpression) return true;
      const classBody = enclosingClassBody(target);
      const name = getMemberName(target);
      const definition = classBody?.body.find(
        (member): member is TSESTree.PropertyDefinition =>
          member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name,
      );
      return !definition?.value || !isPlainValue(definition.value);
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.variableOf(target);
    const def = variable?.defs[0];
    if (!variable || !def) return true;
    switch (def.type) {
      case 'ImportBinding': {
        const declaration = def.parent;
        const source = declaration.type === AST_NODE_TYPES.ImportDeclaration ? String(declaration.source.value) : '';
        return libraryOfModule(source) === undefined;
      }
      case 'Parameter':
        return true;
      case 'Variable': {
        const init = def.node.init;
        if (!init) return true;
        if (isPlainValue(init)) return false;
        const binding = resolveImportBinding(init, this.sourceCode.getScope(target));
        return !binding || libraryOfModule(binding.source) === undefined;
      }
      default:
        return false;
    }
  }

  /** A client guessed from the receiver's name and the call's shape, or undefined. */
  private guessClient(candidate: TSESTree.Node, name: string, rest: readonly Segment[]): DbClient | undefined {
    const [first, second] = rest;
    if (!first) return undefined;
    // Every guess below needs a client-like name.
    const names = nameFlags(name);
    if (names === 0) return undefined;
    const guess = (library: DbLibrary, role: ClientRole, model?: string): DbClient => guessedClient(names, library, role, model);
    if ((names & NAME_PRISMA) !== 0) {
      if (first.call && first.name !== undefined && PRISMA_TOP.has(first.name)) return guess('prisma', 'client');
      if (!first.call && first.name !== undefined && /^[a-z]/u.test(first.name) && first.name !== 'query' && second?.call && second.name !== undefined && (PRISMA_READ_LIST.has(second.name) || PRISMA_READ_ONE.has(second.name) || PRISMA_WRITE.has(second.name))) {
        return guess('prisma', 'client');
      }
    }
    if ((names & NAME_DRIZZLE) !== 0 && drizzleShape(rest)) return guess('drizzle', 'db');
    if ((names & NAME_KNEX) !== 0 && knexShape(rest)) return guess('knex', 'db');
    if (first.call && first.name === 'transaction' && rest.length === 1 && (names & (NAME_DRIZZLE | NAME_KNEX | NAME_SEQUELIZE | NAME_DATA_SOURCE | NAME_MANAGER)) !== 0) {
      const library = this.transactionLibrary(name);
      return guess(library, library === 'typeorm' ? ((names & NAME_MANAGER) !== 0 ? 'manager' : 'dataSource') : 'db');
    }
    if ((names & NAME_SQL) !== 0 && rest.length === 1 && first.call && (first.name === 'query' || first.name === 'execute')) {
      const texts = this.sqlTextsOfArgument(invocationArgs(first.call)[0]);
      if (texts && texts.some((text) => isSqlKeyword(this.sqlInfo(text).command))) {
        return guess(this.sqlLibrary(texts), /pool/iu.test(name) ? 'pool' : 'client');
      }
    }
    if ((names & NAME_SEQUELIZE) !== 0 && first.call && first.name === 'query' && rest.length === 1) return guess('sequelize', 'db');
    if ((names & NAME_REPOSITORY) !== 0 && rest.length >= 1 && first.call && first.name !== undefined) {
      if (rest.length === 1 && (TYPEORM_READ_LIST.has(first.name) || TYPEORM_READ_ONE.has(first.name) || TYPEORM_WRITE.has(first.name))) return guess('typeorm', 'repository');
      if (first.name === 'createQueryBuilder') return guess('typeorm', 'repository');
    }
    if ((names & NAME_MANAGER) !== 0 && first.call && first.name !== undefined && rest.length === 1) {
      const entity = first.call.type === AST_NODE_TYPES.CallExpression ? first.call.arguments[0] : undefined;
      const entityLike = entity?.type === AST_NODE_TYPES.Identifier && /^[A-Z]/u.test(entity.name);
      if (entityLike && (TYPEORM_READ_LIST.has(first.name) || TYPEORM_READ_ONE.has(first.name) || TYPEORM_WRITE.has(first.name))) return guess('typeorm', 'manager');
    }
    if ((names & NAME_DATA_SOURCE) !== 0 && first.call && first.name !== undefined && /^get(?:Tree|Mongo)?Repository$|^createQueryRunner$|^createQueryBuilder$/u.test(first.name)) {
      return guess('typeorm', 'dataSource');
    }
    if ((names & NAME_QUERY_RUNNER) !== 0 && first.call && first.name !== undefined && /^(?:start|commit|rollback)Transaction$/u.test(first.name)) return guess('typeorm', 'queryRunner');
    if ((names & NAME_QUERY_RUNNER) !== 0 && !first.call && first.name === 'manager') return guess('typeorm', 'queryRunner');
    if ((names & NAME_REDIS) !== 0 && rest.every((segment) => segment.call && segment.name !== undefined && isRedisMethod(segment.name))) {
      const last = rest[rest.length - 1];
      const lower = last?.name?.toLowerCase() ?? '';
      if (REDIS_READ.has(lower) || REDIS_WRITE.has(lower) || REDIS_GENERIC.has(lower) || lower === 'multi' || lower === 'exec') return guess('redis', 'client');
    }
    if ((names & NAME_MODEL) !== 0 && first.call && first.name !== undefined && MODEL_METHODS.has(first.name) && this.looksLikeModel(candidate, name)) {
      const library = this.modelLibrary(candidate, first.name);
      return guess(library, library === 'typeorm' ? 'repository' : 'model', modelName(name));
    }
    return undefined;
  }

  /** A capitalised model imported from a `models/`/`schemas/`/`entities/` module, `UserModel`, `this.userModel`, `db.User`. */
  private looksLikeModel(candidate: TSESTree.Node, name: string): boolean {
    const target = unwrapAwait(candidate);
    if (/.Model$/u.test(name)) return true;
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const owner = nameOf(target.object);
      return /^[A-Z]/u.test(name) && owner !== undefined && /^(?:db|models)$/u.test(owner);
    }
    if (target.type !== AST_NODE_TYPES.Identifier || !/^[A-Z]/u.test(name)) return false;
    // A global (`Math`, `JSON`) or undeclared name resolves to no import: skip the scope lookup.
    if (!this.variableOf(target)?.defs[0]) return false;
    const binding = resolveImportBinding(target, this.sourceCode.getScope(target));
    return binding !== undefined && libraryOfModule(binding.source) === undefined && MODEL_PATH.test(binding.source);
  }

  /** Mongoose, Sequelize or TypeORM for an imported model: by exclusive methods on it, then by the file's imports; Mongoose by default. */
  private modelLibrary(candidate: TSESTree.Node, method: string): DbLibrary {
    const methods = new Set([method]);
    const target = unwrapAwait(candidate);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(target);
      for (const reference of variable?.references ?? []) {
        const member = reference.identifier.parent;
        const name = member?.type === AST_NODE_TYPES.MemberExpression ? getMemberName(member) : undefined;
        if (name !== undefined) methods.add(name);
      }
    }
    if ([...methods].some((name) => SEQUELIZE_ONLY.has(name))) return 'sequelize';
    if ([...methods].some((name) => TYPEORM_ACTIVE_RECORD_ONLY.has(name))) return 'typeorm';
    if ([...methods].some((name) => (MONGOOSE_READ_LIST.has(name) || MONGOOSE_WRITE.has(name) || MONGOOSE_READ_ONE.has(name)) && !SEQUELIZE_READ_ONE.has(name) && !SEQUELIZE_WRITE.has(name))) return 'mongoose';
    const evidence = this.fileEvidence();
    if (evidence.has('sequelize')) return 'sequelize';
    if (evidence.has('typeorm')) return 'typeorm';
    return 'mongoose';
  }

  private transactionLibrary(name: string): DbLibrary {
    if (/^sequelize$/iu.test(name)) return 'sequelize';
    if (DATA_SOURCE_NAMES.test(name) || MANAGER_NAMES.test(name)) return 'typeorm';
    const evidence = this.fileEvidence();
    for (const library of ['drizzle', 'knex', 'sequelize', 'typeorm'] as const) if (evidence.has(library)) return library;
    return /knex|trx/iu.test(name) ? 'knex' : 'drizzle';
  }

  private sqlLibrary(texts: readonly string[]): DbLibrary {
    if (texts.some((text) => /\$\d/u.test(text))) return 'pg';
    if (texts.some((text) => text.includes('?'))) return 'mysql';
    const evidence = this.fileEvidence();
    return evidence.has('mysql') && !evidence.has('pg') ? 'mysql' : 'pg';
  }

  /** The database libraries this file imports (top-level `import`/`require` only). */
  private fileEvidence(): Set<DbLibrary> {
    if (this.evidence) return this.evidence;
    const found = new Set<DbLibrary>();
    for (const statement of this.sourceCode.ast.body) {
      let source: string | undefined;
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) source = String(statement.source.value);
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        const init = statement.declarations[0]?.init;
        const call = init ? unwrapAwait(init) : undefined;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require') source = stringValue(call.arguments[0]);
      }
      const library = source === undefined ? undefined : libraryOfModule(source.replace(/^node:/u, ''));
      if (library) found.add(library);
    }
    this.evidence = found;
    return found;
  }

  /**
   * Whether `node` is a call whose callee matches one of the write patterns (`storage.createUser`):
   * what {@link classifyCall} needs for a `pattern` write, without classifying the call.
   */
  matchesWritePattern(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getMemberName(callee);
    if (method === undefined || !mayMatchPatterns(this.writePatterns, method)) return false;
    const dotted = getDottedName(callee)?.split('.').filter((part) => part !== 'this');
    return dotted !== undefined && matchesPatternList(this.writePatterns, dotted);
  }

  private matchPatterns(node: Invocation): DbCall | undefined {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = getMemberName(callee);
    // Most calls reach this last step: reject them on the method name before building the chain.
    if (method === undefined || (!mayMatchPatterns(this.writePatterns, method) && !mayMatchPatterns(this.readPatterns, method))) return undefined;
    const dotted = getDottedName(callee)?.split('.').filter((part) => part !== 'this');
    if (!dotted) return undefined;
    const kind: DbCallKind | undefined = matchesPatternList(this.writePatterns, dotted)
      ? 'write'
      : matchesPatternList(this.readPatterns, dotted)
        ? 'read'
        : undefined;
    if (!kind) return undefined;
    if (continuesChain(node)) return undefined;
    return {
      node,
      library: 'repository',
      kind,
      method,
      receiver: callee.object,
      client: { library: 'repository', role: 'repository', confidence: 'heuristic' },
      confidence: 'pattern',
      ...(kind === 'read' && /^(?:list|search|getAll|findAll|findMany)/u.test(method) ? { isList: true } : {}),
    };
  }

  // ----- values --------------------------------------------------------------------------------

  /** The object literal `node` is, or a `const` initialised with one. */
  private objectOf(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
    if (!node) return undefined;
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.ObjectExpression) return target;
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const init = this.constInitializer(target);
    const value = init ? unwrapExpression(init) : undefined;
    return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
  }

  /** The array literal `node` is, or a `const` initialised with one. */
  private arrayOf(node: TSESTree.Node | undefined): TSESTree.ArrayExpression | undefined {
    if (!node) return undefined;
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.ArrayExpression) return target;
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const init = this.constInitializer(target);
    const value = init ? unwrapExpression(init) : undefined;
    return value?.type === AST_NODE_TYPES.ArrayExpression ? value : undefined;
  }

  /** `{ take: n }` → has a limit; no options → none; options that cannot be seen (a parameter, a spread) → undefined. */
  private optionLimit(options: TSESTree.Node | undefined, key: string): Pick<Classified, 'hasLimit' | 'limit'> {
    if (!options) return { hasLimit: false };
    const object = this.objectOf(options);
    if (!object) return {};
    const property = findProperty(object, key);
    if (property) return { hasLimit: true, limit: property.value };
    return hasSpread(object) ? {} : { hasLimit: false };
  }

  /** Whether arguments filter or write by a set: `{ in: ids }`, `$in`, `[Op.in]`, `inArray(…)`, `In(…)`, `whereIn`. */
  private mentionsSet(node: TSESTree.Node | undefined): boolean {
    if (!node) return false;
    let budget = 200;
    const visit = (current: TSESTree.Node, depth: number): boolean => {
      budget -= 1;
      if (budget < 0 || depth > 6) return false;
      const target = unwrapExpression(current);
      switch (target.type) {
        case AST_NODE_TYPES.ObjectExpression:
          return target.properties.some((property) => {
            if (property.type !== AST_NODE_TYPES.Property) return false;
            const key = property.computed ? getDottedName(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : stringValue(property.key);
            if (key === 'in' || key === '$in' || key === 'Op.in' || key === 'inArray') return true;
            return visit(property.value, depth + 1);
          });
        case AST_NODE_TYPES.CallExpression: {
          const name = getDottedName(target.callee)?.split('.').pop();
          if (name === 'inArray' || name === 'In' || name === 'whereIn' || name === 'any') return true;
          return target.arguments.some((argument) => visit(argument, depth + 1));
        }
        case AST_NODE_TYPES.TaggedTemplateExpression:
          return target.quasi.quasis.some((quasi) => /\bIN\s*\(?$|=\s*ANY\s*\(?$/i.test(quasi.value.raw.trimEnd()));
        case AST_NODE_TYPES.ArrayExpression:
          return target.elements.some((element) => element !== null && visit(element, depth + 1));
        default:
          return false;
      }
    };
    return visit(node, 0);
  }

  private sqlTextsOfArgument(node: TSESTree.Node | undefined): string[] | undefined {
    if (!node) return undefined;
    const config = this.objectOf(node);
    const text = config ? (findProperty(config, 'text') ?? findProperty(config, 'sql'))?.value : node;
    return text ? this.sqlTexts(text, 0) : undefined;
  }

  /** The possible static texts of a SQL argument (`DYNAMIC` for interpolations), through consts, `let` writes, `?:` and `+`. */
  private sqlTexts(node: TSESTree.Node, depth: number): string[] | undefined {
    if (depth > 6) return undefined;
    const target = unwrapExpression(node);
    switch (target.type) {
      case AST_NODE_TYPES.Literal:
        return typeof target.value === 'string' ? [target.value] : undefined;
      case AST_NODE_TYPES.TemplateLiteral:
        return [target.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(DYNAMIC)];
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return [target.quasi.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(DYNAMIC)];
      case AST_NODE_TYPES.BinaryExpression: {
        if (target.operator !== '+') return undefined;
        const left = this.sqlTexts(target.left, depth + 1);
        const right = this.sqlTexts(target.right, depth + 1);
        if (!left && !right) return undefined;
        const texts: string[] = [];
        for (const a of left ?? [DYNAMIC]) for (const b of right ?? [DYNAMIC]) if (texts.length < 8) texts.push(a + b);
        return texts;
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const texts = [...(this.sqlTexts(target.consequent, depth + 1) ?? [DYNAMIC]), ...(this.sqlTexts(target.alternate, depth + 1) ?? [DYNAMIC])];
        return texts.every((text) => text === DYNAMIC) ? undefined : texts;
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = this.variableOf(target);
        const def = variable?.defs[0];
        if (!variable || def?.type !== 'Variable') return undefined;
        const values = [
          ...(def.node.init ? [def.node.init] : []),
          ...variable.references.filter((reference) => reference.isWrite() && reference.writeExpr && reference.writeExpr !== def.node.init).map((reference) => reference.writeExpr as TSESTree.Node),
        ];
        if (values.length === 0) return undefined;
        const texts = values.flatMap((value) => this.sqlTexts(value, depth + 1) ?? [DYNAMIC]);
        return texts.every((text) => text === DYNAMIC) ? undefined : texts;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapExpression(target.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const name = getMemberName(callee);
        if (name === 'trim' || name === 'trimStart' || name === 'trimEnd' || name === 'toString') return this.sqlTexts(callee.object, depth + 1);
        if (name === 'join') {
          const array = this.arrayOf(callee.object);
          if (!array) return undefined;
          const separator = target.arguments.length === 0 ? ',' : stringValue(target.arguments[0]);
          if (separator === undefined) return undefined;
          const parts = array.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? (this.sqlTexts(element, depth + 1)?.[0] ?? DYNAMIC) : DYNAMIC));
          return [parts.join(separator)];
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  // ----- transactions --------------------------------------------------------------------------

  /** Whether `node` runs inside a database transaction. See {@link getTransaction}. */
  isInTransaction(node: TSESTree.Node): boolean {
    return this.getTransaction(node) !== undefined;
  }

  /**
   * The transaction `node` runs in: inside a transaction callback (`prisma.$transaction(async (tx) => …)`,
   * `db.transaction(…)`, `knex.transaction(…)`, `sequelize.transaction(…)`, `dataSource.transaction(…)`,
   * `session.withTransaction(…)`, or a helper named like `withTransaction(…)`), an element of
   * `prisma.$transaction([…])`, a `BEGIN`…`COMMIT` (or `startTransaction()`…`commitTransaction()`)
   * region on the same client in an enclosing function, a call on a transaction handle, or a call
   * given one (`{ transaction: t }`, `.transacting(trx)`, Mongoose `{ session }`).
   */
  getTransaction(node: TSESTree.Node): TransactionScope | undefined {
    const call = this.classifyCall(node);
    if (call) {
      if (call.client.isTransaction) return { kind: 'handle', node: call.receiver };
      const option = this.transactionOption(call);
      if (option) return { kind: 'option', node: option };
    }
    let child: TSESTree.Node = node;
    let parent = node.parent;
    while (parent) {
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
        if (isFunctionNode(child) && this.isTransactionScopeCall(parent)) return { kind: 'callback', node: parent };
        if (child.type === AST_NODE_TYPES.ArrayExpression && this.isPrismaTransaction(parent)) return { kind: 'array', node: parent };
      }
      if (child.type === AST_NODE_TYPES.ArrayExpression && parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) {
        const scope = this.arrayPassedToTransaction(parent);
        if (scope) return { kind: 'array', node: scope };
      }
      child = parent;
      parent = parent.parent;
    }
    const key = call ? getDottedName(call.receiver) : undefined;
    for (let fn: TSESTree.Node | undefined = enclosingFunctionOrProgram(node); fn; fn = fn.parent ? enclosingFunctionOrProgram(fn) : undefined) {
      for (const region of this.transactionRegions(fn)) {
        if (node.range[0] < region.start || node.range[1] > region.end) continue;
        if (key === undefined || region.key === undefined || key === region.key || key.startsWith(`${region.key}.`)) return { kind: 'region', node: region.node };
      }
      if (fn.type === AST_NODE_TYPES.Program) break;
    }
    return undefined;
  }

  private isTransactionScopeCall(call: TSESTree.CallExpression): boolean {
    const classified = this.classifyCall(call);
    if (classified) return classified.transaction === 'scope';
    const name = getDottedName(call.callee)?.split('.').pop();
    return name !== undefined && TRANSACTION_HELPER.test(name);
  }

  private isPrismaTransaction(call: TSESTree.CallExpression): boolean {
    const classified = this.classifyCall(call);
    return classified?.library === 'prisma' && classified.transaction === 'scope';
  }

  /** `const ops = [prisma.a.create(…)]; await prisma.$transaction(ops)`. */
  private arrayPassedToTransaction(declarator: TSESTree.VariableDeclarator): TSESTree.Node | undefined {
    for (const variable of this.sourceCode.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) {
        const parent = reference.identifier.parent;
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === reference.identifier && this.isPrismaTransaction(parent)) return parent;
      }
    }
    return undefined;
  }

  /** `{ transaction: t }` (Sequelize, TypeORM-style options), Mongoose `{ session }`/`.session(s)`, Knex `.transacting(trx)`. */
  private transactionOption(call: DbCall): TSESTree.Node | undefined {
    const chain = flattenChain(call.node);
    for (const segment of chain.segments) {
      if (!segment.call || segment.call.type !== AST_NODE_TYPES.CallExpression) continue;
      if (segment.name === 'transacting' || (segment.name === 'session' && call.library === 'mongoose')) return segment.call;
      for (const argument of segment.call.arguments) {
        const object = this.objectOf(argument);
        const property = object && (findProperty(object, 'transaction') ?? (call.library === 'mongoose' ? findProperty(object, 'session') : undefined));
        if (property && !(property.value.type === AST_NODE_TYPES.Literal && property.value.value === null)) return property;
      }
    }
    return undefined;
  }

  /** `BEGIN`…`COMMIT` regions of one function (not of functions nested in it), keyed by client. Memoised. */
  private transactionRegions(fn: TSESTree.Node): Region[] {
    const cached = this.regions.get(fn);
    if (cached) return cached;
    // A region opens with `BEGIN`/`START` SQL or `beginTransaction()`/`startTransaction()`: a file
    // whose text has neither word (nor an escape that could spell one) has none.
    if (!(this.mayHaveRegions ??= REGION_WORDS.test(this.sourceCode.text))) return [];
    const controls: { key: string | undefined; control: TransactionControl; node: TSESTree.Node }[] = [];
    const keys = this.sourceCode.visitorKeys;
    const visit = (current: TSESTree.Node): void => {
      if (current !== fn && isFunctionNode(current)) return;
      if (isInvocation(current) && mayControlTransaction(current)) {
        const classified = this.classifyCall(current);
        if (classified?.kind === 'transaction' && classified.transaction !== undefined && classified.transaction !== 'scope' && classified.transaction !== 'savepoint') {
          controls.push({ key: getDottedName(classified.receiver), control: classified.transaction, node: current });
        }
      }
      for (const key of keys[current.type] ?? []) {
        const value = (current as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const item of value) if (isNode(item)) visit(item);
        } else if (isNode(value)) {
          visit(value);
        }
      }
    };
    const body = fn.type === AST_NODE_TYPES.Program ? fn : isFunctionNode(fn) ? fn.body : undefined;
    if (body) visit(body);
    const found: Region[] = [];
    for (const begin of controls) {
      if (begin.control !== 'begin') continue;
      const after = controls.filter((control) => control.node.range[0] > begin.node.range[1] && control.key === begin.key);
      const end = after.find((control) => control.control === 'commit') ?? after.find((control) => control.control === 'rollback');
      found.push({ key: begin.key, start: begin.node.range[1], end: end ? end.node.range[0] : fn.range[1], node: begin.node });
    }
    this.regions.set(fn, found);
    return found;
  }

  // ----- loops ---------------------------------------------------------------------------------

  /**
   * The nearest loop that repeats `node` within its function: a `for`/`for…of`/`for…in`/`while`/
   * `do` statement (its body or condition), or an iteration callback (`forEach`, `map`, `flatMap`,
   * `filter`, `reduce`, `some`, `every`, `find`…, `Array.from(x, fn)`) — including
   * `Promise.all(items.map(async …))`, marked `concurrent`. Stops at any other function boundary.
   */
  getEnclosingLoop(node: TSESTree.Node): LoopInfo | undefined {
    let child: TSESTree.Node = node;
    let parent = node.parent;
    while (parent) {
      if (isFunctionNode(child)) return this.iterationCallback(child);
      switch (parent.type) {
        case AST_NODE_TYPES.ForStatement:
          if (child === parent.body || child === parent.test || child === parent.update) {
            return {
              node: parent,
              kind: 'for',
              ...optionalLength(this.forLength(parent)),
              concurrent: false,
              isAwait: false,
              variables: parent.init?.type === AST_NODE_TYPES.VariableDeclaration ? this.sourceCode.getDeclaredVariables(parent.init) : [],
            };
          }
          break;
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
          if (child === parent.body) {
            const isOf = parent.type === AST_NODE_TYPES.ForOfStatement;
            return {
              node: parent,
              kind: isOf ? 'for-of' : 'for-in',
              iterable: parent.right,
              ...optionalLength(isOf ? this.staticLength(parent.right) : this.keyCount(parent.right)),
              concurrent: false,
              isAwait: parent.type === AST_NODE_TYPES.ForOfStatement && parent.await,
              variables: parent.left.type === AST_NODE_TYPES.VariableDeclaration ? this.sourceCode.getDeclaredVariables(parent.left) : [],
            };
          }
          break;
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          if (child === parent.body || child === parent.test) {
            return { node: parent, kind: parent.type === AST_NODE_TYPES.WhileStatement ? 'while' : 'do-while', concurrent: false, isAwait: false, variables: [] };
          }
          break;
        default:
          break;
      }
      child = parent;
      parent = parent.parent;
    }
    return undefined;
  }

  /** Whether `node` uses a loop's per-iteration variable, directly or through a `const` declared in the loop. */
  referencesLoopVariable(node: TSESTree.Node, loop: LoopInfo): boolean {
    const loopVariables = new Set(loop.variables);
    const keys = this.sourceCode.visitorKeys;
    let budget = 500;
    const visit = (current: TSESTree.Node, depth: number): boolean => {
      budget -= 1;
      if (budget < 0) return false;
      if (current.type === AST_NODE_TYPES.Identifier) {
        const variable = this.variableOf(current);
        if (!variable) return false;
        if (loopVariables.has(variable)) return true;
        const def = variable.defs[0];
        if (depth < 3 && def?.type === 'Variable' && def.node.init && def.node.range[0] >= loop.node.range[0] && def.node.range[1] <= loop.node.range[1]) {
          return visit(def.node.init, depth + 1);
        }
        return false;
      }
      for (const key of keys[current.type] ?? []) {
        const value = (current as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const item of value) if (isNode(item) && visit(item, depth)) return true;
        } else if (isNode(value) && visit(value, depth)) {
          return true;
        }
      }
      return false;
    };
    return visit(node, 0);
  }

  private iterationCallback(fn: FunctionNode): LoopInfo | undefined {
    const call = fn.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = getMemberName(callee);
    if (method === undefined) return undefined;
    let iterable: TSESTree.Node | undefined;
    if (ITERATION_METHODS.has(method) && call.arguments[0] === fn) {
      if (this.classifyCall(call)) return undefined; // `User.find(cb)`: a query with a callback, not a loop
      iterable = callee.object;
    } else if (method === 'from' && getDottedName(callee) === 'Array.from' && call.arguments[1] === fn) {
      iterable = call.arguments[0];
    } else {
      return undefined;
    }
    const params = method === 'reduce' || method === 'reduceRight' ? fn.params.slice(1) : fn.params;
    const variables = this.sourceCode
      .getDeclaredVariables(fn)
      .filter((variable) => variable.defs.some((def) => def.type === 'Parameter' && params.some((param) => def.name.range[0] >= param.range[0] && def.name.range[1] <= param.range[1])));
    return {
      node: call,
      kind: 'callback',
      method,
      callback: fn,
      ...(iterable ? { iterable } : {}),
      ...optionalLength(iterable ? (method === 'from' ? this.arrayLikeLength(iterable) : this.staticLength(iterable)) : undefined),
      concurrent: isInPromiseCombinator(call),
      isAwait: false,
      variables,
    };
  }

  /** The length of an array literal (or a `const` one never mutated), `Object.keys/values/entries` of a literal. */
  private staticLength(node: TSESTree.Node): number | undefined {
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const dotted = getDottedName(target.callee);
      if (dotted === 'Object.keys' || dotted === 'Object.values' || dotted === 'Object.entries') return this.keyCount(target.arguments[0]);
      return undefined;
    }
    const array = this.arrayOf(target);
    if (!array || array.elements.some((element) => element === null || element.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    if (target.type === AST_NODE_TYPES.Identifier && this.isMutated(target)) return undefined;
    return array.elements.length;
  }

  private keyCount(node: TSESTree.Node | undefined): number | undefined {
    const object = this.objectOf(node);
    if (!object || hasSpread(object)) return undefined;
    if (node && unwrapExpression(node).type === AST_NODE_TYPES.Identifier && this.isMutated(unwrapExpression(node) as TSESTree.Identifier)) return undefined;
    return object.properties.length;
  }

  /** `Array.from({ length: 3 }, …)`. */
  private arrayLikeLength(node: TSESTree.Node): number | undefined {
    const object = this.objectOf(node);
    const length = object && findProperty(object, 'length')?.value;
    if (length?.type === AST_NODE_TYPES.Literal && typeof length.value === 'number') return length.value;
    return this.staticLength(node);
  }

  private isMutated(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return (variable?.references ?? []).some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
      const name = getMemberName(member);
      if (member.parent.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member) return true;
      return name !== undefined && MUTATING_ARRAY_METHODS.has(name);
    });
  }

  /** `for (let i = 0; i < 3; i++)` → 3. */
  private forLength(loop: TSESTree.ForStatement): number | undefined {
    const init = loop.init?.type === AST_NODE_TYPES.VariableDeclaration && loop.init.declarations.length === 1 ? loop.init.declarations[0] : undefined;
    if (init?.id.type !== AST_NODE_TYPES.Identifier || init.init?.type !== AST_NODE_TYPES.Literal || init.init.value !== 0) return undefined;
    const test = loop.test;
    if (test?.type !== AST_NODE_TYPES.BinaryExpression || test.left.type !== AST_NODE_TYPES.Identifier || test.left.name !== init.id.name) return undefined;
    let bound: number | undefined;
    const right = unwrapExpression(test.right);
    if (right.type === AST_NODE_TYPES.Literal && typeof right.value === 'number') bound = right.value;
    else if (right.type === AST_NODE_TYPES.Identifier) {
      const value = this.constInitializer(right);
      if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') bound = value.value;
    }
    if (bound === undefined) return undefined;
    const update = loop.update;
    const increments =
      (update?.type === AST_NODE_TYPES.UpdateExpression && update.operator === '++') ||
      (update?.type === AST_NODE_TYPES.AssignmentExpression && update.operator === '+=' && update.right.type === AST_NODE_TYPES.Literal && update.right.value === 1);
    if (!increments) return undefined;
    if (test.operator === '<') return bound;
    if (test.operator === '<=') return bound + 1;
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const sharedModels = new WeakMap<object, Map<string, DataAccess>>();

/**
 * The data-access model of a file, built once and shared by every rule that asks with the same
 * options. Held in a `WeakMap` keyed by the `SourceCode`: nothing survives the file.
 */
export function getDataAccess(sourceCode: Readonly<TSESLint.SourceCode>, options: DataAccessOptions = {}): DataAccess {
  // Keyed by the effective lists, so a rule that passes the defaults explicitly shares the model
  // with rules that pass nothing.
  // Rules ask once per node: the key must be cheap, so the default lists map to '' without
  // serialising them.
  const key = `${listKey(options.writeMethods, DEFAULT_WRITE_METHODS)}\n${listKey(options.readMethods, DEFAULT_READ_METHODS)}`;
  let perFile = sharedModels.get(sourceCode);
  if (!perFile) {
    perFile = new Map();
    sharedModels.set(sourceCode, perFile);
  }
  let model = perFile.get(key);
  if (!model) {
    model = new DataAccess(sourceCode, options);
    perFile.set(key, model);
  }
  return model;
}

/**
 * Keys of option lists, by list object: a pure derived-value cache, as for the compiled patterns (a
 * config's lists come back as the same arrays for every file).
 */
const listKeys = new WeakMap<readonly string[], string>();

/** '' for the default list (by reference or by content), else the list itself as the key. */
function listKey(list: readonly string[] | undefined, defaults: readonly string[]): string {
  if (list === undefined || list === defaults) return '';
  let key = listKeys.get(list);
  if (key === undefined) {
    key = list.length === defaults.length && list.every((item, index) => item === defaults[index]) ? '' : JSON.stringify(list);
    listKeys.set(list, key);
  }
  return key;
}

function combineSql(infos: readonly SqlInfo[]): SqlInfo {
  const [first] = infos;
  if (!first) return { command: undefined, kind: 'unknown' };
  // One text (the usual case) is its own combination: a read's `isList`, `hasLimit` and `isBatched`
  // are always set by `classifySql`, so the merge below would copy it unchanged.
  if (infos.length === 1) return first;
  const sameKind = infos.every((info) => info.kind === first.kind);
  const sameCommand = infos.every((info) => info.command === first.command);
  if (!sameKind) return { command: sameCommand ? first.command : undefined, kind: 'unknown' };
  return {
    ...first,
    command: sameCommand ? first.command : undefined,
    ...(first.kind === 'read'
      ? { isList: infos.some((info) => info.isList === true), hasLimit: infos.every((info) => info.hasLimit === true), isBatched: infos.every((info) => info.isBatched === true) }
      : {}),
    ...(infos.every((info) => info.limitParameter === first.limitParameter) ? {} : { limitParameter: undefined }),
  };
}

/** A guessed client; a transaction handle when its name says so (`tx`, `trx`). */
function guessedClient(names: number, library: DbLibrary, role: ClientRole, model: string | undefined): DbClient {
  if ((names & NAME_TRANSACTION) !== 0) {
    return model === undefined ? { library, role, isTransaction: true, confidence: 'heuristic' } : { library, role, isTransaction: true, model, confidence: 'heuristic' };
  }
  return model === undefined ? { library, role, confidence: 'heuristic' } : { library, role, model, confidence: 'heuristic' };
}

/** Copies what `info` tells (the fields it has) onto a classification: assignments, not spreads, on this per-query path. */
function addSqlFields(result: Classified, info: SqlInfo): void {
  if (info.command !== undefined) result.command = info.command;
  if (info.transaction !== undefined) result.transaction = info.transaction;
  if (info.table !== undefined) result.model = info.table;
  if (info.isList !== undefined) result.isList = info.isList;
  if (info.hasLimit !== undefined) result.hasLimit = info.hasLimit;
  if (info.isBatched !== undefined) result.isBatched = info.isBatched;
}

function isSqlKeyword(command: string | undefined): boolean {
  return command !== undefined && (SQL_READ.has(command) || SQL_WRITE.has(command) || SQL_OTHER.has(command) || command in SQL_TRANSACTION || command === 'WITH');
}

function isRedisMethod(name: string): boolean {
  const lower = name.toLowerCase();
  return REDIS_READ.has(lower) || REDIS_WRITE.has(lower) || REDIS_GENERIC.has(lower) || REDIS_LIFECYCLE.has(lower) || ['multi', 'exec', 'execasync', 'discard', 'watch', 'unwatch'].includes(lower);
}

/** `db.select().from(t)`, `db.insert(t).values(v)`, `db.update(t).set(v)`, `db.delete(t).where(c)`, `db.query.users.findMany()`. */
function drizzleShape(rest: readonly Segment[]): boolean {
  let segments = rest;
  while (segments[0] && (segments[0].name === 'with' || segments[0].name === '$with') && segments[0].call) segments = segments.slice(1);
  const [op] = segments;
  if (!op?.name) return false;
  const has = (name: string): Segment | undefined => segments.find((segment) => segment.name === name && segment.call);
  if (op.name === 'query' && !op.call) {
    const method = segments[2];
    return segments.length === 3 && segments[1]?.name !== undefined && !segments[1].call && method?.call !== undefined && (method.name === 'findMany' || method.name === 'findFirst');
  }
  if (!op.call) return false;
  if (DRIZZLE_SELECT.has(op.name)) {
    const from = has('from')?.call;
    const table = from?.type === AST_NODE_TYPES.CallExpression ? from.arguments[0] : undefined;
    return table !== undefined && stringValue(table) === undefined;
  }
  if (op.name === 'insert') return has('values') !== undefined;
  if (op.name === 'update') return has('set') !== undefined;
  if (op.name === 'delete') return invocationArgs(op.call).length === 1 && (has('where') !== undefined || has('returning') !== undefined);
  return false;
}

/** `db('users').where(…).first()`, `knex.select('*').from('users')`, `db.insert(row).into('t')`, `knex.raw('…')`. */
function knexShape(rest: readonly Segment[]): boolean {
  const [first] = rest;
  if (!first?.call) return false;
  if (first.name === undefined) {
    const table = invocationArgs(first.call)[0];
    return stringValue(table) !== undefined && rest.length >= 2 && rest.slice(1).every((segment) => segment.call && segment.name !== undefined && KNEX_BUILDER.has(segment.name));
  }
  if (first.name === 'raw') return rest.length === 1;
  if (!KNEX_STARTERS.has(first.name)) return false;
  const from = rest.find((segment) => (segment.name === 'from' || segment.name === 'into' || segment.name === 'table') && segment.call);
  const table = from?.call?.type === AST_NODE_TYPES.CallExpression ? from.call.arguments[0] : undefined;
  return stringValue(table) !== undefined && rest.every((segment) => segment.call && segment.name !== undefined && KNEX_BUILDER.has(segment.name));
}

function chainNames(segments: readonly Segment[], extra: ReadonlySet<string>): Set<string> {
  const names = new Set(extra);
  for (const segment of segments) if (segment.call && segment.name !== undefined) names.add(segment.name);
  return names;
}

/** Names of builder calls made directly on a variable (`q.limit(10);`, `qb.take(5)`). */
function builderCallsOn(variable: TSESLint.Scope.Variable): Set<string> {
  const names = new Set<string>();
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const name = getMemberName(member);
    if (name !== undefined && member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) names.add(name);
  }
  return names;
}

function mayControlTransaction(node: Invocation): boolean {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return /^\s*(?:BEGIN|START|COMMIT|ROLLBACK|END)\b/i.test(node.quasi.quasis[0]?.value.raw ?? '');
  const callee = unwrapExpression(node.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
  return name !== undefined && /^(?:query|execute|raw|unsafe|startTransaction|commitTransaction|rollbackTransaction|abortTransaction|beginTransaction|commit|rollback)$/u.test(name);
}

function modelName(name: string): string {
  return /.Model$/u.test(name) ? name.slice(0, -5).replace(/^./u, (char) => char.toUpperCase()) : name;
}

function isPlainValue(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.NewExpression:
      return true;
    default:
      return false;
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The parent of a node, skipping TS wrappers. */
function unwrapParent(node: TSESTree.Node): TSESTree.Node | undefined {
  return climbThrough(node, CASTS_AND_CHAINS).parent;
}


function enclosingFunctionOrProgram(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.Program) return current;
    current = current.parent;
  }
  return undefined;
}

function findParameterNode(fn: TSESTree.Node, name: TSESTree.Identifier): TSESTree.Parameter | undefined {
  if (!isFunctionNode(fn) && fn.type !== AST_NODE_TYPES.TSDeclareFunction && fn.type !== AST_NODE_TYPES.TSEmptyBodyFunctionExpression) return undefined;
  return fn.params.find((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
}

function isInPromiseCombinator(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = call;
  let parent = current.parent;
  while (parent && (parent.type === AST_NODE_TYPES.ArrayExpression || parent.type === AST_NODE_TYPES.SpreadElement || parent.type === AST_NODE_TYPES.TSAsExpression)) {
    current = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
  const dotted = getDottedName(parent.callee);
  return dotted !== undefined && /^Promise\.(?:all|allSettled|any|race)$/u.test(dotted);
}

function optionalLength(length: number | undefined): { staticLength?: number } {
  return length === undefined ? {} : { staticLength: length };
}

const AGGREGATE_FUNCTION = /\b(?:COUNT|SUM|AVG|MIN|MAX|BOOL_AND|BOOL_OR|EVERY|STRING_AGG|ARRAY_AGG|JSON_AGG|JSONB_AGG|JSON_OBJECT_AGG|JSONB_OBJECT_AGG|GROUP_CONCAT|BIT_AND|BIT_OR)\s*\(/i;
const CONSTANT_SELECT_ITEM = /^\s*(?:\$\d+|\?|NULL|TRUE|FALSE|-?\d+(?:\.\d+)?|'[^']*'|NOW\s*\(\s*\)|CURRENT_(?:DATE|TIME|TIMESTAMP))(?:\s*::\s*\w+)?(?:\s+(?:AS\s+)?[\w"`]+)?\s*$/iu;

/**
 * Whether a SELECT always returns exactly one row, whatever the data: an aggregate-only select
 * list without GROUP BY or HAVING (`SELECT COUNT(*) FROM t WHERE …`, `SELECT COALESCE(SUM(x), 0) …`),
 * or a SELECT without FROM or WHERE (`SELECT NOW()`, `SELECT EXISTS(…)`). Window aggregates
 * (`COUNT(*) OVER ()`), set operations, LIMIT/OFFSET and dynamic texts are not. A `\u0000` in
 * `text` stands for an interpolated value, as in {@link classifySql}.
 */
export function sqlReturnsOneRow(text: string): boolean {
  const body = stripSqlNoise(text);
  if (body.startsWith(DYNAMIC) || classifySql(text).command !== 'SELECT' || !/^SELECT\b/i.test(body)) return false;
  const top = topLevel(body);
  if (/\b(?:GROUP\s+BY|HAVING|UNION|INTERSECT|EXCEPT|LIMIT|OFFSET|FETCH)\b/i.test(top)) return false;
  const from = /\bFROM\b/i.exec(top);
  if (!from) return !/\bWHERE\b/i.test(top);
  const start = /\bSELECT\b/i.exec(top);
  if (!start || start.index > from.index) return false;
  // Split the select list on top-level commas, then read each item in the original text.
  const listStart = start.index + start[0].length;
  const items: string[] = [];
  let itemStart = listStart;
  for (let index = listStart; index <= from.index; index += 1) {
    if (index === from.index || top[index] === ',') {
      items.push(body.slice(itemStart, index));
      itemStart = index + 1;
    }
  }
  const list = items.map((item) => item.replace(/^\s*(?:DISTINCT|ALL)\b/i, ''));
  return list.length > 0 && list.every((item) => !/\bOVER\s*\(/i.test(item) && (AGGREGATE_FUNCTION.test(item) || CONSTANT_SELECT_ITEM.test(item))) && list.some((item) => AGGREGATE_FUNCTION.test(item));
}
