// `hardening init` end to end: the built bin on copies of fixture repos, each run twice to show that
// the second run changes nothing.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

import { readTree } from '../tree.js';
import { cliPath, copyFixture, runCli, type CliResult } from './cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cli/init');
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const PLUGIN_RANGE = `^${version}`;

const created: string[] = [];
function repo(name: string): string {
  const directory = copyFixture(`init/repos/${name}`);
  created.push(directory);
  return directory;
}
afterAll(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

function init(root: string, ...args: string[]): CliResult {
  return runCli(['init', ...args], { cwd: root });
}

/** Every file under `root` (but node_modules) with its permission bits and content. */
const tree = (root: string): Record<string, string> => readTree(root, { skip: ['node_modules'], withMode: true });

/** The files a run created or changed. */
function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after)
    .filter((file) => before[file] !== after[file])
    .sort();
}

function read(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

function packageJson(root: string): Record<string, unknown> {
  return JSON.parse(read(root, 'package.json')) as Record<string, unknown>;
}

/** A second run succeeds, says there is nothing to change and leaves every byte as it was. */
function expectIdempotent(root: string, ...args: string[]): void {
  const before = tree(root);
  const second = init(root, ...args);
  expect(second.stderr).toBe('');
  expect(second.status).toBe(0);
  expect(second.stdout.split('\n')[0]).toBe('Nothing to change: hardening is already set up here.');
  expect(tree(root)).toEqual(before);
}

/** A refusal: exit 1, the reason on stderr, nothing written — twice in a row. */
function expectRefusal(root: string, stderrParts: readonly string[]): void {
  const before = tree(root);
  for (let run = 0; run < 2; run += 1) {
    const result = init(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    for (const part of stderrParts) expect(result.stderr).toContain(part);
    expect(tree(root)).toEqual(before);
  }
}

const SIMPLE_SETUP = {
  'lint-staged': { '*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}': 'eslint --max-warnings=0' },
  'simple-git-hooks': { 'pre-commit': 'npx lint-staged' },
};

describe('hardening init without an ESLint config', () => {
  it('creates eslint.config.js in an ES module package, sets up simple-git-hooks and lint-staged, and says what is next', () => {
    const root = repo('no-config-esm');
    const before = tree(root);
    const { status, stdout, stderr } = init(root);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(changedFiles(before, tree(root))).toEqual(['eslint.config.js', 'package.json']);
    expect(read(root, 'eslint.config.js')).toBe(
      [
        '// Production-hardening rules for Node/TypeScript backends: https://github.com/eslint-plugin-hardening/eslint-plugin-hardening#readme',
        "import hardening from 'eslint-plugin-hardening';",
        '',
        'export default [hardening.configs.recommended];',
        '',
      ].join('\n'),
    );
    expect(read(root, 'package.json')).toBe(
      `${JSON.stringify(
        {
          name: 'esm-app',
          version: '1.0.0',
          type: 'module',
          scripts: { start: 'node src/server.js', prepare: 'simple-git-hooks' },
          dependencies: { express: '^5.1.0' },
          devDependencies: { eslint: '^10.0.0', 'eslint-plugin-hardening': PLUGIN_RANGE, 'lint-staged': '^16.4.0', 'simple-git-hooks': '^2.14.0' },
          ...SIMPLE_SETUP,
        },
        null,
        2,
      )}\n`,
    );
    expect(stdout).toBe(
      [
        'Changed:',
        '  eslint.config.js (new): new flat config with hardening.configs.recommended',
        `  package.json: devDependencies: eslint-plugin-hardening ${PLUGIN_RANGE}, eslint ^10.0.0, lint-staged ^16.4.0, simple-git-hooks ^2.14.0`,
        '  package.json: lint-staged runs `eslint --max-warnings=0` on staged *.{js,cjs,mjs,jsx,ts,tsx,mts,cts} files',
        '  package.json: simple-git-hooks runs lint-staged before each commit',
        '  package.json: scripts.prepare runs simple-git-hooks (npm install then installs the git hook)',
        '',
        'Next steps:',
        '  1. npm install  (installs eslint-plugin-hardening, eslint, lint-staged, simple-git-hooks; hardening init never installs packages)',
        '  2. npx eslint .  (lints the repository with the hardening rules)',
        '',
      ].join('\n'),
    );
    expectIdempotent(root);
  });

  it('creates eslint.config.mjs in a CommonJS package and keeps package.json indentation (tabs) and key order', () => {
    const root = repo('no-config-cjs');
    expect(init(root).status).toBe(0);
    expect(read(root, 'eslint.config.mjs')).toContain("import hardening from 'eslint-plugin-hardening';\n\nexport default [hardening.configs.recommended];\n");
    expect(read(root, 'package.json')).toBe(
      `${JSON.stringify(
        {
          name: 'cjs-app',
          private: true,
          scripts: { test: 'node --test', prepare: 'simple-git-hooks' },
          devDependencies: { eslint: '^10.0.0', 'eslint-plugin-hardening': PLUGIN_RANGE, 'lint-staged': '^16.4.0', 'simple-git-hooks': '^2.14.0', typescript: '^5.9.0' },
          ...SIMPLE_SETUP,
        },
        null,
        '\t',
      )}\n`,
    );
    expectIdempotent(root);
  });

  it.each([
    ['strict', 'export default [hardening.configs.strict];'],
    ['type-checked', "export default [hardening.configs.strict, hardening.configs['type-checked']];"],
  ])('writes the %s config when asked', (config, exported) => {
    const root = repo('no-config-esm');
    expect(init(root, '--config', config, '--no-hook').status).toBe(0);
    expect(read(root, 'eslint.config.js').split('\n')[3]).toBe(exported);
    expectIdempotent(root, '--config', config, '--no-hook');
  });
});

describe('hardening init with a flat config', () => {
  const shapes = readdirSync(path.join(FIXTURES, 'expected'));

  it('has a fixture for every config shape it edits', () => {
    expect(shapes.sort()).toEqual([
      'flat-array',
      'flat-commonjs',
      'flat-const',
      'flat-define-config-args',
      'flat-define-config-array',
      'flat-empty-array',
      'flat-tseslint',
      'flat-typescript',
    ]);
  });

  it.each(shapes)('%s: adds the import and the config entry, and nothing else', (shape) => {
    const root = repo(shape);
    const [configFile = ''] = readdirSync(path.join(FIXTURES, 'expected', shape));
    const before = tree(root);
    const { status, stdout, stderr } = init(root, '--no-hook');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(changedFiles(before, tree(root))).toEqual([configFile, 'package.json'].sort());
    expect(read(root, configFile)).toBe(readFileSync(path.join(FIXTURES, 'expected', shape, configFile), 'utf8'));
    expect(stdout).toContain(`  ${configFile}: adds hardening.configs.recommended\n`);
    expect(packageJson(root).devDependencies).toEqual({ eslint: '^9.30.0', 'eslint-plugin-hardening': PLUGIN_RANGE });
    expectIdempotent(root, '--no-hook');
  });

  it('leaves a config that already uses the plugin alone', () => {
    const root = repo('flat-already');
    const config = read(root, 'eslint.config.js');
    const { status, stdout } = init(root, '--no-hook');
    expect(status).toBe(0);
    expect(read(root, 'eslint.config.js')).toBe(config);
    expect(stdout).toContain('Already in place:\n  eslint.config.js already uses eslint-plugin-hardening\n');
    expectIdempotent(root, '--no-hook');
  });

  it('refuses a config exporting a single object, with the lines to add by hand', () => {
    expectRefusal(repo('flat-object'), [
      'hardening init: eslint.config.js was left unchanged: it exports an object (a single config), not an array.\n',
      "\n  import hardening from 'eslint-plugin-hardening';\n  hardening.configs.recommended, // as an entry of the exported config array\n",
    ]);
  });

  it('refuses a config built by a helper it does not know', () => {
    expectRefusal(repo('flat-unrecognised'), [
      "eslint.config.js was left unchanged: it exports the result of `makeConfig(…)`, which is not `defineConfig` from eslint/config or typescript-eslint's `config`.",
      "  import hardening from 'eslint-plugin-hardening';",
    ]);
  });
});

describe('hardening init with a legacy ESLint config', () => {
  it('refuses .eslintrc.json and points to the migrator', () => {
    expectRefusal(repo('legacy-eslintrc'), [
      'hardening init: ESLint is configured in .eslintrc.json, the legacy format (eslintrc).',
      '  npx @eslint/migrate-config .eslintrc.json\n',
    ]);
  });

  it('refuses eslintConfig in package.json', () => {
    expectRefusal(repo('legacy-package'), ['ESLint is configured in the `eslintConfig` key of package.json', 'npx @eslint/migrate-config .eslintrc.json']);
  });
});

describe('hardening init: the pre-commit hook', () => {
  it('appends lint-staged to an existing husky hook, keeping it executable, and adds no other hook manager', () => {
    const root = repo('husky');
    const before = tree(root);
    expect(init(root).status).toBe(0);
    expect(changedFiles(before, tree(root))).toEqual(['.husky/pre-commit', 'eslint.config.js', 'package.json']);
    expect(read(root, '.husky/pre-commit')).toBe('npm test\nnpx lint-staged\n');
    expect(statSync(path.join(root, '.husky/pre-commit')).mode & 0o777).toBe(0o755);
    const manifest = packageJson(root);
    expect(manifest.scripts).toEqual({ prepare: 'husky' });
    expect(manifest.devDependencies).toEqual({ eslint: '^9.30.0', 'eslint-plugin-hardening': PLUGIN_RANGE, husky: '^9.1.7', 'lint-staged': '^16.4.0' });
    expect(manifest['simple-git-hooks']).toBeUndefined();
    expectIdempotent(root);
  });

  it('creates the husky hook and the prepare script when husky is installed but was never set up', () => {
    const root = repo('husky-uninitialised');
    expect(init(root).status).toBe(0);
    expect(read(root, '.husky/pre-commit')).toBe('npx lint-staged\n');
    expect(statSync(path.join(root, '.husky/pre-commit')).mode & 0o777).toBe(0o755);
    expect(packageJson(root).scripts).toEqual({ prepare: 'husky' });
    expectIdempotent(root);
  });

  it('adds lint-staged to the pre-commit command of an existing simple-git-hooks config and says to re-apply it', () => {
    const root = repo('simple-git-hooks');
    const { status, stdout } = init(root);
    expect(status).toBe(0);
    const manifest = packageJson(root);
    expect(manifest['simple-git-hooks']).toEqual({ 'pre-commit': 'npm test && npx lint-staged' });
    expect(manifest.scripts).toEqual({ postinstall: 'simple-git-hooks' });
    expect(manifest.devDependencies).toEqual({ eslint: '^10.0.0', 'eslint-plugin-hardening': PLUGIN_RANGE, 'lint-staged': '^16.4.0', 'simple-git-hooks': '^2.11.0' });
    expect(stdout).toContain('  2. npx simple-git-hooks  (applies the changed pre-commit hook to .git/hooks)\n');
    expectIdempotent(root);
  });

  it('adds the ESLint task next to a lint-staged task that does not lint', () => {
    const root = repo('lint-staged-prettier');
    expect(init(root).status).toBe(0);
    const manifest = packageJson(root);
    expect(manifest['lint-staged']).toEqual({ '*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}': ['prettier --write', 'eslint --max-warnings=0'], '*.md': 'prettier --write' });
    expect(manifest.devDependencies).toEqual({ eslint: '^10.0.0', 'eslint-plugin-hardening': PLUGIN_RANGE, 'lint-staged': '^15.2.0', prettier: '^3.3.0', 'simple-git-hooks': '^2.14.0' });
    expectIdempotent(root);
  });

  it('keeps a lint-staged config that already runs ESLint', () => {
    const root = repo('lint-staged-eslint');
    const { status, stdout } = init(root);
    expect(status).toBe(0);
    expect(packageJson(root)['lint-staged']).toEqual({ '*.ts': ['eslint --fix', 'prettier --write'] });
    expect(stdout).toContain('  lint-staged already runs ESLint (package.json)\n');
    expectIdempotent(root);
  });

  it('edits .lintstagedrc.json in its own indentation instead of adding lint-staged to package.json', () => {
    const root = repo('lintstagedrc-json');
    expect(init(root).status).toBe(0);
    expect(read(root, '.lintstagedrc.json')).toBe('{\n    "*.css": "stylelint --fix",\n    "*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}": "eslint --max-warnings=0"\n}\n');
    expect(packageJson(root)['lint-staged']).toBeUndefined();
    expectIdempotent(root);
  });

  it('leaves a YAML lint-staged config to the user, saying what to add', () => {
    const root = repo('lintstagedrc-yaml');
    const yaml = read(root, '.lintstagedrc.yaml');
    const { status, stdout } = init(root);
    expect(status).toBe(0);
    expect(read(root, '.lintstagedrc.yaml')).toBe(yaml);
    expect(packageJson(root)['lint-staged']).toBeUndefined();
    expect(stdout).toContain(
      "To do by hand:\n  Add `'*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}': 'eslint --max-warnings=0'` to .lintstagedrc.yaml (hardening init edits JSON lint-staged configs only).\n",
    );
  });

  it('keeps an existing prepare script and says how to install the hook', () => {
    const root = repo('prepare-exists');
    const { status, stdout } = init(root);
    expect(status).toBe(0);
    const manifest = packageJson(root);
    expect(manifest.scripts).toEqual({ prepare: 'tsc -p .' });
    expect(manifest['simple-git-hooks']).toEqual({ 'pre-commit': 'npx lint-staged' });
    expect(stdout).toContain('package.json already has a prepare script (`tsc -p .`): add `&& simple-git-hooks` to it so npm install sets up the git hook.');
    expect(stdout).toContain('npx simple-git-hooks  (applies the changed pre-commit hook to .git/hooks)');
  });

  it('--no-hook sets up the ESLint config and its packages only', () => {
    const root = repo('no-config-esm');
    expect(init(root, '--no-hook').status).toBe(0);
    const manifest = packageJson(root);
    expect(manifest.devDependencies).toEqual({ eslint: '^10.0.0', 'eslint-plugin-hardening': PLUGIN_RANGE });
    expect(Object.keys(manifest)).toEqual(['name', 'version', 'type', 'scripts', 'dependencies', 'devDependencies']);
    expect(manifest.scripts).toEqual({ start: 'node src/server.js' });
    expectIdempotent(root, '--no-hook');
  });
});

describe('hardening init --dry', () => {
  it('prints each change as a diff and writes nothing', () => {
    const root = repo('flat-array');
    const before = tree(root);
    const { status, stdout, stderr } = init(root, '--dry', '--no-hook');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(tree(root)).toEqual(before);
    expect(stdout).toBe(
      [
        'Dry run, nothing was written. hardening init would change:',
        '',
        'eslint.config.js:',
        '  adds hardening.configs.recommended',
        '    @@ -1 +1 @@',
        "     import js from '@eslint/js';",
        "     import globals from 'globals'; // browser and node globals",
        "    +import hardening from 'eslint-plugin-hardening';",
        '     ',
        '     // Shared configs first, then ours.',
        '    @@ -6 +7 @@',
        "       { ignores: ['dist/'] },",
        '       js.configs.recommended,',
        '    +  hardening.configs.recommended,',
        '       // Our own settings',
        '       {',
        '',
        'package.json:',
        `  devDependencies: eslint-plugin-hardening ${PLUGIN_RANGE}`,
        '    @@ -4 +4 @@',
        '       "type": "module",',
        '       "devDependencies": {',
        '    -    "eslint": "^9.30.0"',
        '    +    "eslint": "^9.30.0",',
        `    +    "eslint-plugin-hardening": "${PLUGIN_RANGE}"`,
        '       }',
        '     }',
        '',
        'Run hardening init without --dry to apply these changes.',
        '',
      ].join('\n'),
    );
  });

  it('shows a new file in full and writes nothing, the hook files included', () => {
    const root = repo('husky-uninitialised');
    const before = tree(root);
    const { status, stdout } = init(root, '--dry');
    expect(status).toBe(0);
    expect(tree(root)).toEqual(before);
    expect(stdout).toContain("eslint.config.js (new file):\n  new flat config with hardening.configs.recommended\n");
    expect(stdout).toContain("    +import hardening from 'eslint-plugin-hardening';\n");
    expect(stdout).toContain('.husky/pre-commit (new file):\n  husky runs lint-staged before each commit\n    +npx lint-staged\n');
  });
});

describe('hardening init: usage and preconditions', () => {
  it('rejects an unknown config with exit code 2 and one line', () => {
    const root = repo('no-config-esm');
    const before = tree(root);
    const { status, stderr } = init(root, '--config', 'loose');
    expect(status).toBe(2);
    expect(stderr).toBe("hardening: option '--config <name>' argument 'loose' is invalid. Allowed choices are recommended, strict, type-checked.\n");
    expect(tree(root)).toEqual(before);
  });

  it('rejects arguments with exit code 2', () => {
    const root = repo('no-config-esm');
    const { status, stderr } = init(root, 'src');
    expect(status).toBe(2);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('refuses a folder without package.json', () => {
    const root = repo('no-config-esm');
    rmSync(path.join(root, 'package.json'));
    const { status, stderr } = init(root);
    expect(status).toBe(1);
    expect(stderr).toBe(`hardening init: no package.json in ${root}: run hardening init at the root of a Node project (npm init creates one). Nothing was changed.\n`);
    expect(Object.keys(tree(root))).toEqual(['src/server.js']);
  });
});

describe('ESLint loads what hardening init writes', () => {
  /** Makes `eslint-plugin-hardening` (the build under test) and `eslint` resolvable from `root`. */
  function linkPackages(root: string): void {
    const plugin = path.join(root, 'node_modules/eslint-plugin-hardening');
    mkdirSync(plugin, { recursive: true });
    writeFileSync(path.join(plugin, 'package.json'), read(REPO_ROOT, 'package.json'));
    symlinkSync(path.dirname(cliPath), path.join(plugin, 'dist'), 'dir');
    symlinkSync(path.join(REPO_ROOT, 'node_modules/eslint'), path.join(root, 'node_modules/eslint'), 'dir');
    mkdirSync(path.join(root, 'node_modules/@eslint'));
    symlinkSync(path.join(REPO_ROOT, 'node_modules/@eslint/js'), path.join(root, 'node_modules/@eslint/js'), 'dir');
  }

  async function recommendedRules(): Promise<Record<string, unknown>> {
    const built = (await import(path.join(path.dirname(cliPath), 'index.js'))) as { default: { configs: { recommended: { rules: Record<string, unknown> } } } };
    return built.default.configs.recommended.rules;
  }

  it.each([
    ['no-config-esm', 'src/server.js'],
    ['flat-define-config-array', 'src/app.js'],
  ])('%s: the config is valid and turns on every recommended hardening rule', async (name, file) => {
    const root = repo(name);
    expect(init(root, '--no-hook').status).toBe(0);
    linkPackages(root);
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(path.join(root, file))) as { rules: Record<string, [number, ...unknown[]]> };
    const hardening = Object.entries(config.rules).filter(([id]) => id.startsWith('hardening/'));
    const expected = Object.entries(await recommendedRules()).map(([id, severity]) => [id, severity === 'error' ? 2 : 1]);
    expect(hardening.map(([id, [severity]]) => [id, severity]).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(20);
  });
});
