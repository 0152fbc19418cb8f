import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { writeFileAtomic } from '../../../codemods/lib/files.js';
import { unifiedDiff } from './diff.js';
import { PLUGIN_PACKAGE, type ConfigName } from './edit-flat-config.js';
import { planEslintConfig } from './eslint-config.js';
import { PackageJson } from './package-json.js';
import { InitRefusal, type FileChange } from './plan.js';
import { planPreCommit } from './pre-commit.js';

export { InitRefusal } from './plan.js';
export type { ConfigName } from './edit-flat-config.js';

declare const __PACKAGE_VERSION__: string | undefined;

/** The version range `init` adds for the plugin: the running package's own version. */
const PLUGIN_RANGE = `^${typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-dev'}`;
const ESLINT_RANGE = '^10.0.0';

export interface InitOptions {
  config: ConfigName;
  /** Set up lint-staged and the pre-commit hook. */
  hook: boolean;
}

export interface InitPlan {
  changes: FileChange[];
  /** What was already in place. */
  status: string[];
  /** What the user has to do by hand. */
  notes: string[];
  nextSteps: string[];
}

/** Everything `init` would change in the repository at `root`; throws InitRefusal when it must not touch it. */
export function planInit(root: string, options: InitOptions): InitPlan {
  const packagePath = path.join(root, 'package.json');
  if (!existsSync(packagePath)) {
    throw new InitRefusal(`no package.json in ${root}: run hardening init at the root of a Node project (npm init creates one). Nothing was changed.`);
  }
  const packageText = readFileSync(packagePath, 'utf8');
  let packageJson: PackageJson;
  try {
    packageJson = new PackageJson(packageText);
  } catch (error) {
    throw new InitRefusal(`package.json is not a JSON object (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`, { cause: error });
  }

  const plan: InitPlan = { changes: [], status: [], notes: [], nextSteps: [] };
  const eslintStep = planEslintConfig(root, packageJson, options.config);
  if (eslintStep.change) plan.changes.push(eslintStep.change);
  if (eslintStep.status !== undefined) plan.status.push(eslintStep.status);

  const packageWhat: string[] = [];
  const wanted: [string, string][] = [
    [PLUGIN_PACKAGE, PLUGIN_RANGE],
    ['eslint', ESLINT_RANGE],
  ];
  const eslintRange = packageJson.dependencyRange('eslint');
  const eslintMajor = eslintRange === undefined ? undefined : /\d+/u.exec(eslintRange)?.[0];
  if (eslintMajor !== undefined && Number(eslintMajor) < 9) {
    plan.notes.push(`package.json asks for eslint ${eslintRange ?? ''}: ${PLUGIN_PACKAGE} needs ESLint 9 or 10 (flat config); upgrade it.`);
  }

  let reapplyHooks = false;
  if (options.hook) {
    const hookStep = planPreCommit(root, packageJson);
    plan.changes.push(...hookStep.changes);
    plan.status.push(...hookStep.status);
    plan.notes.push(...hookStep.notes);
    packageWhat.push(...hookStep.packageJson);
    wanted.push(...hookStep.devDependencies);
    reapplyHooks = hookStep.reapplySimpleGitHooks;
  }

  const added = wanted.filter(([name, range]) => packageJson.addDevDependency(name, range));
  if (added.length > 0) packageWhat.unshift(`devDependencies: ${added.map(([name, range]) => `${name} ${range}`).join(', ')}`);
  const packageAfter = packageJson.toString();
  if (packageAfter !== packageText) {
    // package.json comes right after the ESLint config in the report, before the hook files.
    plan.changes.splice(eslintStep.change ? 1 : 0, 0, { file: 'package.json', before: packageText, after: packageAfter, what: packageWhat });
  }

  if (added.length > 0) plan.nextSteps.push(`npm install  (installs ${added.map(([name]) => name).join(', ')}; hardening init never installs packages)`);
  if (reapplyHooks) plan.nextSteps.push('npx simple-git-hooks  (applies the changed pre-commit hook to .git/hooks)');
  if (eslintStep.change) plan.nextSteps.push('npx eslint .  (lints the repository with the hardening rules)');
  return plan;
}

/** Writes the plan's changes, each file atomically, keeping the permission bits of the files it edits. */
export function applyInit(root: string, plan: InitPlan): void {
  for (const change of plan.changes) {
    const target = path.join(root, change.file);
    const mode = change.before === undefined ? change.mode : statSync(target).mode & 0o777;
    writeFileAtomic(target, change.after);
    if (mode !== undefined) chmodSync(target, mode);
  }
}

/** The report printed on stdout: what changed (with diffs in a dry run), what was in place, what is left to do. */
export function formatPlan(plan: InitPlan, dry: boolean): string {
  const lines: string[] = [];
  if (plan.changes.length === 0) {
    lines.push('Nothing to change: hardening is already set up here.');
  } else if (dry) {
    lines.push('Dry run, nothing was written. hardening init would change:');
    for (const change of plan.changes) {
      lines.push('', `${change.file}${change.before === undefined ? ' (new file)' : ''}:`, ...change.what.map((what) => `  ${what}`));
      const body = change.before === undefined ? change.after.replace(/\n$/u, '').split('\n').map((line) => `+${line}`).join('\n') : unifiedDiff(change.before, change.after);
      lines.push(...body.split('\n').map((line) => `    ${line}`));
    }
  } else {
    lines.push('Changed:');
    for (const change of plan.changes) {
      const name = `${change.file}${change.before === undefined ? ' (new)' : ''}`;
      lines.push(...change.what.map((what) => `  ${name}: ${what}`));
    }
  }
  if (plan.status.length > 0) lines.push('', 'Already in place:', ...plan.status.map((status) => `  ${status}`));
  if (plan.notes.length > 0) lines.push('', 'To do by hand:', ...plan.notes.map((note) => `  ${note}`));
  if (dry && plan.changes.length > 0) {
    lines.push('', 'Run hardening init without --dry to apply these changes.');
  } else if (plan.nextSteps.length > 0) {
    lines.push('', 'Next steps:', ...plan.nextSteps.map((step, index) => `  ${index + 1}. ${step}`));
  }
  return `${lines.join('\n')}\n`;
}
