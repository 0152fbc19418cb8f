import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  CASTS_AND_CHAINS,
  climbThrough,
  forEachChildNode,
  enclosingClassBody,
  findProperty,
  getCalleeName,
  getConstInitializer,
  getDottedName,
  getMemberName,
  getPropertyKeyName,
  getRootIdentifier,
  hasSpread,
  isFunctionNode,
  resolveObjectExpression,
  unwrapAwait,
  unwrapExpression,
} from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import {
  CALL,
  InstanceSet,
  resolveImportBinding,
  trackModuleReferences,
  type TraceMap,
  type TraceNode,
} from '../util/modules.js';
import { NOT_SECRET_WORDS, isSecretName, splitWords } from '../util/names.js';
import { readOptionsObject } from '../util/options-object.js';

export type Options = [
  {
    minBcryptRounds: number;
    minPbkdf2Iterations: { sha1: number; sha256: number; sha512: number };
    minScryptCost: number;
  },
];
export type MessageIds =
  | 'weakBcryptRounds'
  | 'weakBcryptFallback'
  | 'defaultBcryptRounds'
  | 'fastHashForPassword'
  | 'weakPbkdf2Iterations'
  | 'weakScryptCost'
  | 'raiseRounds';

type Info =
  /** bcrypt's `hash(data, rounds)`, `genSalt(rounds)`; `defaultRounds` when the library has one. */
  | { kind: 'bcrypt'; roundsIndex: number; defaultRounds?: number }
  | { kind: 'createHash' }
  /** One call that hashes `data` with a fast algorithm: `crypto.hash`, `subtle.digest`, CryptoJS, md5. */
  | { kind: 'oneShot'; dataIndex: number; algorithmIndex?: number; algorithm?: string }
  | { kind: 'pbkdf2' }
  | { kind: 'scrypt' }
  | { kind: 'promisify' };

const bcryptApi = (defaults: { hash?: number; genSalt?: number }): TraceNode<Info> => ({
  hash: { [CALL]: { kind: 'bcrypt', roundsIndex: 1, defaultRounds: defaults.hash } },
  hashSync: { [CALL]: { kind: 'bcrypt', roundsIndex: 1, defaultRounds: defaults.hash } },
  genSalt: { [CALL]: { kind: 'bcrypt', roundsIndex: 0, defaultRounds: defaults.genSalt } },
  genSaltSync: { [CALL]: { kind: 'bcrypt', roundsIndex: 0, defaultRounds: defaults.genSalt } },
});

const digestApi: TraceNode<Info> = { digest: { [CALL]: { kind: 'oneShot', algorithmIndex: 0, dataIndex: 1 } } };

const CRYPTO_JS_HASHES = ['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3', 'RIPEMD160'];

const TRACE_MAP: TraceMap<Info> = {
  // bcrypt and bcryptjs: genSalt() defaults to 10 rounds; @node-rs/bcrypt's hash() defaults to 12.
  bcrypt: bcryptApi({ genSalt: 10 }),
  bcryptjs: bcryptApi({ genSalt: 10 }),
  '@node-rs/bcrypt': bcryptApi({ hash: 12 }),
  crypto: {
    createHash: { [CALL]: { kind: 'createHash' } },
    hash: { [CALL]: { kind: 'oneShot', algorithmIndex: 0, dataIndex: 1 } },
    pbkdf2: { [CALL]: { kind: 'pbkdf2' } },
    pbkdf2Sync: { [CALL]: { kind: 'pbkdf2' } },
    scrypt: { [CALL]: { kind: 'scrypt' } },
    scryptSync: { [CALL]: { kind: 'scrypt' } },
    subtle: digestApi,
    webcrypto: { subtle: digestApi },
  },
  util: { promisify: { [CALL]: { kind: 'promisify' } } },
  'crypto-js': Object.fromEntries(CRYPTO_JS_HASHES.map((name) => [name, { [CALL]: { kind: 'oneShot', dataIndex: 0, algorithm: name } }])),
  ...Object.fromEntries(
    CRYPTO_JS_HASHES.map((name) => [`crypto-js/${name.toLowerCase()}`, { [CALL]: { kind: 'oneShot', dataIndex: 0, algorithm: name } }]),
  ),
  md5: { [CALL]: { kind: 'oneShot', dataIndex: 0, algorithm: 'md5' } },
};

