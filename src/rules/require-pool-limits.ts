import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../util/create-rule.js';
import { setObjectProperties } from '../util/fix.js';
import { CALL, CONSTRUCT, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { readOptionsObject, type OptionsObject } from '../util/options-object.js';
import { isProcessEnv, isTestFile } from '../util/secrets.js';

export type Options = [
  {
    requireMaxSize?: boolean;
    maxConnections?: number;
    connectionTimeoutMillis?: number;
    idleTimeoutMillis?: number;
    queueLimit?: number;
  },
];
export type MessageIds = 'unboundedWait' | 'missingMaxSize' | 'addPoolLimits';

const DEFAULT_OPTIONS: Required<Options[0]> = {
  requireMaxSize: true,
  maxConnections: 10,
  connectionTimeoutMillis: 5000,
  idleTimeoutMillis: 30_000,
  queueLimit: 100,
};

type Library = 'pg' | 'mysql' | 'sequelize' | 'knex';

const LABELS: Record<Library, string> = { pg: 'node-postgres', mysql: 'mysql', sequelize: 'Sequelize', knex: 'Knex' };
/** The pool size each driver falls back to when none is set. */
const DEFAULT_SIZES: Record<Library, number> = { pg: 10, mysql: 10, sequelize: 5, knex: 10 };

const TRACE_MAP: TraceMap<Library> = {
  pg: { Pool: { [CONSTRUCT]: 'pg' } },
  'pg-pool': { [CONSTRUCT]: 'pg' },
  '@neondatabase/serverless': { Pool: { [CONSTRUCT]: 'pg' } },
  mysql: { createPool: { [CALL]: 'mysql' } },
  mysql2: { createPool: { [CALL]: 'mysql' } },
  'mysql2/promise': { createPool: { [CALL]: 'mysql' } },
  sequelize: { [CONSTRUCT]: 'sequelize', Sequelize: { [CONSTRUCT]: 'sequelize' } },
  'sequelize-typescript': { Sequelize: { [CONSTRUCT]: 'sequelize' } },
  knex: { [CALL]: 'knex', knex: { [CALL]: 'knex' } },
};

/** What one pool creation lacks, and the properties the suggestion sets. */
interface Finding {
  /** The wait for a free connection is unbounded (pg `connectionTimeoutMillis` 0, mysql `queueLimit` 0). */
  unboundedWait: boolean;
  /** The properties missing or unbounded, as the message names them (`` `max` ``, ``a non-zero `queueLimit` ``). */
  missing: string[];
  fix?: {
    /** Properties to set on `object`, or the text of a new options argument when there is none. */
    object?: TSESTree.ObjectExpression;
    properties: Record<string, string>;
    /** Inserted as a new last argument when the call has no options object. */
    newArgument?: string;
  };
}

export default createRule<Options, MessageIds>({
  name: 'require-pool-limits',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require database connection pools to set a maximum size and a bounded wait for a free connection',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-400',
    },
    hasSuggestions: true,
    messages: {
      unboundedWait:
        'This {{library}} pool does not set {{missing}}: when every connection is busy, a request waits for a free one with no time limit, so one slow query or a traffic spike stalls every request instead of failing fast.',
      missingMaxSize:
        'This {{library}} pool does not set {{missing}}: it falls back to the driver default of {{fallback}} connections, a size nobody chose for this database, and several instances together can exceed its connection limit.',
      addPoolLimits: 'Set {{properties}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireMaxSize: {
            type: 'boolean',
            description: 'Report pools that do not set their maximum size (`max`, `connectionLimit`, `pool.max`). With false, only an unbounded wait is reported.',
          },
          maxConnections: {
            type: 'integer',
            minimum: 1,
            description: 'The pool size the suggestion writes (`max`, `connectionLimit`, `pool.max`).',
          },
          connectionTimeoutMillis: {
            type: 'integer',
            minimum: 1,
            description: 'How long to wait for a free connection, as the suggestion writes it (`connectionTimeoutMillis`, `acquireConnectionTimeout`, `pool.acquire`).',
          },
          idleTimeoutMillis: {
            type: 'integer',
            minimum: 1,
            description: 'How long an idle connection is kept, as the suggestion writes it (`idleTimeoutMillis`, `pool.idle`).',
          },
          queueLimit: {
            type: 'integer',
            minimum: 1,
            description: 'The bound on queued connection requests the suggestion writes for mysql/mysql2 pools (`queueLimit`).',
          },
        },
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
  },
  create(context, [given]) {
    if (isTestFile(context.filename, context.cwd)) return {};
    const options = { ...DEFAULT_OPTIONS, ...given };
    const sourceCode = context.sourceCode;
    const size = String(options.maxConnections);
    const acquire = formatNumber(options.connectionTimeoutMillis);
    const idle = formatNumber(options.idleTimeoutMillis);

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, TRACE_MAP)) {
          const node = reference.node;
          if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) continue;
          const finding = inspect(reference.info, node);
          if (finding) report(reference.info, node, finding);
        }
      },
    };

    function inspect(library: Library, node: TSESTree.NewExpression | TSESTree.CallExpression): Finding | undefined {
      switch (library) {
        case 'pg':
          return inspectFlat(node, [
            { name: 'max', size: true, value: size },
            { name: 'idleTimeoutMillis', optional: true, value: idle },
            { name: 'connectionTimeoutMillis', wait: true, value: acquire },
          ]);
        case 'mysql': {
          const first = node.arguments[0];
          if (first && isStringLike(first)) return undefined; // a connection URI: its query string may set anything
          const lookup = first ? optionsOf(first) : undefined;
          if (first && !lookup) return undefined;
          const waitForConnections = lookup?.get('waitForConnections');
          const failsFast = waitForConnections?.state === 'set' && staticValue(waitForConnections.property.value) === false;
          // `waitForConnections: false` fails at once when the pool is full: no queue to bound.
          const queue = failsFast ? [] : [{ name: 'queueLimit', wait: true, value: String(options.queueLimit) }];
          return inspectFlat(node, [{ name: 'connectionLimit', size: true, value: size }, ...queue]);
        }
        case 'sequelize':
          return inspectSequelize(node);
        case 'knex':
          return inspectKnex(node);
        default:
          return undefined;
      }
    }

    /** Options in one flat object (pg, mysql): each property missing, zero (no limit), or set. */
    function inspectFlat(
      node: TSESTree.NewExpression | TSESTree.CallExpression,
      properties: readonly { name: string; value: string; size?: boolean; wait?: boolean; optional?: boolean }[],
    ): Finding | undefined {
      const first = node.arguments[0];
      const lookup = first ? optionsOf(first) : undefined;
      if (first && !lookup) return undefined; // options the rule cannot see
      const missing: string[] = [];
      const set: Record<string, string> = {};
      let unboundedWait = false;
      for (const property of properties) {
        const state = lookup?.get(property.name) ?? { state: 'missing' as const };
        if (state.state === 'unknown') continue;
        const zero = state.state === 'set' && !property.size && !property.optional && staticValue(state.property.value) === 0;
        if (state.state !== 'missing' && !zero) continue;
        set[property.name] = property.value;
        if (property.optional) continue;
        if (property.wait) unboundedWait = true;
        // 0 is the drivers' spelling of "no limit".
        if (property.wait || (property.size && options.requireMaxSize)) missing.push(zero ? `a non-zero \`${property.name}\`` : `\`${property.name}\``);
      }
      if (missing.length === 0) return undefined;
      return { unboundedWait, missing, fix: lookup ? { object: lookup.object, properties: set } : { properties: set, newArgument: objectText(set) } };
    }

    function inspectSequelize(node: TSESTree.NewExpression | TSESTree.CallExpression): Finding | undefined {
      if (!options.requireMaxSize) return undefined; // Sequelize waits at most `pool.acquire` (60 s by default)
      let lookup: OptionsObject | undefined;
      for (const argument of [...node.arguments].reverse()) {
        lookup = optionsOf(argument);
        if (lookup) break;
      }
      const poolSettings = { max: size, acquire, idle };
      if (!lookup) {
        // `new Sequelize(url)` or `new Sequelize(db, user, password)`: certainly no options.
        if (node.arguments.length === 0 || !node.arguments.every(isStringLike)) return undefined;
        return { unboundedWait: false, missing: ['`pool.max`'], fix: { properties: {}, newArgument: `{ pool: ${objectText(poolSettings)} }` } };
      }
      const dialect = lookup.get('dialect');
      if (dialect.state === 'set' && String(staticValue(dialect.property.value)).startsWith('sqlite')) return undefined;
      const pool = lookup.get('pool');
      if (pool.state === 'unknown') return undefined;
      if (pool.state === 'missing') return { unboundedWait: false, missing: ['`pool.max`'], fix: { object: lookup.object, properties: { pool: objectText(poolSettings) } } };
      const poolLookup = optionsOf(pool.property.value);
      if (!poolLookup || poolLookup.get('max').state !== 'missing') return undefined;
      const properties: Record<string, string> = { max: size };
      if (poolLookup.get('acquire').state === 'missing') properties.acquire = acquire;
      if (poolLookup.get('idle').state === 'missing') properties.idle = idle;
      return { unboundedWait: false, missing: ['`pool.max`'], fix: { object: poolLookup.object, properties } };
    }

    function inspectKnex(node: TSESTree.NewExpression | TSESTree.CallExpression): Finding | undefined {
      if (!options.requireMaxSize) return undefined; // Knex waits at most `acquireConnectionTimeout` (60 s by default)
      const first = node.arguments[0];
      const lookup = first ? optionsOf(first) : undefined;
      if (!lookup) return undefined;
      const client = lookup.get('client');
      if (client.state === 'set' && /sqlite/iu.test(String(staticValue(client.property.value)))) return undefined;
      const pool = lookup.get('pool');
      if (pool.state === 'unknown') return undefined;
      const timeout: Record<string, string> = lookup.get('acquireConnectionTimeout').state === 'missing' ? { acquireConnectionTimeout: acquire } : {};
      if (pool.state === 'missing') {
        return { unboundedWait: false, missing: ['`pool.max`'], fix: { object: lookup.object, properties: { pool: objectText({ min: '0', max: size }), ...timeout } } };
      }
      const poolLookup = optionsOf(pool.property.value);
      if (!poolLookup || poolLookup.get('max').state !== 'missing') return undefined;
      // Both objects change: one suggestion cannot hold two separate object edits safely, so the pool gets `max` only.
      return { unboundedWait: false, missing: ['`pool.max`'], fix: { object: poolLookup.object, properties: { max: size } } };
    }

    function report(library: Library, node: TSESTree.NewExpression | TSESTree.CallExpression, finding: Finding): void {
      const fix = finding.fix;
      const data = { library: LABELS[library], missing: listNames(finding.missing), fallback: String(DEFAULT_SIZES[library]) };
      const suggestion = fix ? suggest(node, fix) : undefined;
      context.report({
        node,
        loc: { start: node.loc.start, end: node.callee.loc.end },
        messageId: finding.unboundedWait ? 'unboundedWait' : 'missingMaxSize',
        data,
        ...(suggestion ? { suggest: [suggestion] } : {}),
      });
    }

    function suggest(
      node: TSESTree.NewExpression | TSESTree.CallExpression,
      fix: NonNullable<Finding['fix']>,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const described = fix.newArgument !== undefined && Object.keys(fix.properties).length === 0 ? `\`${fix.newArgument}\`` : listAssignments(fix.properties);
      const data = { properties: described };
      if (fix.object) {
        const object = fix.object;
        return { messageId: 'addPoolLimits', data, fix: (fixer) => setObjectProperties(fixer, sourceCode, object, fix.properties) };
      }
      const text = fix.newArgument;
      const closing = sourceCode.getLastToken(node);
      if (text === undefined || closing?.value !== ')') return undefined; // `new Pool;` has no argument list to extend
      const last = node.arguments[node.arguments.length - 1];
      return {
        messageId: 'addPoolLimits',
        data,
        fix: (fixer) => (last ? fixer.insertTextAfter(last, `, ${text}`) : fixer.insertTextBefore(closing, text)),
      };
    }

    function optionsOf(node: TSESTree.Node): OptionsObject | undefined {
      return readOptionsObject(node, sourceCode.getScope(node));
    }

    function staticValue(node: TSESTree.Node): unknown {
      return ASTUtils.getStaticValue(node, sourceCode.getScope(node))?.value;
    }

    /** A string (literal, template, `process.env.X`): a connection URI or a database name, not an options object. */
    function isStringLike(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
      if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
      if (node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.TSAsExpression) return isStringLike(node.expression);
      if (node.type === AST_NODE_TYPES.LogicalExpression) return isStringLike(node.left) && isStringLike(node.right);
      if (node.type === AST_NODE_TYPES.MemberExpression) return isProcessEnv(node.object, sourceCode.getScope(node));
      return typeof staticValue(node) === 'string';
    }
  },
});

/** `30000` → `30_000`, `5000` → `5_000`: how the suggestion writes milliseconds. */
function formatNumber(value: number): string {
  return value >= 1000 ? String(value).replace(/\B(?=(?:\d{3})+$)/gu, '_') : String(value);
}

function objectText(properties: Readonly<Record<string, string>>): string {
  return `{ ${Object.entries(properties).map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
}

function listNames(quoted: readonly string[]): string {
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

function listAssignments(properties: Readonly<Record<string, string>>): string {
  return Object.entries(properties)
    .map(([key, value]) => `\`${key}: ${value}\``)
    .join(', ');
}
