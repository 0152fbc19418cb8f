import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { forEachChildNode, getCalleeName, getDottedName, getMemberName, getPropertyKeyName, isFunctionNode, resolveObjectExpression, unwrapExpression, type FunctionNode } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { insertImport } from '../util/fix.js';
import { getRequireSource, resolveImportBinding } from '../util/modules.js';
import { splitWords } from '../util/names.js';


export type Options = [
  {
    sanitizers?: string[];
    importSource?: string;
  },
];
export type MessageIds = 'unsanitizedHtml' | 'unescapedJsonInScript' | 'wrapInSanitizer' | 'escapeJson';

const DOMPURIFY_MODULES = ['dompurify', 'isomorphic-dompurify'];

/**
 * Sanitizing and escaping exports, by module: `''` is the module's default export itself
 * (`sanitizeHtml(x)`), other names are named exports or members of the default (`DOMPurify.sanitize`).
 */
const SANITIZER_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  dompurify: ['sanitize'],
  'isomorphic-dompurify': ['sanitize'],
  'sanitize-html': [''],
  xss: ['', 'filterXSS'],
  'escape-html': [''],
  'html-escaper': ['escape'],
  he: ['encode', 'escape'],
  lodash: ['escape'],
  'lodash-es': ['escape'],
  'lodash/escape': [''],
  'lodash.escape': [''],
  validator: ['escape'],
  'validator/lib/escape': [''],
  'serialize-javascript': [''],
};

/** Local function names that read as a sanitizer or an escaper: `sanitizeHtml`, `escapeHTML`, `purify`. */
const SANITIZER_NAME = /^(?:sanitiz|escape|purify)/iu;

/** Words in a name that say its value was already made safe: `safeHtml`, `sanitizedBody`, `cleanMarkup`. */
const SAFE_WORDS = ['safe', 'sanitized', 'sanitised', 'purified', 'escaped', 'clean', 'cleaned', 'trusted'];

/** Calls that always return a number or a number as text. */
const NUMERIC_FUNCTIONS = ['Number', 'parseInt', 'parseFloat', 'Math', 'Number.parseInt', 'Number.parseFloat'];
const NUMERIC_METHODS = ['toFixed', 'toPrecision', 'toExponential', 'getTime', 'valueOf'];

