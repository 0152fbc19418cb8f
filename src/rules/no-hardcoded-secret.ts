import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findProperty,
  getConstInitializer,
  getMemberName,
  getPropertyKeyName,
  resolveObjectExpression,
  unwrapExpression,
  UNWRAPPED_TYPES_PATTERN,
} from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { CALL, CONSTRUCT, trackModuleReferences, type TraceMap, type TraceNode } from '../util/modules.js';
import { isSecretName, splitWords } from '../util/names.js';
import {
  envReadText,
  hasPasswordInUrl,
  isTestFile,
  looksLikeCredential,
  throwMissingText,
} from '../util/secrets.js';

export type Options = [
  {
    checkSecretNames?: boolean;
    extraWords?: string[];
    ignoreNames?: string[];
    ignoreTestFiles?: boolean;
  },
];
export type MessageIds = 'hardcodedSecret' | 'secretLikeValue' | 'readFromEnv';

/** What reaches a sink, for the message and the suggested variable. */
interface Secret {
  what: string;
  impact: string;
  envName: string;
}

/**
 * One place a sink takes a secret: argument `arg`, or the property at `path` of an options object
 * passed there (`*` matches any key). `secret`: any non-empty string; `url`: a URL with a password.
 */
interface SinkCheck extends Secret {
  arg: number;
  path?: readonly string[];
  kind: 'secret' | 'url';
}

const SESSION: Secret = { what: 'session secret', impact: 'forge session cookies and act as any user', envName: 'SESSION_SECRET' };
const COOKIE: Secret = { what: 'cookie signing secret', impact: 'forge signed cookies', envName: 'COOKIE_SECRET' };
const JWT: Secret = { what: 'JWT signing key', impact: 'mint valid tokens for any user', envName: 'JWT_SECRET' };
const OPENAI: Secret = { what: 'OpenAI API key', impact: 'spend on your account', envName: 'OPENAI_API_KEY' };
const ANTHROPIC: Secret = { what: 'Anthropic API key', impact: 'spend on your account', envName: 'ANTHROPIC_API_KEY' };
const STRIPE: Secret = { what: 'Stripe secret key', impact: 'move money and read customer data', envName: 'STRIPE_SECRET_KEY' };
const HMAC: Secret = { what: 'HMAC key', impact: 'forge valid signatures', envName: 'HMAC_SECRET' };
const CIPHER: Secret = { what: 'encryption key', impact: 'decrypt what it protects', envName: 'ENCRYPTION_KEY' };
const DB_PASSWORD: Secret = { what: 'database password', impact: 'log in to your database', envName: 'DB_PASSWORD' };
const DB_URL: Secret = { what: 'database password (in a connection string)', impact: 'log in to your database', envName: 'DATABASE_URL' };
const MONGO_URL: Secret = { ...DB_URL, envName: 'MONGODB_URI' };
const REDIS_PASSWORD: Secret = { what: 'Redis password', impact: 'read and write your cache', envName: 'REDIS_PASSWORD' };
const REDIS_URL: Secret = { what: 'Redis password (in a connection string)', impact: 'read and write your cache', envName: 'REDIS_URL' };
const SMTP_PASSWORD: Secret = { what: 'SMTP password', impact: 'send mail as you', envName: 'SMTP_PASSWORD' };
const SMTP_URL: Secret = { what: 'SMTP password (in a connection string)', impact: 'send mail as you', envName: 'SMTP_URL' };

const option = (secret: Secret, path: readonly string[], kind: SinkCheck['kind'] = 'secret', arg = 0): SinkCheck => ({
  ...secret,
  arg,
  path,
  kind,
});
const argument = (secret: Secret, arg: number, kind: SinkCheck['kind'] = 'secret'): SinkCheck => ({ ...secret, arg, kind });

const call = (...checks: SinkCheck[]): TraceNode<SinkCheck[]> => ({ [CALL]: checks });
const construct = (...checks: SinkCheck[]): TraceNode<SinkCheck[]> => ({ [CONSTRUCT]: checks });
const callOrConstruct = (...checks: SinkCheck[]): TraceNode<SinkCheck[]> => ({ [CALL]: checks, [CONSTRUCT]: checks });

