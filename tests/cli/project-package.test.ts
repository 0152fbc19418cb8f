// package.json facts and the rule options they set.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import { rangeMajor, readPackageFacts, ruleOverrides, type PackageFacts } from '../../src/cli/project/index.js';
import plugin from '../../src/index.js';

const recommendedRules = (plugin.configs.recommended as unknown as { rules: Linter.RulesRecord }).rules;

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hardening-package-facts-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
}

const facts = (partial: Partial<PackageFacts>): PackageFacts => ({ dependencies: [], databases: [], loggers: [], ...partial });

describe('readPackageFacts', () => {
  it('reads the Express major from the dependency range when Express is not installed', () => {
    writeJson(path.join(root, 'package.json'), { dependencies: { express: '^4.19.2', pino: '^9.0.0', pg: '^8.12.0' }, devDependencies: { '@prisma/client': '^5.0.0' } });
    expect(readPackageFacts(root)).toEqual({
      expressMajor: 4,
      expressMajorFrom: 'range',
      dependencies: ['@prisma/client', 'express', 'pg', 'pino'],
      databases: ['@prisma/client', 'pg'],
      loggers: ['pino'],
    });
  });

  it('prefers the installed version over the range', () => {
    writeJson(path.join(root, 'package.json'), { dependencies: { express: '>=4' } });
    writeJson(path.join(root, 'node_modules/express/package.json'), { name: 'express', version: '5.1.0' });
    expect(readPackageFacts(root)).toMatchObject({ expressMajor: 5, expressMajorFrom: 'installed' });
  });

  it('finds Express hoisted to a parent node_modules, as Node would', () => {
    writeJson(path.join(root, 'packages/api/package.json'), { dependencies: { express: '^4.0.0' } });
    writeJson(path.join(root, 'node_modules/express/package.json'), { name: 'express', version: '5.0.1' });
    expect(readPackageFacts(path.join(root, 'packages/api'))).toMatchObject({ expressMajor: 5, expressMajorFrom: 'installed' });
  });

  it('has no Express major without Express, and no facts without a readable package.json', () => {
    writeJson(path.join(root, 'package.json'), { dependencies: { fastify: '^4.0.0' } });
    writeJson(path.join(root, 'node_modules/express/package.json'), { name: 'express', version: '5.1.0' });
    expect(readPackageFacts(root)).toEqual({ dependencies: ['fastify'], databases: [], loggers: [] });
    writeFileSync(path.join(root, 'package.json'), '{ not json');
    expect(readPackageFacts(root)).toEqual({ dependencies: [], databases: [], loggers: [] });
    expect(readPackageFacts(path.join(root, 'missing'))).toEqual({ dependencies: [], databases: [], loggers: [] });
  });
});

describe('rangeMajor', () => {
  it.each([
    ['^4.19.2', 4],
    ['~5.0.1', 5],
    ['5.0.0-beta.3', 5],
    ['4.x', 4],
    ['>=4.17 <6', 4],
    ['4.x || 5.x', 4],
    ['npm:express@^5.1.0', 5],
  ])('%s → %d', (range, major) => {
    expect(rangeMajor(range)).toBe(major);
  });

  it.each(['latest', '*', '', 'workspace:*', '<5', 'github:expressjs/express', 'file:../express'])('%s → nothing', (range) => {
    expect(rangeMajor(range)).toBeUndefined();
  });
});

describe('ruleOverrides', () => {
  it('turns require-async-handler off on Express 5 and leaves it on Express 4', () => {
    expect(ruleOverrides(facts({ expressMajor: 5, dependencies: ['express'] }), recommendedRules)).toEqual({ 'hardening/require-async-handler': 'off' });
    expect(ruleOverrides(facts({ expressMajor: 4, dependencies: ['express'] }), recommendedRules)).toEqual({});
  });

  it('turns require-async-handler off when express-async-errors patches Express 4', () => {
    expect(ruleOverrides(facts({ expressMajor: 4, dependencies: ['express', 'express-async-errors'] }), recommendedRules)).toEqual({
      'hardening/require-async-handler': 'off',
    });
  });

  it('points the async-handler suggestion at express-async-handler when it is installed, keeping the severity', () => {
    expect(ruleOverrides(facts({ expressMajor: 4, dependencies: ['express', 'express-async-handler'] }), recommendedRules)).toEqual({
      'hardening/require-async-handler': ['warn', { asyncHandlerModule: 'express-async-handler', asyncHandlerExport: 'default' }],
    });
  });

  it('makes prefer-structured-logger check every server file when a structured logger is installed, keeping severity and options', () => {
    expect(ruleOverrides(facts({ dependencies: ['winston'], loggers: ['winston'] }), recommendedRules)).toEqual({
      'hardening/prefer-structured-logger': ['warn', { logger: 'logger' }],
    });
    const custom: Linter.RulesRecord = { 'hardening/prefer-structured-logger': ['error', { ignoreFiles: ['tools/**'] }] };
    expect(ruleOverrides(facts({ dependencies: ['pino'], loggers: ['pino'] }), custom)).toEqual({
      'hardening/prefer-structured-logger': ['error', { ignoreFiles: ['tools/**'], logger: 'logger' }],
    });
  });

  it('imports DOMPurify from isomorphic-dompurify in suggestions when that is the installed build', () => {
    expect(ruleOverrides(facts({ dependencies: ['isomorphic-dompurify'] }), recommendedRules)).toEqual({
      'hardening/no-unsanitized-html': ['error', { importSource: 'isomorphic-dompurify' }],
    });
    expect(ruleOverrides(facts({ dependencies: ['dompurify', 'isomorphic-dompurify'] }), recommendedRules)).toEqual({});
  });

  it('touches no rule the config leaves out or turns off', () => {
    const rules: Linter.RulesRecord = { 'hardening/require-async-handler': 'off', 'hardening/prefer-structured-logger': 0 };
    expect(ruleOverrides(facts({ expressMajor: 5, dependencies: ['express', 'pino'], loggers: ['pino'] }), rules)).toEqual({});
    expect(ruleOverrides(facts({ expressMajor: 5, dependencies: ['express'] }), {})).toEqual({});
    expect(ruleOverrides({}, recommendedRules)).toEqual({});
  });

  it('produces options the rules accept, with the effect documented', async () => {
    const code = "import express from 'express';\nconst app = express();\napp.get('/x', async (req, res) => { console.log('hit'); res.json(await load()); });\napp.listen(3000);\n";
    const run = async (packageFacts: PackageFacts): Promise<string[]> => {
      const eslint = new ESLint({
        cwd: root,
        overrideConfigFile: true,
        overrideConfig: [plugin.configs.recommended as never, { rules: ruleOverrides(packageFacts, recommendedRules) }],
      });
      const [result] = await eslint.lintText(code, { filePath: path.join(root, 'src/routes.ts') });
      return (result?.messages ?? []).map((message) => message.ruleId ?? '').filter((id) => id === 'hardening/require-async-handler' || id === 'hardening/prefer-structured-logger');
    };
    expect(await run(facts({ expressMajor: 4, dependencies: ['express'] }))).toEqual(['hardening/require-async-handler']);
    expect(await run(facts({ expressMajor: 5, dependencies: ['express', 'pino'], loggers: ['pino'] }))).toEqual(['hardening/prefer-structured-logger']);
  });
});
