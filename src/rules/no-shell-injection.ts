import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty, resolveObjectExpression, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { insertImport } from '../util/fix.js';
import { InertValueChecker } from '../util/inert-values.js';
import { CALL, getRequireSource, resolveImportBinding, trackModuleReferences, type TraceMap } from '../util/modules.js';

export type Options = [
  {
    sanitizers?: string[];
  },
];
export type MessageIds = 'shellCommand' | 'shellOption' | 'explicitShell' | 'useExecFile';

type Runner =
  | 'exec'
  | 'execSync'
  | 'spawn'
  | 'spawnSync'
  | 'execFile'
  | 'execFileSync'
  | 'execa'
  | 'execaSync'
  | 'execaCommand'
  | 'execaCommandSync';

/** Runners that always go through `/bin/sh -c` (or `cmd.exe /c`). */
const SHELL_RUNNERS: readonly Runner[] = ['exec', 'execSync'];

const TRACE_MAP: TraceMap<Runner> = {
  child_process: {
    exec: { [CALL]: 'exec' },
    execSync: { [CALL]: 'execSync' },
    spawn: { [CALL]: 'spawn' },
    spawnSync: { [CALL]: 'spawnSync' },
    execFile: { [CALL]: 'execFile' },
    execFileSync: { [CALL]: 'execFileSync' },
  },
  execa: {
    [CALL]: 'execa',
    execa: { [CALL]: 'execa' },
    execaSync: { [CALL]: 'execaSync' },
    execaCommand: { [CALL]: 'execaCommand' },
    execaCommandSync: { [CALL]: 'execaCommandSync' },
  },
};
const PROMISIFY_TRACE_MAP: TraceMap<true> = { util: { promisify: { [CALL]: true } } };
const PROMISIFIABLE: readonly string[] = ['exec', 'execFile'];

/** Functions known to quote a value for a POSIX shell (shell-quote, shell-escape and friends). */
const SHELL_ESCAPERS: readonly string[] = ['quote', 'shellQuote', 'shellEscape', 'shellescape', 'escapeShellArg', 'escapeshellarg'];
const SHELL_PROGRAMS = /^(?:.*[/\\])?(?:sh|bash|zsh|dash|ksh|ash|fish|cmd|cmd\.exe|powershell|powershell\.exe|pwsh)$/iu;
const SHELL_SCRIPT_FLAG = /^(?:-[a-z]*c|\/c|-command)$/iu;
/** Characters that make a command line mean more than "words separated by spaces". */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]{}~#!\n\r]/u;

