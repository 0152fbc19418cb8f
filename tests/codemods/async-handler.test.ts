import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import jscodeshift from 'jscodeshift';

import transform, { HELPER_SOURCE } from '../../codemods/async-handler.js';
import { parserFor } from '../../codemods/lib/parser.js';
import { runTransform } from '../../codemods/lib/run.js';
import { applyTransform, copyProject, defineFixtureTests, fixtureCases, listSourceFiles, readFiles, typecheck } from './harness.js';

/** The lines a fixture's input makes the transform report. */
function reportsOf(name: string): string[] {
  const fixture = fixtureCases('async-handler').find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  const j = jscodeshift.withParser(parserFor(fixture.inputPath));
  const lines: string[] = [];
  const api = { j, jscodeshift: j, stats: () => undefined, report: (line: string) => lines.push(line) };
  transform({ path: fixture.inputPath, source: readFileSync(fixture.inputPath, 'utf8') }, api, fixture.options);
  return lines;
}

describe('async-handler', () => {
  defineFixtureTests('async-handler', transform, 11);

  it('reports every site it leaves alone, at its position in the input', () => {
    expect(reportsOf('handler-by-name')).toEqual(['26:37 `createTopic` is defined in another module: wrap it by hand if it is async']);
    expect(reportsOf('middleware')).toEqual([
      '12:9 async error middleware (4 parameters): a wrapper would hide its arity from Express; catch inside it instead',
    ]);
    expect(reportsOf('comments-kept')).toEqual([
      '6:3 this catch only logs and sends a 500 but carries comments: remove it by hand',
      '16:3 this catch only logs and sends a 500, but unwrapping its try would redeclare `data`',
    ]);
    expect(reportsOf('array-handlers')).toEqual(['10:40 `controller.update` is defined in another module: wrap it by hand if it is async']);
    expect(reportsOf('nested-routers')).toEqual([]);
    expect(reportsOf('express-async-errors')).toEqual([]);
  });

  it('leaves a file with no route receiver alone without parsing it', () => {
    // It would not parse: only the text check can let it through unchanged.
    const source = 'export async function load(id: string) {\n  return db.find(id) +;\n}\n';
    expect(applyTransform(transform, source, 'src/jobs/load.ts', { dry: true })).toBe(source);
  });

  it('still finds the express module when its name is spelled with an escape', () => {
    const source = "import web from 'ex\\u0070ress';\n\nconst app = web();\n\napp.get('/', async (req, res) => {\n  res.json(await load());\n});\n";
    expect(applyTransform(transform, source, 'project/src/app.ts', { dry: true, root: 'project' })).toBe(
      "import web from 'ex\\u0070ress';\nimport { asyncHandler } from './middleware/asyncHandler';\n\nconst app = web();\n\napp.get('/', asyncHandler(async (req, res) => {\n  res.json(await load());\n}));\n",
    );
  });

  it('migrates a project: wraps handlers, removes the 500 boilerplate, creates the helper, type-checks, and is idempotent', () => {
    const dir = copyProject('async-handler', 'app');
    const helper = path.join(dir, 'src/middleware/asyncHandler.ts');
    expect(typecheck(dir)).toEqual([]);

    const dry = runTransform(transform, listSourceFiles(dir), { root: dir, dry: true });
    expect(existsSync(helper)).toBe(false);

    const first = runTransform(transform, listSourceFiles(dir), { root: dir });
    expect(dry).toEqual(first);
    expect(first.changed.map((file) => path.relative(dir, file))).toEqual(['src/app.ts', 'src/routes/index.ts', 'src/routes/topics.ts']);
    expect(first.skipped.map((line) => path.relative(dir, line))).toEqual([
      'src/routes/topics.ts: 31:26 `getUser` is defined in another module: wrap it by hand if it is async',
    ]);
    expect(readFileSync(helper, 'utf8')).toBe(HELPER_SOURCE);
    expect(readFileSync(path.join(dir, 'src/routes/topics.ts'), 'utf8')).toBe(EXPECTED_TOPICS);
    expect(typecheck(dir)).toEqual([]);

    const files = listSourceFiles(dir);
    const before = readFiles(files);
    const second = runTransform(transform, files, { root: dir });
    expect(second.changed).toEqual([]);
    expect(readFiles(files)).toEqual(before);
  });
});

const EXPECTED_TOPICS = `import express, { type Request, type Response } from 'express';
import { getUser } from '../controllers/users';
import { db, NotFoundError } from '../db';
import { asyncHandler } from '../middleware/asyncHandler';

export const topics = express.Router();

async function listTopics(req: Request, res: Response): Promise<void> {
  res.json(await db.topics());
}

topics.get('/', asyncHandler(listTopics));

// A missing topic is a 404, not a 500: this catch stays.
topics.get('/:id', asyncHandler(async (req, res) => {
  try {
    res.json(await db.topic(req.params.id));
  } catch (error) {
    if (error instanceof NotFoundError) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    throw error;
  }
}));

topics.get('/users/:id', getUser);
`;
