import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty, getConstInitializer, getMemberName, resolveObjectExpression, unwrapAwait, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { insertImport } from '../util/fix.js';
import { CALL, getRequireSource, resolveImportBinding, trackModuleReferences, type TraceMap, type TraceNode } from '../util/modules.js';
import { fileMayReadRequestInput, RequestInputTracker, requestInputOptionsSchema, type RequestInputSource } from '../util/request-input.js';
import { isResponseObject } from '../util/responses.js';

export type Options = [
  {
    sanitizers?: string[];
    validators?: string[];
  },
];
export type MessageIds = 'requestPath' | 'requestFile' | 'wrapInBasename';

interface Sink {
  name: string;
  /** How many leading arguments are paths (`rename(from, to)` has two). */
  paths: number;
}

/** fs functions taking a path first, with how many path arguments. `xSync` and `promises.x` follow. */
const FS_FUNCTIONS: Readonly<Record<string, number>> = {
  access: 1,
  appendFile: 1,
  chmod: 1,
  chown: 1,
  copyFile: 2,
  cp: 2,
  exists: 1,
  lchown: 1,
  link: 2,
  lstat: 1,
  lutimes: 1,
  mkdir: 1,
  mkdtemp: 1,
  open: 1,
  opendir: 1,
  readdir: 1,
  readFile: 1,
  readlink: 1,
  realpath: 1,
  rename: 2,
  rm: 1,
  rmdir: 1,
  stat: 1,
  statfs: 1,
  symlink: 2,
  truncate: 1,
  unlink: 1,
  utimes: 1,
  writeFile: 1,
};
const FS_STREAM_FUNCTIONS: Readonly<Record<string, number>> = { createReadStream: 1, createWriteStream: 1, watch: 1, watchFile: 1 };
/** fs-extra's own additions (it also re-exports every fs function). */
const FS_EXTRA_FUNCTIONS: Readonly<Record<string, number>> = {
  copy: 2,
  move: 2,
  remove: 1,
  emptyDir: 1,
  ensureDir: 1,
  ensureFile: 1,
  mkdirp: 1,
  mkdirs: 1,
  outputFile: 1,
  outputJson: 1,
  pathExists: 1,
  readJson: 1,
  writeJson: 1,
};
/** Multer fills these with server-chosen values; `originalname` is the client's. */
const UPLOAD_SERVER_FIELDS = ['path', 'filename', 'destination'];

function sinks(functions: Readonly<Record<string, number>>, options: { sync: boolean }): Record<string, TraceNode<Sink>> {
  const result: Record<string, TraceNode<Sink>> = {};
  for (const [name, paths] of Object.entries(functions)) {
    result[name] = { [CALL]: { name, paths } };
    if (options.sync) result[`${name}Sync`] = { [CALL]: { name: `${name}Sync`, paths } };
  }
  return result;
}

const PROMISE_SINKS = sinks(Object.fromEntries(Object.entries(FS_FUNCTIONS).filter(([name]) => name !== 'exists')), { sync: false });
const FS_SINKS = { ...sinks(FS_FUNCTIONS, { sync: true }), ...sinks(FS_STREAM_FUNCTIONS, { sync: false }) };
const TRACE_MAP: TraceMap<Sink> = {
  fs: { ...FS_SINKS, promises: PROMISE_SINKS },
  'fs/promises': PROMISE_SINKS,
  'fs-extra': { ...FS_SINKS, ...sinks(FS_EXTRA_FUNCTIONS, { sync: true }), promises: PROMISE_SINKS },
};

