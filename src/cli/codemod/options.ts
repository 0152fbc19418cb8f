import type { CodemodEntry, CodemodOption } from '../../../codemods/registry.js';
import { UsageError } from '../errors.js';

export interface CodemodArguments {
  paths: string[];
  /** The codemod's own options, coerced to what the transform reads. */
  options: Record<string, unknown>;
}

/**
 * Splits what follows the codemod name into paths and the codemod's own options
 * (`--name value` or `--name=value`, the names its docs list), coercing each value to the type the
 * transform reads. An option the codemod does not have is a usage error naming the valid ones.
 */
export function parseCodemodArguments(entry: CodemodEntry, args: readonly string[]): CodemodArguments {
  const flags = entry.options.filter((option) => option.setByCli !== true);
  const paths: string[] = [];
  const options: Record<string, unknown> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') paths.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const option = flags.find((candidate) => candidate.name === name);
    if (option === undefined) throw new UsageError(`unknown option '--${name}' for ${entry.slug}: ${validOptions(entry.slug, flags)}`);
    let value: string | undefined = equals === -1 ? undefined : arg.slice(equals + 1);
    if (value === undefined && option.type !== 'boolean') {
      value = args[index + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`option '--${name}' of ${entry.slug} needs a value`);
      index += 1;
    }
    options[name] = coerce(entry.slug, option, value);
  }
  return { paths, options };
}

function validOptions(slug: string, flags: readonly CodemodOption[]): string {
  if (flags.length === 0) return `${slug} takes no options`;
  return `its options are ${flags.map((option) => `--${option.name}`).join(', ')}`;
}

function coerce(slug: string, option: CodemodOption, value: string | undefined): unknown {
  const bad = (expected: string): UsageError => new UsageError(`option '--${option.name}' of ${slug} expects ${expected}, got '${value ?? ''}'`);
  switch (option.type) {
    case 'string':
      return value;
    case 'boolean':
      if (value === undefined || value === 'true') return true;
      if (value === 'false') return false;
      throw bad('true or false');
    case 'number': {
      const number = Number(value);
      if (value === undefined || value.trim() === '' || !Number.isFinite(number)) throw bad('a number');
      return number;
    }
    case 'list':
      return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'map':
      return parseMap(value ?? '', () => bad('key=value pairs separated by commas, or a JSON object of strings'));
  }
}

/** `a=b,c=d` or `{"a":"b","c":"d"}` → `{ a: 'b', c: 'd' }`. */
function parseMap(value: string, bad: () => UsageError): Record<string, string> {
  if (value.trim().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw bad();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((item) => typeof item !== 'string')) throw bad();
    return parsed as Record<string, string>;
  }
  const map: Record<string, string> = {};
  for (const pair of value.split(',')) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) throw bad();
    map[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
  }
  return map;
}
