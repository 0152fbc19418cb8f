import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { climbThrough, getDottedName, getEnclosingFunction, getMemberName, isWithin, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import {
  DEFAULT_READ_METHODS,
  DEFAULT_WRITE_METHODS,
  dataAccessOptionsSchema,
  getDataAccess,
  type DataAccess,
  type LoopInfo,
} from '../util/data-access.js';
import { matchesFileGlob } from '../util/file-glob.js';
import { CALL, InstanceSet, trackImplicitGlobalReferences, trackModuleReferences, type TraceMap, type TraceNode } from '../util/modules.js';
import { splitWords } from '../util/names.js';
import { getPromiseUse } from '../util/promise-flow.js';
import { isTestFile } from '../util/secrets.js';

export type Options = [
  {
    maxStaticIterations?: number;
    checkHttp?: boolean;
    ignoreFiles?: string[];
    writeMethods?: string[];
    readMethods?: string[];
  },
];
export type MessageIds =
  | 'queryInLoop'
  | 'writeInLoop'
  | 'concurrentQueriesInLoop'
  | 'loopInvariantQuery'
  | 'requestInLoop'
  | 'concurrentRequestsInLoop';

/** Seed scripts, migrations and one-off scripts loop over rows on purpose. */
const DEFAULT_IGNORE_FILES = ['**/seed.{ts,js,mjs,cjs}', '**/seeds/**', '**/migrations/**', '**/scripts/**'];

/** Words of a list or of its item that say the loop already works in chunks. */
const CHUNK_WORDS = new Set(['chunk', 'chunks', 'batch', 'batches']);
/** Words of a `for` counter that say the loop walks pages or chunks. */
const PAGE_COUNTER_WORDS = new Set([...CHUNK_WORDS, 'page', 'cursor', 'offset', 'skip']);
/** Words of a loop counter or condition that say the loop retries one operation. */
const RETRY_WORDS = new Set(['attempt', 'attempts', 'retry', 'retries', 'tries', 'try']);

type HttpKind = 'request' | 'instance';

/** What passes a call's result on unchanged to a `return`. */
const RESULT_PASSERS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.ChainExpression,
]);

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];

function httpClientNode(withInstances: boolean): TraceNode<HttpKind> {
  const node: TraceNode<HttpKind> = { [CALL]: 'request' };
  for (const method of HTTP_METHODS) node[method] = { [CALL]: 'request' };
  if (withInstances) {
    node.create = { [CALL]: 'instance' };
    node.extend = { [CALL]: 'instance' };
  }
  node.default = { ...node };
  return node;
}

const HTTP_MODULES: TraceMap<HttpKind> = {
  axios: httpClientNode(true),
  got: httpClientNode(true),
  'node-fetch': { [CALL]: 'request', default: { [CALL]: 'request' } },
  undici: { fetch: { [CALL]: 'request' }, request: { [CALL]: 'request' } },
};
const HTTP_GLOBALS: TraceMap<HttpKind> = {
  fetch: { [CALL]: 'request' },
  globalThis: { fetch: { [CALL]: 'request' } },
};