export default createRule<Options, MessageIds>({
  name: 'no-shell-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow shell commands built from values that are not constants',
      recommended: true,
      category: 'security',
      cwe: 'CWE-78',
    },
    hasSuggestions: true,
    messages: {
      shellCommand:
        '`{{name}}` runs this command through a shell and part of it is not a constant: a `;`, `|` or `$(…)` in that value runs any other command on the server.',
      shellOption:
        '`shell` makes `{{name}}` join the command and its arguments into one shell command line, and part of it is not a constant: a `;`, `|` or `$(…)` in that value runs any other command on the server.',
      explicitShell:
        'This hands a script that is not a constant to `{{shell}}`: a `;`, `|` or `$(…)` in it runs any other command on the server.',
      useExecFile: 'Run `{{command}}` with `{{replacement}}` and an argument array, without a shell.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Extra function names (e.g. `quoteArg` or `shell.quote`) whose result is safely quoted for the shell, on top of shell-quote / shell-escape.',
          },
        },
      },
    ],
    defaultOptions: [{ sanitizers: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const checker = new InertValueChecker(sourceCode, { escapers: [...SHELL_ESCAPERS, ...(options.sanitizers ?? [])] });
    const isInert = (node: TSESTree.Node): boolean => checker.isInert(node);

    function check(call: TSESTree.CallExpression, runner: Runner, name: string, promisified: boolean): void {
      const [command, second] = call.arguments;
      if (!command || command.type === AST_NODE_TYPES.SpreadElement) return;
      if (SHELL_RUNNERS.includes(runner)) {
        if (isInert(command)) return;
        const suggestion = promisified ? undefined : execFileSuggestion(call, runner);
        context.report({
          node: command,
          messageId: 'shellCommand',
          data: { name },
          suggest: suggestion ? [suggestion] : [],
        });
        return;
      }
      const args = second && second.type !== AST_NODE_TYPES.SpreadElement && !isOptionsLike(second) ? second : undefined;
      if (usesShell(call)) {
        const culprit = !isInert(command) ? command : args ? firstDynamicArgument(args) : undefined;
        if (culprit) context.report({ node: culprit, messageId: 'shellOption', data: { name } });
        return;
      }
      // spawn('sh', ['-c', script]): a shell all the same.
      const program = ASTUtils.getStaticValue(command, sourceCode.getScope(command))?.value;
      const list = args && unwrapExpression(args);
      if (typeof program !== 'string' || !SHELL_PROGRAMS.test(program) || list?.type !== AST_NODE_TYPES.ArrayExpression) return;
      const flags = list.elements.map((element) => {
        if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
        const value = ASTUtils.getStaticValue(element, sourceCode.getScope(element))?.value;
        return typeof value === 'string' && SHELL_SCRIPT_FLAG.test(value) ? value : undefined;
      });
      const flag = flags.findIndex((value) => value !== undefined);
      const script = flag === -1 ? undefined : list.elements[flag + 1];
      if (script && (script.type === AST_NODE_TYPES.SpreadElement || !isInert(script))) {
        context.report({ node: script, messageId: 'explicitShell', data: { shell: `${program} ${flags[flag] ?? ''}` } });
      }
    }

    /** Whether an options argument sets `shell` to `true` or to a shell path. */
    function usesShell(call: TSESTree.CallExpression): boolean {
      return call.arguments.slice(1).some((argument) => {
        const object = resolveObjectExpression(argument, sourceCode.getScope(argument));
        const shell = object && findProperty(object, 'shell');
        if (!shell) return false;
        const value = ASTUtils.getStaticValue(shell.value, sourceCode.getScope(shell.value));
        return value !== null && Boolean(value.value);
      });
    }

    function isOptionsLike(node: TSESTree.Node): boolean {
      return resolveObjectExpression(node, sourceCode.getScope(node)) !== undefined;
    }

    function firstDynamicArgument(args: TSESTree.Node): TSESTree.Node | undefined {
      const list = unwrapExpression(args);
      if (list.type !== AST_NODE_TYPES.ArrayExpression) return checker.hasInertElements(list) ? undefined : list;
      return (
        list.elements.find(
          (element): element is TSESTree.Expression | TSESTree.SpreadElement =>
            element !== null &&
            (element.type === AST_NODE_TYPES.SpreadElement ? !checker.hasInertElements(element.argument) : !isInert(element)),
        ) ?? undefined
      );
    }

    /**
     * `exec(`pdftotext ${input} ${output}`, cb)` → `execFile('pdftotext', [input, output], cb)`,
     * offered only when the command's constant parts hold plain words (no quotes, pipes,
     * redirections, globs, `$`) and its first word is a constant.
     */
    function execFileSuggestion(
      call: TSESTree.CallExpression,
      runner: Runner,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const template = call.arguments[0];
      if (template?.type !== AST_NODE_TYPES.TemplateLiteral) return undefined;
      if (call.arguments.slice(1).some((argument) => {
        const object = resolveObjectExpression(argument, sourceCode.getScope(argument));
        return object !== undefined && (findProperty(object, 'shell') !== undefined || object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement));
      })) {
        return undefined;
      }
      const words = splitCommand(template, sourceCode);
      if (!words) return undefined;
      const replacement = runner === 'exec' ? 'execFile' : 'execFileSync';
      const callee = unwrapExpression(call.callee);
      let calleeFix: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined;
      if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
        const property = callee.property;
        calleeFix = (fixer) => [fixer.replaceText(property, replacement)];
      } else if (callee.type === AST_NODE_TYPES.Identifier) {
        calleeFix = identifierCalleeFix(callee, replacement);
      }
      if (!calleeFix) return undefined;
      const fixCallee = calleeFix;
      return {
        messageId: 'useExecFile',
        data: { command: words.command, replacement },
        fix: (fixer) => [
          ...fixCallee(fixer),
          fixer.replaceText(template, `'${words.command}', [${words.args.join(', ')}]`),
        ],
      };
    }

    /** Renames the call to the `execFile` binding, importing it next to `exec` when missing. */
    function identifierCalleeFix(
      callee: TSESTree.Identifier,
      replacement: string,
    ): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
      const scope = sourceCode.getScope(callee);
      const existing = ASTUtils.findVariable(scope, replacement);
      if (existing) {
        const declared = existing.identifiers[0];
        const binding = declared && resolveImportBinding(declared, scope);
        if (binding?.source !== 'child_process' || binding.path[binding.path.length - 1] !== replacement) return undefined;
        return (fixer) => [fixer.replaceText(callee, replacement)];
      }
      const variable = ASTUtils.findVariable(scope, callee);
      const def = variable?.defs[0];
      if (!def) return undefined;
      // `import { exec } from 'child_process'` → `import { exec, execFile } from 'child_process'`.
      if (def.type === 'ImportBinding' && def.node.type === AST_NODE_TYPES.ImportSpecifier) {
        const declaration = def.parent as TSESTree.ImportDeclaration;
        const last = declaration.specifiers[declaration.specifiers.length - 1];
        if (!last) return undefined;
        return (fixer) => [fixer.insertTextAfter(last, `, ${replacement}`), fixer.replaceText(callee, replacement)];
      }
      // `const { exec } = require('child_process')` → `const { exec, execFile } = require(…)`.
      if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.ObjectPattern && def.node.init && getRequireSource(def.node.init) === 'child_process') {
        const last = def.node.id.properties[def.node.id.properties.length - 1];
        if (!last) return undefined;
        return (fixer) => [fixer.insertTextAfter(last, `, ${replacement}`), fixer.replaceText(callee, replacement)];
      }
      const source = moduleSpelling(def.type === 'ImportBinding' ? String((def.parent as TSESTree.ImportDeclaration).source.value) : undefined);
      return (fixer) => [...insertImport(fixer, sourceCode, { source, named: replacement }), fixer.replaceText(callee, replacement)];
    }

    function moduleSpelling(written: string | undefined): string {
      return written === 'child_process' || written === 'node:child_process' ? written : 'node:child_process';
    }

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, TRACE_MAP)) {
          if (reference.type !== CALL || reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
          check(reference.node, reference.info, reference.path.slice(1).join('.') || reference.info, false);
        }
        // const run = promisify(exec); await run(`…`)
        for (const reference of trackModuleReferences(sourceCode, PROMISIFY_TRACE_MAP)) {
          const call = reference.node;
          if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) continue;
          const binding = resolveImportBinding(call.arguments[0], sourceCode.getScope(call));
          const runner = binding?.path[binding.path.length - 1];
          if (binding?.source !== 'child_process' || runner === undefined || !PROMISIFIABLE.includes(runner)) continue;
          for (const use of promisifiedCalls(call, sourceCode)) check(use, runner as Runner, `promisify(${runner})`, true);
        }
      },
    };
  },
});

