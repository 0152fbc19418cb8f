// ESLint options for one benchmark lint, as an options module so that ESLint's worker threads
// (the `concurrency` option) can load the same options: plugin objects cannot be cloned into a
// worker, a module URL can. Parameters come from the URL's query string:
//   ?config=parse-only|one-empty-rule|recommended|strict&cwd=/abs/dir&concurrency=off|2[&rule=rule-id][&empty=1|dispatch]
// `rule` keeps only that rule of the config on (for profiling one rule). `empty=1` runs every rule's
// `create()` but replaces each listener it returns by an empty function: the rule time left is
// what creating the rules and ESLint's dispatch and timing of each listener call cost, with no
// listener work. `empty=dispatch` goes further: the first lint of a file (the warm-up) learns the
// selectors each rule's `create()` returns for it; later lints of that file skip `create()` and
// get empty listeners for those selectors, so the rule time left is ESLint's dispatch and timing
// of each listener call alone.
import { URL } from 'node:url';

import hardening from '../dist/index.js';

const params = new URL(import.meta.url).searchParams;
const name = params.get('config') ?? 'recommended';
const concurrency = params.get('concurrency') ?? 'off';

/**
 * An empty rule: with any rule on, ESLint walks every file's tree (and runs its code-path analysis)
 * even when no rule listens to anything. That walk is paid by every plugin, whatever its rules do.
 */
const emptyRule = { meta: { type: 'problem', schema: [] }, create: () => ({}) };

/** Parse-only: the same files and parser as the plugin's configs, with no rule enabled. */
const config =
  name === 'parse-only'
    ? { ...hardening.configs.recommended, name: 'bench/parse-only', rules: {} }
    : name === 'one-empty-rule'
      ? {
          ...hardening.configs.recommended,
          name: 'bench/one-empty-rule',
          plugins: { ...hardening.configs.recommended.plugins, bench: { rules: { empty: emptyRule } } },
          rules: { 'bench/empty': 'error' },
        }
      : hardening.configs[name];
if (!config) throw new Error(`unknown config ${name}`);
const only = params.get('rule');
/** The plugin with each rule's `create` replaced by `wrap(rule)`. */
const wrapRules = (plugin, wrap) => ({
  ...plugin,
  rules: Object.fromEntries(Object.entries(plugin.rules).map(([id, rule]) => [id, { ...rule, create: wrap(rule) }])),
});
/** An empty listener for each selector a rule's listeners object has. */
const emptyListeners = (listeners) => Object.fromEntries(Object.keys(listeners).map((selector) => [selector, () => {}]));
const withEmptyListeners = (plugin) => wrapRules(plugin, (rule) => (context) => emptyListeners(rule.create(context)));
/** Each rule keeps, per file, empty listeners for the selectors its `create()` returned in the file's first lint. */
const withDispatchOnly = (plugin) =>
  wrapRules(plugin, (rule) => {
    const byFile = new Map();
    return (context) => {
      let listeners = byFile.get(context.filename);
      if (!listeners) {
        listeners = emptyListeners(rule.create(context));
        byFile.set(context.filename, listeners);
      }
      return listeners;
    };
  });
const empty = params.get('empty');
const plugins = empty
  ? { ...config.plugins, hardening: (empty === 'dispatch' ? withDispatchOnly : withEmptyListeners)(config.plugins.hardening) }
  : config.plugins;
if (only && !config.rules[`hardening/${only}`]) throw new Error(`${only} is not in ${name}`);

export default {
  cwd: params.get('cwd') ?? undefined,
  overrideConfigFile: true,
  overrideConfig: [{ ...config, plugins, ...(only ? { rules: { [`hardening/${only}`]: config.rules[`hardening/${only}`] } } : {}) }],
  stats: true,
  cache: false,
  errorOnUnmatchedPattern: true,
  concurrency: concurrency === 'off' ? 'off' : Number(concurrency),
};