const JWT_CALLS = { sign: call(argument(JWT, 1)), verify: call(argument(JWT, 1)) };
const PG_CLIENT = construct(option(DB_PASSWORD, ['password']), option(DB_URL, ['connectionString'], 'url'), argument(DB_URL, 0, 'url'));
const MYSQL = {
  createPool: call(option(DB_PASSWORD, ['password']), option(DB_URL, ['uri'], 'url'), argument(DB_URL, 0, 'url')),
  createConnection: call(option(DB_PASSWORD, ['password']), option(DB_URL, ['uri'], 'url'), argument(DB_URL, 0, 'url')),
};
const SEQUELIZE = construct(argument(DB_URL, 0, 'url'), argument(DB_PASSWORD, 2));
const KNEX = call(
  option(DB_URL, ['connection'], 'url'),
  option(DB_URL, ['connection', 'connectionString'], 'url'),
  option(DB_PASSWORD, ['connection', 'password']),
);
const REDIS = construct(argument(REDIS_URL, 0, 'url'), option(REDIS_PASSWORD, ['password']));
const OPENAI_CLIENT = construct(option(OPENAI, ['apiKey']));
const ANTHROPIC_CLIENT = construct(option(ANTHROPIC, ['apiKey']));
const STRIPE_CLIENT = callOrConstruct(argument(STRIPE, 0));
const PRISMA = construct(option(DB_URL, ['datasourceUrl'], 'url'), option(DB_URL, ['datasources', '*', 'url'], 'url'));
const NEST_JWT = [option(JWT, ['secret']), option(JWT, ['privateKey'])];

/** Libraries and the arguments / options through which they take a secret. */
const SINKS: TraceMap<SinkCheck[]> = {
  'express-session': call(option(SESSION, ['secret'])),
  'cookie-session': call(option(SESSION, ['secret']), option(SESSION, ['keys'])),
  'cookie-parser': call(argument(COOKIE, 0)),
  jsonwebtoken: JWT_CALLS,
  '@nestjs/jwt': { JwtModule: { register: call(...NEST_JWT) }, JwtService: construct(...NEST_JWT) },
  'passport-jwt': { Strategy: construct(option(JWT, ['secretOrKey'])) },
  openai: { ...OPENAI_CLIENT, OpenAI: OPENAI_CLIENT },
  '@anthropic-ai/sdk': { ...ANTHROPIC_CLIENT, Anthropic: ANTHROPIC_CLIENT },
  stripe: { ...STRIPE_CLIENT, Stripe: STRIPE_CLIENT },
  crypto: {
    createHmac: call(argument(HMAC, 1)),
    createCipheriv: call(argument(CIPHER, 1)),
    createDecipheriv: call(argument(CIPHER, 1)),
  },
  pg: { Pool: PG_CLIENT, Client: PG_CLIENT },
  mysql: MYSQL,
  mysql2: MYSQL,
  'mysql2/promise': MYSQL,
  sequelize: { ...SEQUELIZE, Sequelize: SEQUELIZE },
  knex: { ...KNEX, knex: KNEX },
  mongoose: { connect: call(argument(MONGO_URL, 0, 'url')), createConnection: call(argument(MONGO_URL, 0, 'url')) },
  mongodb: { MongoClient: { ...construct(argument(MONGO_URL, 0, 'url')), connect: call(argument(MONGO_URL, 0, 'url')) } },
  ioredis: { ...REDIS, Redis: REDIS },
  redis: { createClient: call(option(REDIS_URL, ['url'], 'url'), option(REDIS_PASSWORD, ['password'])) },
  '@prisma/client': { PrismaClient: PRISMA },
  nodemailer: { createTransport: call(argument(SMTP_URL, 0, 'url'), option(SMTP_PASSWORD, ['auth', 'pass'])) },
};

/** Name words that describe a derived or public value, never reported by the name heuristic. */
const NOT_A_CREDENTIAL_WORDS = ['hash', 'hashed', 'digest', 'checksum', 'fingerprint'];
/** Text of key material that is public by design. */
const PUBLIC_KEY_MARKERS = ['-----BEGIN PUBLIC KEY-----', '-----BEGIN CERTIFICATE-----', '-----BEGIN RSA PUBLIC KEY-----'];
/** Keys of a Firebase web config, whose `apiKey` is public by design. */
const FIREBASE_CONFIG_KEYS = ['authDomain', 'messagingSenderId'];
const MAX_DEPTH = 8;

/**
 * Node types a value can have for {@link directString} to find a string in it: the literals, and
 * what {@link unwrapExpression} looks through. Named values are collected only with such a value,
 * so the listeners skip the many properties and variables holding anything else.
 */