/** The calls of a promisified function: `promisify(exec)(cmd)` or through the variable holding it. */
function promisifiedCalls(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === call) return [parent];
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== call || parent.id.type !== AST_NODE_TYPES.Identifier) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.getDeclaredVariables(parent)) {
    for (const reference of variable.references) {
      const use = reference.identifier.parent;
      if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === reference.identifier) calls.push(use);
    }
  }
  return calls;
}

/** Splits a command template into a constant program and argument sources, or undefined. */
function splitCommand(
  template: TSESTree.TemplateLiteral,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { command: string; args: string[] } | undefined {
  type Part = { kind: 'text'; text: string } | { kind: 'expression'; expression: TSESTree.Expression };
  const words: Part[][] = [];
  let current: Part[] = [];
  const flush = (): void => {
    if (current.length > 0) words.push(current);
    current = [];
  };
  for (const [index, quasi] of template.quasis.entries()) {
    const text = quasi.value.cooked;
    if (text === null || SHELL_SYNTAX.test(text)) return undefined;
    for (const [position, piece] of text.split(/[ \t]+/u).entries()) {
      if (position > 0) flush();
      if (piece) current.push({ kind: 'text', text: piece });
    }
    const expression = template.expressions[index];
    if (expression) current.push({ kind: 'expression', expression });
  }
  flush();
  const [first, ...rest] = words;
  const head = first?.length === 1 ? first[0] : undefined;
  const program = head?.kind === 'text' ? head.text : undefined;
  if (program === undefined || program.includes('=') || rest.length === 0) return undefined;
  const args = rest.map((word) => {
    const only = word.length === 1 ? word[0] : undefined;
    if (only) return only.kind === 'text' ? `'${only.text}'` : sourceCode.getText(only.expression);
    return `\`${word.map((part) => (part.kind === 'text' ? part.text : `\${${sourceCode.getText(part.expression)}}`)).join('')}\``;
  });
  return { command: program, args };
}