/** The global Web Crypto `digest` (`crypto` needs no import in Node ≥ 19, browsers and edge runtimes). */
const GLOBAL_DIGEST_RECEIVERS = ['crypto.subtle', 'globalThis.crypto.subtle', 'window.crypto.subtle', 'self.crypto.subtle'];

/** Words that make a name a password (matched as whole words: `userPassword`, `pwd`, `new_pass`). */
const PASSWORD_WORDS = ['password', 'passwords', 'passwd', 'pwd', 'pw', 'pass', 'passphrase', 'passcode', 'pin'];
/**
 * Words that make a password-looking name something else: `passwordHash` is already hashed,
 * `passwordResetToken` is a random token (a fast hash is right for it), `passwordSalt` is a salt.
 */
const NOT_PASSWORD_WORDS = ['hash', 'hashed', 'hashes', 'digest', 'token', 'reset', 'salt', 'encrypted', 'hint'];
/** Calls that take an already pre-hashed password (`bcrypt.hash(sha256(pw), 12)`: pre-hashing beats bcrypt's 72-byte limit). */
const PASSWORD_HASH_CONSUMERS = ['hash', 'hashSync', 'hashPassword', 'compare', 'compareSync', 'verify'];
/** Calls whose result carries their input unchanged, for following a password into a hash. */
const PASS_THROUGH_CALLS = ['String', 'Buffer.from', 'JSON.stringify'];
const PASS_THROUGH_METHODS = ['toString', 'trim', 'normalize', 'toLowerCase', 'toUpperCase', 'concat'];
/** A file that talks to Have I Been Pwned hashes passwords with SHA-1 on purpose (k-anonymity range API). */
const BREACH_CHECK = /pwnedpasswords|haveibeenpwned|\bhibp\b/iu;

const NUMBER_PARSERS = ['parseInt', 'parseFloat', 'Number', 'Number.parseInt', 'Number.parseFloat'];
const SCRYPT_DEFAULT_COST = 16_384;
const MAX_DEPTH = 8;

interface Evaluated {
  value: number;
  /** The literal that holds the value, when it sits in the call itself (so a suggestion may edit it). */
  literal?: TSESTree.Literal;
  /** The expression whose absence makes the value a fallback (`process.env.SALT_ROUNDS`). */
  fallbackFrom?: string;
}

