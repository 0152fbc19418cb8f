import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { setObjectProperties } from '../util/fix.js';
import {
  CALL,
  InstanceSet,
  READ,
  resolveImportBinding,
  trackImplicitGlobalReferences,
  trackModuleReferences,
  type TraceMap,
  type TraceNode,
} from '../util/modules.js';
import { splitWords } from '../util/names.js';
import { readOptionsObject } from '../util/options-object.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [{ timeoutMs?: number; ignoreClientCode?: boolean; ignoreTestFiles?: boolean }];
export type MessageIds =
  | 'fetchWithoutSignal'
  | 'axiosWithoutTimeout'
  | 'axiosInstanceWithoutTimeout'
  | 'gotWithoutTimeout'
  | 'gotInstanceWithoutTimeout'
  | 'timeoutDisabled'
  | 'addSignal'
  | 'addTimeout';

/**
 * What a tracked call is, and where its options argument stands:
 * - `fetch`: fetch-like (`init` at `optionsIndex`), bounded by `signal` (or one of `alsoBoundedBy`);
 * - `axios` / `got`: a call bounded by `timeout` (or `signal`);
 * - `axiosCreate` / `gotExtend`: an instance factory, whose `timeout` becomes every call's default.
 */
interface CallKind {
  kind: 'fetch' | 'axios' | 'got' | 'axiosCreate' | 'gotExtend';
  /** The index of the options argument; `'auto'`: 0 when the first argument is an object, else 1. */
  optionsIndex: number | 'auto';
  /** Options besides `signal` / `timeout` that bound the call (undici's own timeouts, a custom dispatcher). */
  alsoBoundedBy?: readonly string[];
}

const FETCH: CallKind = { kind: 'fetch', optionsIndex: 1 };
const UNDICI_FETCH: CallKind = { kind: 'fetch', optionsIndex: 1, alsoBoundedBy: ['dispatcher'] };
const UNDICI_REQUEST: CallKind = {
  kind: 'fetch',
  optionsIndex: 1,
  alsoBoundedBy: ['dispatcher', 'headersTimeout', 'bodyTimeout'],
};
// node-fetch 2 has its own `timeout` option.
const NODE_FETCH: CallKind = { kind: 'fetch', optionsIndex: 1, alsoBoundedBy: ['timeout'] };

const AXIOS_URL_CONFIG: CallKind = { kind: 'axios', optionsIndex: 1 };
const AXIOS_URL_DATA_CONFIG: CallKind = { kind: 'axios', optionsIndex: 2 };
const GOT_CALL: CallKind = { kind: 'got', optionsIndex: 'auto' };

