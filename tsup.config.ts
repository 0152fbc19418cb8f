import { readFileSync } from 'node:fs';

import { defineConfig } from 'tsup';

import { codemods } from './codemods/registry.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const shared = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
} as const;

// `npm run build` empties dist/ first: the two builds below run in parallel, so neither cleans.
export default defineConfig([
  {
    ...shared,
    // The plugin, the `hardening` bin, the options module ESLint's worker threads load, and every
    // codemod (the CLI loads them by the registry's module paths). Shared code goes to chunks.
    entry: {
      index: 'src/index.ts',
      cli: 'src/cli/main.ts',
      'audit-options': 'src/cli/audit-options.ts',
      'codemods/worker': 'codemods/lib/worker.ts',
      'codemods/registry': 'codemods/registry.ts',
      ...Object.fromEntries(codemods.map((codemod) => [`codemods/${codemod.slug}`, `codemods/${codemod.slug}.ts`])),
    },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
    splitting: true,
  },
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    splitting: false,
    // CommonJS users get the plugin itself from require(), not `{ default }`.
    footer: { js: 'module.exports = module.exports.default;' },
  },
]);
