import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { JsonText, isObject, objectAt, type JsonObject, type PackageJson } from './package-json.js';
import type { FileChange } from './plan.js';

/**
 * The pre-commit part of `init`: lint-staged runs ESLint on the staged files, and the repository's
 * hook manager runs lint-staged — husky or simple-git-hooks, whichever is there, simple-git-hooks
 * (no install step of its own, one key in package.json) when neither is.
 */

export const LINT_STAGED_PATTERN = '*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}';
export const LINT_STAGED_COMMAND = 'eslint --max-warnings=0';
const HOOK_COMMAND = 'npx lint-staged';

/** lint-staged 16 is the last major that runs on Node 20, which the plugin supports. */
export const LINT_STAGED_RANGE = '^16.4.0';
export const SIMPLE_GIT_HOOKS_RANGE = '^2.14.0';

const LINT_STAGED_FILES = [
  '.lintstagedrc',
  '.lintstagedrc.json',
  '.lintstagedrc.yaml',
  '.lintstagedrc.yml',
  '.lintstagedrc.js',
  '.lintstagedrc.mjs',
  '.lintstagedrc.cjs',
  '.lintstagedrc.ts',
  '.lintstagedrc.mts',
  '.lintstagedrc.cts',
  'lint-staged.config.js',
  'lint-staged.config.mjs',
  'lint-staged.config.cjs',
  'lint-staged.config.ts',
  'lint-staged.config.mts',
  'lint-staged.config.cts',
];

const SIMPLE_GIT_HOOKS_FILES = [
  '.simple-git-hooks.cjs',
  '.simple-git-hooks.js',
  '.simple-git-hooks.mjs',
  '.simple-git-hooks.json',
  'simple-git-hooks.cjs',
  'simple-git-hooks.js',
  'simple-git-hooks.mjs',
  'simple-git-hooks.json',
];

export interface PreCommitStep {
  /** Changes to files other than package.json. */
  changes: FileChange[];
  /** What the step changed in package.json (the caller writes it once). */
  packageJson: string[];
  /** What was already in place. */
  status: string[];
  /** What the user has to do by hand. */
  notes: string[];
  /** Packages the setup needs, with the range to add when package.json lacks them. */
  devDependencies: [name: string, range: string][];
  /** A hook manager config changed that only `npx simple-git-hooks` applies. */
  reapplySimpleGitHooks: boolean;
}

export function planPreCommit(root: string, packageJson: PackageJson): PreCommitStep {
  const step: PreCommitStep = { changes: [], packageJson: [], status: [], notes: [], devDependencies: [['lint-staged', LINT_STAGED_RANGE]], reapplySimpleGitHooks: false };
  planLintStaged(root, packageJson, step);
  if (existsSync(path.join(root, '.husky')) || packageJson.dependencyRange('husky') !== undefined) {
    planHusky(root, packageJson, step);
  } else {
    planSimpleGitHooks(root, packageJson, step);
  }
  return step;
}

function commandsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((command): command is string => typeof command === 'string') : [];
}

/** The lint-staged config with the ESLint task added, or `undefined` when a task already runs ESLint. */
function withEslintTask(config: JsonObject): JsonObject | undefined {
  if (Object.values(config).some((value) => commandsOf(value).some((command) => /\beslint\b/u.test(command)))) return undefined;
  const current = config[LINT_STAGED_PATTERN];
  const commands = current === undefined ? LINT_STAGED_COMMAND : [...commandsOf(current), LINT_STAGED_COMMAND];
  return { ...config, [LINT_STAGED_PATTERN]: commands };
}

const LINT_STAGED_DONE = `lint-staged runs \`${LINT_STAGED_COMMAND}\` on staged ${LINT_STAGED_PATTERN} files`;

function planLintStaged(root: string, packageJson: PackageJson, step: PreCommitStep): void {
  const inPackage = packageJson.data['lint-staged'];
  const file = LINT_STAGED_FILES.find((name) => existsSync(path.join(root, name)));
  if (inPackage === undefined && file === undefined) {
    packageJson.data['lint-staged'] = { [LINT_STAGED_PATTERN]: LINT_STAGED_COMMAND };
    step.packageJson.push(LINT_STAGED_DONE);
  } else if (isObject(inPackage)) {
    const updated = withEslintTask(inPackage);
    if (updated) {
      packageJson.data['lint-staged'] = updated;
      step.packageJson.push(LINT_STAGED_DONE);
    } else {
      step.status.push('lint-staged already runs ESLint (package.json)');
    }
  } else if (file !== undefined) {
    const before = readFileSync(path.join(root, file), 'utf8');
    const json = parseJson(before);
    const updated = json && /(?:^\.lintstagedrc|\.json)$/u.test(file) ? withEslintTask(json.data) : undefined;
    if (json && updated) {
      Object.assign(json.data, updated);
      step.changes.push({ file, before, after: json.toString(), what: [LINT_STAGED_DONE] });
    } else if (/\beslint\b/u.test(before)) {
      step.status.push(`lint-staged already runs ESLint (${file})`);
    } else {
      step.notes.push(`Add \`'${LINT_STAGED_PATTERN}': '${LINT_STAGED_COMMAND}'\` to ${file} (hardening init edits JSON lint-staged configs only).`);
    }
  } else {
    step.notes.push(`Add \`"${LINT_STAGED_PATTERN}": "${LINT_STAGED_COMMAND}"\` to the lint-staged config in package.json (it is not an object).`);
  }
}

