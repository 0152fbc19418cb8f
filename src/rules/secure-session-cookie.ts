import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getRootIdentifier, typeReferenceName, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { setObjectProperties } from '../util/fix.js';
import { CALL, CONSTRUCT, InstanceSet, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { splitWords } from '../util/names.js';
import { readOptionsObject, type OptionLookup, type OptionsObject } from '../util/options-object.js';
import { isResponseObject } from '../util/responses.js';

export type Options = [
  {
    clientReadableCookies: string[];
  },
];
export type MessageIds =
  | 'missingFlags'
  | 'httpOnlyDisabled'
  | 'secureDisabled'
  | 'sameSiteDisabled'
  | 'sameSiteNoneWithoutSecure'
  | 'addFlags'
  | 'enableFlag';

type Flag = 'httpOnly' | 'secure' | 'sameSite';

/** What the fix writes for a missing or disabled flag. */
const SAFE_VALUES: Record<Flag, string> = { httpOnly: 'true', secure: 'true', sameSite: "'lax'" };

const RISKS: Record<Flag, string> = {
  httpOnly: 'scripts on the page, injected ones included, can read it',
  secure: 'the browser also sends it over plain HTTP',
  sameSite: 'other sites can make the browser send it with forged requests (CSRF)',
};

/** Cookie names page scripts must read (double-submit CSRF tokens): `httpOnly` is not required. */
const CLIENT_READABLE_WORDS = ['csrf', 'xsrf'];

type Source = 'express-session' | 'cookie-session' | 'next-cookies' | 'next-response';

const TRACE_MAP: TraceMap<Source> = {
  'express-session': { [CALL]: 'express-session' },
  'cookie-session': { [CALL]: 'cookie-session' },
  'next/headers': { cookies: { [CALL]: 'next-cookies' } },
  'next/server': {
    NextResponse: {
      [CONSTRUCT]: 'next-response',
      next: { [CALL]: 'next-response' },
      json: { [CALL]: 'next-response' },
      redirect: { [CALL]: 'next-response' },
      rewrite: { [CALL]: 'next-response' },
    },
  },
};

/** One place where a cookie's attributes are decided. */
interface CookieSite {
  /** Where a missing flag is reported: the options as written at the call, or the call. */
  reportNode: TSESTree.Node;
  /** The cookie options; undefined when the call passes none (library defaults apply). */
  options: OptionsObject | undefined;
  /** `session cookie` or `cookie`, for the message. */
  label: string;
  /** Whether a missing `httpOnly` is a problem (false where the library defaults to `httpOnly: true`). */
  httpOnlyByDefault: boolean;
  /** Whether `httpOnly` may be off (a cookie page scripts must read). */
  clientReadable: boolean;
  /** Adds the given properties to the cookie options (creating them if needed). */
  add: (fixer: TSESLint.RuleFixer, properties: Record<string, string>) => TSESLint.RuleFix[];
}

export default createRule<Options, MessageIds>({
  name: 'secure-session-cookie',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `httpOnly`, `secure` and `sameSite` on session and authentication cookies',
      recommended: true,
      category: 'security',
      cwe: 'CWE-614',
    },
    hasSuggestions: true,
    messages: {
      missingFlags: 'This {{label}} is set without {{flags}}, so {{risks}}.',
      httpOnlyDisabled:
        '`httpOnly: false` lets every script on the page, an injected one (XSS) included, read this {{label}} and steal the session.',
      secureDisabled:
        '`secure: false` lets the browser send this {{label}} over plain HTTP, where anyone on the network can read it; use `true` (or `process.env.NODE_ENV === \'production\'`).',
      sameSiteDisabled:
        '`sameSite: false` sends this {{label}} with requests started by any other site, so those sites can forge authenticated requests (CSRF).',
      sameSiteNoneWithoutSecure:
        "`sameSite: 'none'` without `secure: true` makes browsers reject this {{label}} (older ones send it cross-site over plain HTTP).",
      addFlags: 'Add {{properties}}.',
      enableFlag: 'Set `{{flag}}: {{value}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          clientReadableCookies: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Names of cookies that page scripts must read (compared case-insensitively); they may omit `httpOnly` or set it to `false`.',
          },
        },
      },
    ],
    defaultOptions: [{ clientReadableCookies: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const clientReadable = new Set(options.clientReadableCookies.map((name) => name.toLowerCase()));
    const reportedProperties = new Set<TSESTree.Node>();
    let nextCookieStores: InstanceSet | undefined;
    let nextResponses: InstanceSet | undefined;

    function isClientReadable(name: string | undefined): boolean {
      if (name === undefined) return false;
      return clientReadable.has(name.toLowerCase()) || splitWords(name).some((word) => CLIENT_READABLE_WORDS.includes(word));
    }

    function staticValue(node: TSESTree.Node): { value: unknown } | undefined {
      return ASTUtils.getStaticValue(node, sourceCode.getScope(node)) ?? undefined;
    }

    function staticString(node: TSESTree.Node | undefined): string | undefined {
      if (!node) return undefined;
      const found = staticValue(node);
      return typeof found?.value === 'string' ? found.value : undefined;
    }

    function lookup(site: CookieSite, flag: Flag): OptionLookup {
      return site.options ? site.options.get(flag) : { state: 'missing' };
    }

    function reportDisabled(site: CookieSite, property: TSESTree.Property, messageId: MessageIds, flag: Flag): void {
      if (reportedProperties.has(property)) return;
      reportedProperties.add(property);
      context.report({
        node: property,
        messageId,
        data: { label: site.label },
        suggest: [
          {
            messageId: 'enableFlag',
            data: { flag, value: SAFE_VALUES[flag] },
            fix: (fixer) =>
              property.shorthand
                ? fixer.replaceText(property, `${flag}: ${SAFE_VALUES[flag]}`)
                : fixer.replaceText(property.value, SAFE_VALUES[flag]),
          },
        ],
      });
    }

    function checkSite(site: CookieSite): void {
      const missing: Flag[] = [];
      const httpOnly = lookup(site, 'httpOnly');
      const secure = lookup(site, 'secure');
      const sameSite = lookup(site, 'sameSite');

      if (!site.clientReadable) {
        if (httpOnly.state === 'set' && staticValue(httpOnly.property.value)?.value === false) {
          reportDisabled(site, httpOnly.property, 'httpOnlyDisabled', 'httpOnly');
        } else if (httpOnly.state === 'missing' && !site.httpOnlyByDefault) {
          missing.push('httpOnly');
        }
      }

      const sameSiteValue = sameSite.state === 'set' ? staticValue(sameSite.property.value)?.value : undefined;
      if (secure.state === 'set' && staticValue(secure.property.value)?.value === false) {
        reportDisabled(site, secure.property, 'secureDisabled', 'secure');
      } else if (secure.state === 'missing') {
        if (sameSite.state === 'set' && typeof sameSiteValue === 'string' && sameSiteValue.toLowerCase() === 'none') {
          reportNoneWithoutSecure(site, sameSite.property);
        } else {
          missing.push('secure');
        }
      }

      if (sameSite.state === 'set' && sameSiteValue === false) {
        reportDisabled(site, sameSite.property, 'sameSiteDisabled', 'sameSite');
      } else if (sameSite.state === 'missing') {
        missing.push('sameSite');
      }

      if (missing.length === 0) return;
      const additions = Object.fromEntries(missing.map((flag) => [flag, SAFE_VALUES[flag]]));
      context.report({
        node: site.reportNode,
        messageId: 'missingFlags',
        data: {
          label: site.label,
          flags: listWords(missing.map((flag) => `\`${flag}\``)),
          risks: listWords(missing.map((flag) => RISKS[flag])),
        },
        suggest: [
          {
            messageId: 'addFlags',
            data: { properties: listWords(missing.map((flag) => `\`${flag}: ${SAFE_VALUES[flag]}\``)) },
            fix: (fixer) => site.add(fixer, additions),
          },
        ],
      });
    }

    function reportNoneWithoutSecure(site: CookieSite, property: TSESTree.Property): void {
      if (reportedProperties.has(property)) return;
      reportedProperties.add(property);
      context.report({
        node: property,
        messageId: 'sameSiteNoneWithoutSecure',
        data: { label: site.label },
        suggest: [
          {
            messageId: 'addFlags',
            data: { properties: '`secure: true`' },
            fix: (fixer) => site.add(fixer, { secure: 'true' }),
          },
        ],
      });
    }

    /** Fix for a call that passes no options: writes them as a new last argument. */
    function appendArgument(call: TSESTree.CallExpression, build: (properties: Record<string, string>) => string) {
      return (fixer: TSESLint.RuleFixer, properties: Record<string, string>): TSESLint.RuleFix[] => {
        const last = call.arguments[call.arguments.length - 1];
        const text = build(properties);
        if (last) return [fixer.insertTextAfter(last, `, ${text}`)];
        const closing = sourceCode.getLastToken(call);
        return closing ? [fixer.insertTextBefore(closing, text)] : [];
      };
    }

    function objectText(properties: Record<string, string>): string {
      return `{ ${Object.entries(properties)
        .map(([key, value]) => `${key}: ${value}`)
        .join(', ')} }`;
    }

    /** `session({ cookie: { … } })` from express-session (defaults: httpOnly true, secure false, no sameSite). */
    function checkExpressSession(call: TSESTree.CallExpression): void {
      const argument = call.arguments[0];
      if (call.arguments.some((node) => node.type === AST_NODE_TYPES.SpreadElement)) return;
      const base = { label: 'session cookie', httpOnlyByDefault: true, clientReadable: false };
      if (!argument) {
        checkSite({
          ...base,
          reportNode: call,
          options: undefined,
          add: appendArgument(call, (properties) => `{ cookie: ${objectText(properties)} }`),
        });
        return;
      }
      const sessionOptions = readOptionsObject(argument, sourceCode.getScope(call));
      if (!sessionOptions) return;
      const cookie = sessionOptions.get('cookie');
      if (cookie.state === 'unknown') return;
      if (cookie.state === 'missing') {
        checkSite({
          ...base,
          reportNode: argument,
          options: undefined,
          add: (fixer, properties) => setObjectProperties(fixer, sourceCode, sessionOptions.object, { cookie: objectText(properties) }),
        });
        return;
      }
      const cookieValue = cookie.property.value;
      const cookieOptions = readOptionsObject(cookieValue, sourceCode.getScope(cookieValue));
      if (!cookieOptions) return;
      checkSite({
        ...base,
        reportNode: cookieValue,
        options: cookieOptions,
        add: (fixer, properties) => setObjectProperties(fixer, sourceCode, cookieOptions.object, properties),
      });
    }

    /** `cookieSession({ … })` from cookie-session (defaults: httpOnly true, no sameSite, secure only on TLS requests). */
    function checkCookieSession(call: TSESTree.CallExpression): void {
      const argument = call.arguments[0];
      if (call.arguments.some((node) => node.type === AST_NODE_TYPES.SpreadElement)) return;
      const base = { label: 'session cookie', httpOnlyByDefault: true, clientReadable: false };
      if (!argument) {
        checkSite({ ...base, reportNode: call, options: undefined, add: appendArgument(call, objectText) });
        return;
      }
      const sessionOptions = readOptionsObject(argument, sourceCode.getScope(call));
      if (!sessionOptions) return;
      checkSite({
        ...base,
        reportNode: argument,
        options: sessionOptions,
        add: (fixer, properties) => setObjectProperties(fixer, sourceCode, sessionOptions.object, properties),
      });
    }

    /**
     * `res.cookie(name, value, options?)` (Express, NestJS), `cookies().set(name, value, options?)`
     * or `.set({ name, value, … })` (Next.js): no attribute is on by default.
     */
    function checkCookieCall(call: TSESTree.CallExpression, allowObjectForm: boolean): void {
      if (call.arguments.some((node) => node.type === AST_NODE_TYPES.SpreadElement)) return;
      const [name, value, optionsArgument] = call.arguments;
      if (!name) return;
      const scope = sourceCode.getScope(call);
      if (!value) {
        if (!allowObjectForm) return;
        const objectForm = readOptionsObject(name, scope);
        if (!objectForm) return;
        const cookieName = objectForm.get('name');
        checkSite({
          reportNode: name,
          options: objectForm,
          label: 'cookie',
          httpOnlyByDefault: false,
          clientReadable: cookieName.state === 'set' && isClientReadable(staticString(cookieName.property.value)),
          add: (fixer, properties) => setObjectProperties(fixer, sourceCode, objectForm.object, properties),
        });
        return;
      }
      const base = { label: 'cookie', httpOnlyByDefault: false, clientReadable: isClientReadable(staticString(name)) };
      if (!optionsArgument) {
        checkSite({ ...base, reportNode: call, options: undefined, add: appendArgument(call, objectText) });
        return;
      }
      const cookieOptions = readOptionsObject(optionsArgument, scope);
      if (!cookieOptions) return;
      checkSite({
        ...base,
        reportNode: optionsArgument,
        options: cookieOptions,
        add: (fixer, properties) => setObjectProperties(fixer, sourceCode, cookieOptions.object, properties),
      });
    }

    return {
      Program() {
        const references = trackModuleReferences(sourceCode, TRACE_MAP);
        const cookieStores: TSESTree.Node[] = [];
        const responses: TSESTree.Node[] = [];
        for (const reference of references) {
          if (reference.node.type !== AST_NODE_TYPES.CallExpression && reference.node.type !== AST_NODE_TYPES.NewExpression) continue;
          if (reference.info === 'express-session' && reference.node.type === AST_NODE_TYPES.CallExpression) {
            checkExpressSession(reference.node);
          } else if (reference.info === 'cookie-session' && reference.node.type === AST_NODE_TYPES.CallExpression) {
            checkCookieSession(reference.node);
          } else if (reference.info === 'next-cookies') {
            cookieStores.push(reference.node);
          } else if (reference.info === 'next-response') {
            responses.push(reference.node);
          }
        }
        if (cookieStores.length > 0) nextCookieStores = new InstanceSet(sourceCode, cookieStores);
        if (responses.length > 0) nextResponses = new InstanceSet(sourceCode, responses);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="cookie"]'(
        node: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
      ) {
        if (isResponseObject(node.callee.object, sourceCode) && !isFastifyReply(node.callee.object, sourceCode)) checkCookieCall(node, false);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="set"]'(
        node: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
      ) {
        if (!nextCookieStores && !nextResponses) return;
        const receiver = unwrapExpression(node.callee.object);
        const isCookieStore =
          nextCookieStores?.has(receiver) === true ||
          (receiver.type === AST_NODE_TYPES.MemberExpression &&
            !receiver.computed &&
            receiver.property.type === AST_NODE_TYPES.Identifier &&
            receiver.property.name === 'cookies' &&
            nextResponses?.has(receiver.object) === true);
        if (isCookieStore) checkCookieCall(node, true);
      },
    };
  },
});

/**
 * A Fastify reply (`reply.cookie` is @fastify/cookie's alias of `setCookie`): not checked, since its
 * defaults depend on the plugin version (v11 defaults `sameSite` to `lax`) and on plugin-wide options.
 */
function isFastifyReply(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const root = getRootIdentifier(node);
  if (!root) return false;
  const def = ASTUtils.findVariable(sourceCode.getScope(root), root)?.defs[0];
  const annotation = def?.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
  const typeName = typeReferenceName(annotation);
  if (typeName !== undefined) return /Reply$/u.test(typeName);
  // An untyped NestJS @Res() is Express's response (Nest's default platform), whatever its name.
  const decorated = def?.type === 'Parameter' && ((def.name as { decorators?: unknown[] }).decorators?.length ?? 0) > 0;
  return !decorated && /^_*reply$/u.test(root.name);
}

/** `a`, `a and b`, `a, b and c`. */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
