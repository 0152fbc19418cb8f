/**
 * Which SQL client a receiver is: instances built in this file (`new Pool()`, `mysql.createPool()`,
 * `knex({…})`, `new DataSource()`…), values typed with a client's type (`pool: Pool` from `pg`,
 * a NestJS `private readonly dataSource: DataSource`), what those hand out (`pool.connect()`,
 * `dataSource.manager`, `createQueryRunner()`, transaction callbacks), and, for receivers from a
 * module we cannot see (`import pool from '../config/database'`), a name that reads like a
 * database handle.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getConstInitializer, getMemberName, isFunctionNode, unwrapAwait, unwrapExpression } from '../../util/ast.js';
import { CALL, CONSTRUCT, InstanceSet, resolveImportBinding, trackModuleReferences, type TraceMap } from '../../util/modules.js';
import { splitWords } from '../../util/names.js';

export type ClientKind = 'pg' | 'mysql' | 'knex' | 'sequelize' | 'typeorm' | 'prisma' | 'sqlite' | 'postgres';

const MYSQL_FACTORIES = {
  createConnection: { [CALL]: 'mysql' },
  createPool: { [CALL]: 'mysql' },
  createPoolCluster: { [CALL]: 'mysql' },
} as const;

const CREATIONS: TraceMap<ClientKind> = {
  pg: { Pool: { [CONSTRUCT]: 'pg' }, Client: { [CONSTRUCT]: 'pg' } },
  'pg-pool': { [CONSTRUCT]: 'pg' },
  mysql: MYSQL_FACTORIES,
  mysql2: MYSQL_FACTORIES,
  'mysql2/promise': MYSQL_FACTORIES,
  knex: { [CALL]: 'knex', knex: { [CALL]: 'knex' } },
  sequelize: { [CONSTRUCT]: 'sequelize', Sequelize: { [CONSTRUCT]: 'sequelize' } },
  'sequelize-typescript': { Sequelize: { [CONSTRUCT]: 'sequelize' } },
  typeorm: {
    DataSource: { [CONSTRUCT]: 'typeorm' },
    createConnection: { [CALL]: 'typeorm' },
    getConnection: { [CALL]: 'typeorm' },
    getManager: { [CALL]: 'typeorm' },
    getRepository: { [CALL]: 'typeorm' },
  },
  '@prisma/client': { PrismaClient: { [CONSTRUCT]: 'prisma' } },
  'better-sqlite3': { [CONSTRUCT]: 'sqlite', [CALL]: 'sqlite' },
  sqlite3: { Database: { [CONSTRUCT]: 'sqlite' } },
  postgres: { [CALL]: 'postgres' },
};

/** Client types by module, for annotated parameters and fields. */
const CLIENT_TYPES: Readonly<Record<string, Readonly<Record<string, ClientKind>>>> = {
  pg: { Pool: 'pg', Client: 'pg', PoolClient: 'pg' },
  'pg-pool': { default: 'pg' },
  mysql: { Pool: 'mysql', Connection: 'mysql', PoolConnection: 'mysql' },
  mysql2: { Pool: 'mysql', Connection: 'mysql', PoolConnection: 'mysql' },
  'mysql2/promise': { Pool: 'mysql', Connection: 'mysql', PoolConnection: 'mysql' },
  knex: { Knex: 'knex' },
  sequelize: { Sequelize: 'sequelize' },
  'sequelize-typescript': { Sequelize: 'sequelize' },
  typeorm: { DataSource: 'typeorm', Connection: 'typeorm', EntityManager: 'typeorm', QueryRunner: 'typeorm', Repository: 'typeorm' },
  '@prisma/client': { PrismaClient: 'prisma' },
  'better-sqlite3': { Database: 'sqlite', default: 'sqlite' },
};

/** Calls on a client that return a client of the same kind. */
const HANDED_OUT = ['connect', 'getConnection', 'promise', 'createQueryRunner', 'getRepository', 'transaction', 'acquire', 'getClient'];

/** Words that make a receiver's name read like a database handle (the name heuristic). */
export const DB_HANDLE_WORDS: readonly string[] = [
  'db',
  'database',
  'pool',
  'pg',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'sqlite',
  'knex',
  'sequelize',
  'conn',
  'connection',
  'client',
  'trx',
  'tx',
  'transaction',
  'manager',
  'datasource',
  'queryrunner',
  'runner',
  'repo',
  'repository',
  'sql',
];

export class ClientReceivers {
  private readonly creations = new Map<TSESTree.Node, ClientKind>();
  private readonly instances: [ClientKind, InstanceSet][] = [];

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {
    const byKind = new Map<ClientKind, TSESTree.Node[]>();
    for (const reference of trackModuleReferences(sourceCode, CREATIONS)) {
      if (reference.type !== CALL && reference.type !== CONSTRUCT) continue;
      this.creations.set(reference.node, reference.info);
      byKind.set(reference.info, [...(byKind.get(reference.info) ?? []), reference.node]);
    }
    for (const [kind, nodes] of byKind) this.instances.push([kind, new InstanceSet(sourceCode, nodes)]);
  }

