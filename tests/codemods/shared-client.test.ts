import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import jscodeshift from 'jscodeshift';

import transform, { normalizeOptions, planSharedClient } from '../../codemods/shared-client.js';
import { runTransform } from '../../codemods/lib/run.js';
import { applyTransform, copyProject, defineFixtureTests, listSourceFiles, readFiles, typecheck } from './harness.js';

describe('shared-client', () => {
  defineFixtureTests('shared-client', transform, 11);

  it('compares options without caring about whitespace or trailing commas', () => {
    expect(normalizeOptions('{\n  apiKey: process.env.OPENAI_API_KEY,\n}')).toBe(normalizeOptions('{ apiKey: process.env.OPENAI_API_KEY }'));
    expect(normalizeOptions('{ timeout: 1 }')).not.toBe(normalizeOptions('{ timeout: 2 }'));
  });

  it('reports each site it refuses, with line, column and reason', () => {
    const file = path.join(import.meta.dirname, '__testfixtures__/shared-client/not-movable.input.ts');
    const j = jscodeshift.withParser('ts');
    const reports: string[] = [];
    transform({ path: file, source: readFileSync(file, 'utf8') }, { j, jscodeshift: j, stats: () => undefined, report: (line) => reports.push(line) }, { dry: true, root: path.dirname(file) });
    expect(reports).toEqual([
      '5:14 client not created as `const name = …` on its own; move it to the shared module by hand',
      '6:20 client options use `config`, which the shared module cannot see',
      '8:16 client not created as `const name = …` on its own; move it to the shared module by hand',
      '11:12 client created inside a function or class (per call); create it once and import the shared instance',
    ]);
  });

  it('leaves a file that names no client module alone without parsing it, in the plan too', () => {
    // Neither would parse: only the text check can let them through unchanged.
    const other = { path: 'src/broken.ts', source: 'export const x = ;\n' };
    const file = { path: 'src/service.ts', source: "import { Pool } from 'pg';\n\nexport function size(pool: Pool) {\n  return pool.totalCount +;\n}\n" };
    expect(planSharedClient([other, file], { dry: true }).sites).toEqual([]);
    expect(applyTransform(transform, file.source, file.path, { dry: true })).toBe(file.source);
  });

  it('still finds the client module when its name is spelled with an escape', () => {
    const source = "import OpenAI from 'open\\u0061i';\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n\nexport const models = () => openai.models.list();\n";
    expect(applyTransform(transform, source, 'project/src/ai.ts', { dry: true, root: 'project' })).toBe(
      "import { openai } from './config/openai';\n\nexport const models = () => openai.models.list();\n",
    );
  });

  function relativeLines(dir: string, lines: readonly string[]): string[] {
    return lines.map((line) => path.relative(dir, line).split(path.sep).join('/'));
  }

  it('moves every module-level client of a project into one module, and a second run changes nothing', () => {
    const dir = copyProject('shared-client', 'services');
    const files = listSourceFiles(dir);
    const options = { root: dir, files };

    const plan = planSharedClient(files, options);
    expect(plan.blocked).toBeUndefined();
    expect(plan.sites.map((site) => path.relative(dir, site.file))).toEqual(['src/services/bookProcessor.ts', 'src/services/rag.ts', 'src/services/vectorSearch.ts']);

    const report = runTransform(transform, files, options);
    expect(relativeLines(dir, report.changed)).toEqual(['src/services/bookProcessor.ts', 'src/services/rag.ts', 'src/services/vectorSearch.ts']);
    expect(relativeLines(dir, report.skipped)).toEqual([
      'src/services/bookProcessor.ts: 11:19 client created inside a function or class (per call); create it once and import the shared instance',
    ]);
    expect(readFileSync(path.join(dir, 'src/config/openai.ts'), 'utf8')).toBe(
      "import OpenAI from 'openai';\n\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n",
    );
    expect(readFileSync(path.join(dir, 'src/services/rag.ts'), 'utf8')).toContain("// Answers questions over retrieved passages.\nimport { openai as client } from '../config/openai';\n");
    const processor = readFileSync(path.join(dir, 'src/services/bookProcessor.ts'), 'utf8');
    expect(processor).toContain("import OpenAI from 'openai';\n\nimport { openai as ai } from '../config/openai';\n");
    expect(processor).toContain('// hardening-codemod: client created inside a function or class');
    expect(typecheck(dir)).toEqual([]);

    const again = runTransform(transform, listSourceFiles(dir), { root: dir, files: listSourceFiles(dir) });
    expect(again.changed).toEqual([]);
    // The per-call client is still reported, at its place in the migrated file.
    expect(relativeLines(dir, again.skipped)).toEqual([
      'src/services/bookProcessor.ts: 12:19 client created inside a function or class (per call); create it once and import the shared instance',
    ]);
  });

  it('changes nothing and reports every instance when their options differ', () => {
    const dir = copyProject('shared-client', 'services');
    const rag = path.join(dir, 'src/services/rag.ts');
    writeFileSync(rag, readFileSync(rag, 'utf8').replace('apiKey: process.env.OPENAI_API_KEY,', 'apiKey: process.env.OPENAI_API_KEY,\n  timeout: 120_000,'));
    const files = listSourceFiles(dir);
    const before = readFiles(files);

    const report = runTransform(transform, files, { root: dir, files });
    expect(report.changed).toEqual([]);
    const why = 'the 2 instances use different clients or options; choose one by hand, nothing was moved';
    expect(relativeLines(dir, report.skipped)).toEqual([
      `src/services/bookProcessor.ts: 3:12 ${why}`,
      'src/services/bookProcessor.ts: 11:19 client created inside a function or class (per call); create it once and import the shared instance',
      `src/services/rag.ts: 4:16 ${why}`,
      `src/services/vectorSearch.ts: 6:16 ${why}`,
    ]);
    expect(readFiles(files)).toEqual(before);
    expect(existsSync(path.join(dir, 'src/config/openai.ts'))).toBe(false);
  });

  it('writes nothing in dry mode', () => {
    const dir = copyProject('shared-client', 'services');
    const files = listSourceFiles(dir);
    const report = runTransform(transform, files, { root: dir, files, dry: true });
    expect(report.changed).toHaveLength(3);
    expect(existsSync(path.join(dir, 'src/config/openai.ts'))).toBe(false);
  });
});
