import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { TS_CASTS, climbThrough, forEachChildNode, getEnclosingFunction, getMemberName, isFunctionNode, isWithin, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { CALL, CONSTRUCT, trackImplicitGlobalReferences, trackModuleReferences, type TraceMap, type TraceNode } from '../util/modules.js';
import { readOptionsObject } from '../util/options-object.js';

export type Options = [{ checkComponentBody?: boolean }];
export type MessageIds =
  | 'effectTimerLeak'
  | 'effectListenerLeak'
  | 'effectResourceLeak'
  | 'effectSubscriptionLeak'
  | 'timerInRender'
  | 'timerHandleNotInRef'
  | 'addCleanup';

interface TimerInfo {
  name: 'setTimeout' | 'setInterval' | 'requestAnimationFrame';
  clear: 'clearTimeout' | 'clearInterval' | 'cancelAnimationFrame';
}
interface ResourceInfo {
  name: string;
  /** The method that releases it. */
  release: 'disconnect' | 'close';
}

const TIMERS: Record<TimerInfo['name'], TimerInfo> = {
  setTimeout: { name: 'setTimeout', clear: 'clearTimeout' },
  setInterval: { name: 'setInterval', clear: 'clearInterval' },
  requestAnimationFrame: { name: 'requestAnimationFrame', clear: 'cancelAnimationFrame' },
};
const CLEAR_FUNCTIONS = ['clearTimeout', 'clearInterval', 'cancelAnimationFrame'];

/** Browser objects that keep running (and keep their callbacks alive) until released. */
const RESOURCES: Record<string, ResourceInfo> = {
  ResizeObserver: { name: 'ResizeObserver', release: 'disconnect' },
  IntersectionObserver: { name: 'IntersectionObserver', release: 'disconnect' },
  MutationObserver: { name: 'MutationObserver', release: 'disconnect' },
  PerformanceObserver: { name: 'PerformanceObserver', release: 'disconnect' },
  WebSocket: { name: 'WebSocket', release: 'close' },
  EventSource: { name: 'EventSource', release: 'close' },
};

/** Methods that release a handle: a handle used as their receiver counts as cleaned up. */
const RELEASE_METHODS = ['disconnect', 'unobserve', 'close', 'unsubscribe', 'abort', 'cancel', 'destroy', 'remove', 'off', 'stop', 'dispose'];

const EFFECT_HOOKS = ['useEffect', 'useLayoutEffect', 'useInsertionEffect'];
const REACT_MODULES = ['react', 'preact/hooks', 'preact/compat'];

/** Built once: module constants, so import tracking's per-map caches apply. */
const GLOBAL_TRACE_MAP = globalTraceMap();
const EFFECT_TRACE_MAP = effectTraceMap();

function globalTraceMap(): TraceMap<TimerInfo | ResourceInfo> {
  const timers: TraceNode<TimerInfo | ResourceInfo> = {};
  for (const info of Object.values(TIMERS)) timers[info.name] = { [CALL]: info };
  for (const info of Object.values(RESOURCES)) timers[info.name] = { [CONSTRUCT]: info };
  return { ...timers, window: timers, globalThis: timers, self: timers } as TraceMap<TimerInfo | ResourceInfo>;
}

function effectTraceMap(): TraceMap<true> {
  const hooks: TraceNode<true> = Object.fromEntries(EFFECT_HOOKS.map((hook) => [hook, { [CALL]: true }]));
  return Object.fromEntries(REACT_MODULES.map((name) => [name, { ...hooks, default: hooks }]));
}

type Handle =
  | { kind: 'variable'; variable: TSESLint.Scope.Variable; write: TSESTree.Node; declarator?: TSESTree.VariableDeclarator }
  | { kind: 'member'; text: string; write: TSESTree.Node };

export default createRule<Options, MessageIds>({
  name: 'no-effect-timer-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require React effects to clean up the timers, listeners and subscriptions they start',
      recommended: true,
      category: 'reliability',
      cwe: 'CWE-401',
    },
    hasSuggestions: true,
    messages: {
      effectTimerLeak:
        'This `{{name}}` starts in an effect but its handle never reaches `{{clear}}`: it keeps running after the component unmounts (one more on every re-run) and keeps the component in memory.',
      effectListenerLeak:
        "This '{{type}}' listener is added in an effect but never removed: every mount adds another one, and each keeps the unmounted component and its state in memory.",
      effectResourceLeak:
        'This `{{name}}` is created in an effect but nothing calls `{{release}}()` on it: it keeps running after the component unmounts and keeps the component in memory.',
      effectSubscriptionLeak:
        'This subscription starts in an effect but the unsubscribe handle it returns is dropped: the listener outlives the component and keeps it in memory.',
      timerInRender:
        'This `{{name}}` runs in the component body, so every render starts another one that nothing clears; start it in a `useEffect` that returns a cleanup.',
      timerHandleNotInRef:
        '`{{variable}}` is a plain variable of the component, so every render gets a fresh one and a later `{{clear}}({{variable}})` finds `undefined` instead of this timer; keep the handle in a `useRef`.',
      addCleanup: 'Return a cleanup from the effect: `{{cleanup}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkComponentBody: {
            type: 'boolean',
            description:
              'Also report timers started directly in a component or hook body (once per render) and timer handles kept in per-render `let` variables.',
          },
        },
      },
    ],
    defaultOptions: [{ checkComponentBody: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    /** Every call of the file, gathered on first need: most files never ask. */
    let callsInFile: TSESTree.CallExpression[] | undefined;
    const allCalls = (): TSESTree.CallExpression[] => (callsInFile ??= findCalls(sourceCode));

    /** Where a created value is kept: a variable, or a member such as `timerRef.current`. */
    function handleOf(node: TSESTree.Node): Handle | undefined {
      const current = climbThrough(node, TS_CASTS);
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
        const variable = sourceCode.getDeclaredVariables(parent)[0];
        return variable ? { kind: 'variable', variable, write: parent.id, declarator: parent } : undefined;
      }
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.operator === '=') {
        const left = unwrapExpression(parent.left);
        if (left.type === AST_NODE_TYPES.Identifier) {
          const variable = ASTUtils.findVariable(sourceCode.getScope(left), left);
          return variable ? { kind: 'variable', variable, write: left } : undefined;
        }
        if (left.type === AST_NODE_TYPES.MemberExpression) return { kind: 'member', text: sourceCode.getText(left), write: left };
      }
      return undefined;
    }

    /**
     * Whether code can release what a handle holds: the handle is passed to a function
     * (`clearTimeout(id)`), called (`unsubscribe()`), returned, stored elsewhere, or the receiver of
     * a release method (`observer.disconnect()`). Its own other methods (`ws.send`) do not count.
     */
    function isReleased(handle: Handle): boolean {
      if (handle.kind === 'member') {
        return allCalls().some((call) => {
          const callee = unwrapExpression(call.callee);
          if (sourceCode.getText(callee) === handle.text) return true;
          if (call.arguments.some((argument) => sourceCode.getText(unwrapExpression(argument)) === handle.text)) return true;
          return (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            RELEASE_METHODS.includes(getMemberName(callee) ?? '') &&
            sourceCode.getText(unwrapExpression(callee.object)) === handle.text
          );
        });
      }
      return handle.variable.references.some((reference) => {
        if (reference.identifier === handle.write || (reference.isWrite() && !reference.isRead())) return false;
        let node: TSESTree.Node = reference.identifier;
        while (node.parent?.type === AST_NODE_TYPES.TSNonNullExpression || node.parent?.type === AST_NODE_TYPES.TSAsExpression) node = node.parent;
        const parent = node.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
          return RELEASE_METHODS.includes(getMemberName(parent) ?? '');
        }
        return true;
      });
    }

    /** The functions an effect returns as its cleanup. */
    function cleanupsOf(callback: FunctionNode): FunctionNode[] {
      const cleanups: FunctionNode[] = [];
      const add = (value: TSESTree.Node | null | undefined): void => {
        if (!value) return;
        const target = unwrapExpression(value);
        if (isFunctionNode(target)) cleanups.push(target);
        else if (target.type === AST_NODE_TYPES.Identifier) {
          const def = ASTUtils.findVariable(sourceCode.getScope(target), target)?.defs[0];
          if (def?.node.type === AST_NODE_TYPES.FunctionDeclaration) cleanups.push(def.node);
          else if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && isFunctionNode(unwrapExpression(def.node.init))) {
            cleanups.push(unwrapExpression(def.node.init) as FunctionNode);
          }
        }
      };
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) add(callback.body);
      else for (const statement of ownReturns(callback)) add(statement.argument);
      return cleanups;
    }

    /**
     * A one-shot timer whose callback checks a flag that the cleanup sets
     * (`let cancelled = false; setTimeout(() => { if (!cancelled) … }); return () => { cancelled = true; };`).
     */
    function isGuardedByCleanupFlag(timer: TSESTree.CallExpression, cleanups: readonly FunctionNode[]): boolean {
      const callback = timer.arguments[0] ? unwrapExpression(timer.arguments[0]) : undefined;
      if (!callback || !isFunctionNode(callback)) return false;
      for (const cleanup of cleanups) {
        for (const node of descendants(cleanup)) {
          if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier) continue;
          const variable = ASTUtils.findVariable(sourceCode.getScope(node.left), node.left);
          if (variable?.references.some((reference) => isWithin(reference.identifier, callback))) return true;
        }
      }
      return false;
    }

    /** `return () => clearInterval(id);` at the end of an effect that returns nothing yet. */
    function cleanupSuggestion(callback: FunctionNode, handle: Handle | undefined, cleanup: string): TSESLint.ReportSuggestionArray<MessageIds> {
      if (callback.async || callback.body.type !== AST_NODE_TYPES.BlockStatement || ownReturns(callback).length > 0) return [];
      if (handle && (handle.kind !== 'variable' || handle.declarator?.parent.parent !== callback.body)) return [];
      const body = callback.body;
      const last = body.body[body.body.length - 1];
      if (!last) return [];
      const text = `return () => ${cleanup};`;
      const sameLine = last.loc.end.line === body.loc.end.line;
      const indent = /^\s*/u.exec(sourceCode.lines[last.loc.start.line - 1] ?? '')?.[0] ?? '';
      return [
        {
          messageId: 'addCleanup',
          data: { cleanup: text },
          fix: (fixer) => fixer.insertTextAfter(last, sameLine ? ` ${text}` : `\n${indent}${text}`),
        },
      ];
    }

    function checkEffect(
      callback: FunctionNode,
      timers: ReadonlyMap<TSESTree.Node, TimerInfo>,
      resources: ReadonlyMap<TSESTree.Node, ResourceInfo>,
    ): void {
      const cleanups = cleanupsOf(callback);
      const returned = new Set<TSESTree.Node>(
        callback.body.type === AST_NODE_TYPES.BlockStatement
          ? ownReturns(callback).flatMap((statement) => (statement.argument ? [unwrapExpression(statement.argument)] : []))
          : [unwrapExpression(callback.body)],
      );
      for (const node of ownNodes(callback)) {
        const timer = timers.get(node);
        if (timer && node.type === AST_NODE_TYPES.CallExpression) {
          checkEffectTimer(callback, node, timer, cleanups);
          continue;
        }
        const resource = resources.get(node);
        if (resource && node.type === AST_NODE_TYPES.NewExpression) {
          checkEffectResource(callback, node, resource);
          continue;
        }
        if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
        const method = getMemberName(node.callee);
        if (method === 'addEventListener') checkListener(callback, node);
        else if (method === 'subscribe' && !returned.has(node) && isListenerArgument(node.arguments[0])) {
          const handle = handleOf(node);
          if (!handle || !isReleased(handle)) context.report({ node, messageId: 'effectSubscriptionLeak' });
        }
      }
    }

    function checkEffectTimer(callback: FunctionNode, call: TSESTree.CallExpression, timer: TimerInfo, cleanups: readonly FunctionNode[]): void {
      if (timer.name === 'setTimeout' && isZeroDelay(call)) return;
      const handle = handleOf(call);
      if (handle) {
        if (isReleased(handle)) return;
      } else if (timer.name !== 'setInterval' && isGuardedByCleanupFlag(call, cleanups)) {
        return;
      }
      const variable = handle?.kind === 'variable' ? handle.variable.name : undefined;
      context.report({
        node: call,
        messageId: 'effectTimerLeak',
        data: { name: timer.name, clear: timer.clear },
        suggest: variable === undefined ? [] : cleanupSuggestion(callback, handle, `${timer.clear}(${variable})`),
      });
    }

    function checkEffectResource(callback: FunctionNode, creation: TSESTree.NewExpression, resource: ResourceInfo): void {
      const handle = handleOf(creation);
      if (handle && isReleased(handle)) return;
      if (resource.release === 'disconnect') {
        // An observer that observes nothing does nothing.
        const observes = handle
          ? handle.kind === 'variable' &&
            handle.variable.references.some((reference) => {
              const parent = reference.identifier.parent;
              return parent?.type === AST_NODE_TYPES.MemberExpression && getMemberName(parent) === 'observe';
            })
          : creation.parent.type === AST_NODE_TYPES.MemberExpression && getMemberName(creation.parent) === 'observe';
        if (!observes) return;
      }
      const variable = handle?.kind === 'variable' ? handle.variable.name : undefined;
      context.report({
        node: creation,
        messageId: 'effectResourceLeak',
        data: { name: resource.name, release: resource.release },
        suggest: variable === undefined ? [] : cleanupSuggestion(callback, handle, `${variable}.${resource.release}()`),
      });
    }

    function checkListener(callback: FunctionNode, call: TSESTree.CallExpression): void {
      const [typeArgument, handler, listenerOptions] = call.arguments;
      if (!typeArgument || !handler || handler.type === AST_NODE_TYPES.SpreadElement || typeArgument.type === AST_NODE_TYPES.SpreadElement) return;
      const callee = call.callee as TSESTree.MemberExpression;
      if (isLocalObject(callee.object, callback)) return;
      if (listenerOptions) {
        const scope = sourceCode.getScope(call);
        const object = readOptionsObject(listenerOptions, scope);
        if (!object) {
          // `true` / `false` is `capture`; anything else we cannot see.
          if (!(listenerOptions.type === AST_NODE_TYPES.Literal && typeof listenerOptions.value === 'boolean')) return;
        } else {
          const once = object.get('once');
          const signal = object.get('signal');
          if (once.state !== 'missing' || signal.state === 'unknown') return;
          if (signal.state === 'set' && isSignalAborted(signal.property.value)) return;
          if (signal.state === 'set') {
            context.report({ node: call, messageId: 'effectListenerLeak', data: { type: describeType(typeArgument) } });
            return;
          }
        }
      }
      const target = unwrapExpression(handler);
      const inline = isFunctionNode(target) || (target.type === AST_NODE_TYPES.CallExpression && isBindCall(target));
      if (!inline) {
        if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return;
        if (isRemoved(typeArgument, target)) return;
      }
      const capture =
        listenerOptions &&
        (listenerOptions.type === AST_NODE_TYPES.Literal || readOptionsObject(listenerOptions, sourceCode.getScope(call))?.get('capture').state === 'set')
          ? `, ${sourceCode.getText(listenerOptions)}`
          : '';
      context.report({
        node: call,
        messageId: 'effectListenerLeak',
        data: { type: describeType(typeArgument) },
        suggest: inline
          ? []
          : cleanupSuggestion(
              callback,
              undefined,
              `${sourceCode.getText(callee.object)}.removeEventListener(${sourceCode.getText(typeArgument)}, ${sourceCode.getText(handler)}${capture})`,
            ),
      });
    }

    /** A `removeEventListener` anywhere in the file with the same handler (and type, when both are known). */
    function isRemoved(type: TSESTree.Expression, handler: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
      const typeValue = staticString(type);
      const handlerVariable =
        handler.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(sourceCode.getScope(handler), handler) : undefined;
      return allCalls().some((call) => {
        const callee = unwrapExpression(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || getMemberName(callee) !== 'removeEventListener') return false;
        const [removedType, removedHandler] = call.arguments;
        if (!removedType || !removedHandler) return false;
        const removedValue = staticString(removedType);
        if (typeValue !== undefined && removedValue !== undefined && typeValue !== removedValue) return false;
        const removed = unwrapExpression(removedHandler);
        if (handlerVariable) {
          return removed.type === AST_NODE_TYPES.Identifier && ASTUtils.findVariable(sourceCode.getScope(removed), removed) === handlerVariable;
        }
        return sourceCode.getText(removed) === sourceCode.getText(handler);
      });
    }

    /** `signal: controller.signal` with a `controller.abort()` somewhere; other signals we cannot follow. */
    function isSignalAborted(value: TSESTree.Node): boolean {
      const target = unwrapExpression(value);
      if (target.type !== AST_NODE_TYPES.MemberExpression || getMemberName(target) !== 'signal') return true;
      const controller = sourceCode.getText(unwrapExpression(target.object));
      return allCalls().some((call) => {
        const callee = unwrapExpression(call.callee);
        return (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          getMemberName(callee) === 'abort' &&
          sourceCode.getText(unwrapExpression(callee.object)) === controller
        );
      });
    }

    /** A receiver created inside the effect (`const ws = new WebSocket(…)`): it goes away with what it listens to. */
    function isLocalObject(receiver: TSESTree.Node, callback: FunctionNode): boolean {
      const target = unwrapExpression(receiver);
      if (target.type === AST_NODE_TYPES.NewExpression) return true;
      if (target.type !== AST_NODE_TYPES.Identifier) return false;
      const def = ASTUtils.findVariable(sourceCode.getScope(target), target)?.defs[0];
      if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init || !isWithin(def.node, callback)) return false;
      const init = unwrapExpression(def.node.init);
      return (
        init.type === AST_NODE_TYPES.NewExpression ||
        (init.type === AST_NODE_TYPES.CallExpression &&
          init.callee.type === AST_NODE_TYPES.MemberExpression &&
          getMemberName(init.callee) === 'createElement')
      );
    }

    function checkComponentBodies(timers: ReadonlyMap<TSESTree.Node, TimerInfo>, effectCallbacks: ReadonlySet<TSESTree.Node>): void {
      for (const [node, timer] of timers) {
        if (node.type !== AST_NODE_TYPES.CallExpression) continue;
        const fn = getEnclosingFunction(node);
        if (!fn) continue;
        if (isComponentOrHook(fn)) {
          context.report({ node, messageId: 'timerInRender', data: { name: timer.name } });
          continue;
        }
        // `let timer` in the component, set in an event handler and cleared in another.
        const handle = handleOf(node);
        if (handle?.kind !== 'variable' || handle.declarator || effectCallbacks.has(fn)) continue;
        const def = handle.variable.defs[0];
        if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'let') continue;
        const owner = getEnclosingFunction(def.node);
        if (!owner || !isComponentOrHook(owner) || def.parent.parent !== owner.body) continue;
        const clear = handle.variable.references.find((reference) => {
          const parent = reference.identifier.parent;
          return (
            parent?.type === AST_NODE_TYPES.CallExpression &&
            parent.arguments.some((argument) => argument === reference.identifier) &&
            CLEAR_FUNCTIONS.includes(calleeName(parent) ?? '') &&
            getEnclosingFunction(parent) !== fn
          );
        });
        if (!clear) continue;
        context.report({
          node: handle.write.parent ?? node,
          messageId: 'timerHandleNotInRef',
          data: { variable: handle.variable.name, clear: calleeName(clear.identifier.parent as TSESTree.CallExpression) ?? timer.clear },
        });
      }
    }

    return {
      'Program:exit'(): void {
        const effects = trackModuleReferences(sourceCode, EFFECT_TRACE_MAP).filter(
          (reference) => reference.type === CALL && reference.node.type === AST_NODE_TYPES.CallExpression,
        );
        if (effects.length === 0 && !/\.[cm]?[jt]sx$/u.test(context.filename)) {
          const importsReact = sourceCode.ast.body.some(
            (statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && REACT_MODULES.includes(String(statement.source.value)),
          );
          if (!importsReact) return;
        }

        const timers = new Map<TSESTree.Node, TimerInfo>();
        const resources = new Map<TSESTree.Node, ResourceInfo>();
        for (const reference of trackImplicitGlobalReferences(sourceCode, GLOBAL_TRACE_MAP)) {
          if (reference.type === CALL) timers.set(reference.node, reference.info as TimerInfo);
          else if (reference.type === CONSTRUCT) resources.set(reference.node, reference.info as ResourceInfo);
        }
        const effectCallbacks = new Set<TSESTree.Node>();
        for (const effect of effects) {
          const call = effect.node as TSESTree.CallExpression;
          const callback = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
          if (!callback || !isFunctionNode(callback)) continue;
          effectCallbacks.add(callback);
          checkEffect(callback, timers, resources);
        }
        if (options.checkComponentBody === true) checkComponentBodies(timers, effectCallbacks);
      },
    };
  },
});

