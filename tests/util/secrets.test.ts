import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  envReadText,
  getEnvVariableName,
  mayNameEnvVariable,
  getNodeEnvComparison,
  hasPasswordInUrl,
  isProcessEnv,
  isTestFile,
  isUnderNonProductionGuard,
  looksLikeCredential,
  throwMissingText,
  truthWhenNodeEnvUnset,
} from '../../src/util/secrets.js';
import { probe } from './probe.js';

type Describe = (argument: TSESTree.Node, context: Readonly<TSESLint.RuleContext<'found', []>>) => string;

/** Reports `describe(x)` for every `check(x)` call. */
function checks(code: string, describe: Describe): string[] {
  return probe(code, (context) => ({
    'CallExpression[callee.name="check"]'(node: TSESTree.CallExpression) {
      const [argument] = node.arguments;
      if (argument) context.report({ node, messageId: 'found', data: { text: describe(argument, context) } });
    },
  }));
}

const envName: Describe = (argument, context) => {
  const scope = context.sourceCode.getScope(argument);
  return `${getEnvVariableName(argument, scope) ?? '-'} ${isProcessEnv(argument, scope) ? 'env' : ''}`.trim();
};

describe('isProcessEnv and getEnvVariableName', () => {
  it('reads process.env, import.meta.env, imported env and constant aliases', () => {
    expect(
      checks(
        [
          "import { env as penv } from 'node:process';",
          "import proc from 'process';",
          'const env = process.env;',
          'const { SESSION_SECRET, DB_URL: url } = process.env;',
          "const secret = process.env['JWT-SECRET'];",
          "check(process.env.A); check(process.env['B']); check(import.meta.env.VITE_C); check(penv.D); check(proc.env.E);",
          'check(env.F); check(SESSION_SECRET); check(url); check(secret); check(process.env); check(env);',
        ].join('\n'),
        envName,
      ),
    ).toEqual([
      '6:1 A', '6:23 B', '6:48 VITE_C', '6:79 D', '6:94 E',
      '7:1 F', '7:15 SESSION_SECRET', '7:38 DB_URL', '7:50 JWT-SECRET', '7:65 - env', '7:85 - env',
    ]);
  });

  it('ignores computed reads, reassigned aliases, shadowed process and other objects', () => {
    expect(
      checks(
        [
          'let env = process.env; env = {};',
          'function f(process, name) { check(process.env.A); check(globalThis.process.env.B); check(config.env.C); check(env.D); }',
          'check(process.env[name]);',
        ].join('\n'),
        envName,
      ),
    ).toEqual(['2:29 -', '2:51 -', '2:84 -', '2:105 -', '3:1 -']);
  });

  it('has a shape test that never turns down a read it names', () => {
    const shape: Describe = (argument, context) => `${mayNameEnvVariable(argument) ? 'may' : 'not'} ${getEnvVariableName(argument, context.sourceCode.getScope(argument)) ?? '-'}`;
    expect(
      checks(
        [
          'const env = process.env; const secret = env.S;',
          'check(process.env.A); check((process.env as Env).B); check(import.meta.env.C); check(env.D); check(secret);',
          'check(config.db.url); check(getEnv().E); check(process.env[name]); check(`x`);',
        ].join('\n'),
        shape,
      ),
    ).toEqual(['2:1 may A', '2:23 may B', '2:54 may C', '2:80 may D', '2:94 may S', '3:1 not -', '3:23 not -', '3:42 not -', '3:68 not -']);
  });
});

