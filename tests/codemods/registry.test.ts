import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { codemods } from '../../codemods/registry.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the codemod registry', () => {
  it('lists each codemod once, with its module, docs page, tests and fixtures', () => {
    const slugs = codemods.map((entry) => entry.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const entry of codemods) {
      expect(entry.module).toBe(`./${entry.slug}.js`);
      expect(existsSync(path.join(root, 'codemods', `${entry.slug}.ts`)), entry.slug).toBe(true);
      expect(existsSync(path.join(root, 'docs/codemods', `${entry.slug}.md`)), entry.slug).toBe(true);
      expect(existsSync(path.join(root, 'tests/codemods', `${entry.slug}.test.ts`)), entry.slug).toBe(true);
      const fixtures = readdirSync(path.join(root, 'tests/codemods/__testfixtures__', entry.slug)).filter((file) => file.includes('.input.'));
      expect(fixtures.length, entry.slug).toBeGreaterThanOrEqual(6);
    }
  });

  it('has a registry entry for every transform in codemods/', () => {
    const transforms = readdirSync(path.join(root, 'codemods'))
      .filter((file) => file.endsWith('.ts') && file !== 'registry.ts')
      .map((file) => file.replace(/\.ts$/u, ''))
      .sort();
    expect(codemods.map((entry) => entry.slug).sort()).toEqual(transforms);
  });

  it("declares exactly the options each codemod's docs page lists, in the same order", () => {
    for (const entry of codemods) {
      const docs = readFileSync(path.join(root, 'docs/codemods', `${entry.slug}.md`), 'utf8');
      const table = /^## Options\n([\s\S]*?)(?=^## )/mu.exec(docs)?.[1] ?? '';
      const documented = [...table.matchAll(/^\| `(\w+)` \|/gmu)].map((match) => match[1]);
      expect(documented.length, entry.slug).toBeGreaterThan(0);
      expect(entry.options.map((option) => option.name), entry.slug).toEqual(documented);
    }
  });
});
