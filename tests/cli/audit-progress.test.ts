// Progress on a terminal: the files are linted in batches and `done / total` is reported after
// each, then erased; the results are those of one single lint.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { listFiles } from '../../src/cli/audit/files.js';
import { createEslint, lintFiles, terminalProgress } from '../../src/cli/audit/lint.js';
import type { AuditParams } from '../../src/cli/audit/options.js';
import { copyFixture } from './cli.js';

let root = '';
beforeAll(() => {
  root = copyFixture('audit/app');
  for (let index = 0; index < 50; index += 1) writeFileSync(path.join(root, `src/module-${index}.ts`), `export const value${index} = ${index};\n`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('audit progress', () => {
  it('reports files done / total after each batch and gives the same results as one lint', async () => {
    const { files } = await listFiles(['.'], root);
    expect(files).toHaveLength(54);
    const params: AuditParams = { config: 'recommended', cwd: root, packageRoot: root, concurrency: 'off', cache: false, cacheLocation: path.join(root, '.cache'), projectChecks: false };
    const { eslint, threaded } = await createEslint(params, () => undefined);
    expect(threaded).toBe(false);
    const updates: string[] = [];
    const batched = await lintFiles(eslint, files, threaded, { update: (done, total) => updates.push(`${done}/${total}`), clear: () => updates.push('clear') });
    expect(updates).toEqual(['0/54', '20/54', '40/54', '54/54', 'clear']);
    expect(batched).toEqual(await lintFiles(eslint, files, threaded));
  });

  it('rewrites one terminal line and erases it at the end', () => {
    let written = '';
    const progress = terminalProgress({ write: (text: string) => (written += text) } as unknown as NodeJS.WriteStream);
    progress.update(20, 54);
    progress.clear();
    expect(written).toBe('\r\u001B[2Klinting: 20 / 54 files\r\u001B[2K');
  });
});
