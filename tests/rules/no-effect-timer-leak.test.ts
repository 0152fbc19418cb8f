import rule from '../../src/rules/no-effect-timer-leak.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const tsx = (...lines: string[]): { code: string; filename: string } => ({ code: lines.join('\n'), filename: 'Component.tsx' });

ruleTester.run('no-effect-timer-leak', rule, {
  valid: [
    // The fixed code from seed 000 #36: the handle lives in a ref and an unmount effect clears it.
    tsx(
      "import { useEffect, useRef, useState } from 'react';",
      'export function TopicInput() {',
      '  const [showTopicSuggestions, setShowTopicSuggestions] = useState(false);',
      '  const blurTimeoutRef = useRef<NodeJS.Timeout | null>(null);',
      '  useEffect(() => {',
      '    return () => {',
      '      if (blurTimeoutRef.current) clearTimeout(blurTimeoutRef.current);',
      '    };',
      '  }, []);',
      '  return (',
      '    <input',
      '      onBlur={() => { blurTimeoutRef.current = setTimeout(() => setShowTopicSuggestions(false), 200); }}',
      '      onFocus={() => { if (blurTimeoutRef.current) clearTimeout(blurTimeoutRef.current); setShowTopicSuggestions(true); }}',
      '    />',
      '  );',
      '}',
    ),
    // Cleaned up in the effect's cleanup.
    tsx(
      "import { useEffect } from 'react';",
      'export function Clock({ tick }: { tick: () => void }) {',
      '  useEffect(() => {',
      '    const id = setInterval(tick, 1000);',
      '    return () => clearInterval(id);',
      '  }, [tick]);',
      '  return null;',
      '}',
    ),
    // Listeners removed with the same handler (as in the Next.js demo).
    tsx(
      "import { useEffect, useState } from 'react';",
      'export function Online() {',
      '  const [online, setOnline] = useState(true);',
      '  useEffect(() => {',
      '    const update = () => setOnline(navigator.onLine);',
      "    window.addEventListener('online', update);",
      "    window.addEventListener('offline', update);",
      '    return () => {',
      "      window.removeEventListener('online', update);",
      "      window.removeEventListener('offline', update);",
      '    };',
      '  }, []);',
      '  return <span>{String(online)}</span>;',
      '}',
    ),
    // An AbortController signal aborted in the cleanup, and a one-shot listener.
    tsx(
      "import { useEffect } from 'react';",
      'export function useKeys(onKey: (e: KeyboardEvent) => void) {',
      '  useEffect(() => {',
      '    const controller = new AbortController();',
      "    document.addEventListener('keydown', (e) => onKey(e), { signal: controller.signal });",
      '    return () => controller.abort();',
      '  }, [onKey]);',
      '}',
    ),
    tsx(
      "import { useEffect } from 'react';",
      'export function useFirstClick(fn: () => void) {',
      "  useEffect(() => { document.addEventListener('click', fn, { once: true }); }, [fn]);",
      '}',
    ),
    // A zero-delay deferral, and a timer whose callback checks a flag the cleanup sets.
    tsx(
      "import { useEffect, useRef } from 'react';",
      'export function AutoFocus() {',
      '  const ref = useRef<HTMLInputElement>(null);',
      '  useEffect(() => { setTimeout(() => ref.current?.focus(), 0); }, []);',
      '  return <input ref={ref} />;',
      '}',
    ),
    tsx(
      "import { useEffect, useState } from 'react';",
      'export function Toast() {',
      '  const [visible, setVisible] = useState(true);',
      '  useEffect(() => {',
      '    let cancelled = false;',
      '    setTimeout(() => { if (!cancelled) setVisible(false); }, 3000);',
      '    return () => { cancelled = true; };',
      '  }, []);',
      '  return visible ? <div /> : null;',
      '}',
    ),
    // Subscriptions whose unsubscribe is returned or called.
    tsx(
      "import { useEffect } from 'react';",
      'export function useStore(store: Store, render: () => void) {',
      '  useEffect(() => store.subscribe(render), [store, render]);',
      '  useEffect(() => {',
      '    const subscription = events$.subscribe({ next: render });',
      '    return () => subscription.unsubscribe();',
      '  }, [render]);',
      '}',
    ),
    // Observers disconnected, sockets closed; listeners on a socket the effect closes.
    tsx(
      "import { useEffect, useRef } from 'react';",
      'export function Panel({ url }: { url: string }) {',
      '  const ref = useRef<HTMLDivElement>(null);',
      '  useEffect(() => {',
      '    const observer = new ResizeObserver(() => {});',
      '    if (ref.current) observer.observe(ref.current);',
      '    const ws = new WebSocket(url);',
      "    ws.addEventListener('message', (event) => console.log(event.data));",
      '    return () => { observer.disconnect(); ws.close(); };',
      '  }, [url]);',
      '  return <div ref={ref} />;',
      '}',
    ),
    // A `let` set in the effect is captured by that effect's own cleanup: correct.
    tsx(
      "import { useEffect } from 'react';",
      'export function Poller({ poll }: { poll: () => void }) {',
      '  let timer: ReturnType<typeof setInterval> | undefined;',
      '  useEffect(() => {',
      '    timer = setInterval(poll, 5000);',
      '    return () => clearInterval(timer);',
      '  }, [poll]);',
      '  return null;',
      '}',
    ),
    // The handle handed to other code, which may clear it.
    tsx(
      "import { useEffect, useRef } from 'react';",
      'export function Many() {',
      '  const timers = useRef<number[]>([]);',
      '  useEffect(() => { const id = window.setInterval(() => {}, 1000); timers.current.push(id); }, []);',
      '  return null;',
      '}',
    ),
    // Timers in event handlers (not kept in a per-render variable) are not reported.
    tsx(
      "import { useState } from 'react';",
      'export function Menu() {',
      '  const [open, setOpen] = useState(false);',
      '  return <div onBlur={() => setTimeout(() => setOpen(false), 200)}>{String(open)}</div>;',
      '}',
    ),
    // `useEffect` that is not React's, timers outside React, and a shadowing `setTimeout`.
    { code: "import { useEffect } from './lifecycle';\nuseEffect(() => { setInterval(flush, 1000); });", filename: 'worker.ts' },
    { code: 'export function startPolling(check: () => void) { setInterval(check, 1000); }', filename: 'poll.ts' },
    tsx(
      "import { useEffect } from 'react';",
      "import { setTimeout } from 'node:timers/promises';",
      'export function useWarmup(load: () => void) {',
      '  useEffect(() => { setTimeout(1000).then(load); }, [load]);',
      '}',
    ),
    // `subscribe` with no listener (Web Push) is not a subscription to clean up.
    tsx(
      "import { useEffect } from 'react';",
      'export function usePush(registration: ServiceWorkerRegistration) {',
      '  useEffect(() => { void registration.pushManager.subscribe({ userVisibleOnly: true }); }, [registration]);',
      '}',
    ),
    // Common hook shapes: the interval hook, an event-listener hook with options from a parameter, matchMedia.
    tsx(
      "import { useEffect, useRef } from 'react';",
      'export function useInterval(callback: () => void, delay: number | null) {',
      '  const saved = useRef(callback);',
      '  useEffect(() => { saved.current = callback; }, [callback]);',
      '  useEffect(() => {',
      '    function tick() { saved.current(); }',
      '    if (delay !== null) {',
      '      let id = setInterval(tick, delay);',
      '      return () => clearInterval(id);',
      '    }',
      '  }, [delay]);',
      '}',
    ),
    tsx(
      "import { useEffect, useRef } from 'react';",
      'export function useEventListener(name: string, handler: (e: Event) => void, element: HTMLElement, options?: AddEventListenerOptions) {',
      '  const saved = useRef(handler);',
      '  useEffect(() => {',
      '    const listener = (event: Event) => saved.current(event);',
      '    element.addEventListener(name, listener, options);',
      '    element.addEventListener(name, listener);',
      '    return () => element.removeEventListener(name, listener);',
      '  }, [name, element, options]);',
      '}',
    ),
    tsx(
      "import { useEffect, useState } from 'react';",
      'export function useMedia(query: string) {',
      '  const [matches, setMatches] = useState(false);',
      '  useEffect(() => {',
      '    const mql = window.matchMedia(query);',
      '    const onChange = () => setMatches(mql.matches);',
      "    mql.addEventListener('change', onChange);",
      '    function cleanup() { mql.removeEventListener(`change`, onChange); }',
      '    return cleanup;',
      '  }, [query]);',
      '  return matches;',
      '}',
    ),
    // An observer kept in a ref and disconnected through it.
    tsx(
      "import { useEffect, useRef } from 'react';",
      'export function useVisible(el: Element) {',
      '  const observer = useRef<IntersectionObserver>();',
      '  useEffect(() => {',
      '    observer.current = new IntersectionObserver(() => {});',
      '    observer.current.observe(el);',
      '    return () => observer.current?.disconnect();',
      '  }, [el]);',
      '}',
    ),
    // A plain function with a capitalised name that renders nothing is not a component.
    { code: 'export function Scheduler(run: () => void) { setInterval(run, 1000); }', filename: 'scheduler.tsx' },
  ],
  invalid: [
    {
      // As in the Next.js demo: an interval kept in a const and never cleared.
      ...tsx(
        "'use client';",
        "import { useEffect, useRef } from 'react';",
        'export function ScanInput() {',
        '  const inputRef = useRef<HTMLInputElement>(null);',
        '  useEffect(() => {',
        '    const interval = setInterval(() => inputRef.current?.focus(), 1_000);',
        '  }, []);',
        '  return <input ref={inputRef} />;',
        '}',
      ),
      errors: [
        {
          messageId: 'effectTimerLeak',
          data: { name: 'setInterval', clear: 'clearInterval' },
          line: 6,
          column: 22,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'addCleanup',
              output: [
                "'use client';",
                "import { useEffect, useRef } from 'react';",
                'export function ScanInput() {',
                '  const inputRef = useRef<HTMLInputElement>(null);',
                '  useEffect(() => {',
                '    const interval = setInterval(() => inputRef.current?.focus(), 1_000);',
                '    return () => clearInterval(interval);',
                '  }, []);',
                '  return <input ref={inputRef} />;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A one-line effect: the cleanup goes on the same line.
      ...tsx("import { useEffect } from 'react';", 'export function useTick(tick: () => void) {', '  useEffect(() => { const id = setInterval(tick, 1000); }, [tick]);', '}'),
      errors: [
        {
          messageId: 'effectTimerLeak',
          line: 3,
          column: 32,
          suggestions: [
            {
              messageId: 'addCleanup',
              output: [
                "import { useEffect } from 'react';",
                'export function useTick(tick: () => void) {',
                '  useEffect(() => { const id = setInterval(tick, 1000); return () => clearInterval(id); }, [tick]);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A timeout whose handle is dropped: nothing can clear it (no suggestion).
      ...tsx(
        "import React from 'react';",
        'export function Toast({ onClose }: { onClose: () => void }) {',
        '  React.useEffect(() => {',
        '    setTimeout(onClose, 3000);',
        '  }, [onClose]);',
        '  return <div />;',
        '}',
      ),
      errors: [{ messageId: 'effectTimerLeak', data: { name: 'setTimeout', clear: 'clearTimeout' }, line: 4, column: 5, suggestions: [] }],
    },
    {
      // The cleanup clears one timer and forgets the other.
      ...tsx(
        "import { useLayoutEffect as useLayout } from 'react';",
        'export function Blink() {',
        '  useLayout(() => {',
        '    const a = setInterval(() => {}, 500);',
        '    const b = window.setTimeout(() => {}, 5000);',
        '    return () => clearInterval(a);',
        '  }, []);',
        '  return null;',
        '}',
      ),
      errors: [{ messageId: 'effectTimerLeak', data: { name: 'setTimeout', clear: 'clearTimeout' }, line: 5, column: 15, suggestions: [] }],
    },
    {
      // A ref-held interval that nothing in the file ever clears.
      ...tsx(
        "import * as React from 'react';",
        'export function Poll({ poll }: { poll: () => void }) {',
        '  const timer = React.useRef<number>();',
        '  React.useEffect(() => { timer.current = window.setInterval(poll, 5000); }, [poll]);',
        '  return null;',
        '}',
      ),
      errors: [{ messageId: 'effectTimerLeak', line: 4, column: 43, suggestions: [] }],
    },
    {
      // requestAnimationFrame, CommonJS require in a .jsx file.
      code: [
        "const { useEffect } = require('react');",
        'function Canvas({ draw }) {',
        '  useEffect(() => {',
        '    const frame = requestAnimationFrame(draw);',
        '  }, [draw]);',
        '  return <canvas />;',
        '}',
      ].join('\n'),
      filename: 'Canvas.jsx',
      errors: [
        {
          messageId: 'effectTimerLeak',
          data: { name: 'requestAnimationFrame', clear: 'cancelAnimationFrame' },
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'addCleanup',
              output: [
                "const { useEffect } = require('react');",
                'function Canvas({ draw }) {',
                '  useEffect(() => {',
                '    const frame = requestAnimationFrame(draw);',
                '    return () => cancelAnimationFrame(frame);',
                '  }, [draw]);',
                '  return <canvas />;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A named listener never removed: the suggestion removes it with the same arguments.
      ...tsx(
        "import { useEffect } from 'react';",
        'export function useWindowWidth(onResize: () => void) {',
        '  useEffect(() => {',
        "    window.addEventListener('resize', onResize, true);",
        '  }, [onResize]);',
        '}',
      ),
      errors: [
        {
          messageId: 'effectListenerLeak',
          data: { type: 'resize' },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'addCleanup',
              output: [
                "import { useEffect } from 'react';",
                'export function useWindowWidth(onResize: () => void) {',
                '  useEffect(() => {',
                "    window.addEventListener('resize', onResize, true);",
                "    return () => window.removeEventListener('resize', onResize, true);",
                '  }, [onResize]);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // An inline listener can never be removed.
      ...tsx(
        "import { useEffect, useState } from 'react';",
        'export function Scroll() {',
        '  const [y, setY] = useState(0);',
        "  useEffect(() => { window.addEventListener('scroll', () => setY(window.scrollY)); }, []);",
        '  return <span>{y}</span>;',
        '}',
      ),
      errors: [{ messageId: 'effectListenerLeak', data: { type: 'scroll' }, line: 4, column: 21, suggestions: [] }],
    },
    {
      // A signal whose controller is never aborted.
      ...tsx(
        "import { useEffect } from 'react';",
        'export function useEscape(close: () => void) {',
        '  useEffect(() => {',
        '    const controller = new AbortController();',
        "    document.addEventListener('keydown', close, { signal: controller.signal });",
        '  }, [close]);',
        '}',
      ),
      errors: [{ messageId: 'effectListenerLeak', data: { type: 'keydown' }, line: 5, column: 5 }],
    },
    {
      // An observer that keeps observing.
      ...tsx(
        "import { useEffect, useRef } from 'react';",
        'export function Sized() {',
        '  const ref = useRef<HTMLDivElement>(null);',
        '  useEffect(() => {',
        '    const observer = new ResizeObserver(() => {});',
        '    observer.observe(ref.current!);',
        '  }, []);',
        '  return <div ref={ref} />;',
        '}',
      ),
      errors: [
        {
          messageId: 'effectResourceLeak',
          data: { name: 'ResizeObserver', release: 'disconnect' },
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'addCleanup',
              output: [
                "import { useEffect, useRef } from 'react';",
                'export function Sized() {',
                '  const ref = useRef<HTMLDivElement>(null);',
                '  useEffect(() => {',
                '    const observer = new ResizeObserver(() => {});',
                '    observer.observe(ref.current!);',
                '    return () => observer.disconnect();',
                '  }, []);',
                '  return <div ref={ref} />;',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // A socket never closed.
      ...tsx(
        "import { useEffect } from 'react';",
        'export function Feed({ url, onMessage }: { url: string; onMessage: (e: MessageEvent) => void }) {',
        '  useEffect(() => {',
        '    const socket = new WebSocket(url);',
        '    socket.onmessage = onMessage;',
        '    return undefined;',
        '  }, [url, onMessage]);',
        '  return null;',
        '}',
      ),
      errors: [{ messageId: 'effectResourceLeak', data: { name: 'WebSocket', release: 'close' }, line: 4, column: 20, suggestions: [] }],
    },
    {
      // The unsubscribe handle is dropped.
      ...tsx(
        "import { useEffect } from 'react';",
        'export function useCart(store: Store, render: () => void) {',
        '  useEffect(() => {',
        '    store.subscribe(render);',
        '  }, [store, render]);',
        '}',
      ),
      errors: [{ messageId: 'effectSubscriptionLeak', line: 4, column: 5 }],
    },
    {
      // A timer started in the component body: one more per render.
      ...tsx(
        "import { useState } from 'react';",
        'export const Banner = () => {',
        '  const [open, setOpen] = useState(true);',
        '  setTimeout(() => setOpen(false), 5000);',
        '  return open ? <div /> : null;',
        '};',
      ),
      errors: [{ messageId: 'timerInRender', data: { name: 'setTimeout' }, line: 4, column: 3 }],
    },
    {
      // Seed 000 #36 before the fix, with the handle in a per-render `let`.
      ...tsx(
        "import { useState } from 'react';",
        'export function TopicInput() {',
        '  const [show, setShow] = useState(false);',
        '  let blurTimeout: ReturnType<typeof setTimeout> | undefined;',
        '  return (',
        '    <input',
        '      onBlur={() => { blurTimeout = setTimeout(() => setShow(false), 200); }}',
        '      onFocus={() => { clearTimeout(blurTimeout); setShow(true); }}',
        '    />',
        '  );',
        '}',
      ),
      errors: [
        {
          messageId: 'timerHandleNotInRef',
          data: { variable: 'blurTimeout', clear: 'clearTimeout' },
          line: 7,
          column: 23,
          endColumn: 74,
        },
      ],
    },
  ],
});
