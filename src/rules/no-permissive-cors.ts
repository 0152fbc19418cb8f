import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  childNodes,
  getConstInitializer,
  getEnclosingFunction,
  getMemberName,
  isFunctionNode,
  unwrapExpression,
  UNWRAPPED_TYPES_PATTERN,
  type FunctionNode,
} from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { setObjectProperties } from '../util/fix.js';
import { CALL, InstanceSet, READ, isFromModule, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { readOptionsObject, type OptionsObject } from '../util/options-object.js';
import { RequestInputTracker } from '../util/request-input.js';

export type BareCorsMode = 'always' | 'with-cookies' | 'never';

export type Options = [
  {
    reportBareCors: BareCorsMode;
    allowListEnvVar: string;
  },
];
export type MessageIds =
  | 'bareCors'
  | 'bareCorsWithCookies'
  | 'wildcardWithCredentials'
  | 'reflectedOriginWithCredentials'
  | 'useAllowList';

/** Modules whose presence in a file means the app authenticates browsers with cookies. */
const COOKIE_MODULES = [
  'express-session',
  'cookie-session',
  'cookie-parser',
  'passport',
  'csurf',
  'iron-session',
  '@fastify/cookie',
  '@fastify/session',
  '@fastify/secure-session',
];
const FASTIFY_CORS_MODULES = ['@fastify/cors', 'fastify-cors'];
const HEADER_METHODS = ['setHeader', 'header', 'set', 'append'];
/** Calls that may set a header: a header method, or a callee wrapped in a cast or chain (looked through). */
const HEADER_CALL_SELECTOR = [
  `CallExpression[callee.property.name=/^(?:${HEADER_METHODS.join('|')})$/]`,
  `CallExpression[callee.type=/^(?:${UNWRAPPED_TYPES_PATTERN})$/]`,
].join(', ');
/**
 * Properties that may name a CORS header: a computed or literal key (an identifier cannot spell
 * `Access-Control-…`), or `key` of a `{ key, value }` header pair.
 */
const HEADER_PROPERTY_SELECTOR =
  'Property[computed=true], Property[computed=false][key.type="Literal"], Property[computed=false][key.type="Identifier"][key.name="key"]';
const ALLOW_ORIGIN = 'access-control-allow-origin';
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';
const NEST_APPLICATION_TYPE = /^(?:INestApplication|Nest\w*Application)$/u;
/** Regex sources that match every origin. */
const MATCH_ALL_PATTERNS = ['.*', '.+', '[\\s\\S]*', '[\\s\\S]+', '[^]*'];

type Source = 'cors' | 'nest-factory' | 'cookie-module';

const TRACE_MAP: TraceMap<Source> = {
  cors: { [CALL]: 'cors' },
  '@nestjs/core': { NestFactory: { create: { [CALL]: 'nest-factory' } } },
  ...Object.fromEntries(COOKIE_MODULES.map((name) => [name, { [READ]: 'cookie-module' as const }])),
};

/** A place where CORS options are given: `cors(…)`, `app.enableCors(…)`, `{ cors: … }`, `register(cors, …)`. */
interface CorsSite {
  /** How the message names it: `cors()`, `app.enableCors()`, `cors: true`. */
  subject: string;
  /** Reported when the whole configuration allows any origin. */
  node: TSESTree.Node;
  options: OptionsObject | undefined;
  /** Writes `origin: <allow-list>` into the options (creating them when there are none). */
  setOrigin: (fixer: TSESLint.RuleFixer, text: string) => TSESLint.RuleFix[];
}

type OriginKind = 'any' | 'wildcard' | 'restricted';

interface HeaderWrite {
  name: 'origin' | 'credentials';
  value: TSESTree.Node;
}

export default createRule<Options, MessageIds>({
  name: 'no-permissive-cors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS configurations that let any website make credentialed requests',
      recommended: true,
      category: 'security',
      cwe: 'CWE-942',
    },
    hasSuggestions: true,
    messages: {
      bareCors:
        '{{subject}} lets every website call this API and read its responses (`Access-Control-Allow-Origin: *`); list the origins that may call it.',
      bareCorsWithCookies:
        '{{subject}} lets every website call this API (`Access-Control-Allow-Origin: *`) although this file sets up cookies or sessions, so it serves a browser app of its own and is one `credentials: true` away from exposing its users; list the allowed origins.',
      wildcardWithCredentials:
        '`Access-Control-Allow-Origin: *` with credentials is refused by browsers, and the usual workaround (reflecting the request origin) lets every website read your users\' data; list the allowed origins instead.',
      reflectedOriginWithCredentials:
        'This CORS setup accepts any origin together with credentials: every website your users visit can send requests with their cookies and read the responses.',
      useAllowList: 'Allow only the origins listed in `process.env.{{envVar}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportBareCors: {
            type: 'string',
            enum: ['always', 'with-cookies', 'never'],
            description:
              'When to report `cors()` / `enableCors()` without an `origin` (it answers `*`, without credentials): always, only in files that also set up cookies or sessions, or never.',
          },
          allowListEnvVar: {
            type: 'string',
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            description: 'The environment variable (comma-separated origins) that the suggestion reads the allow-list from.',
          },
        },
      },
    ],
    defaultOptions: [{ reportBareCors: 'with-cookies', allowListEnvVar: 'CORS_ORIGINS' }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowList = `process.env.${options.allowListEnvVar}?.split(',') ?? []`;
    const headerWrites = new Map<TSESTree.Node, HeaderWrite[]>();
    let usesCookies = false;
    let nestApps: InstanceSet | undefined;
    let tracker: RequestInputTracker | undefined;

    function staticValue(node: TSESTree.Node): { value: unknown } | undefined {
      return ASTUtils.getStaticValue(node, sourceCode.getScope(node)) ?? undefined;
    }

    function suggestion(site: CorsSite): TSESLint.ReportSuggestionArray<MessageIds> {
      return [{ messageId: 'useAllowList', data: { envVar: options.allowListEnvVar }, fix: (fixer) => site.setOrigin(fixer, allowList) }];
    }

    function reportBare(site: CorsSite): void {
      if (options.reportBareCors === 'never') return;
      if (options.reportBareCors === 'with-cookies' && !usesCookies) return;
      context.report({
        node: site.node,
        messageId: options.reportBareCors === 'always' ? 'bareCors' : 'bareCorsWithCookies',
        data: { subject: site.subject },
        suggest: suggestion(site),
      });
    }

    function checkSite(site: CorsSite): void {
      const view = site.options;
      if (!view) {
        reportBare(site);
        return;
      }
      const origin = view.get('origin');
      const credentials = view.get('credentials');
      const withCredentials = credentials.state === 'set' && staticValue(credentials.property.value)?.value === true;
      if (origin.state === 'unknown') return;
      if (origin.state === 'missing') {
        // The libraries default to `origin: '*'`.
        if (withCredentials && credentials.state === 'set') {
          context.report({ node: credentials.property, messageId: 'wildcardWithCredentials', suggest: suggestion(site) });
        } else if (credentials.state !== 'unknown') {
          reportBare(site);
        }
        return;
      }
      if (!withCredentials) return;
      const kind = classifyOrigin(origin.property.value);
      if (kind === 'restricted') return;
      context.report({
        node: origin.property.value,
        messageId: kind === 'any' ? 'reflectedOriginWithCredentials' : 'wildcardWithCredentials',
        suggest: [
          {
            messageId: 'useAllowList',
            data: { envVar: options.allowListEnvVar },
            fix: (fixer) => fixer.replaceText(origin.property.value, allowList),
          },
        ],
      });
    }

    function classifyOrigin(node: TSESTree.Node): OriginKind {
      const value = unwrapExpression(node);
      const regex = value.type === AST_NODE_TYPES.Literal ? (value as Partial<TSESTree.RegExpLiteral>).regex : undefined;
      if (regex) {
        const pattern = regex.pattern.replace(/^\^/u, '').replace(/\$$/u, '');
        return MATCH_ALL_PATTERNS.includes(pattern) ? 'any' : 'restricted';
      }
      const fn = resolveFunction(value);
      if (fn) return functionAcceptsAnyOrigin(fn) ? 'any' : 'restricted';
      const found = staticValue(value);
      if (found?.value === true) return 'any';
      if (found?.value === '*') return 'wildcard';
      return 'restricted';
    }

    function resolveFunction(node: TSESTree.Node): FunctionNode | undefined {
      if (isFunctionNode(node)) return node;
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      const def = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || !def) return undefined;
      if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        const init = unwrapExpression(def.node.init);
        return isFunctionNode(init) ? init : undefined;
      }
      return undefined;
    }

    /**
     * `(origin, cb) => cb(null, true)`, `(origin, cb) => cb(null, origin)`, `async () => true`: a
     * function that accepts every origin, i.e. never looks at the origin except to hand it back,
     * and never rejects.
     */
    function functionAcceptsAnyOrigin(fn: FunctionNode): boolean {
      const [originParam, callbackParam] = fn.params;
      const originVariable = originParam?.type === AST_NODE_TYPES.Identifier ? declaredVariable(fn, originParam.name) : undefined;
      const callbackVariable = callbackParam?.type === AST_NODE_TYPES.Identifier ? declaredVariable(fn, callbackParam.name) : undefined;
      if (originParam && !originVariable) return false; // a destructured or defaulted first parameter: something is inspected
      const isOrigin = (node: TSESTree.Node | undefined): boolean => {
        const target = node ? unwrapExpression(node) : undefined;
        return (
          target?.type === AST_NODE_TYPES.Identifier &&
          originVariable !== undefined &&
          originVariable.references.some((reference) => reference.identifier === target)
        );
      };
      const accepts = (node: TSESTree.Node | undefined): boolean => node !== undefined && (isOrigin(node) || staticValue(node)?.value === true);

      let acceptsSomewhere = false;
      const handedBack = new Set<TSESTree.Node>();
      for (const reference of callbackVariable?.references ?? []) {
        const call = reference.identifier.parent;
        if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return false; // passed on: unknown
        const [error, result] = call.arguments;
        const errorValue = error ? staticValue(error) : undefined;
        if (error && (!errorValue || errorValue.value != null)) return false; // a rejection path
        if (!accepts(result)) return false;
        if (result && isOrigin(result)) handedBack.add(unwrapExpression(result));
        acceptsSomewhere = true;
      }
      // async (origin) => true, for @fastify/cors
      if (!callbackVariable) {
        const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? undefined : fn.body;
        if (!returned || !accepts(returned)) return false;
        if (isOrigin(returned)) handedBack.add(unwrapExpression(returned));
        acceptsSomewhere = true;
      }
      const inspected = originVariable?.references.some((reference) => !handedBack.has(reference.identifier)) ?? false;
      return acceptsSomewhere && !inspected;
    }

    function declaredVariable(fn: FunctionNode, name: string): TSESLint.Scope.Variable | undefined {
      return sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === name);
    }

    /** The site for a call whose first options argument is at `index` (`cors(opts)`, `register(cors, opts)`). */
    function callSite(call: TSESTree.CallExpression, index: number, subject: string): CorsSite | undefined {
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      const argument = call.arguments[index];
      if (!argument) {
        return {
          subject,
          node: call,
          options: undefined,
          setOrigin: (fixer, text) => {
            const last = call.arguments[call.arguments.length - 1];
            if (last) return [fixer.insertTextAfter(last, `, { origin: ${text} }`)];
            const closing = sourceCode.getLastToken(call);
            return closing ? [fixer.insertTextBefore(closing, `{ origin: ${text} }`)] : [];
          },
        };
      }
      const view = readOptionsObject(argument, sourceCode.getScope(call));
      if (!view) return undefined;
      return { subject, node: argument, options: view, setOrigin: (fixer, text) => setObjectProperties(fixer, sourceCode, view.object, { origin: text }) };
    }

    function checkNestFactory(call: TSESTree.CallExpression): void {
      const scope = sourceCode.getScope(call);
      const appOptions = readOptionsObject(call.arguments[1], scope) ?? readOptionsObject(call.arguments[2], scope);
      const cors = appOptions?.get('cors');
      if (cors?.state !== 'set') return;
      const value = cors.property.value;
      if (staticValue(value)?.value === true) {
        checkSite({
          subject: '`cors: true`',
          node: cors.property,
          options: undefined,
          setOrigin: (fixer, text) => [fixer.replaceText(value, `{ origin: ${text} }`)],
        });
        return;
      }
      const view = readOptionsObject(value, scope);
      if (view) {
        checkSite({
          subject: 'This `cors` option',
          node: value,
          options: view,
          setOrigin: (fixer, text) => setObjectProperties(fixer, sourceCode, view.object, { origin: text }),
        });
      }
    }

    function isNestApp(node: TSESTree.Node): boolean {
      if (nestApps?.has(node)) return true;
      const target = unwrapExpression(node);
      if (target.type !== AST_NODE_TYPES.Identifier) return false;
      const def = ASTUtils.findVariable(sourceCode.getScope(target), target)?.defs[0];
      if (!def || (def.type !== 'Parameter' && def.type !== 'Variable')) return false;
      // NestFactory.create(AppModule).then((app) => …)
      if (def.type === 'Parameter' && isFunctionNode(def.node) && def.node.params[0] === def.name) {
        const call = def.node.parent;
        if (
          call.type === AST_NODE_TYPES.CallExpression &&
          call.arguments[0] === def.node &&
          call.callee.type === AST_NODE_TYPES.MemberExpression &&
          getMemberName(call.callee) === 'then' &&
          nestApps?.has(call.callee.object) === true
        ) {
          return true;
        }
      }
      const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
      return (
        annotation?.type === AST_NODE_TYPES.TSTypeReference &&
        annotation.typeName.type === AST_NODE_TYPES.Identifier &&
        NEST_APPLICATION_TYPE.test(annotation.typeName.name)
      );
    }

    function headerName(node: TSESTree.Node | undefined): HeaderWrite['name'] | undefined {
      if (!node) return undefined;
      const found = staticValue(node);
      return typeof found?.value === 'string' ? headerKind(found.value) : undefined;
    }

    function recordHeader(at: TSESTree.Node, write: HeaderWrite): void {
      const owner = getEnclosingFunction(at) ?? sourceCode.ast;
      const writes = headerWrites.get(owner) ?? [];
      writes.push(write);
      headerWrites.set(owner, writes);
    }

    /**
     * Whether the function compares the echoed value with something before using it:
     * `if (allowed.indexOf(origin) !== -1)`, `origin === FRONTEND_URL ? origin : ''`,
     * `ORIGIN_RE.test(origin)`. A presence check (`if (origin)`) is not a check.
     */
    function isCheckedIn(owner: TSESTree.Node, value: TSESTree.Node): boolean {
      // The request-derived parts of the value, by their text (and what a local was set from).
      const texts = new Set<string>();
      const collect = (node: TSESTree.Node): void => {
        const target = unwrapExpression(node);
        if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) {
          if (tracker?.isUnvalidatedInput(target) !== true) return;
          texts.add(sourceCode.getText(target));
          const init = target.type === AST_NODE_TYPES.Identifier ? getConstInitializer(target, sourceCode.getScope(target)) : undefined;
          if (init) texts.add(sourceCode.getText(unwrapExpression(init)));
          return;
        }
        for (const child of childNodes(target)) collect(child);
      };
      collect(value);
      let checked = false;
      const visit = (node: TSESTree.Node, inTest: TSESTree.Node | undefined): void => {
        if (checked) return;
        if (inTest && (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) && texts.has(sourceCode.getText(node))) {
          if (comparesValue(node, inTest)) {
            checked = true;
            return;
          }
        }
        for (const child of childNodes(node)) {
          const isTest =
            (node.type === AST_NODE_TYPES.IfStatement && child === node.test) ||
            (node.type === AST_NODE_TYPES.ConditionalExpression && child === node.test) ||
            (node.type === AST_NODE_TYPES.SwitchStatement && child === node.discriminant) ||
            (node.type === AST_NODE_TYPES.LogicalExpression && child === node.left);
          visit(child, isTest ? child : inTest);
        }
      };
      visit(owner, undefined);
      return checked;
    }

    function checkHeaderWrites(owner: TSESTree.Node, writes: readonly HeaderWrite[]): void {
      const withCredentials = writes.some((write) => {
        if (write.name !== 'credentials') return false;
        const value = staticValue(write.value)?.value;
        return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
      });
      if (!withCredentials) return;
      for (const write of writes) {
        if (write.name !== 'origin') continue;
        if (staticValue(write.value)?.value === '*') {
          context.report({ node: write.value, messageId: 'wildcardWithCredentials' });
          continue;
        }
        tracker ??= new RequestInputTracker(sourceCode);
        if (tracker.isUnvalidatedInput(write.value) && !isCheckedIn(owner, write.value)) {
          context.report({ node: write.value, messageId: 'reflectedOriginWithCredentials' });
        }
      }
    }

    return {
      Program() {
        const references = trackModuleReferences(sourceCode, TRACE_MAP);
        usesCookies = references.some(
          (reference) =>
            reference.info === 'cookie-module' &&
            !(reference.node.type === AST_NODE_TYPES.ImportDeclaration && reference.node.importKind === 'type'),
        );
        const factories: TSESTree.Node[] = [];
        for (const reference of references) {
          if (reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
          if (reference.info === 'cors') {
            const site = callSite(reference.node, 0, '`cors()`');
            if (site) checkSite(site);
          } else if (reference.info === 'nest-factory') {
            factories.push(reference.node);
            checkNestFactory(reference.node);
          }
        }
        if (factories.length > 0) nestApps = new InstanceSet(sourceCode, factories);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="enableCors"]'(
        node: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
      ) {
        if (!isNestApp(node.callee.object)) return;
        const site = callSite(node, 0, '`app.enableCors()`');
        if (site) checkSite(site);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="register"]'(node: TSESTree.CallExpression) {
        const plugin = node.arguments[0];
        if (!plugin || !isFromModule(plugin, sourceCode.getScope(node), FASTIFY_CORS_MODULES)) return;
        const site = callSite(node, 1, '`register(cors)`');
        if (site) checkSite(site);
      },
      [HEADER_CALL_SELECTOR](node: TSESTree.CallExpression) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        if (!HEADER_METHODS.includes(callee.property.name)) return;
        const [nameNode, value] = node.arguments;
        const name = headerName(nameNode);
        if (name && value) recordHeader(node, { name, value });
      },
      [HEADER_PROPERTY_SELECTOR](node: TSESTree.Property) {
        // { 'Access-Control-Allow-Origin': '*' } in res.set(), writeHead(), new Response(…, { headers })
        const name = node.computed ? headerName(node.key) : headerKind(keyName(node));
        if (name) {
          recordHeader(node, { name, value: node.value });
          return;
        }
        // { key: 'Access-Control-Allow-Origin', value: '*' } in next.config.js headers()
        if (node.parent.type === AST_NODE_TYPES.ObjectExpression && keyName(node) === 'key') {
          const pairName = headerName(node.value);
          const pairValue = node.parent.properties.find(
            (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && keyName(property) === 'value',
          );
          if (pairName && pairValue) recordHeader(node, { name: pairName, value: pairValue.value });
        }
      },
      'Program:exit'() {
        for (const [owner, writes] of headerWrites) checkHeaderWrites(owner, writes);
      },
    };
  },
});

/** Whether `use` (inside the condition `test`) is compared or passed to a call, not merely tested for presence. */
function comparesValue(use: TSESTree.Node, test: TSESTree.Node): boolean {
  let child: TSESTree.Node = use;
  let parent = use.parent;
  while (parent && child !== test) {
    if (parent.type === AST_NODE_TYPES.CallExpression) return true;
    if (parent.type === AST_NODE_TYPES.BinaryExpression) {
      if (parent.operator === 'in' || parent.operator === 'instanceof') return true;
      if (['===', '!==', '==', '!='].includes(parent.operator)) {
        const other = parent.left === child ? parent.right : parent.left;
        const isNullish =
          (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
          (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined') ||
          (other.type === AST_NODE_TYPES.UnaryExpression && other.operator === 'void');
        return !isNullish;
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

function headerKind(name: string | undefined): HeaderWrite['name'] | undefined {
  const lower = name?.toLowerCase();
  if (lower === ALLOW_ORIGIN) return 'origin';
  if (lower === ALLOW_CREDENTIALS) return 'credentials';
  return undefined;
}

function keyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}
