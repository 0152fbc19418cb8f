/**
 * JSON files (package.json, .lintstagedrc.json) as text that keeps its look: edits go through the
 * parsed object (new keys are added at the end, or in sorted position in dependency maps that are
 * already sorted, as npm keeps them) and the file is written back with its own indentation, line
 * endings and final newline.
 */
export type JsonObject = Record<string, unknown>;

export const dependencyFields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export class JsonText {
  readonly data: JsonObject;
  private readonly indent: string;
  private readonly newline: string;
  private readonly finalNewline: boolean;

  /** Throws a SyntaxError when `original` is not a JSON object. */
  constructor(readonly original: string) {
    const parsed: unknown = JSON.parse(original);
    if (!isObject(parsed)) throw new SyntaxError('not a JSON object');
    this.data = parsed;
    this.indent = /^[ \t]+(?=")/mu.exec(original)?.[0] ?? '  ';
    this.newline = original.includes('\r\n') ? '\r\n' : '\n';
    this.finalNewline = /\n$/u.test(original);
  }

  toString(): string {
    const text = JSON.stringify(this.data, null, this.indent) + (this.finalNewline ? '\n' : '');
    const output = this.newline === '\n' ? text : text.replace(/\n/gu, this.newline);
    // Unchanged data keeps the file byte for byte, whatever JSON.stringify would have made of it.
    return sameJson(output, this.original) ? this.original : output;
  }
}

export class PackageJson extends JsonText {
  /** `"type": "module"`: `.js` files are ES modules. */
  get isModule(): boolean {
    return this.data.type === 'module';
  }

  /** The version range of `name` in any dependency field, if the package lists it. */
  dependencyRange(name: string): string | undefined {
    for (const field of dependencyFields) {
      const range = objectAt(this.data, field)?.[name];
      if (typeof range === 'string') return range;
    }
    return undefined;
  }

  /** Adds `name@range` to devDependencies unless any dependency field lists it; true when added. */
  addDevDependency(name: string, range: string): boolean {
    if (this.dependencyRange(name) !== undefined) return false;
    const current = objectAt(this.data, 'devDependencies');
    if (current) {
      this.data.devDependencies = withKey(current, name, range);
    } else {
      // A new devDependencies goes where npm puts it, right after dependencies.
      const entries = Object.entries(this.data);
      const at = entries.findIndex(([key]) => key === 'dependencies');
      entries.splice(at === -1 ? entries.length : at + 1, 0, ['devDependencies', { [name]: range }]);
      for (const key of Object.keys(this.data)) Reflect.deleteProperty(this.data, key);
      Object.assign(this.data, Object.fromEntries(entries));
    }
    return true;
  }

  script(name: string): string | undefined {
    const value = objectAt(this.data, 'scripts')?.[name];
    return typeof value === 'string' ? value : undefined;
  }

  setScript(name: string, command: string): void {
    this.data.scripts = { ...objectAt(this.data, 'scripts'), [name]: command };
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(parent: JsonObject, key: string): JsonObject | undefined {
  const value = parent[key];
  return isObject(value) ? value : undefined;
}

/** `object` with `key` added: in sorted position when the keys are already sorted, else at the end. */
function withKey(object: JsonObject, key: string, value: unknown): JsonObject {
  const keys = Object.keys(object);
  const sorted = keys.every((name, index) => index === 0 || (keys[index - 1] ?? '').localeCompare(name, 'en') <= 0);
  if (!sorted) return { ...object, [key]: value };
  const entries = Object.entries(object);
  const at = entries.findIndex(([name]) => name.localeCompare(key, 'en') > 0);
  entries.splice(at === -1 ? entries.length : at, 0, [key, value]);
  return Object.fromEntries(entries);
}

function sameJson(a: string, b: string): boolean {
  return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
}