/** Return statements of a function itself, not of functions nested in it. */
function ownReturns(fn: FunctionNode): TSESTree.ReturnStatement[] {
  return ownNodes(fn).filter((node): node is TSESTree.ReturnStatement => node.type === AST_NODE_TYPES.ReturnStatement);
}

/** Every call expression of the file, in source order. */
function findCalls(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  return descendants(sourceCode.ast).filter((node): node is TSESTree.CallExpression => node.type === AST_NODE_TYPES.CallExpression);
}

/**
 * The nodes of a function itself, in source order: nested functions are included but not what is
 * inside them (the nodes whose enclosing function is `fn`, and the nested functions).
 */
function ownNodes(fn: FunctionNode): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    forEachChildNode(node, (child) => {
      found.push(child);
      if (!isFunctionNode(child)) visit(child);
    });
  };
  visit(fn);
  return found;
}

/** Every node under `root`, in source order. */
function descendants(root: TSESTree.Node): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    forEachChildNode(node, (child) => {
      found.push(child);
      visit(child);
    });
  };
  visit(root);
  return found;
}

/** `setTimeout(fn)` / `setTimeout(fn, 0)`: a deferral to the next tick, gone before it could leak. */
function isZeroDelay(call: TSESTree.CallExpression): boolean {
  const delay = call.arguments[1];
  if (!delay) return true;
  return delay.type === AST_NODE_TYPES.Literal && delay.value === 0;
}