const STRING_VALUE_TYPES = `/^(?:Literal|TemplateLiteral|${UNWRAPPED_TYPES_PATTERN})$/`;
const NAMED_PROPERTY = `Property[value.type=${STRING_VALUE_TYPES}]`;
const NAMED_VARIABLE = `VariableDeclarator[init.type=${STRING_VALUE_TYPES}]`;
const NAMED_FIELD = `PropertyDefinition[value.type=${STRING_VALUE_TYPES}]`;
const NAMED_MEMBER = `AssignmentExpression[operator="="][right.type=${STRING_VALUE_TYPES}] > MemberExpression.left`;

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secret',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow secrets written as literals in the source code',
      recommended: true,
      category: 'security',
      cwe: 'CWE-798',
    },
    hasSuggestions: true,
    messages: {
      hardcodedSecret:
        'This {{what}} is written in the source: anyone who can read the code (repository, image, bundle) can {{impact}}, and rotating it takes a code change.',
      secretLikeValue:
        '`{{name}}` is set to a literal that looks like a real credential: it ships with every copy of the code (repository, image, bundle) and rotating it takes a code change.',
      readFromEnv: 'Read it from `process.env.{{envName}}` and throw at startup when it is missing.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkSecretNames: {
            type: 'boolean',
            description:
              'Also report credential-looking literals (16+ characters, letters and digits, high entropy, no placeholder word) assigned to secret-named variables and properties, outside known sinks.',
          },
          extraWords: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Extra words that make a variable or property name a secret, on top of the shared list.',
          },
          ignoreNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Variable and property names never reported by the name heuristic (compared case-insensitively).',
          },
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, …), where fake secrets are normal.',
          },
        },
      },
    ],
    defaultOptions: [{ checkSecretNames: true, extraWords: [], ignoreNames: [], ignoreTestFiles: true }],
  },
  create(context, [options]) {
    if (options.ignoreTestFiles && isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const nameOptions = { extraWords: options.extraWords ?? [], ignoreNames: options.ignoreNames ?? [] };
    /** Literal nodes already reported at a sink, so the name heuristic does not report them twice. */
    const reported = new Set<TSESTree.Node>();
    const named: { name: string; value: TSESTree.Node; object?: TSESTree.ObjectExpression }[] = [];

    function readFromEnv(target: TSESTree.Node, envName: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      return [
        {
          messageId: 'readFromEnv',
          data: { envName },
          fix: (fixer) => fixer.replaceText(target, `${envReadText(envName)} ?? ${throwMissingText(envName)}`),
        },
      ];
    }

    function checkSinkValue(value: TSESTree.Node, check: SinkCheck): void {
      const scope = sourceCode.getScope(value);
      if (check.kind === 'url') {
        if (!hasPasswordInUrl(value, scope)) return;
        const source = literalSource(value, scope);
        const fullyStatic = getStaticSecret(source, scope) !== undefined;
        reported.add(source);
        context.report({
          node: value,
          messageId: 'hardcodedSecret',
          data: { what: check.what, impact: check.impact },
          suggest: fullyStatic ? readFromEnv(source, check.envName) : [],
        });
        return;
      }
      const found = findSecretLiteral(value, scope);
      if (!found) return;
      reported.add(found.node);
      context.report({
        node: value,
        messageId: 'hardcodedSecret',
        data: { what: check.what, impact: check.impact },
        suggest: found.single ? readFromEnv(found.node, check.envName) : [],
      });
    }

    function checkSink(node: TSESTree.Node, checks: readonly SinkCheck[]): void {
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return;
      for (const check of checks) {
        const arg = node.arguments[check.arg];
        if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
        const values = check.path ? valuesAtPath(arg, check.path, sourceCode.getScope(arg)) : [arg];
        for (const value of values) checkSinkValue(value, check);
      }
    }

    /** Collects `name = <literal>` for the name heuristic (checked once the sinks are known). */
    function collect(name: string, value: TSESTree.Node, object?: TSESTree.ObjectExpression): void {
      if (directString(value) !== undefined) named.push({ name, value: unwrapExpression(value), object });
    }

    function checkNamed(name: string, value: TSESTree.Node, object?: TSESTree.ObjectExpression): void {
      if (reported.has(value) || !isSecretName(name, nameOptions)) return;
      if (splitWords(name).some((word) => NOT_A_CREDENTIAL_WORDS.includes(word))) return;
      const text = directString(value);
      if (text === undefined || !looksLikeCredential(text) || isPublicKeyMaterial(text)) return;
      if (object && FIREBASE_CONFIG_KEYS.some((key) => findProperty(object, key))) return;
      const envName = splitWords(name).join('_').toUpperCase();
      context.report({ node: value, messageId: 'secretLikeValue', data: { name }, suggest: readFromEnv(value, envName) });
    }

    return {
      Program(): void {
        for (const reference of trackModuleReferences(sourceCode, SINKS)) checkSink(reference.node, reference.info);
      },
      ...(options.checkSecretNames
        ? {
            [NAMED_PROPERTY](node: TSESTree.Property): void {
              if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
              const name = getPropertyKeyName(node);
              if (name !== undefined) collect(name, node.value, node.parent);
            },
            [NAMED_VARIABLE](node: TSESTree.VariableDeclarator): void {
              if (node.id.type === AST_NODE_TYPES.Identifier && node.init) collect(node.id.name, node.init);
            },
            [NAMED_FIELD](node: TSESTree.PropertyDefinition): void {
              if (node.key.type === AST_NODE_TYPES.Identifier && !node.computed && node.value) collect(node.key.name, node.value);
            },
            [NAMED_MEMBER](node: TSESTree.MemberExpression): void {
              const name = getMemberName(node);
              if (name !== undefined) collect(name, (node.parent as TSESTree.AssignmentExpression).right);
            },
            'Program:exit'(): void {
              for (const entry of named) checkNamed(entry.name, entry.value, entry.object);
            },
          }
        : {}),
    };
  },
});