/** String methods whose result is only as safe as the string they are called on. */
const PASS_THROUGH_METHODS = ['toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'join', 'concat', 'padStart', 'padEnd'];

/**
 * Calls whose result is escaped markup: React's server renderers escape every text node, and a
 * Trusted Types policy's `createHTML` is where the page's own sanitizer runs.
 */
const ESCAPING_RENDERERS = ['renderToString', 'renderToStaticMarkup', 'createHTML'];

/** React hooks that memoise the value returned by their callback. */
const MEMO_HOOKS = ['useMemo', 'computed'];

type Verdict = 'safe' | 'unsafe' | 'json';

export default createRule<Options, MessageIds>({
  name: 'no-unsanitized-html',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow rendering HTML that was not passed through a sanitizer (`dangerouslySetInnerHTML`, `innerHTML`, `insertAdjacentHTML`)',
      recommended: true,
      category: 'security',
      cwe: 'CWE-79',
    },
    hasSuggestions: true,
    messages: {
      unsanitizedHtml:
        "This {{sink}} renders HTML that has not been through a sanitizer: if any part of it comes from a user or an AI model, it can run script in your users' browsers (XSS).",
      unescapedJsonInScript:
        'JSON.stringify does not escape `</script>`, so a string in this data can close the script tag and inject markup: escape `<` before rendering it.',
      wrapInSanitizer: 'Wrap the value in `{{name}}.sanitize(…)`{{importNote}}.',
      escapeJson: "Escape `<` as `\\u003c` with `.replace(/</g, '\\\\u003c')`.",
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
            description: 'Extra function names (last segment, e.g. `toSafeHtml`, or dotted, e.g. `markdown.renderSafe`) whose result counts as sanitized.',
          },
          importSource: {
            type: 'string',
            description: 'The module the suggestion imports DOMPurify from when the file has no import of it (e.g. `isomorphic-dompurify` for server rendering).',
          },
        },
      },
    ],
    defaultOptions: [{ sanitizers: [], importSource: 'dompurify' }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const extraSanitizers = options.sanitizers ?? [];
    const importSource = options.importSource ?? 'dompurify';

    function check(value: TSESTree.Node, sink: string, inScript: boolean): void {
      const verdict = classify(value, 0, new Set());
      if (verdict === 'safe') return;
      if (verdict === 'json' && inScript) {
        const call = unwrapExpression(value);
        context.report({
          node: value,
          messageId: 'unescapedJsonInScript',
          suggest: [{ messageId: 'escapeJson', fix: (fixer) => fixer.insertTextAfter(call, ".replace(/</g, '\\\\u003c')") }],
        });
        return;
      }
      const sanitizer = findDomPurifyBinding();
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      // No suggestion when `DOMPurify` already names something else here.
      const taken = sanitizer === undefined && (ASTUtils.findVariable(sourceCode.getScope(value), 'DOMPurify')?.defs.length ?? 0) > 0;
      if (!taken) {
        const name = sanitizer ?? 'DOMPurify';
        const importNote = sanitizer === undefined ? ` and import it from '${importSource}'` : '';
        suggest.push({
          messageId: 'wrapInSanitizer',
          data: { name, importNote },
          fix: (fixer) => {
            const text = sourceCode.getText(value);
            const argument = unwrapExpression(value).type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
            const parent = value.parent;
            const fixes =
              parent?.type === AST_NODE_TYPES.Property && parent.shorthand
                ? [fixer.replaceText(parent, `${text}: ${name}.sanitize(${argument})`)]
                : [fixer.replaceText(value, `${name}.sanitize(${argument})`)];
            if (sanitizer === undefined) fixes.push(...insertImport(fixer, sourceCode, { source: importSource, defaultName: 'DOMPurify' }));
            return fixes;
          },
        });
      }
      context.report({ node: value, messageId: 'unsanitizedHtml', data: { sink }, suggest });
    }

    /** The local name of a DOMPurify default import in this file; undefined when there is none (the suggestion adds one). */
    function findDomPurifyBinding(): string | undefined {
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration && DOMPURIFY_MODULES.includes(statement.source.value)) {
          // Only a default import: dompurify's ES build has no named `sanitize` for a namespace to reach.
          const specifier = statement.specifiers.find((candidate) => candidate.type === AST_NODE_TYPES.ImportDefaultSpecifier);
          if (specifier) return specifier.local.name;
        }
        if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declarations) {
            const source = declarator.init ? getRequireSource(declarator.init) : undefined;
            if (source !== undefined && DOMPURIFY_MODULES.includes(source) && declarator.id.type === AST_NODE_TYPES.Identifier) return declarator.id.name;
          }
        }
      }
      return undefined;
    }

    /** Whether the HTML `node` evaluates to is constant, numeric, or sanitized. */
    function classify(node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): Verdict {
      if (depth > 12 || seen.has(node)) return 'unsafe';
      seen.add(node);
      const target = unwrapExpression(node);
      if (ASTUtils.getStaticValue(target, sourceCode.getScope(target)) !== null) return 'safe';
      const next = (inner: TSESTree.Node): Verdict => classify(inner, depth + 1, seen);
      const all = (nodes: readonly TSESTree.Node[]): Verdict => {
        for (const inner of nodes) {
          const verdict = next(inner);
          if (verdict !== 'safe') return verdict;
        }
        return 'safe';
      };
      switch (target.type) {
        case AST_NODE_TYPES.Literal:
        case AST_NODE_TYPES.UnaryExpression:
        case AST_NODE_TYPES.UpdateExpression:
          return 'safe';
        case AST_NODE_TYPES.TemplateLiteral:
          return all(target.expressions);
        case AST_NODE_TYPES.BinaryExpression:
          return target.operator === '+' ? all([target.left, target.right]) : 'safe';
        case AST_NODE_TYPES.LogicalExpression:
          return all([target.left, target.right]);
        case AST_NODE_TYPES.ConditionalExpression:
          return all([target.consequent, target.alternate]);
        case AST_NODE_TYPES.AwaitExpression:
          return next(target.argument);
        case AST_NODE_TYPES.ArrayExpression:
          return all(target.elements.filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null));
        case AST_NODE_TYPES.SpreadElement:
          return next(target.argument);
        case AST_NODE_TYPES.Identifier:
          return classifyIdentifier(target, next);
        case AST_NODE_TYPES.MemberExpression:
          return classifyMember(target, next);
        case AST_NODE_TYPES.CallExpression:
          return classifyCall(target, next, all);
        default:
          return 'unsafe';
      }
    }

    function classifyIdentifier(identifier: TSESTree.Identifier, next: (inner: TSESTree.Node) => Verdict): Verdict {
      if (identifier.name === 'undefined' || hasSafeName(identifier.name)) return 'safe';
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const def = variable?.defs[0];
      // An imported binding is a module constant (`import closeIcon from './close.svg?raw'`).
      if (def?.type === 'ImportBinding') return 'safe';
      if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return 'unsafe';
      // Every value the variable is given must be safe: `let html = ''; html += escape(x);`.
      const writes = variable.references.filter((reference) => reference.isWrite());
      if (writes.length === 0) return 'unsafe';
      for (const reference of writes) {
        if (!reference.writeExpr) return 'unsafe';
        const verdict = next(reference.writeExpr);
        if (verdict !== 'safe') return verdict;
      }
      return 'safe';
    }

    function classifyMember(member: TSESTree.MemberExpression, next: (inner: TSESTree.Node) => Verdict): Verdict {
      const name = getMemberName(member);
      if (name === 'length' || name === 'size') return 'safe';
      // Copying markup the browser already parsed (`template.innerHTML`) adds nothing new.
      if (name === 'innerHTML' || name === 'outerHTML') return 'safe';
      if (name !== undefined && hasSafeName(name)) return 'safe';
      // A field of a sanitized record: `const clean = sanitizeBlock(block); clean.content`, `sanitizedBlocks[0].content`.
      let object = unwrapExpression(member.object);
      while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrapExpression(object.object);
      if (object.type === AST_NODE_TYPES.Identifier && hasSafeName(object.name)) return 'safe';
      if (isConstantTable(object)) return 'safe';
      if (object.type === AST_NODE_TYPES.CallExpression && isSanitizerCall(object)) return 'safe';
      if (object.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
        const def = variable?.defs[0];
        if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
          const init = unwrapExpression(def.node.init);
          if (init.type === AST_NODE_TYPES.CallExpression && isSanitizerCall(init) && next(init) === 'safe') return 'safe';
        }
      }
      return 'unsafe';
    }

    function classifyCall(
      call: TSESTree.CallExpression,
      next: (inner: TSESTree.Node) => Verdict,
      all: (nodes: readonly TSESTree.Node[]) => Verdict,
    ): Verdict {
      if (isSanitizerCall(call)) return 'safe';
      const callee = unwrapExpression(call.callee);
      const dotted = getDottedName(callee);
      const name = getCalleeName(call);
      if (name !== undefined && ESCAPING_RENDERERS.includes(name)) return 'safe';
      if (dotted === 'JSON.stringify') {
        const data = call.arguments[0];
        return data && ASTUtils.getStaticValue(data, sourceCode.getScope(data)) !== null ? 'safe' : 'json';
      }
      if (dotted !== undefined && (NUMERIC_FUNCTIONS.includes(dotted) || dotted.startsWith('Math.'))) return 'safe';
      if (dotted === 'String') return all(call.arguments);
      if (name !== undefined && MEMO_HOOKS.includes(name)) {
        const callback = call.arguments[0];
        return callback && isFunctionNode(callback) ? all(returnedValues(callback)) : 'unsafe';
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return 'unsafe';
      if (NUMERIC_METHODS.includes(name)) return 'safe';
      if ((name === 'replace' || name === 'replaceAll') && escapesLessThan(call)) return 'safe';
      if (PASS_THROUGH_METHODS.includes(name)) return all([callee.object, ...(name === 'concat' ? call.arguments : [])]);
      // items.map((item) => `<li>${escape(item)}</li>`)
      if (name === 'map') {
        const callback = call.arguments[0];
        return callback && isFunctionNode(callback) ? all(returnedValues(callback)) : 'unsafe';
      }
      return 'unsafe';
    }

    /** `ICONS[name]` where `const ICONS = { close: '<svg…>' }` (or an imported table): every entry is constant markup. */
    function isConstantTable(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      const def = variable?.defs[0];
      if (def?.type === 'ImportBinding') return true;
      if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent.kind !== 'const' || !def.node.init) return false;
      const init = unwrapExpression(def.node.init);
      if (init.type !== AST_NODE_TYPES.ObjectExpression && init.type !== AST_NODE_TYPES.ArrayExpression) return false;
      return ASTUtils.getStaticValue(init, sourceCode.getScope(init)) !== null;
    }

    /** Whether a call sanitizes or escapes HTML: a known module export, a sanitizer-like name, or an option. */
    function isSanitizerCall(call: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(call.callee);
      const name = getCalleeName(call);
      const dotted = getDottedName(callee);
      if (name !== undefined && (extraSanitizers.includes(name) || SANITIZER_NAME.test(name))) return true;
      if (dotted !== undefined && (extraSanitizers.includes(dotted) || dotted === 'DOMPurify.sanitize')) return true;
      const scope = sourceCode.getScope(call);
      const binding = resolveImportBinding(callee, scope);
      if (binding && isSanitizerExport(binding.source, binding.path)) return true;
      // DOMPurify(window).sanitize(x), const purify = createDOMPurify(window); purify.sanitize(x)
      if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'sanitize') {
        let factory: TSESTree.Node | undefined = unwrapExpression(callee.object);
        if (factory.type === AST_NODE_TYPES.Identifier) {
          const variable = ASTUtils.findVariable(scope, factory);
          const def = variable?.defs[0];
          factory = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrapExpression(def.node.init) : undefined;
        }
        if (factory?.type === AST_NODE_TYPES.CallExpression) {
          const factoryBinding = resolveImportBinding(factory.callee, scope);
          return factoryBinding !== undefined && DOMPURIFY_MODULES.includes(factoryBinding.source);
        }
      }
      return false;
    }

    return {
      'JSXAttribute[name.name="dangerouslySetInnerHTML"]'(node: TSESTree.JSXAttribute): void {
        if (node.value?.type !== AST_NODE_TYPES.JSXExpressionContainer || node.value.expression.type === AST_NODE_TYPES.JSXEmptyExpression) return;
        const object = resolveObjectExpression(node.value.expression, sourceCode.getScope(node));
        const html = object?.properties.find(
          (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === '__html',
        );
        if (!html) return;
        const element = node.parent;
        const inScript = element.name.type === AST_NODE_TYPES.JSXIdentifier && element.name.name === 'script';
        check(html.value, '`dangerouslySetInnerHTML` value', inScript);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression): void {
        if ((node.operator !== '=' && node.operator !== '+=') || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = getMemberName(node.left);
        if (name === 'innerHTML' || name === 'outerHTML') check(node.right, `\`${name}\` assignment`, false);
      },
      'CallExpression[callee.type="MemberExpression"]'(node: TSESTree.CallExpression): void {
        const callee = node.callee as TSESTree.MemberExpression;
        const name = getMemberName(callee);
        if (name === 'insertAdjacentHTML') {
          const html = node.arguments[1];
          if (html) check(html, '`insertAdjacentHTML()` call', false);
          return;
        }
        if ((name === 'write' || name === 'writeln') && isGlobalDocument(callee.object)) {
          for (const argument of node.arguments) check(argument, `\`document.${name}()\` call`, false);
        }
      },
    };

    function isGlobalDocument(node: TSESTree.Node): boolean {
      const target = unwrapExpression(node);
      const document =
        target.type === AST_NODE_TYPES.MemberExpression && getDottedName(target.object) === 'window' && getMemberName(target) === 'document'
          ? target.object
          : target;
      if (document.type !== AST_NODE_TYPES.Identifier || (document.name !== 'document' && document.name !== 'window')) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(document), document);
      return !variable || variable.defs.length === 0;
    }
  },
});