export default createRule<Options, MessageIds>({
  name: 'no-path-traversal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow file system paths built from request input that was not validated',
      recommended: true,
      category: 'security',
      cwe: 'CWE-22',
    },
    hasSuggestions: true,
    messages: {
      requestPath:
        '`{{sink}}` gets a path built from {{source}} that was not validated: a `../` in it reaches any file the server can read or write.',
      requestFile:
        '`res.{{sink}}` sends a file whose path comes from {{source}} without validation and without a `root` option: `../` in it serves any file the server can read.',
      wrapInBasename: 'Keep only the file name of {{source}} with `path.basename(…)`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: requestInputOptionsSchema.sanitizers,
          validators: requestInputOptionsSchema.validators,
        },
      },
    ],
    defaultOptions: [{ sanitizers: [], validators: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Every finding is request input, which enters only through a function that receives a request.
    if (!fileMayReadRequestInput(sourceCode)) return {};
    let trackerInstance: RequestInputTracker | undefined;
    const tracker = (): RequestInputTracker =>
      (trackerInstance ??= new RequestInputTracker(sourceCode, { sanitizers: options.sanitizers ?? [], validators: options.validators ?? [] }));

    /**
     * The unvalidated request input a path derives from. Multer's `req.file.path` / `.filename` /
     * `.destination` are chosen by the server, so a path built only from them is not input.
     */
    function inputOf(node: TSESTree.Node, depth = 0): RequestInputSource | undefined {
      const source = tracker().getSource(node);
      if (!source || depth > 8 || !/\.files?$/u.test(source.label)) return source;
      const target = unwrapAwait(node);
      switch (target.type) {
        case AST_NODE_TYPES.MemberExpression: {
          const name = getMemberName(target);
          return name !== undefined && UPLOAD_SERVER_FIELDS.includes(name) ? undefined : source;
        }
        case AST_NODE_TYPES.Identifier: {
          if (isUploadFieldBinding(target)) return undefined;
          const init = getConstInitializer(target, sourceCode.getScope(target));
          return init ? inputOf(init, depth + 1) : source;
        }
        case AST_NODE_TYPES.TemplateLiteral:
          return firstInput(target.expressions, depth);
        case AST_NODE_TYPES.BinaryExpression:
          return firstInput([target.left, target.right], depth);
        case AST_NODE_TYPES.CallExpression:
          return isPathCall(target) ? firstInput(target.arguments, depth) : source;
        default:
          return source;
      }
    }

    /** `const { path: stored, filename } = req.file`: a server-chosen field destructured. */
    function isUploadFieldBinding(node: TSESTree.Identifier): boolean {
      const def = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
      if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
      const pattern = def.node.id;
      if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return false;
      return pattern.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          UPLOAD_SERVER_FIELDS.includes(property.key.name) &&
          (property.value === def.name || (property.value.type === AST_NODE_TYPES.AssignmentPattern && property.value.left === def.name)),
      );
    }

    function firstInput(nodes: readonly TSESTree.Node[], depth: number): RequestInputSource | undefined {
      for (const node of nodes) {
        const found = inputOf(node, depth + 1);
        if (found) return found;
      }
      return undefined;
    }

    function isPathCall(node: TSESTree.CallExpression): boolean {
      const binding = resolveImportBinding(node.callee, sourceCode.getScope(node));
      const fn = binding?.path[binding.path.length - 1];
      return (binding?.source === 'path' || binding?.source === 'path/posix') && (fn === 'join' || fn === 'resolve');
    }

    function checkPath(node: TSESTree.Node, messageId: 'requestPath' | 'requestFile', sink: string): void {
      if (node.type === AST_NODE_TYPES.SpreadElement) return;
      const source = inputOf(node);
      if (!source) return;
      const suggestion = basenameSuggestion(node);
      context.report({
        node,
        messageId,
        data: { sink, source: `\`${source.label}\`` },
        suggest: suggestion ? [{ messageId: 'wrapInBasename', data: { source: `\`${source.label}\`` }, fix: suggestion }] : [],
      });
    }

    /**
     * `path.join(DIR, name)` → `path.join(DIR, path.basename(name))`, and the same for
     * `${DIR}/${name}` and `path.join(DIR, `${name}.pdf`)`: only where the input is one file-name
     * segment after a directory, in the expression at hand or the `const` it was built in.
     */
    function basenameSuggestion(node: TSESTree.Node): TSESLint.ReportFixFunction | undefined {
      const segment = findSegment(node, true);
      if (!segment) return undefined;
      const name = basenameCallee(segment);
      if (!name) return undefined;
      return (fixer) => [...name.fixes(fixer), fixer.replaceText(segment, `${name.callee}(${sourceCode.getText(segment)})`)];
    }

    function findSegment(node: TSESTree.Node, followConst: boolean): TSESTree.Node | undefined {
      const target = unwrapExpression(node);
      if (target.type === AST_NODE_TYPES.Identifier && followConst) {
        const init = getConstInitializer(target, sourceCode.getScope(target));
        return init ? findSegment(init, false) : undefined;
      }
      if (target.type === AST_NODE_TYPES.CallExpression && isPathCall(target)) {
        const tainted = target.arguments.filter((argument) => inputOf(argument) !== undefined);
        const only = tainted[0];
        if (tainted.length !== 1 || !only || only === target.arguments[0]) return undefined;
        if (isPlainValue(only)) return only;
        return only.type === AST_NODE_TYPES.TemplateLiteral ? templateSegment(only, false) : undefined;
      }
      return target.type === AST_NODE_TYPES.TemplateLiteral ? templateSegment(target, true) : undefined;
    }

    /** The one input in a template that forms a file name: no `/` after it, a directory before it. */
    function templateSegment(template: TSESTree.TemplateLiteral, needsDirectory: boolean): TSESTree.Node | undefined {
      const tainted = template.expressions.filter((expression) => inputOf(expression) !== undefined);
      const only = tainted[0];
      if (tainted.length !== 1 || !only || !isPlainValue(only)) return undefined;
      const index = template.expressions.indexOf(only);
      const before = template.quasis.slice(0, index + 1).map((quasi) => quasi.value.cooked ?? '/').join('');
      const after = template.quasis.slice(index + 1).map((quasi) => quasi.value.cooked ?? '/').join('');
      if (/[/\\]/u.test(after)) return undefined;
      if (needsDirectory && !/[/\\]$/u.test(before)) return undefined;
      if (!needsDirectory && /[/\\]/u.test(before)) return undefined;
      return only;
    }

    /** How to call basename here: an existing `path` binding, or `path` imported by the fix. */
    function basenameCallee(
      segment: TSESTree.Node,
    ): { callee: string; fixes: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] } | undefined {
      const scope = sourceCode.getScope(segment);
      for (const name of pathModuleNames()) {
        const variable = ASTUtils.findVariable(scope, name);
        const declared = variable?.identifiers[0];
        const binding = declared && resolveImportBinding(declared, scope);
        if (binding?.source !== 'path') continue;
        if (binding.path.length === 1 && (binding.path[0] === 'default' || binding.path[0] === '*')) return { callee: `${name}.basename`, fixes: () => [] };
        if (binding.path[binding.path.length - 1] === 'basename') return { callee: name, fixes: () => [] };
      }
      if (ASTUtils.findVariable(scope, 'path')) return undefined;
      return { callee: 'path.basename', fixes: (fixer) => insertImport(fixer, sourceCode, { source: 'node:path', defaultName: 'path' }) };
    }

    /** Local names bound to the path module or its `basename` at the top of the file. */
    function pathModuleNames(): string[] {
      const names: string[] = [];
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration && /^(?:node:)?path$/u.test(String(statement.source.value))) {
          for (const specifier of statement.specifiers) names.push(specifier.local.name);
        }
        if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declarations) {
            if (!declarator.init || getRequireSource(declarator.init) !== 'path') continue;
            if (declarator.id.type === AST_NODE_TYPES.Identifier) names.push(declarator.id.name);
            if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
              for (const property of declarator.id.properties) {
                if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) names.push(property.value.name);
              }
            }
          }
        }
      }
      return names;
    }

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, TRACE_MAP)) {
          const call = reference.node;
          if (reference.type !== CALL || call.type !== AST_NODE_TYPES.CallExpression) continue;
          const sink = reference.path.slice(1).join('.');
          for (const argument of call.arguments.slice(0, reference.info.paths)) checkPath(argument, 'requestPath', sink);
        }
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(?:sendFile|download)$/]'(
        node: TSESTree.CallExpression & { callee: TSESTree.MemberExpression },
      ) {
        const [file, ...rest] = node.arguments;
        if (!file || !isResponseObject(node.callee.object, sourceCode)) return;
        // Express resolves against `root` and refuses paths that climb out of it.
        const hasRoot = rest.some((argument) => {
          const object = resolveObjectExpression(argument, sourceCode.getScope(argument));
          return object !== undefined && findProperty(object, 'root') !== undefined;
        });
        if (hasRoot) return;
        checkPath(file, 'requestFile', getMemberName(node.callee) ?? 'sendFile');
      },
    };
  },
});

function isPlainValue(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  return target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression;
}
