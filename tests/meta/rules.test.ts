import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Ajv } from 'ajv';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

import plugin from '../../src/index.js';
import { ruleDocsUrl } from '../../src/util/create-rule.js';

const root = path.resolve(import.meta.dirname, '../..');
const catalog = (() => {
  // The catalog is the spec: rule ids are fixed there. It lives beside the repository when present.
  const file = path.resolve(root, '../shared/catalog.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
})();
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/u, ''))
  .sort();
const ruleIds = Object.keys(plugin.rules).sort();

describe('the rule set', () => {
  it('exports exactly the rules in src/rules/', () => {
    // The per-rule checks below run once per id: an empty list would pass them all.
    expect(ruleIds).toHaveLength(37);
    expect(ruleIds).toEqual(ruleFiles);
  });

  it('has a docs page and a test file for every rule, and no orphans', () => {
    const docs = readdirSync(path.join(root, 'docs/rules')).map((file) => file.replace(/\.md$/u, '')).sort();
    const tests = readdirSync(path.join(root, 'tests/rules')).map((file) => file.replace(/\.test\.ts$/u, '')).sort();
    expect(docs).toEqual(ruleIds);
    expect(tests).toEqual(ruleIds);
  });

  it.runIf(catalog !== undefined)('uses only rule ids from the catalog', () => {
    for (const id of ruleIds) expect(catalog).toContain(`\`${id}\``);
  });
});

function ruleOf(id: string) {
  const rule = plugin.rules[id];
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

describe.each(ruleIds)('rule %s', (id) => {
  const meta = ruleOf(id).meta;
  const docsFile = path.join(root, 'docs/rules', `${id}.md`);
  const docsPage = existsSync(docsFile) ? readFileSync(docsFile, 'utf8') : '';

  it('has complete metadata', () => {
    expect(meta.type).toBe('problem');
    expect(meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) .*[^.]$/u);
    expect(meta.docs?.url).toBe(ruleDocsUrl(id));
    expect(['security', 'reliability', 'performance', 'maintainability']).toContain(meta.docs?.category);
    expect(typeof meta.docs?.recommended).toBe('boolean');
    if (meta.docs?.category === 'security') expect(meta.docs.cwe).toMatch(/^CWE-\d+$/u);
    for (const [messageId, text] of Object.entries(meta.messages)) {
      expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/u);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('has an object schema whose properties are described, and valid defaults', () => {
    const schema = Array.isArray(meta.schema) ? meta.schema : [meta.schema];
    for (const item of schema) {
      expect(item.type).toBe('object');
      expect(item.additionalProperties).toBe(false);
      for (const [name, property] of Object.entries(item.properties ?? {}) as [string, JSONSchema4][]) {
        expect(property.description, `${id} option ${name} needs a description`).toBeTruthy();
        expect(property.default, `${id} option ${name}: defaults belong in meta.defaultOptions`).toBeUndefined();
        expect(docsPage, `${id} option ${name} is not documented`).toContain(name);
      }
    }
    const defaults = meta.defaultOptions ?? [];
    expect(defaults.length).toBeLessThanOrEqual(schema.length);
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile({ type: 'array', items: schema, minItems: 0, maxItems: schema.length });
    expect(validate(defaults), JSON.stringify(validate.errors)).toBe(true);
  });

  it('declares fixable / hasSuggestions only with matching messages', () => {
    if (meta.hasSuggestions) expect(Object.keys(meta.messages).length).toBeGreaterThan(1);
    expect(meta.fixable === undefined || meta.fixable === 'code').toBe(true);
  });

  it('has a docs page with the required sections', () => {
    expect(docsPage.startsWith(`# hardening/${id}\n`)).toBe(true);
    for (const heading of ['## Examples', '❌', '✅', '## Options', '## When Not To Use It']) {
      expect(docsPage, `${id}.md lacks ${heading}`).toContain(heading);
    }
    if (meta.docs?.cwe) expect(docsPage).toContain(meta.docs.cwe);
  });
});

describe('configs', () => {
  it('recommended holds exactly the rules marked recommended; strict holds all', () => {
    const recommended = ruleIds.filter((id) => ruleOf(id).meta.docs?.recommended).map((id) => `hardening/${id}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(ruleIds.map((id) => `hardening/${id}`).sort());
  });

  it('makes security rules errors and the others warnings', () => {
    for (const id of ruleIds) {
      const expected = ruleOf(id).meta.docs?.category === 'security' ? 'error' : 'warn';
      expect(plugin.configs.strict.rules?.[`hardening/${id}`]).toBe(expected);
    }
  });

  it('names each config and refers to the plugin object itself', () => {
    expect(plugin.configs.recommended.name).toBe('hardening/recommended');
    expect(plugin.configs.strict.name).toBe('hardening/strict');
    expect(plugin.configs.recommended.plugins?.hardening).toBe(plugin);
  });
});