export default createRule<Options, MessageIds>({
  name: 'require-strong-password-hash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a slow, properly tuned hash (bcrypt cost ≥ 12, OWASP PBKDF2/scrypt work factors) for passwords',
      recommended: true,
      category: 'security',
      cwe: 'CWE-916',
    },
    hasSuggestions: true,
    messages: {
      weakBcryptRounds:
        '{{rounds}} bcrypt rounds is below the minimum of {{min}}: every round less halves the work an attacker needs to crack a leaked password hash.',
      weakBcryptFallback:
        'When `{{setting}}` is not set this falls back to {{rounds}} bcrypt rounds, below the minimum of {{min}}, so a missing setting silently weakens every password hashed from then on.',
      defaultBcryptRounds:
        '`{{call}}()` without rounds uses bcrypt\'s default of {{rounds}}, below the minimum of {{min}}: every round less halves the work needed to crack a leaked hash.',
      fastHashForPassword:
        '{{algorithm}} is a fast hash: once the hashes leak, passwords hashed with it are brute-forced at billions of guesses per second; use bcrypt (cost ≥ 12), scrypt or argon2id.',
      weakPbkdf2Iterations:
        '{{iterations}} iterations of PBKDF2{{digest}} is below the OWASP minimum of {{min}}, so a leaked hash is brute-forced that much faster; raise it (and store the count with each hash so existing hashes still verify).',
      weakScryptCost:
        'scrypt cost N × p = {{cost}} is below the minimum of {{min}}, so a leaked hash is brute-forced that much faster; raise N (and `maxmem`, which must exceed 128 × N × r bytes).',
      raiseRounds: 'Raise the bcrypt rounds to {{min}} (existing hashes keep verifying: bcrypt stores the cost in each hash).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minBcryptRounds: {
            type: 'integer',
            minimum: 4,
            maximum: 31,
            description: 'The lowest accepted bcrypt cost (log2 rounds) for `hash`, `hashSync`, `genSalt` and `genSaltSync`.',
          },
          minPbkdf2Iterations: {
            type: 'object',
            additionalProperties: false,
            description: 'The lowest accepted PBKDF2 iteration count per HMAC digest (OWASP 2023 values by default).',
            properties: {
              sha1: { type: 'integer', minimum: 1, description: 'Minimum iterations for PBKDF2-HMAC-SHA1 (also used for MD5).' },
              sha256: { type: 'integer', minimum: 1, description: 'Minimum iterations for PBKDF2-HMAC-SHA256 (also used for SHA-224).' },
              sha512: { type: 'integer', minimum: 1, description: 'Minimum iterations for PBKDF2-HMAC-SHA512 (also used for SHA-384).' },
            },
          },
          minScryptCost: {
            type: 'integer',
            minimum: 1,
            description: 'The lowest accepted scrypt cost N × p (Node defaults: N = 16384, p = 1).',
          },
        },
      },
    ],
    defaultOptions: [
      {
        minBcryptRounds: 12,
        minPbkdf2Iterations: { sha1: 1_300_000, sha256: 600_000, sha512: 210_000 },
        minScryptCost: SCRYPT_DEFAULT_COST,
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    let promisified: InstanceSet | undefined;
    const promisifiedKinds = new Map<TSESTree.Node, 'pbkdf2' | 'scrypt'>();

    function staticValue(node: TSESTree.Node): { value: unknown } | undefined {
      return ASTUtils.getStaticValue(node, sourceCode.getScope(node)) ?? undefined;
    }

    /** A number as the hashing call will see it, following constants, `parseInt(…)` and `env.X || 10` fallbacks. */
    function evaluateNumber(node: TSESTree.Node, inCall: boolean, numeric: boolean, depth = 0): Evaluated | undefined {
      if (depth > MAX_DEPTH) return undefined;
      const target = unwrapExpression(node);
      const found = staticValue(target);
      if (found) {
        const value = toNumber(found.value, numeric);
        if (value === undefined) return undefined;
        return { value, literal: inCall && target.type === AST_NODE_TYPES.Literal ? target : undefined };
      }
      switch (target.type) {
        case AST_NODE_TYPES.Identifier: {
          const init = getConstInitializer(target, sourceCode.getScope(target));
          return init ? evaluateNumber(init, false, numeric, depth + 1) : undefined;
        }
        case AST_NODE_TYPES.CallExpression: {
          const name = getDottedName(target.callee);
          const first = target.arguments[0];
          return name !== undefined && NUMBER_PARSERS.includes(name) && first ? evaluateNumber(first, inCall, true, depth + 1) : undefined;
        }
        case AST_NODE_TYPES.MemberExpression: {
          // config.bcryptRounds, this.saltRounds
          const value = memberInitializer(target);
          return value ? evaluateNumber(value, false, numeric, depth + 1) : undefined;
        }
        case AST_NODE_TYPES.UnaryExpression:
          return target.operator === '+' ? evaluateNumber(target.argument, inCall, true, depth + 1) : undefined;
        case AST_NODE_TYPES.LogicalExpression: {
          if (target.operator === '&&') return undefined;
          const fallback = evaluateNumber(target.right, inCall, numeric, depth + 1);
          if (!fallback) return undefined;
          return { ...fallback, fallbackFrom: fallback.fallbackFrom ?? describeSetting(target.left) };
        }
        default:
          return undefined;
      }
    }

    /** The value a member was initialised with: a property of a local constant object, or a class field never re-assigned. */
    function memberInitializer(member: TSESTree.MemberExpression): TSESTree.Node | undefined {
      const name = getMemberName(member);
      if (name === undefined) return undefined;
      const object = unwrapExpression(member.object);
      if (object.type === AST_NODE_TYPES.ThisExpression) {
        const classBody = enclosingClassBody(member);
        if (!classBody || isAssignedInClass(classBody, name)) return undefined;
        const field = classBody.body.find(
          (element): element is TSESTree.PropertyDefinition =>
            element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && getPropertyKeyName(element) === name,
        );
        return field?.value ?? undefined;
      }
      const literal = resolveObjectExpression(object, sourceCode.getScope(member));
      const property = literal ? findProperty(literal, name) : undefined;
      return literal && !hasSpread(literal) ? property?.value : undefined;
    }

    function checkBcrypt(call: TSESTree.CallExpression, info: Extract<Info, { kind: 'bcrypt' }>): void {
      const min = options.minBcryptRounds;
      const argument = call.arguments[info.roundsIndex];
      const callName = getDottedName(call.callee) ?? getCalleeName(call) ?? 'genSalt';
      if (!argument || isFunctionNode(argument)) {
        if (info.defaultRounds === undefined || info.defaultRounds >= min) return;
        if (call.arguments.some((node) => node.type === AST_NODE_TYPES.SpreadElement)) return;
        context.report({
          node: call,
          messageId: 'defaultBcryptRounds',
          data: { call: callName, rounds: String(info.defaultRounds), min: String(min) },
          suggest: [
            {
              messageId: 'raiseRounds',
              data: { min: String(min) },
              fix: (fixer) => {
                if (argument) return fixer.insertTextBefore(argument, `${min}, `);
                const previous = call.arguments[info.roundsIndex - 1];
                if (previous) return fixer.insertTextAfter(previous, `, ${min}`);
                const closing = sourceCode.getLastToken(call);
                return closing ? fixer.insertTextBefore(closing, String(min)) : [];
              },
            },
          ],
        });
        return;
      }
      if (argument.type === AST_NODE_TYPES.SpreadElement) return;
      const rounds = evaluateNumber(argument, true, false);
      if (!rounds || rounds.value >= min) return;
      const literal = rounds.literal;
      context.report({
        node: argument,
        messageId: rounds.fallbackFrom === undefined ? 'weakBcryptRounds' : 'weakBcryptFallback',
        data: { rounds: String(rounds.value), min: String(min), setting: rounds.fallbackFrom ?? '' },
        suggest: literal
          ? [
              {
                messageId: 'raiseRounds',
                data: { min: String(min) },
                fix: (fixer) => fixer.replaceText(literal, typeof literal.value === 'string' ? quoteLike(sourceCode.getText(literal), String(min)) : String(min)),
              },
            ]
          : [],
      });
    }

    function checkCreateHash(call: TSESTree.CallExpression): void {
      const algorithm = call.arguments[0] ? staticValue(call.arguments[0])?.value : undefined;
      const { inputs, result } = followHash(call);
      if (!inputs.some((input) => isPasswordValue(input))) return;
      if (isBreachCheck(algorithm) || isPreHash(result)) return;
      context.report({ node: call, messageId: 'fastHashForPassword', data: { algorithm: describeAlgorithm(algorithm) } });
    }

    function checkOneShot(call: TSESTree.CallExpression, info: Extract<Info, { kind: 'oneShot' }>): void {
      const data = call.arguments[info.dataIndex];
      if (!data || !isPasswordValue(data)) return;
      const algorithmNode = info.algorithmIndex === undefined ? undefined : call.arguments[info.algorithmIndex];
      let algorithm: unknown = info.algorithm;
      if (algorithmNode) {
        const value = staticValue(algorithmNode)?.value;
        algorithm = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : value;
      }
      if (isBreachCheck(algorithm) || isPreHash(call)) return;
      context.report({ node: call, messageId: 'fastHashForPassword', data: { algorithm: describeAlgorithm(algorithm) } });
    }

    function checkPbkdf2(call: TSESTree.CallExpression): void {
      const [password, , iterationsNode, , digestNode] = call.arguments;
      if (!password || !iterationsNode || isOtherSecret(password)) return;
      const iterations = evaluateNumber(iterationsNode, true, true);
      if (!iterations) return;
      const digestValue = digestNode ? staticValue(digestNode)?.value : undefined;
      const digest = typeof digestValue === 'string' ? digestValue.toLowerCase().replace(/-/gu, '') : undefined;
      const limits = options.minPbkdf2Iterations;
      const min =
        digest === 'sha1' || digest === 'md5'
          ? limits.sha1
          : digest === 'sha256' || digest === 'sha224'
            ? limits.sha256
            : digest === 'sha512' || digest === 'sha384'
              ? limits.sha512
              : Math.min(limits.sha1, limits.sha256, limits.sha512);
      if (iterations.value >= min) return;
      context.report({
        node: iterationsNode,
        messageId: 'weakPbkdf2Iterations',
        data: {
          iterations: formatNumber(iterations.value),
          digest: digest === undefined ? '' : `-${digest.toUpperCase()}`,
          min: formatNumber(min),
        },
      });
    }

    function checkScrypt(call: TSESTree.CallExpression): void {
      const [password, , , optionsNode] = call.arguments;
      if (!password || isOtherSecret(password)) return;
      let cost = SCRYPT_DEFAULT_COST;
      if (optionsNode && !isFunctionNode(optionsNode)) {
        const view = readOptionsObject(optionsNode, sourceCode.getScope(call));
        if (!view) return;
        const read = (names: readonly string[], fallback: number): number | undefined => {
          for (const name of names) {
            const entry = view.get(name);
            if (entry.state === 'unknown') return undefined;
            if (entry.state === 'set') return evaluateNumber(entry.property.value, false, true)?.value;
          }
          return fallback;
        };
        const n = read(['N', 'cost'], SCRYPT_DEFAULT_COST);
        const p = read(['p', 'parallelization'], 1);
        if (n === undefined || p === undefined) return;
        cost = n * p;
      }
      if (cost >= options.minScryptCost) return;
      context.report({
        node: optionsNode && !isFunctionNode(optionsNode) ? optionsNode : call,
        messageId: 'weakScryptCost',
        data: { cost: formatNumber(cost), min: formatNumber(options.minScryptCost) },
      });
    }

    /** The inputs fed to a `createHash()` object (`.update(x)`, chained or through a variable), and the expression holding its result. */
    function followHash(creation: TSESTree.CallExpression): { inputs: TSESTree.Node[]; result: TSESTree.Node } {
      const inputs: TSESTree.Node[] = [];
      let result: TSESTree.Node = creation;
      const visit = (node: TSESTree.Node, depth: number): void => {
        if (depth > MAX_DEPTH) return;
        const current = outermostWrapper(node);
        const parent = current.parent;
        if (!parent) return;
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
          const method = getMemberName(parent);
          if (method === 'update') {
            const input = parent.parent.arguments[0];
            if (input) inputs.push(input);
            visit(parent.parent, depth + 1);
          } else if (method === 'digest') {
            result = parent.parent;
          }
          return;
        }
        if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
          for (const variable of sourceCode.getDeclaredVariables(parent)) {
            for (const reference of variable.references) {
              if (reference.isRead()) visit(reference.identifier, depth + 1);
            }
          }
        }
      };
      visit(creation, 0);
      return { inputs, result };
    }

    /** `bcrypt.hash(createHash('sha256').update(pw).digest('base64'), 12)`: a pre-hash fed into a slow hash. */
    function isPreHash(result: TSESTree.Node): boolean {
      const current = outermostWrapper(result);
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
        return PASSWORD_HASH_CONSUMERS.includes(getCalleeName(parent) ?? '');
      }
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) {
        return sourceCode.getDeclaredVariables(parent).some((variable) =>
          variable.references.some((reference) => {
            const use = outermostWrapper(reference.identifier);
            return (
              use.parent?.type === AST_NODE_TYPES.CallExpression &&
              use.parent.callee !== use &&
              PASSWORD_HASH_CONSUMERS.includes(getCalleeName(use.parent) ?? '')
            );
          }),
        );
      }
      return false;
    }

    function isBreachCheck(algorithm: unknown): boolean {
      return typeof algorithm === 'string' && algorithm.toLowerCase().replace(/-/gu, '') === 'sha1' && BREACH_CHECK.test(sourceCode.text);
    }

    /** Whether a value is (built from) a password: `password`, `req.body.password`, `` `${salt}${pwd}` ``, `Buffer.from(pass)`. */
    function isPasswordValue(node: TSESTree.Node, depth = 0): boolean {
      if (depth > MAX_DEPTH) return false;
      const target = unwrapAwait(node);
      switch (target.type) {
        case AST_NODE_TYPES.Identifier: {
          if (isPasswordName(target.name)) return true;
          if (isParameterOfPasswordFunction(target)) return true;
          const init = getConstInitializer(target, sourceCode.getScope(target));
          return init !== undefined && isPasswordValue(init, depth + 1);
        }
        case AST_NODE_TYPES.MemberExpression: {
          const name = getMemberName(target);
          if (name !== undefined) return isPasswordName(name);
          return isPasswordValue(target.object, depth + 1);
        }
        case AST_NODE_TYPES.TemplateLiteral:
          return target.expressions.some((expression) => isPasswordValue(expression, depth + 1));
        case AST_NODE_TYPES.BinaryExpression:
          return target.operator === '+' && (isPasswordValue(target.left, depth + 1) || isPasswordValue(target.right, depth + 1));
        case AST_NODE_TYPES.LogicalExpression:
          return isPasswordValue(target.left, depth + 1) || isPasswordValue(target.right, depth + 1);
        case AST_NODE_TYPES.ConditionalExpression:
          return isPasswordValue(target.consequent, depth + 1) || isPasswordValue(target.alternate, depth + 1);
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapExpression(target.callee);
          const dotted = getDottedName(callee);
          const method = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
          // String(pw), Buffer.from(pw), new TextEncoder().encode(pw), salt.concat(pw)
          if ((dotted !== undefined && PASS_THROUGH_CALLS.includes(dotted)) || method === 'encode' || method === 'concat') {
            if (target.arguments.some((argument) => isPasswordValue(argument, depth + 1))) return true;
          }
          // pw.trim(), pw.normalize('NFKC')
          if (callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined && PASS_THROUGH_METHODS.includes(method)) {
            return isPasswordValue(callee.object, depth + 1);
          }
          return false;
        }
        default:
          return false;
      }
    }

    /** `function hashPassword(plain) { … createHash('sha256').update(plain) … }`. */
    function isParameterOfPasswordFunction(identifier: TSESTree.Identifier): boolean {
      const def = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
      if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
      const name = functionName(def.node);
      if (name === undefined) return false;
      const words = splitWords(name);
      return words.some((word) => PASSWORD_WORDS.includes(word)) && !words.some((word) => ['token', 'reset', 'hint', 'pwned', 'breach', 'breached'].includes(word));
    }

    /** A non-password secret (`ENCRYPTION_KEY`, `masterKey`, `apiToken`): a key derivation, not a password hash. */
    function isOtherSecret(node: TSESTree.Node): boolean {
      const name = valueName(node);
      return name !== undefined && isSecretName(name) && !isPasswordName(name);
    }

    return {
      Program() {
        const references = trackModuleReferences(sourceCode, TRACE_MAP);
        const wrappers: TSESTree.Node[] = [];
        for (const { node, info } of references) {
          if (node.type !== AST_NODE_TYPES.CallExpression) continue;
          switch (info.kind) {
            case 'bcrypt':
              checkBcrypt(node, info);
              break;
            case 'createHash':
              checkCreateHash(node);
              break;
            case 'oneShot':
              checkOneShot(node, info);
              break;
            case 'pbkdf2':
              checkPbkdf2(node);
              break;
            case 'scrypt':
              checkScrypt(node);
              break;
            case 'promisify': {
              // const pbkdf2 = promisify(crypto.pbkdf2)
              const target = node.arguments[0];
              const binding = target ? resolveImportBinding(target, sourceCode.getScope(node)) : undefined;
              const exported = binding?.source === 'crypto' ? binding.path[binding.path.length - 1] : undefined;
              if (exported === 'pbkdf2' || exported === 'scrypt') {
                wrappers.push(node);
                promisifiedKinds.set(node, exported);
              }
              break;
            }
          }
        }
        if (wrappers.length > 0) promisified = new InstanceSet(sourceCode, wrappers);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="digest"]'(
        node: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
      ) {
        const receiver = node.callee.object;
        if (!GLOBAL_DIGEST_RECEIVERS.includes(getDottedName(receiver) ?? '')) return;
        const root = getRootIdentifier(receiver);
        const variable = root ? ASTUtils.findVariable(sourceCode.getScope(root), root) : null;
        if (variable && variable.defs.length > 0) return; // a local or imported `crypto`: tracked through its module
        checkOneShot(node, { kind: 'oneShot', algorithmIndex: 0, dataIndex: 1 });
      },
      'CallExpression[callee.type="Identifier"]'(node: TSESTree.CallExpression & { callee: TSESTree.Identifier }) {
        if (!promisified?.has(node.callee)) return;
        const def = ASTUtils.findVariable(sourceCode.getScope(node.callee), node.callee)?.defs[0];
        const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrapExpression(def.node.init) : undefined;
        const kind = init ? promisifiedKinds.get(init) : undefined;
        if (kind === 'pbkdf2') checkPbkdf2(node);
        else if (kind === 'scrypt') checkScrypt(node);
      },
    };
  },
});

