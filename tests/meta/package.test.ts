import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import plugin from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

// `npm test` builds before it runs the suite; these check what users actually install.
describe('the built package', () => {
  it('is built', () => {
    expect(existsSync(path.join(root, 'dist/index.js')), 'run `npm run build` first').toBe(true);
  });

  it('gives the plugin itself to require() and to import', async () => {
    const fromRequire = require(path.join(root, 'dist/index.cjs')) as typeof plugin;
    const fromImport = ((await import(path.join(root, 'dist/index.js'))) as { default: typeof plugin }).default;
    for (const built of [fromRequire, fromImport]) {
      expect(Object.keys(built.rules).sort()).toEqual(Object.keys(plugin.rules).sort());
      expect(built.meta).toEqual({ name: 'eslint-plugin-hardening', version: packageJson.version, namespace: 'hardening' });
      expect(built.configs.recommended.plugins?.hardening).toBe(built);
    }
  });
});