interface LoopMatch {
  loop: LoopInfo;
  /** How the report names what is iterated: `per item of \`lines\`` or `on every iteration of the loop`. */
  where: string;
  /** Whether the query uses the iteration's item (or a value computed from it). */
  usesItem: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'no-query-in-loop',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow database queries and HTTP requests made once per item of a loop (N+1)',
      recommended: true,
      category: 'performance',
      cwe: 'CWE-1073',
    },
    messages: {
      queryInLoop:
        'This query runs {{where}} (N+1): 1,000 items cost 1,000 database round trips. Fetch them in one query before the loop (`findMany({ where: { id: { in: ids } } })`, `WHERE id = ANY($1)`, `inArray`, Redis `mget`) and look them up in a `Map`.',
      writeInLoop:
        'This write runs {{where}} (N+1): 1,000 items cost 1,000 database round trips. Write them in one statement (`createMany`, a multi-row `INSERT … VALUES`, `updateMany` with `{ in: ids }`, `bulkWrite`, a Redis pipeline).',
      concurrentQueriesInLoop:
        'This starts one query {{where}}, all at once: a long list takes every connection of the pool and queues other requests behind it. Fetch or write them in one query (`{ in: ids }`, `= ANY($1)`, `createMany`).',
      loopInvariantQuery:
        'This query does not use the loop\'s item, so the same query runs {{where}}: run it once before the loop and reuse the result.',
      requestInLoop:
        'This HTTP request runs {{where}}, one after the other: the latencies add up and one slow response stalls the whole loop. Use the API\'s bulk endpoint, or run the requests with bounded concurrency (e.g. `p-limit`).',
      concurrentRequestsInLoop:
        'This starts one HTTP request {{where}}, all at once: a long list floods the remote service (and trips its rate limit). Use its bulk endpoint, or bound the concurrency (e.g. `p-limit`).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxStaticIterations: {
            type: 'integer',
            minimum: 0,
            description:
              'Loops whose number of iterations is fixed in the code (a literal array, `for (let i = 0; i < 3; i++)`) and at most this are not reported.',
          },
          checkHttp: {
            type: 'boolean',
            description: 'Also report HTTP requests (`fetch`, axios, got, undici, node-fetch) made per item of a loop.',
          },
          ignoreFiles: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Globs (relative to the project, `{a,b}` alternatives allowed) of files not checked: seed scripts, migrations and maintenance scripts. Test files are never checked.',
          },
          writeMethods: dataAccessOptionsSchema.writeMethods,
          readMethods: dataAccessOptionsSchema.readMethods,
        },
      },
    ],
    defaultOptions: [
      {
        maxStaticIterations: 3,
        checkHttp: true,
        ignoreFiles: DEFAULT_IGNORE_FILES,
        writeMethods: [...DEFAULT_WRITE_METHODS],
        readMethods: [...DEFAULT_READ_METHODS],
      },
    ],
  },
  create(context, [options]) {
    if (isTestFile(context.filename, context.cwd)) return {};
    if (matchesFileGlob(context.filename, options.ignoreFiles ?? DEFAULT_IGNORE_FILES, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const maxStatic = options.maxStaticIterations ?? 3;
    const checkHttp = options.checkHttp ?? true;
    let model: DataAccess | undefined;
    const dataAccess = (): DataAccess =>
      (model ??= getDataAccess(sourceCode, {
        writeMethods: options.writeMethods ?? DEFAULT_WRITE_METHODS,
        readMethods: options.readMethods ?? DEFAULT_READ_METHODS,
      }));
    let httpCalls: Set<TSESTree.Node> | undefined;
    let httpInstances: InstanceSet | undefined;

    const check = (node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void => {
      // The loop checks are cheaper than classifying the call, and most calls are in no loop.
      if (!mayBeInLoop(node) || !isConsumedPerIteration(node)) return;
      const match = findLoop(node);
      if (!match) return;
      const call = dataAccess().classifyCall(node);
      const isHttp = !call && checkHttp && node.type === AST_NODE_TYPES.CallExpression && isHttpCall(node);
      if (!isHttp && (call?.node !== node || call.kind === 'transaction' || call.isBatched === true)) return;
      const loc = (node.type === AST_NODE_TYPES.CallExpression ? node.callee : node.tag).loc;
      const data = { where: match.where };
      if (isHttp) {
        context.report({ node, loc, messageId: match.loop.concurrent ? 'concurrentRequestsInLoop' : 'requestInLoop', data });
        return;
      }
      // A loop of per-row writes inside a transaction is the usual shape of an atomic multi-row
      // change (one upsert per line with its own values): the transaction is the fix asked for.
      if (call?.kind === 'write' && dataAccess().isInTransaction(node)) return;
      // A write that ignores the item still writes once per item (`increment: 1` N times): batch it.
      const messageId =
        match.loop.concurrent
          ? 'concurrentQueriesInLoop'
          : call?.kind === 'write'
            ? 'writeInLoop'
            : match.usesItem
              ? 'queryInLoop'
              : 'loopInvariantQuery';
      context.report({ node, loc, messageId, data });
    };

    return {
      CallExpression: check,
      TaggedTemplateExpression: check,
    };

    /** Cheap pre-check: some loop statement or function stands between the call and the program. */
    function mayBeInLoop(node: TSESTree.Node): boolean {
      for (let parent = node.parent; parent; parent = parent.parent) {
        switch (parent.type) {
          case AST_NODE_TYPES.ForStatement:
          case AST_NODE_TYPES.ForOfStatement:
          case AST_NODE_TYPES.ForInStatement:
          case AST_NODE_TYPES.WhileStatement:
          case AST_NODE_TYPES.DoWhileStatement:
          case AST_NODE_TYPES.ArrowFunctionExpression:
          case AST_NODE_TYPES.FunctionExpression:
            return true;
          default:
            break;
        }
      }
      return false;
    }

    function isHttpCall(node: TSESTree.CallExpression): boolean {
      if (!httpCalls) {
        const found = [...trackModuleReferences(sourceCode, HTTP_MODULES), ...trackImplicitGlobalReferences(sourceCode, HTTP_GLOBALS)];
        httpCalls = new Set(found.filter((reference) => reference.info === 'request').map((reference) => reference.node));
        httpInstances = new InstanceSet(
          sourceCode,
          found.filter((reference) => reference.info === 'instance').map((reference) => reference.node),
        );
      }
      if (httpCalls.has(node)) return true;
      // `const api = axios.create(…); api.get(url)`
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return httpInstances?.has(callee) === true;
      const method = getMemberName(callee);
      return method !== undefined && HTTP_METHODS.includes(method) && httpInstances?.has(callee.object) === true;
    }

    /**
     * Whether the call's promise completes within each iteration: awaited, returned from an
     * iteration callback (`items.map((item) => q(item))` → `Promise.all`), or collected with
     * `promises.push(q)`. A `return q()` straight out of a loop statement runs once; a promise
     * created and dropped is `no-fire-and-forget`'s concern.
     */
    function isConsumedPerIteration(node: TSESTree.Node): boolean {
      const use = getPromiseUse(node);
      if (use === 'await' || use === 'collected') return !returnsFromLoopStatement(node);
      if (use !== 'return') return false;
      const fn = getEnclosingFunction(node);
      const loop = fn ? dataAccess().getEnclosingLoop(fn.body) : undefined;
      return loop?.kind === 'callback' && loop.callback === fn;
    }

    /** `for (…) { return await q(); }`: the loop stops at the first call that gets there. */
    function returnsFromLoopStatement(node: TSESTree.Node): boolean {
      const current = climbThrough(node, RESULT_PASSERS);
      if (current.parent?.type !== AST_NODE_TYPES.ReturnStatement) return false;
      const loop = dataAccess().getEnclosingLoop(node);
      return loop !== undefined && loop.kind !== 'callback';
    }

    /** The innermost enclosing loop that repeats the call once per item of a collection. */
    function findLoop(node: TSESTree.Node): LoopMatch | undefined {
      const model = dataAccess();
      for (let loop = model.getEnclosingLoop(node); loop; loop = model.getEnclosingLoop(loop.node)) {
        const match = matchLoop(loop, node, model);
        if (match) return match;
      }
      return undefined;
    }

    function matchLoop(loop: LoopInfo, node: TSESTree.Node, model: DataAccess): LoopMatch | undefined {
      if (loop.staticLength !== undefined && loop.staticLength <= maxStatic) return undefined;
      switch (loop.kind) {
        case 'for-of':
        case 'for-in':
        case 'callback': {
          if (!loop.iterable || isChunkName(loop.iterable) || hasNamedVariable(loop, CHUNK_WORDS)) return undefined;
          return { loop, where: `per item of ${quote(loop.iterable)}`, usesItem: model.referencesLoopVariable(node, loop) };
        }
        case 'for': {
          const statement = loop.node as TSESTree.ForStatement;
          if (isRetryLoop(statement, node) || isChunkedForLoop(statement, loop)) return undefined;
          const list = lengthOperand(statement.test);
          const usesItem = model.referencesLoopVariable(node, loop);
          if (list) return { loop, where: `per item of ${quote(list)}`, usesItem };
          // `for (let i = 0; i < count; i++) create(i)`: N writes; without a list, only when the call uses `i`.
          if (loop.staticLength === undefined && (loop.variables.length === 0 || !usesItem)) return undefined;
          return { loop, where: 'on every iteration of the loop', usesItem };
        }
        case 'while':
        case 'do-while': {
          const statement = loop.node as TSESTree.WhileStatement | TSESTree.DoWhileStatement;
          if (isRetryLoop(statement, node)) return undefined;
          // Only a queue drained item by item: `while (queue.length) { const job = queue.shift(); await save(job); }`.
          // Paging, polling, worker and retry loops make one call per page, tick or attempt, which is how they work.
          const list = lengthOperand(statement.test);
          const variable = list?.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(sourceCode.getScope(list), list) : null;
          if (!list || !variable || !model.referencesLoopVariable(node, { ...loop, variables: [variable] })) return undefined;
          return { loop, where: `per item of ${quote(list)}`, usesItem: true };
        }
        default:
          return undefined;
      }
    }

    /** `items` of `i < items.length` / `queue.length > 0` / `set.size`, when the test compares a list's size. */
    function lengthOperand(test: TSESTree.Expression | null): TSESTree.Node | undefined {
      if (!test) return undefined;
      const target = unwrapExpression(test);
      const candidates: TSESTree.Node[] =
        target.type === AST_NODE_TYPES.BinaryExpression
          ? [target.left, target.right]
          : target.type === AST_NODE_TYPES.LogicalExpression
            ? [target.left, target.right]
            : [target];
      for (const candidate of candidates) {
        const value = unwrapExpression(candidate);
        if (value.type !== AST_NODE_TYPES.MemberExpression) continue;
        const name = getMemberName(value);
        if (name === 'length' || name === 'size') return value.object;
      }
      return undefined;
    }

    /**
     * A loop that retries one operation: a counter or condition named like `attempt`/`retries`, or
     * the call sits in a `try` whose block leaves the loop (`return`/`break`) once it succeeds.
     */
    function isRetryLoop(statement: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, node: TSESTree.Node): boolean {
      const header = statement.type === AST_NODE_TYPES.ForStatement ? [statement.init, statement.test, statement.update] : [statement.test];
      if (header.some((part) => part && mentionsWord(part, RETRY_WORDS))) return true;
      for (let parent = node.parent; parent && parent !== statement; parent = parent.parent) {
        if (parent.type === AST_NODE_TYPES.TryStatement && isWithin(node, parent.block) && leavesLoop(parent.block)) return true;
      }
      return false;
    }

    /** `for (let i = 0; i < rows.length; i += 500)` or `for (let page = 1; …; page++)`: one call per chunk or page. */
    function isChunkedForLoop(statement: TSESTree.ForStatement, loop: LoopInfo): boolean {
      if (hasNamedVariable(loop, PAGE_COUNTER_WORDS)) return true;
      const update = statement.update;
      if (update?.type !== AST_NODE_TYPES.AssignmentExpression || update.operator !== '+=') return false;
      return !(update.right.type === AST_NODE_TYPES.Literal && update.right.value === 1);
    }

    function hasNamedVariable(loop: LoopInfo, words: ReadonlySet<string>): boolean {
      return loop.variables.some((variable) => splitWords(variable.name).some((word) => words.has(word)));
    }

    function isChunkName(iterable: TSESTree.Node): boolean {
      const name = getDottedName(iterable)?.split('.').pop();
      return name !== undefined && splitWords(name).some((word) => CHUNK_WORDS.has(word));
    }

    function mentionsWord(node: TSESTree.Node, words: ReadonlySet<string>): boolean {
      let found = false;
      const visit = (current: TSESTree.Node): void => {
        if (found) return;
        if (current.type === AST_NODE_TYPES.Identifier && splitWords(current.name).some((word) => words.has(word))) {
          found = true;
          return;
        }
        for (const key of sourceCode.visitorKeys[current.type] ?? []) {
          const value = (current as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (isNode(child)) visit(child);
          }
        }
      };
      visit(node);
      return found;
    }

    function quote(node: TSESTree.Node): string {
      const text = sourceCode.getText(node);
      return text.length <= 40 && !text.includes('\n') ? `\`${text}\`` : 'the list';
    }
  },
});

/** Whether a block contains a `return` or `break` (outside nested functions): the loop ends once the block completes. */
function leavesLoop(block: TSESTree.BlockStatement): boolean {
  const visit = (node: TSESTree.Node): boolean => {
    if (node.type === AST_NODE_TYPES.ReturnStatement || (node.type === AST_NODE_TYPES.BreakStatement && node.label === null)) return true;
    if (
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.ForStatement ||
      node.type === AST_NODE_TYPES.ForOfStatement ||
      node.type === AST_NODE_TYPES.ForInStatement ||
      node.type === AST_NODE_TYPES.WhileStatement ||
      node.type === AST_NODE_TYPES.DoWhileStatement ||
      node.type === AST_NODE_TYPES.SwitchStatement
    ) {
      return false;
    }
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
        return node.body.some(visit);
      case AST_NODE_TYPES.IfStatement:
        return visit(node.consequent) || (node.alternate !== null && visit(node.alternate));
      case AST_NODE_TYPES.TryStatement:
        return visit(node.block);
      case AST_NODE_TYPES.LabeledStatement:
        return visit(node.body);
      default:
        return false;
    }
  };
  return visit(block);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
