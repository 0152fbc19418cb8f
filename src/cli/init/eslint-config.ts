import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPOSITORY_URL } from '../../util/create-rule.js';
import { PLUGIN_PACKAGE, addToFlatConfig, configEntries, importLine, type ConfigName } from './edit-flat-config.js';
import type { PackageJson } from './package-json.js';
import { InitRefusal, type FileChange } from './plan.js';

/** In the order ESLint looks for them. */
export const FLAT_CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

const LEGACY_CONFIG_FILES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];

export interface EslintConfigStep {
  change?: FileChange;
  /** Said when nothing changes. */
  status?: string;
}

/** Creates `eslint.config.js` (`.mjs` outside `"type": "module"` packages) or adds the plugin to the flat config there is. */
export function planEslintConfig(root: string, packageJson: PackageJson, config: ConfigName): EslintConfigStep {
  const existing = FLAT_CONFIG_FILES.find((name) => existsSync(path.join(root, name)));
  if (existing === undefined) {
    const legacy = LEGACY_CONFIG_FILES.find((name) => existsSync(path.join(root, name)));
    if (legacy !== undefined) throw new InitRefusal(legacyExplanation(legacy, `npx @eslint/migrate-config ${legacy}`));
    if (packageJson.data.eslintConfig !== undefined) {
      throw new InitRefusal(
        legacyExplanation('the `eslintConfig` key of package.json', 'move `eslintConfig` from package.json into .eslintrc.json, then\n  npx @eslint/migrate-config .eslintrc.json'),
      );
    }
    const file = packageJson.isModule ? 'eslint.config.js' : 'eslint.config.mjs';
    const after = [
      `// Production-hardening rules for Node/TypeScript backends: ${REPOSITORY_URL}#readme`,
      `${importLine(false, 'hardening', "'", true)}`,
      '',
      `export default [${configEntries(config, 'hardening', "'").join(', ')}];`,
      '',
    ].join('\n');
    return { change: { file, before: undefined, after, what: [`new flat config with ${configEntries(config, 'hardening', "'").join(' and ')}`] } };
  }

  const before = readFileSync(path.join(root, existing), 'utf8');
  const edit = addToFlatConfig(before, existing, config);
  if (edit.kind === 'already') return { status: `${existing} already uses ${PLUGIN_PACKAGE}` };
  if (edit.kind === 'refused') {
    const commonJs = /\bmodule\.exports\b/u.test(before) && !/^\s*export\s+default\b/mu.test(before);
    throw new InitRefusal(
      [
        `${existing} was left unchanged: ${edit.reason}.`,
        'hardening init edits `export default [...]`, `export default defineConfig(...)` (eslint/config), `export default tseslint.config(...)`,',
        'a top-level variable holding one of those, and `module.exports = [...]`. Add these two lines by hand:',
        `  ${importLine(commonJs, 'hardening', "'", true)}`,
        `  ${configEntries(config, 'hardening', "'").join(', ')}, // as an entry of the exported config array`,
      ].join('\n'),
    );
  }
  return { change: { file: existing, before, after: edit.source, what: [`adds ${edit.entries.join(' and ')}`] } };
}

function legacyExplanation(where: string, migrate: string): string {
  return [
    `ESLint is configured in ${where}, the legacy format (eslintrc). ${PLUGIN_PACKAGE} needs a flat config`,
    '(eslint.config.js), the only format ESLint 10 reads. Nothing was changed. Migrate with ESLint\'s migrator:',
    `  ${migrate}`,
    'review the eslint.config.mjs it writes, delete the old config, then run hardening init again.',
  ].join('\n');
}
