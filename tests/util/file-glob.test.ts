import { expandBraces, matchesFileGlob, projectRelativePath } from '../../src/util/file-glob.js';

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
});
