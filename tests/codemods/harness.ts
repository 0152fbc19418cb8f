import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Transform } from 'jscodeshift';
import ts from 'typescript';

import { jscodeshiftFor } from '../../codemods/lib/parser.js';
import { copyToTemp } from '../tree.js';

const fixturesRoot = path.resolve(import.meta.dirname, '__testfixtures__');

/** Applies a transform to one source text as jscodeshift would, with the parser for `filePath`. */
export function applyTransform(transform: Transform, source: string, filePath: string, options: Record<string, unknown> = {}): string {
  const j = jscodeshiftFor(filePath);
  const skipped: string[] = [];
  const output = transform({ path: filePath, source }, { j, jscodeshift: j, stats: () => undefined, report: (line: string) => skipped.push(line) }, options);
  return typeof output === 'string' ? output : source;
}

export interface FixtureCase {
  name: string;
  inputPath: string;
  outputPath: string;
  /** Options for the case, from `<case>.options.json` when present. */
  options: Record<string, unknown>;
}

/** The `<case>.input.ts|tsx` / `<case>.output.ts|tsx` pairs of a codemod, found by readdir (no hand-kept lists). */
export function fixtureCases(codemod: string): FixtureCase[] {
  const dir = path.join(fixturesRoot, codemod);
  return readdirSync(dir)
    .filter((file) => /\.input\.[cm]?[jt]sx?$/u.test(file))
    .sort()
    .map((file) => {
      const name = file.replace(/\.input\.[cm]?[jt]sx?$/u, '');
      const extension = file.slice(file.indexOf('.input.') + '.input'.length);
      const optionsFile = path.join(dir, `${name}.options.json`);
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : {};
      return { name, inputPath: path.join(dir, file), outputPath: path.join(dir, `${name}.output${extension}`), options };
    });
}

/**
 * Defines, for each fixture pair, a test that the transform turns the input into exactly the
 * output, and one that running it again on the output changes nothing (idempotence). `count` is
 * the number of pairs the folder must hold, so a lost or misnamed fixture fails instead of
 * silently defining fewer tests.
 */
export function defineFixtureTests(codemod: string, transform: Transform, count: number): void {
  const cases = fixtureCases(codemod);
  it(`has ${count} fixture pairs, each output with its input`, () => {
    expect(cases.map((fixture) => fixture.name)).toHaveLength(count);
    const outputs = readdirSync(path.join(fixturesRoot, codemod)).filter((file) => /\.output\.[cm]?[jt]sx?$/u.test(file));
    expect(outputs.sort()).toEqual(cases.map((fixture) => path.basename(fixture.outputPath)).sort());
  });
  for (const fixture of cases) {
    const input = readFileSync(fixture.inputPath, 'utf8');
    const expected = readFileSync(fixture.outputPath, 'utf8');
    it(`${fixture.name}: transforms the input into the expected output`, () => {
      expect(applyTransform(transform, input, fixture.inputPath, fixture.options)).toBe(expected);
    });
    it(`${fixture.name}: changes nothing on a second run`, () => {
      expect(applyTransform(transform, expected, fixture.outputPath, fixture.options)).toBe(expected);
    });
  }
}

/** Copies a fixture project (a folder under __testfixtures__/<codemod>/projects/) to a fresh temp dir. */
export function copyProject(codemod: string, project: string): string {
  return copyToTemp(path.join(fixturesRoot, codemod, 'projects', project), codemod);
}

/** All TypeScript files of a folder, recursively, sorted. */
export function listSourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSourceFiles(full));
    else if (/\.(?:ts|tsx)$/u.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found.sort();
}

/**
 * Type-checks a project folder with the TypeScript compiler API in strict mode (its own
 * `.d.ts` stubs stand in for packages) and returns the diagnostics as `file:line message`.
 */
export function typecheck(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:ts|tsx)$/u.test(file))
    .map((file) => path.join(dir, file));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    skipLibCheck: true,
    types: [],
    baseUrl: dir,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(dir, diagnostic.file.fileName)}:${line + 1} ${message}`;
  });
}

/** Each file's text, by path: equal maps mean nothing was written. */
export function readFiles(files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
}

const routeMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use']);

/** The path text of a registration's first argument (string or template literal), as written. */
function pathText(node: ts.Expression | undefined, source: ts.SourceFile): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.getText(source);
  return undefined;
}

/**
 * Every `x.<method>(path, …)` and `x.route(path).<method>(…)` of a set of files as `method path`,
 * sorted: a multiset to compare before and after a split. `contents` stands in for files not on
 * disk (a dry run's output).
 */
export function routeRegistrations(files: readonly string[], contents: ReadonlyMap<string, string> = new Map()): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, contents.get(file) ?? readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && routeMethods.has(node.expression.name.text)) {
        // Walk down a `.route(path).get(…).put(…)` chain to the `route(path)` call.
        let inner: ts.Expression = node.expression.expression;
        while (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text !== 'route') inner = inner.expression.expression;
        const routePath = ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'route'
          ? pathText(inner.arguments[0], source)
          : pathText(node.arguments[0], source);
        if (routePath !== undefined) found.push(`${node.expression.name.text} ${routePath}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort();
}
