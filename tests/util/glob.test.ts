import { globToRegExp, matchesAnyGlob, normalizeRoutePath } from '../../src/util/glob.js';

describe('route-path globs', () => {
  it.each([
    ['**/login', '/login', true],
    ['**/login', '/api/v1/login', true],
    ['**/login', '/login/extra', false],
    ['**/login', '/relogin', false],
    ['/auth/**', '/auth', true],
    ['/auth/**', '/auth/google/callback', true],
    ['/auth/**', '/authors', false],
    ['/users/*', '/users/:id', true],
    ['/users/*', '/users/1/posts', false],
    ['/v?/items', '/v2/items', true],
    ['/**', '/', true],
    ['/health/**', '/health', true],
    ['/a.b', '/aXb', false],
    ['users/', '/users', true],
  ] as const)('%s matches %s: %s', (glob, path, expected) => {
    expect(matchesAnyGlob(path, [glob])).toBe(expected);
  });

  it('normalizes paths and anchors patterns', () => {
    expect(normalizeRoutePath('users/')).toBe('/users');
    expect(normalizeRoutePath('//a//b')).toBe('/a/b');
    expect(normalizeRoutePath('')).toBe('/');
    expect(globToRegExp('/x').test('/x/y')).toBe(false);
  });
});