/** Whether a name denotes a plain password: `password`, `newPassword`, `pwd`, `user_pass`; not `passwordHash`, `passwordResetToken`. */
function isPasswordName(name: string): boolean {
  const words = splitWords(name);
  return (
    words.some((word) => PASSWORD_WORDS.includes(word)) &&
    !words.some((word) => NOT_PASSWORD_WORDS.includes(word) || NOT_SECRET_WORDS.includes(word))
  );
}

/** The name a value goes by: `password` → password, `req.body.pwd` → pwd, `process.env.KEY` → KEY, `Buffer.from(key)` → key. */
function valueName(node: TSESTree.Node): string | undefined {
  const target = unwrapAwait(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return getMemberName(target);
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments[0] && getDottedName(target.callee) === 'Buffer.from') {
    return valueName(target.arguments[0]);
  }
  return undefined;
}

function functionName(fn: TSESTree.Node): string | undefined {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) && parent.key.type === AST_NODE_TYPES.Identifier) {
    return parent.key.name;
  }
  return undefined;
}


/** Whether `this.<name> = …` appears anywhere in the class. */
function isAssignedInClass(classBody: TSESTree.ClassBody, name: string): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression &&
      getMemberName(node.left) === name
    ) {
      found = true;
      return;
    }
    forEachChildNode(node, visit);
  };
  visit(classBody);
  return found;
}

const WRAPPERS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.AwaitExpression, ...CASTS_AND_CHAINS]);

/** The outermost expression that still is `node`'s value (through `await`, casts, parentheses). */
function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  return climbThrough(node, WRAPPERS);
}

function describeSetting(node: TSESTree.Node): string {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments[0]) return describeSetting(target.arguments[0]);
  return getDottedName(target) ?? 'the setting';
}

function describeAlgorithm(algorithm: unknown): string {
  return typeof algorithm === 'string' ? `\`${algorithm}\`` : 'This hash';
}

/** A rounds / iterations value: numbers, numeric strings where parsed, and the cost inside a bcrypt salt (`$2b$10$…`). */
function toNumber(value: unknown, numeric: boolean): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const salt = /^\$2[abxy]?\$(\d{1,2})\$/u.exec(value);
  if (salt?.[1]) return Number(salt[1]);
  return numeric && /^\s*\d+\s*$/u.test(value) ? Number(value) : undefined;
}

function quoteLike(original: string, text: string): string {
  const quote = original[0] ?? "'";
  return `${quote}${text}${quote}`;
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US');
}