  /** The SQL client `node` holds, if it can be known. */
  kindOf(node: TSESTree.Node, depth = 0): ClientKind | undefined {
    if (depth > 6) return undefined;
    const target = unwrapAwait(node);
    const created = this.creations.get(target);
    if (created) return created;
    for (const [kind, set] of this.instances) if (set.has(target)) return kind;
    switch (target.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierKind(target, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const object = unwrapExpression(target.object);
        const name = getMemberName(target);
        if (object.type === AST_NODE_TYPES.ThisExpression && name !== undefined) return this.fieldKind(target, name);
        const kind = name === 'manager' ? this.kindOf(object, depth + 1) : undefined;
        return kind === 'typeorm' ? kind : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapExpression(target.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const name = getMemberName(callee);
        if (name === undefined || !HANDED_OUT.includes(name)) return undefined;
        return this.kindOf(callee.object, depth + 1);
      }
      default:
        return undefined;
    }
  }

  private identifierKind(node: TSESTree.Identifier, depth: number): ClientKind | undefined {
    const scope = this.sourceCode.getScope(node);
    const variable = ASTUtils.findVariable(scope, node);
    const def = variable?.defs[0];
    if (!def) return undefined;
    if (def.type === 'Parameter' && isFunctionNode(def.node)) {
      const name = def.name as TSESTree.Identifier;
      if (name.typeAnnotation) return this.typeKind(name.typeAnnotation.typeAnnotation);
      // dataSource.transaction(async (manager) => …), knex.transaction(async (trx) => …)
      const fn = def.node;
      const call = fn.parent;
      if (fn.params[0] === name && call.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
        const callee = unwrapExpression(call.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberName(callee) === 'transaction') {
          const kind = this.kindOf(callee.object, depth + 1);
          return kind === 'typeorm' || kind === 'knex' || kind === 'pg' ? kind : undefined;
        }
      }
      return undefined;
    }
    if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.Identifier && def.node.id.typeAnnotation) {
      const kind = this.typeKind(def.node.id.typeAnnotation.typeAnnotation);
      if (kind) return kind;
    }
    const init = getConstInitializer(node, scope);
    return init ? this.kindOf(init, depth + 1) : undefined;
  }

  /** `this.x` where the class declares `x: DataSource` or `constructor(private x: Pool)`. */
  private fieldKind(node: TSESTree.MemberExpression, name: string): ClientKind | undefined {
    let current: TSESTree.Node | undefined = node.parent;
    while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
    if (!current) return undefined;
    for (const member of current.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
        if (member.typeAnnotation) return this.typeKind(member.typeAnnotation.typeAnnotation);
        return member.value ? this.kindOf(member.value, 1) : undefined;
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const parameter = param.parameter;
          if (parameter.type === AST_NODE_TYPES.Identifier && parameter.name === name && parameter.typeAnnotation) {
            return this.typeKind(parameter.typeAnnotation.typeAnnotation);
          }
        }
      }
    }
    return undefined;
  }

  private typeKind(annotation: TSESTree.TypeNode): ClientKind | undefined {
    if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const typeName = annotation.typeName;
    let identifier: TSESTree.Identifier;
    let member: string | undefined;
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      identifier = typeName;
    } else if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
      identifier = typeName.left;
      member = typeName.right.name;
    } else {
      return undefined;
    }
    const binding = resolveImportBinding(identifier, this.sourceCode.getScope(annotation));
    if (!binding) return undefined;
    const types = CLIENT_TYPES[binding.source];
    if (!types) return undefined;
    const head = binding.path[0];
    // `Knex.Transaction` (named namespace type) or `pg.Pool` (namespace / default import).
    if (member !== undefined && (head === '*' || head === 'default')) return types[member];
    return head === undefined ? undefined : types[head];
  }
}

/** Whether a receiver's name reads like a database handle: `pool`, `db`, `pgPool`, `this.dataSource`. */
export function looksLikeDbHandle(node: TSESTree.Node, extraWords: readonly string[]): boolean {
  const target = unwrapAwait(node);
  let name: string | undefined;
  if (target.type === AST_NODE_TYPES.Identifier) name = target.name;
  else if (target.type === AST_NODE_TYPES.MemberExpression) name = getMemberName(target);
  else if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(target.callee);
    name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
  }
  if (name === undefined) return false;
  const words = splitWords(name);
  const joined = words.join('');
  const extra = extraWords.map((word) => word.toLowerCase());
  return (
    words.some((word) => DB_HANDLE_WORDS.includes(word) || extra.includes(word)) ||
    ['datasource', 'queryrunner', 'entitymanager'].some((compound) => joined.includes(compound))
  );
}