function axiosTraceNode(): TraceNode<CallKind> {
  const node: TraceNode<CallKind> = {
    [CALL]: { kind: 'axios', optionsIndex: 'auto' },
    request: { [CALL]: { kind: 'axios', optionsIndex: 0 } },
    create: { [CALL]: { kind: 'axiosCreate', optionsIndex: 0 } },
  };
  for (const method of ['get', 'delete', 'head', 'options']) node[method] = { [CALL]: AXIOS_URL_CONFIG };
  for (const method of ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']) node[method] = { [CALL]: AXIOS_URL_DATA_CONFIG };
  // `require('axios').default`
  node.default = { ...node };
  return node;
}

function gotTraceNode(): TraceNode<CallKind> {
  const methods: TraceNode<CallKind> = { [CALL]: GOT_CALL };
  for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head']) methods[method] = { [CALL]: GOT_CALL };
  const node: TraceNode<CallKind> = {
    ...methods,
    stream: methods,
    paginate: { [CALL]: GOT_CALL, all: { [CALL]: GOT_CALL } },
    extend: { [CALL]: { kind: 'gotExtend', optionsIndex: 0 } },
  };
  node.got = node;
  node.default = node;
  return node;
}

const MODULE_TRACE_MAP: TraceMap<CallKind> = {
  undici: { fetch: { [CALL]: UNDICI_FETCH }, request: { [CALL]: UNDICI_REQUEST } },
  'node-fetch': { [CALL]: NODE_FETCH, default: { [CALL]: NODE_FETCH } },
  axios: axiosTraceNode(),
  got: gotTraceNode(),
};

const GLOBAL_TRACE_MAP: TraceMap<CallKind> = {
  fetch: { [CALL]: FETCH },
  globalThis: { fetch: { [CALL]: FETCH } },
};

/** React hooks that only run in the browser: a file importing one is client code. */
const CLIENT_ONLY_HOOKS = ['useState', 'useEffect', 'useLayoutEffect', 'useReducer', 'useTransition', 'useOptimistic'];
const CLIENT_HOOKS_MAP: TraceMap<true> = { react: Object.fromEntries(CLIENT_ONLY_HOOKS.map((hook) => [hook, { [READ]: true }])) };

export default createRule<Options, MessageIds>({
  name: 'require-fetch-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a timeout on outbound HTTP calls (fetch, undici, axios, got)',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-400',
    },
    hasSuggestions: true,
    messages: {
      fetchWithoutSignal:
        'This `{{callee}}()` has no `signal`: when the remote service stalls, the request waiting on it hangs for minutes, holding a socket and memory, and under load the server runs out of both.',
      axiosWithoutTimeout:
        'This axios call has no `timeout` (axios waits forever by default): when the remote service stalls, the request waiting on it never finishes and its socket and memory are never released.',
      axiosInstanceWithoutTimeout:
        'This axios instance has no `timeout` (axios waits forever by default), so every call made through it can hang for as long as the remote service stalls.',
      gotWithoutTimeout:
        'This got call has no `timeout` (got has no default timeout): when the remote service stalls, the request waiting on it never finishes.',
      gotInstanceWithoutTimeout:
        'This got instance has no `timeout` (got has no default timeout), so every call made through it can hang for as long as the remote service stalls.',
      timeoutDisabled:
        '`timeout: 0` turns the timeout off, so this call waits for as long as the remote service stalls.',
      addSignal: 'Add `signal: AbortSignal.timeout({{ms}})` so the call gives up after {{seconds}} s.',
      addTimeout: 'Set `timeout: {{value}}` so the call gives up after {{seconds}} s.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          timeoutMs: {
            type: 'integer',
            minimum: 1,
            description: 'The timeout, in milliseconds, that the suggestions insert.',
          },
          ignoreClientCode: {
            type: 'boolean',
            description:
              "Skip browser code: files with a `'use client'` directive, files importing a client-only React hook (`useState`, `useEffect`, …) and calls inside JSX attributes.",
          },
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, …).',
          },
        },
      },
    ],
    defaultOptions: [{ timeoutMs: 30_000, ignoreClientCode: true, ignoreTestFiles: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const msText = formatNumber(timeoutMs);
    const seconds = String(Math.round((timeoutMs / 1000) * 10) / 10);

    /** `X.defaults.timeout = …` assignments: the `X` of each. */
    const defaultsTimeoutTargets: TSESTree.Node[] = [];

    function signalSuggestion(call: TSESTree.CallExpression, index: number): TSESLint.ReportSuggestionArray<MessageIds> {
      return optionSuggestion(call, index, 'signal', `AbortSignal.timeout(${msText})`, 'addSignal');
    }

    function timeoutSuggestion(call: TSESTree.CallExpression, index: number, value: string): TSESLint.ReportSuggestionArray<MessageIds> {
      return optionSuggestion(call, index, 'timeout', value, 'addTimeout');
    }

    /**
     * Sets `key: value` in the options argument at `index`: inside an inline object literal, as
     * `{ ...options, key: value }` around another expression, or as a new argument.
     */
    function optionSuggestion(
      call: TSESTree.CallExpression,
      index: number,
      key: string,
      value: string,
      messageId: 'addSignal' | 'addTimeout',
    ): TSESLint.ReportSuggestionArray<MessageIds> {
      const data = { ms: msText, value, seconds };
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [];
      const argument = call.arguments[index];
      if (argument) {
        const target = unwrapExpression(argument);
        if (isNullish(target, sourceCode.getScope(call))) {
          return [{ messageId, data, fix: (fixer) => fixer.replaceText(argument, `{ ${key}: ${value} }`) }];
        }
        if (target.type === AST_NODE_TYPES.ObjectExpression) {
          return [{ messageId, data, fix: (fixer) => setObjectProperties(fixer, sourceCode, target, { [key]: value }) }];
        }
        return [
          {
            messageId,
            data,
            fix: (fixer) => fixer.replaceText(argument, `{ ...${sourceCode.getText(argument)}, ${key}: ${value} }`),
          },
        ];
      }
      const last = call.arguments[call.arguments.length - 1];
      if (!last) {
        // `axios.create()` → `axios.create({ timeout: … })`
        const closing = sourceCode.getLastToken(call);
        if (index !== 0 || closing?.value !== ')') return [];
        return [{ messageId, data, fix: (fixer) => fixer.insertTextBefore(closing, `{ ${key}: ${value} }`) }];
      }
      // `axios.post(url)` → `axios.post(url, undefined, { timeout })`: keep the data slot empty.
      const padding = ', undefined'.repeat(index - call.arguments.length);
      return [{ messageId, data, fix: (fixer) => fixer.insertTextAfter(last, `${padding}, { ${key}: ${value} }`) }];
    }

    /** The options argument of a call, or undefined when the call has none. */
    function optionsArgumentIndex(call: TSESTree.CallExpression, kind: CallKind): number {
      if (kind.optionsIndex !== 'auto') return kind.optionsIndex;
      const first = call.arguments[0];
      if (!first) return 1;
      const scope = sourceCode.getScope(call);
      // `axios({ url })` / `got({ url })`: one config object. `axios(url, config)`: URL first.
      return readOptionsObject(first, scope) || (call.arguments.length === 1 && !isUrlLike(first, scope)) ? 0 : 1;
    }

    /**
     * Whether an options object bounds the call: `missing` (none of `keys`, or no object at all),
     * `set` (one is set), `unknown` (a spread or a non-literal argument may set one), or
     * `disabled` (`timeout: 0`).
     */
    function boundState(
      call: TSESTree.CallExpression | TSESTree.NewExpression,
      index: number,
      keys: readonly string[],
    ): 'missing' | 'set' | 'unknown' | { disabled: TSESTree.Property } {
      const argument = call.arguments[index];
      if (call.arguments.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return 'unknown';
      if (!argument) return 'missing';
      const scope = sourceCode.getScope(call);
      const object = readOptionsObject(argument, scope);
      if (!object) return isNullish(argument, scope) ? 'missing' : 'unknown';
      let state: 'missing' | 'unknown' = 'missing';
      for (const key of keys) {
        const lookup = object.get(key);
        if (lookup.state === 'unknown') state = 'unknown';
        if (lookup.state !== 'set') continue;
        const value = ASTUtils.getStaticValue(lookup.property.value as TSESTree.Expression, scope);
        if (key === 'timeout' && value?.value === 0) return { disabled: lookup.property };
        return 'set';
      }
      return state;
    }

    /** `new Request(url, { signal })` passed as fetch's only argument carries its own signal. */
    function requestCarriesSignal(call: TSESTree.CallExpression): boolean {
      const first = call.arguments[0];
      if (!first) return false;
      let target = unwrapExpression(first);
      if (target.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
        const def = variable?.defs[0];
        if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
        target = unwrapExpression(def.node.init);
      }
      if (target.type !== AST_NODE_TYPES.NewExpression || target.callee.type !== AST_NODE_TYPES.Identifier || target.callee.name !== 'Request') {
        return false;
      }
      return boundState(target, 1, ['signal']) !== 'missing';
    }

    function checkFetch(call: TSESTree.CallExpression, kind: CallKind, callee: string): void {
      if (options.ignoreClientCode === true && isInJsxAttribute(call)) return;
      const state = boundState(call, kind.optionsIndex as number, ['signal', ...(kind.alsoBoundedBy ?? [])]);
      if (state !== 'missing' || requestCarriesSignal(call)) return;
      context.report({
        node: call,
        messageId: 'fetchWithoutSignal',
        data: { callee },
        suggest: signalSuggestion(call, kind.optionsIndex as number),
      });
    }

    function checkTimeoutCall(call: TSESTree.CallExpression, kind: CallKind): void {
      const index = optionsArgumentIndex(call, kind);
      const isInstance = kind.kind === 'axiosCreate' || kind.kind === 'gotExtend';
      const isGot = kind.kind === 'got' || kind.kind === 'gotExtend';
      const value = isGot ? `{ request: ${msText} }` : msText;
      // got.extend(a, b, …) merges every argument.
      const indexes = kind.kind === 'gotExtend' && call.arguments.length > 1 ? call.arguments.map((_, i) => i) : [index];
      const keys = isInstance ? ['timeout'] : ['timeout', 'signal'];
      const states = indexes.map((i) => boundState(call, i, keys));
      if (states.some((state) => state === 'set' || state === 'unknown')) return;
      const disabled = states.find((state): state is { disabled: TSESTree.Property } => typeof state === 'object');
      if (disabled) {
        context.report({
          node: disabled.disabled,
          messageId: 'timeoutDisabled',
          suggest: [
            {
              messageId: 'addTimeout',
              data: { value, seconds },
              fix: (fixer) => fixer.replaceText(disabled.disabled.value, value),
            },
          ],
        });
        return;
      }
      const messageId =
        kind.kind === 'axios'
          ? 'axiosWithoutTimeout'
          : kind.kind === 'axiosCreate'
            ? 'axiosInstanceWithoutTimeout'
            : kind.kind === 'got'
              ? 'gotWithoutTimeout'
              : 'gotInstanceWithoutTimeout';
      context.report({ node: call, messageId, suggest: timeoutSuggestion(call, index, value) });
    }

    return {
      'AssignmentExpression[operator="="] > MemberExpression.left'(node: TSESTree.MemberExpression): void {
        // `axios.defaults.timeout = 10_000`, `api.defaults.timeout = 10_000`
        const object = unwrapExpression(node.object);
        if (
          ASTUtils.getPropertyName(node) === 'timeout' &&
          object.type === AST_NODE_TYPES.MemberExpression &&
          ASTUtils.getPropertyName(object) === 'defaults'
        ) {
          defaultsTimeoutTargets.push(object.object);
        }
      },
      'Program:exit'(): void {
        const axiosDefaultsSet = defaultsTimeoutTargets.some((target) => {
          const binding = resolveImportBinding(target, sourceCode.getScope(target));
          return binding?.source === 'axios' && binding.path.every((part) => part === 'default' || part === '*');
        });
        const calls: { node: TSESTree.CallExpression; kind: CallKind; callee: string }[] = [];
        for (const reference of trackImplicitGlobalReferences(sourceCode, GLOBAL_TRACE_MAP)) {
          if (reference.type !== CALL || reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
          calls.push({ node: reference.node, kind: reference.info, callee: sourceCode.getText(reference.node.callee) });
        }
        for (const reference of trackModuleReferences(sourceCode, MODULE_TRACE_MAP)) {
          if (reference.type !== CALL || reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
          calls.push({ node: reference.node, kind: reference.info, callee: sourceCode.getText(reference.node.callee) });
        }
        if (calls.length === 0) return;
        // Checked once the file is known to make outbound calls: most files make none.
        if (options.ignoreTestFiles === true && isTestFile(context.filename, context.cwd)) return;
        if (options.ignoreClientCode === true && isClientFile(sourceCode)) return;
        calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
        for (const { node, kind, callee } of calls) {
          if (kind.kind === 'fetch') {
            checkFetch(node, kind, callee);
            continue;
          }
          if (kind.kind === 'axios' && axiosDefaultsSet) continue;
          if (kind.kind === 'axiosCreate' || kind.kind === 'gotExtend') {
            if (axiosDefaultsSet && kind.kind === 'axiosCreate') continue;
            const instances = new InstanceSet(sourceCode, [node]);
            if (defaultsTimeoutTargets.some((target) => instances.has(target))) continue;
          }
          checkTimeoutCall(node, kind);
        }
      },
    };
  },
});

/** `30000` → `30_000`. */
function formatNumber(value: number): string {
  const text = String(value);
  if (!/^\d{5,}$/u.test(text)) return text;
  return text.replace(/\B(?=(\d{3})+$)/gu, '_');
}

/** Words that make a variable the URL of `axios(url)` / `got(url)` rather than a config object. */
const URL_WORDS = ['url', 'uri', 'href', 'endpoint', 'link'];

/**
 * A string, template, `new URL()`, or a variable named like a URL (`url`, `apiUrl`, `endpoint`):
 * the first argument of `axios(url)` / `got(url)` when it is not a config.
 */
function isUrlLike(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return true;
  const name =
    target.type === AST_NODE_TYPES.Identifier
      ? target.name
      : target.type === AST_NODE_TYPES.MemberExpression
        ? ASTUtils.getPropertyName(target)
        : null;
  if (name && splitWords(name).some((word) => URL_WORDS.includes(word))) return true;
  if (target.type === AST_NODE_TYPES.NewExpression && target.callee.type === AST_NODE_TYPES.Identifier) {
    return target.callee.name === 'URL';
  }
  const value = ASTUtils.getStaticValue(target as TSESTree.Expression, scope);
  return typeof value?.value === 'string';
}

function isNullish(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Identifier && target.name === 'undefined') return true;
  const value = ASTUtils.getStaticValue(target as TSESTree.Expression, scope);
  return value !== null && (value.value === null || value.value === undefined);
}

/** A file that runs in the browser: `'use client'`, or a client-only React hook imported from react. */
function isClientFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive === 'use client') return true;
  }
  return trackModuleReferences(sourceCode, CLIENT_HOOKS_MAP)
    .some((reference) => reference.type === READ);
}

/** Inside a JSX attribute (`onClick={() => fetch(…)}`): an event handler in the browser. */
function isInJsxAttribute(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.JSXAttribute) return true;
  }
  return false;
}