/** The property values at `path` in an options argument (an object literal or a constant bound to one). */
function valuesAtPath(node: TSESTree.Node, path: readonly string[], scope: TSESLint.Scope.Scope): TSESTree.Node[] {
  if (path.length === 0) return [node];
  const object = resolveObjectExpression(node, scope);
  if (!object) return [];
  const [head, ...rest] = path;
  const properties =
    head === '*'
      ? object.properties.filter((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property)
      : [findProperty(object, head ?? '')].filter((property): property is TSESTree.Property => property !== undefined);
  return properties.flatMap((property) => valuesAtPath(property.value, rest, scope));
}

/** The node holding the literal: the initializer of the constant an identifier names, or the node itself. */
function literalSource(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): TSESTree.Node {
  const target = unwrapExpression(node);
  if (target.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return target;
  const init = getConstInitializer(target, scope);
  return init ? literalSource(init, scope, depth + 1) : target;
}

/** A non-empty static string that is not public key material. */
function getStaticSecret(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  const value = ASTUtils.getStaticValue(unwrapExpression(node) as TSESTree.Expression, scope);
  return value && typeof value.value === 'string' && value.value !== '' && !isPublicKeyMaterial(value.value) ? value.value : undefined;
}

/**
 * The literal a sink receives: a string (directly, through a constant, `Buffer.from('…')`,
 * `new TextEncoder().encode('…')`) or an array holding one (`secret: ['new', 'old']`).
 */
function findSecretLiteral(
  node: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  depth = 0,
): { node: TSESTree.Node; single: boolean } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrapExpression(node);
  const wrapped = unwrapEncoding(target, scope);
  if (wrapped) return findSecretLiteral(wrapped, scope, depth + 1);
  if (getStaticSecret(target, scope) !== undefined) return { node: literalSource(target, scope), single: true };
  const source = literalSource(target, scope);
  if (source.type === AST_NODE_TYPES.ArrayExpression) {
    const holds = source.elements.some(
      (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && getStaticSecret(element, scope) !== undefined,
    );
    return holds ? { node: source, single: false } : undefined;
  }
  return undefined;
}

/** `Buffer.from(x, …)` and `new TextEncoder().encode(x)` → `x`. */
function unwrapEncoding(node: TSESTree.Node, scope: TSESLint.Scope.Scope): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const first = node.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const callee = node.callee;
  const method = getMemberName(callee);
  const object = unwrapExpression(callee.object);
  if (method === 'from' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Buffer') {
    const variable = ASTUtils.findVariable(scope, object);
    return !variable || variable.defs.length === 0 ? first : undefined;
  }
  if (
    method === 'encode' &&
    object.type === AST_NODE_TYPES.NewExpression &&
    object.callee.type === AST_NODE_TYPES.Identifier &&
    object.callee.name === 'TextEncoder'
  ) {
    return first;
  }
  return undefined;
}

/** A string written right there: a literal or a template without `${}`. */
function directString(node: TSESTree.Node): string | undefined {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return target.value;
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) return target.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function isPublicKeyMaterial(text: string): boolean {
  return PUBLIC_KEY_MARKERS.some((marker) => text.includes(marker));
}
