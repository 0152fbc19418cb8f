import { expandBraces, matchesFileGlob, projectRelativePath } from '../../src/util/file-glob.js';
import { matchesAnyGlob } from '../../src/util/glob.js';

describe('file globs', () => {
  it('expands {a,b} alternatives, nested ones too', () => {
    expect(expandBraces('**/{db,lib}/*.{ts,js}')).toEqual(['**/db/*.ts', '**/db/*.js', '**/lib/*.ts', '**/lib/*.js']);
    expect(expandBraces('a/{b,{c,d}}/e')).toEqual(['a/b/e', 'a/c/e', 'a/d/e']);
    expect(expandBraces('no-braces/**')).toEqual(['no-braces/**']);
    expect(expandBraces('unclosed/{a,b')).toEqual(['unclosed/{a,b']);
  });

  it.each([
    ['src/config/openai.ts', '**/{config,lib}/**', true],
    ['lib/prisma.ts', '**/{config,lib}/**', true],
    ['src/services/rag.ts', '**/{config,lib}/**', false],
    ['src/prisma.ts', '**/{prisma,redis}.{ts,js}', true],
    ['src/prisma-helpers.ts', '**/{prisma,redis}.{ts,js}', false],
    ['src/cache/cache.module.ts', '**/*.module.ts', true],
    ['scripts/seed.ts', '**/scripts/**', true],
  ] as const)('%s matches %s: %s', (file, glob, expected) => {
    expect(matchesFileGlob(file, [glob])).toBe(expected);
  });

  it('compares files relative to the project', () => {
    expect(projectRelativePath('/home/config/app/src/a.ts', '/home/config/app')).toBe('src/a.ts');
    // Asked again with another project root or none: not the remembered answer of the last call.
    expect(projectRelativePath('/home/config/app/src/a.ts', '/home/config')).toBe('app/src/a.ts');
    expect(projectRelativePath('/home/config/app/src/a.ts')).toBe('/home/config/app/src/a.ts');
    expect(matchesFileGlob('/home/config/app/src/a.ts', ['**/config/**'], '/home/config/app')).toBe(false);
    expect(matchesFileGlob('C:\\app\\src\\db\\pool.ts', ['src/db/**'])).toBe(false);
    expect(matchesFileGlob('src\\db\\pool.ts', ['src/db/**'])).toBe(true);
    expect(matchesFileGlob('src/a.ts', [])).toBe(false);
  });

  // A list is tested as one expression, alternatives written in place where they are plain: the
  // same answers as testing every glob of the brace expansion one by one.
  const lists = [
    ['**/{config,configs,lib}/**', '**/{prisma,db,data-source}.{ts,js,mjs}', '**/*.{module,client}.{ts,js}'],
    ['a/{b,{c,d}}/e'],
    ['{src/db,lib}/**'],
    ['**/{,lib}/x.ts'],
    ['src/{**,a}/x.ts'],
    ['unclosed/{a,b', 'x}/y.ts'],
    ['**', 'src/?.ts', 'src/a.{test,spec}.*'],
  ];
  const files = [
    'src/config/openai.ts', 'lib/x.ts', 'configs', 'src/prisma.ts', 'src/prisma.tsx', 'src/db.mjs', 'src/data-source.js',
    'app/cache.module.ts', 'app/cache.client.js', 'app/cache.clientx.js', 'a/b/e', 'a/c/e', 'a/d/e', 'a/{c,d}/e',
    'src/db/pool.ts', 'lib/deep/x.ts', 'src/db', 'x.ts', 'lib/x.ts', 'src/a/x.ts', 'src/q/r/x.ts', 'src/x.ts',
    'unclosed/{a,b', 'x}/y.ts', '', 'src/b.ts', 'src/bb.ts', 'src/a.test.ts', 'src/a.spec.tsx', 'src/a.e2e.ts',
  ];
  it.each(lists)('tests %j as its brace expansion would', (...globs) => {
    const expanded = globs.flatMap(expandBraces);
    for (const file of files) expect([file, matchesFileGlob(file, globs)]).toEqual([file, matchesAnyGlob(file, expanded)]);
    expect(files.filter((file) => matchesFileGlob(file, globs)).length).toBeGreaterThan(0);
  });
});

