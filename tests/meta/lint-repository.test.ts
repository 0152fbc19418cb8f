import path from 'node:path';

import { ESLint } from 'eslint';

import plugin from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');

// Every rule runs over every source file of the repository and of the examples, with `strict`:
// none may crash, whatever the code looks like (rules, tests full of odd snippets, TSX, CommonJS).
describe('strict over the whole repository', () => {
  it('lints every file without a crash or a parse error', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ ignores: ['dist/**', 'coverage/**'] }, plugin.configs.strict as never],
    });
    const results = await eslint.lintFiles(['.']);
    expect(results.length).toBeGreaterThan(40);
    const fatal = results.flatMap((result) =>
      result.messages.filter((message) => message.fatal).map((message) => `${path.relative(root, result.filePath)}: ${message.message}`),
    );
    expect(fatal).toEqual([]);
  }, 120_000);
});
