/**
 * What package.json (and the installed packages) say that no rule can see from one file, and the
 * rule options that follow from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

/** What package.json says that no rule can see from one file. */
export interface PackageFacts {
  /** Major version of `express`: the installed one when node_modules has it, else the dependency range's lowest major. */
  expressMajor?: number;
  /** Where `expressMajor` comes from. */
  expressMajorFrom?: 'installed' | 'range';
  /** Every dependency name (dependencies, devDependencies, peer and optional dependencies). */
  dependencies?: string[];
  /** ORM and database libraries among the dependencies, in {@link DATABASE_PACKAGES} order. */
  databases?: string[];
  /** Structured loggers among the dependencies, in {@link LOGGER_PACKAGES} order. */
  loggers?: string[];
}

export const DATABASE_PACKAGES: readonly string[] = [
  '@prisma/client',
  'prisma',
  'drizzle-orm',
  'typeorm',
  'sequelize',
  'sequelize-typescript',
  'mongoose',
  'mongodb',
  'knex',
  'kysely',
  '@mikro-orm/core',
  'pg',
  'postgres',
  '@neondatabase/serverless',
  '@vercel/postgres',
  'mysql',
  'mysql2',
  'better-sqlite3',
  'ioredis',
  'redis',
  '@upstash/redis',
];

export const LOGGER_PACKAGES: readonly string[] = ['pino', 'winston', 'bunyan', 'log4js', 'nestjs-pino', 'nest-winston', 'pino-http', 'express-winston'];

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Reads the package.json at `root` (missing or unreadable → no facts). */
export function readPackageFacts(root: string): PackageFacts {
  const manifest = readJson(path.join(root, 'package.json'));
  const ranges = new Map<string, string>();
  for (const field of DEPENDENCY_FIELDS) {
    const block = manifest?.[field];
    if (typeof block !== 'object' || block === null) continue;
    for (const [name, range] of Object.entries(block as Record<string, unknown>)) {
      if (!ranges.has(name)) ranges.set(name, typeof range === 'string' ? range : '');
    }
  }
  const dependencies = [...ranges.keys()].sort();
  const facts: PackageFacts = {
    dependencies,
    databases: DATABASE_PACKAGES.filter((name) => ranges.has(name)),
    loggers: LOGGER_PACKAGES.filter((name) => ranges.has(name)),
  };
  const installed = ranges.has('express') ? installedMajor(root, 'express') : undefined;
  if (installed !== undefined) {
    facts.expressMajor = installed;
    facts.expressMajorFrom = 'installed';
  } else {
    const fromRange = rangeMajor(ranges.get('express') ?? '');
    if (fromRange !== undefined) {
      facts.expressMajor = fromRange;
      facts.expressMajorFrom = 'range';
    }
  }
  return facts;
}

/**
 * The lowest major a dependency range allows (`^4.19.2` → 4, `>=4 <6` → 4, `npm:express@^5` → 5);
 * undefined for tags, URLs and workspace links, where nothing can be read.
 */
export function rangeMajor(range: string): number | undefined {
  const spec = range.startsWith('npm:') ? range.slice(range.lastIndexOf('@') + 1) : range;
  if (/^(?:workspace|file|link|git|github|https?):/u.test(spec) || spec.includes('/')) return undefined;
  const majors = [...spec.matchAll(/(?:^|[\s|^~=<>v])(\d+)(?=$|[.\sx*|-])/gu)].map((match) => Number(match[1]));
  // `<5` alone says nothing of the lowest major; every other comparator names one.
  const lower = spec.trim().startsWith('<') ? [] : majors;
  return lower.length === 0 ? undefined : Math.min(...lower);
}

/** The major of the package Node would load from `root` (node_modules there or in a parent). */
function installedMajor(root: string, name: string): number | undefined {
  let directory = path.resolve(root);
  for (;;) {
    const version = readJson(path.join(directory, 'node_modules', name, 'package.json'))?.['version'];
    if (typeof version === 'string') {
      const major = /^(\d+)\./u.exec(version)?.[1];
      return major === undefined ? undefined : Number(major);
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rule settings derived from package facts, applied on top of the chosen config's `rules` (which
 * is passed so an override keeps the config's severity). Only rules the config turns on are
 * touched; options the config already sets are kept unless the override replaces them.
 */
export function ruleOverrides(facts: PackageFacts, rules: Linter.RulesRecord): Linter.RulesRecord {
  const overrides: Linter.RulesRecord = {};
  const has = (name: string): boolean => facts.dependencies?.includes(name) === true;
  const withOptions = (rule: string, options: Record<string, unknown>): void => {
    const entry = rules[rule];
    const severity = severityOf(entry);
    if (severity === undefined) return;
    const current = Array.isArray(entry) && typeof entry[1] === 'object' && entry[1] !== null ? (entry[1] as Record<string, unknown>) : {};
    overrides[rule] = [severity, { ...current, ...options }];
  };
  const off = (rule: string): void => {
    if (severityOf(rules[rule]) !== undefined) overrides[rule] = 'off';
  };

  // Express 5 passes rejected promises to the error middleware itself; express-async-errors
  // patches Express 4 to do the same once the entry point imports it.
  if ((facts.expressMajor !== undefined && facts.expressMajor >= 5) || has('express-async-errors')) {
    off('hardening/require-async-handler');
  } else if (has('express-async-handler')) {
    withOptions('hardening/require-async-handler', { asyncHandlerModule: 'express-async-handler', asyncHandlerExport: 'default' });
  }
  // With a structured logger installed, console output in any server file bypasses it.
  if ((facts.loggers?.length ?? 0) > 0) withOptions('hardening/prefer-structured-logger', { logger: 'logger' });
  // Server-rendered HTML needs the DOM-less build of DOMPurify.
  if (has('isomorphic-dompurify') && !has('dompurify')) withOptions('hardening/no-unsanitized-html', { importSource: 'isomorphic-dompurify' });
  return overrides;
}

/** The severity of a rule entry, undefined when the rule is absent or off. */
function severityOf(entry: Linter.RuleEntry | undefined): Exclude<Linter.RuleSeverity, 0 | 'off'> | undefined {
  const severity = Array.isArray(entry) ? entry[0] : entry;
  return severity === undefined || severity === 0 || severity === 'off' ? undefined : severity;
}