describe('NODE_ENV conditions', () => {
  it('reads comparisons either way round, and what they are when NODE_ENV is unset', () => {
    expect(
      checks(
        [
          "const isProd = process.env.NODE_ENV === 'production';",
          "check(process.env.NODE_ENV === 'production'); check('test' != process.env.NODE_ENV); check(process.env.NODE_ENV !== 'development');",
          "check(isProd); check(!isProd); check(isProd ? false : 'yes'); check(process.env.DEBUG === 'true'); check(process.env.NODE_ENV > 'a');",
        ].join('\n'),
        (argument, context) => {
          const scope = context.sourceCode.getScope(argument);
          const comparison = getNodeEnvComparison(argument, scope);
          const compared = comparison ? `${comparison.equal ? '==' : '!='}${comparison.value}` : '-';
          return `${compared} ${String(truthWhenNodeEnvUnset(argument, scope))}`;
        },
      ),
    ).toEqual([
      '2:1 ==production false', '2:47 !=test true', '2:86 !=development true',
      '3:1 - false', '3:16 - true', '3:32 - true', '3:63 - undefined', '3:100 - undefined',
    ]);
  });

  it('knows which branches only run in an explicitly non-production environment', () => {
    const guarded: Describe = (argument, context) => String(isUnderNonProductionGuard(argument, context.sourceCode));
    expect(
      checks(
        [
          "const isTest = process.env.NODE_ENV === 'test';",
          "if (process.env.NODE_ENV === 'development') check(a); else check(b);",
          "const s = process.env.NODE_ENV !== 'production' ? check(c) : check(d);",
          "isTest && check(e); isTest || check(f); process.env.NODE_ENV === 'production' || check(g);",
          "if (!(process.env.NODE_ENV === 'test' || process.env.NODE_ENV === 'local')) check(h); else check(i);",
        ].join('\n'),
        guarded,
      ),
    ).toEqual(['2:45 true', '2:60 false', '3:51 false', '3:62 false', '4:11 true', '4:31 false', '4:82 false', '5:77 false', '5:92 true']);
  });
});

describe('hasPasswordInUrl', () => {
  it('flags literal passwords to remote hosts only', () => {
    const url: Describe = (argument, context) => String(hasPasswordInUrl(argument, context.sourceCode.getScope(argument)));
    expect(
      checks(
        [
          "const BASE = 'postgres://app:s3cret@db.internal:5432/app';",
          "check(BASE); check('mongodb+srv://admin:hunter2@' + 'cluster0.example.net/db'); check(`redis://:pw@${host}:6379`);",
          'check(`postgres://app:${process.env.DB_PASSWORD}@db.internal/app`); check("postgres://app@db.internal/app");',
          "check('postgres://dev:dev@localhost/app'); check('mysql://root:root@127.0.0.1/db'); check(dsn); check('user:pw@host');",
        ].join('\n'),
        url,
      ),
    ).toEqual(['2:1 true', '2:14 true', '2:81 true', '3:1 false', '3:69 false', '4:1 false', '4:44 false', '4:85 false', '4:97 false']);
  });
});

describe('string helpers', () => {
  it.each([
    ['src/auth.test.ts', undefined, true],
    ['src/Button.stories.tsx', undefined, true],
    ['api/user.e2e.mjs', undefined, true],
    ['src/__mocks__/db.ts', undefined, true],
    ['C:\\app\\tests\\setup.ts', undefined, true],
    ['/home/me/test/app/src/index.ts', '/home/me/test/app', false],
    ['/home/me/app/fixtures/users.ts', '/home/me/app', true],
    ['src/testing.ts', undefined, false],
    ['src/attest/index.ts', undefined, false],
  ])('isTestFile(%j, %j) is %s', (filename, cwd, expected) => {
    expect(isTestFile(filename, cwd)).toBe(expected);
  });

  it.each([
    ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', true],
    ['AKIAIOSFODNN7Q2X9ZB4', true],
    ['ghp_8fK2mQz7Lx1Wv9Rt3Yb6Nc4Hd0Js5Pa', true],
    ['short1a', false],
    ['Invalid password 123 given', false],
    ['https://api.stripe.com/v1/charges', false],
    ['/var/run/secrets/token1', false],
    ['abcdefghijklmnopqrstuvwxyz', false],
    ['your-api-key-0123456789abc', false],
    ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', false],
    ['a1a1a1a1a1a1a1a1a1a1', false],
  ])('looksLikeCredential(%j) is %s', (value, expected) => {
    expect(looksLikeCredential(value)).toBe(expected);
  });

  it('writes environment reads and fail-fast expressions', () => {
    expect(envReadText('SESSION_SECRET')).toBe('process.env.SESSION_SECRET');
    expect(envReadText('JWT-SECRET')).toBe("process.env['JWT-SECRET']");
    expect(throwMissingText('API_KEY')).toBe("(() => { throw new Error('API_KEY is required'); })()");
    expect(throwMissingText("it's")).toBe("(() => { throw new Error('it\\'s is required'); })()");
  });
});