function isSanitizerExport(source: string, path: readonly string[]): boolean {
  const exports = SANITIZER_EXPORTS[source];
  if (!exports) return false;
  const rest = path[0] === 'default' || path[0] === '*' ? path.slice(1) : path;
  return exports.includes(rest.join('.'));
}

function hasSafeName(name: string): boolean {
  return splitWords(name).some((word) => SAFE_WORDS.includes(word));
}

/** `.replace(/</g, '&lt;')`, `.replaceAll('<', '\\u003c')`: the escape that makes JSON safe in a script tag. */
function escapesLessThan(call: TSESTree.CallExpression): boolean {
  const pattern = call.arguments[0];
  if (!pattern || pattern.type !== AST_NODE_TYPES.Literal) return false;
  const regex = (pattern as Partial<TSESTree.RegExpLiteral>).regex;
  if (regex) return regex.pattern.includes('<') && regex.flags.includes('g');
  return pattern.value === '<' && getCalleeName(call) === 'replaceAll';
}

/** The values a function returns: its expression body, or the arguments of its own `return` statements. */
function returnedValues(fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) values.push(node.argument);
      return;
    }
    if (!isFunctionNode(node)) forEachChildNode(node, visit);
  };
  for (const statement of fn.body.body) visit(statement);
  return values.length > 0 ? values : [fn.body];
}