/** A listener: a function, a name, or an observer object (`{ next }`). */
function isListenerArgument(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const target = unwrapExpression(node);
  if (isFunctionNode(target) || target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) return true;
  return (
    target.type === AST_NODE_TYPES.ObjectExpression &&
    target.properties.some(
      (property) => property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'next',
    )
  );
}

function isBindCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.MemberExpression && getMemberName(call.callee) === 'bind';
}

function staticString(node: TSESTree.Node): string | undefined {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') return target.value;
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) return target.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function describeType(node: TSESTree.Node): string {
  return staticString(node) ?? 'event';
}

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getMemberName(callee);
  return undefined;
}

/**
 * A component (PascalCase and renders JSX) or a custom hook (`useSomething`): its body runs on
 * every render. Names come from the function, its variable, or the variable of a wrapping call
 * (`memo(() => …)`, `forwardRef(function (…) {…})`).
 */
function isComponentOrHook(fn: FunctionNode): boolean {
  const name = functionName(fn);
  if (name === undefined) return false;
  if (/^use[A-Z0-9]/u.test(name)) return true;
  return /^[A-Z]/u.test(name) && descendants(fn).some((node) => node.type === AST_NODE_TYPES.JSXElement || node.type === AST_NODE_TYPES.JSXFragment);
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  let current: TSESTree.Node = fn;
  while (current.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.arguments.includes(current as TSESTree.Expression)) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'Default';
  return undefined;
}