function parseJson(text: string): JsonText | undefined {
  try {
    return new JsonText(text);
  } catch {
    return undefined;
  }
}

function planHusky(root: string, packageJson: PackageJson, step: PreCommitStep): void {
  const hook = '.husky/pre-commit';
  const hookPath = path.join(root, hook);
  if (!existsSync(hookPath)) {
    step.changes.push({ file: hook, before: undefined, after: `${HOOK_COMMAND}\n`, what: ['husky runs lint-staged before each commit'], mode: 0o755 });
  } else {
    const before = readFileSync(hookPath, 'utf8');
    if (/\blint-staged\b/u.test(before)) {
      step.status.push('the husky pre-commit hook already runs lint-staged');
    } else {
      const separator = before === '' || before.endsWith('\n') ? '' : '\n';
      step.changes.push({ file: hook, before, after: `${before}${separator}${HOOK_COMMAND}\n`, what: ['the husky hook also runs lint-staged'], mode: statSync(hookPath).mode & 0o777 });
    }
  }
  // husky 9 installs its hooks from the `prepare` script; a repository that never ran it has no `.husky/`.
  if (!existsSync(path.join(root, '.husky'))) requirePrepare(packageJson, 'husky', step);
}

function planSimpleGitHooks(root: string, packageJson: PackageJson, step: PreCommitStep): void {
  const present = packageJson.data['simple-git-hooks'] !== undefined || packageJson.dependencyRange('simple-git-hooks') !== undefined;
  const file = SIMPLE_GIT_HOOKS_FILES.find((name) => existsSync(path.join(root, name)));
  if (file !== undefined && packageJson.data['simple-git-hooks'] === undefined) {
    const before = readFileSync(path.join(root, file), 'utf8');
    const json = file.endsWith('.json') ? parseJson(before) : undefined;
    if (json) {
      if (addHookCommand(json.data)) {
        step.changes.push({ file, before, after: json.toString(), what: ['simple-git-hooks runs lint-staged before each commit'] });
        step.reapplySimpleGitHooks = true;
      } else {
        step.status.push(`the simple-git-hooks pre-commit hook already runs lint-staged (${file})`);
      }
    } else if (/\blint-staged\b/u.test(before)) {
      step.status.push(`the simple-git-hooks pre-commit hook already runs lint-staged (${file})`);
    } else {
      step.notes.push(`Add \`'pre-commit': '${HOOK_COMMAND}'\` to ${file}, then run \`npx simple-git-hooks\`.`);
    }
    return;
  }
  const config = objectAt(packageJson.data, 'simple-git-hooks') ?? {};
  if (addHookCommand(config)) {
    packageJson.data['simple-git-hooks'] = config;
    step.packageJson.push('simple-git-hooks runs lint-staged before each commit');
    if (present) step.reapplySimpleGitHooks = true;
  } else {
    step.status.push('the simple-git-hooks pre-commit hook already runs lint-staged');
  }
  if (!present) {
    step.devDependencies.push(['simple-git-hooks', SIMPLE_GIT_HOOKS_RANGE]);
    if (!requirePrepare(packageJson, 'simple-git-hooks', step)) step.reapplySimpleGitHooks = true;
  }
}

/** Adds `npx lint-staged` to a simple-git-hooks config's pre-commit; false when it already runs lint-staged. */
function addHookCommand(config: JsonObject): boolean {
  const current = config['pre-commit'];
  if (typeof current === 'string' && /\blint-staged\b/u.test(current)) return false;
  config['pre-commit'] = typeof current === 'string' && current.trim() !== '' ? `${current} && ${HOOK_COMMAND}` : HOOK_COMMAND;
  return true;
}

/** Makes `npm install` run `command` through the `prepare` script; false when the user has to. */
function requirePrepare(packageJson: PackageJson, command: string, step: PreCommitStep): boolean {
  const prepare = packageJson.script('prepare');
  if (prepare === undefined) {
    packageJson.setScript('prepare', command);
    step.packageJson.push(`scripts.prepare runs ${command} (npm install then installs the git hook)`);
    return true;
  }
  if (new RegExp(`\\b${command}\\b`, 'u').test(prepare)) return true;
  step.notes.push(`package.json already has a prepare script (\`${prepare}\`): add \`&& ${command}\` to it so npm install sets up the git hook.`);
  return false;
}
