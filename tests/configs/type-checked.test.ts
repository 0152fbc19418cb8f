import path from 'node:path';

import { ESLint } from 'eslint';

import plugin from '../../src/index.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/type-checked');

describe('configs["type-checked"]', () => {
  it('adds typescript-eslint type-aware rules on top of strict, for TypeScript files', () => {
    const config = plugin.configs['type-checked'];
    expect(config.name).toBe('hardening/type-checked');
    expect(config.files).toEqual(['**/*.{ts,cts,mts,tsx}']);
    for (const id of Object.keys(plugin.configs.strict.rules ?? {})) expect(config.rules?.[id]).toBeDefined();
    expect(config.rules?.['@typescript-eslint/no-floating-promises']).toBe('error');
    expect(config.rules?.['@typescript-eslint/no-misused-promises']).toBe('error');
    expect(config.rules?.['@typescript-eslint/no-explicit-any']).toBe('warn');
  });

  it('reports floating promises, misused promises and any with the project service', async () => {
    const eslint = new ESLint({
      cwd: fixture,
      overrideConfigFile: true,
      overrideConfig: [
        plugin.configs['type-checked'] as never,
        { languageOptions: { parserOptions: { tsconfigRootDir: fixture } } },
      ],
    });
    const [result] = await eslint.lintFiles(['src/jobs.ts']);
    const found = result?.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`);
    expect(found).toEqual([
      '8:3 @typescript-eslint/no-floating-promises',
      '17:30 @typescript-eslint/no-explicit-any',
      '25:9 @typescript-eslint/no-misused-promises',
    ]);
  }, 60_000);
});
