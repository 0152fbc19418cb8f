import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  getCalleeName,
  getConstInitializer,
  getDottedName,
  getMemberName,
  getPropertyKeyName,
  isFunctionNode,
  unwrapAwait,
  unwrapExpression,
} from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { LoggingCallMatcher } from '../util/logging.js';
import { resolveImportBinding } from '../util/modules.js';
import { splitWords } from '../util/names.js';
import { fileMayReadRequestInput, RequestInputTracker, requestInputOptionsSchema, type RequestInputSource } from '../util/request-input.js';
import { getResponsePayload, isResponseObject } from '../util/responses.js';
import { getRouteModel, type RouteModel } from '../util/routes.js';
import { getDatabaseArguments, getModelConstructionArgument } from './require-input-validation/db-calls.js';
import { getVariableNamesInitialisedWith } from '../util/variables.js';

export type Options = [
  {
    sanitizers: string[];
    validators: string[];
    validationMiddleware: string[];
    checkFields: boolean;
  },
];
export type MessageIds = 'unvalidatedWrite' | 'unvalidatedFilter' | 'unvalidatedSpread' | 'unvalidatedAssign' | 'unvalidatedField';

/** Request input whose keys the client chooses: the body and the query string (route params have the route's keys). */
const OBJECT_SOURCE = /(?:\.body|\.query|\.json\(\)|\.formData\(\)|^@Body\(\)|^@Query\(\))$/u;
/** What a spread passed on to another function is reported for: the body only (query spreads build links and filters). */
const BODY_SOURCE = /(?:\.body|\.json\(\)|\.formData\(\)|^@Body\(\))$/u;
/** Single values (with `checkFields`). */
const FIELD_SOURCE = /(?:\.body|\.query|\.params|\.json\(\)|\.formData\(\)|^@(?:Body|Query|Param)\(\)|^route params)$/u;

/** Words that make route middleware a validator: `validate(schema)`, `celebrate(…)`, `zValidator`, `checkSchema`, `express-validator`. */
const VALIDATION_WORDS = ['validate', 'validator', 'validators', 'validation', 'validated', 'celebrate', 'zod', 'joi', 'yup', 'valibot', 'ajv', 'schema'];

/**
 * Whether an argument can carry request input to a check of this rule. Every check reads the
 * arguments, and literals, templates and functions never hold the body or query object nor
 * spread it (`res.status(404)`, `router.post('/x', async (req, res) => …)`).
 */
function hasCarryingArgument(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  for (const argument of call.arguments) {
    switch (argument.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        break;
      default:
        return true;
    }
  }
  return false;
}

/** Calls that check what they are given: the object passed to them is not being stored. */
const CHECKING_CALL = /^(?:validat|parse|safeParse|assert|check|verify|sanitiz|clean|plainTo|decode|is[A-Z])/u;

const LODASH_MODULES = ['lodash', 'lodash-es', 'underscore'];
const LODASH_ASSIGNERS = ['assign', 'assignIn', 'extend', 'merge', 'mergeWith', 'defaults', 'defaultsDeep'];
/** Mongo query operators that combine filters. */
const FILTER_COMBINATORS = ['$and', '$or', '$nor'];

const MAX_DEPTH = 6;
/** What a variable holding a literal (`const data = { …req.body, id }`) is initialised with. */
const LITERAL_INITS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.ObjectExpression, AST_NODE_TYPES.ArrayExpression]);

/**
 * Every finding is request input whose label {@link OBJECT_SOURCE} matches: the file names `body`,
 * `query`, `json`, `formData`, `@Body` or `@Query`. `query` followed by `(` or by type arguments
 * and `(` is a call (`pool.query<Row>(sql)`), never the request's query object. A backslash may
 * spell one of the names with escapes. (With `checkFields`, more labels count: no gate.)
 */
const MAY_READ_REQUEST_OBJECT = /\b(?:body|json|formData|Body|Query)\b|\bquery\b(?!\s*(?:\(|<[^;]*?>\s*\())/u;

export default createRule<Options, MessageIds>({
  name: 'require-input-validation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require request bodies and query objects to pass a schema before they are stored, used as query filters or copied into other objects',
      recommended: true,
      category: 'security',
      cwe: 'CWE-20',
    },
    messages: {
      unvalidatedWrite:
        '{{source}} is written to the database without passing a schema: a client can set any field, `role` or `isAdmin` included (mass assignment), with any type; write the parsed value instead.',
      unvalidatedFilter:
        '{{source}} is used whole as a query filter without passing a schema: a client can add operators such as `$ne` or `$gt` and match records it should not see.',
      unvalidatedSpread:
        'Spreading {{source}} copies every property the client sent, so fields such as `role` or `isAdmin` ride along (mass assignment); spread the result of a schema parse instead.',
      unvalidatedAssign:
        '`{{callee}}` copies every property of {{source}} onto this object, so a client can overwrite fields such as `role` or `isAdmin` (mass assignment); validate it with a schema first.',
      unvalidatedField:
        '{{source}} is written to the database without validation: its type, size and format are whatever the client sent.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: requestInputOptionsSchema.sanitizers,
          validators: requestInputOptionsSchema.validators,
          validationMiddleware: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Names of route middleware that validate the request (as written in the chain, e.g. `checkBody` or `schemas.user`); names with the words validate, validator, validation, celebrate, zod, joi, yup, schema already count.',
          },
          checkFields: {
            type: 'boolean',
            description: 'Also report single request values (`req.body.name`) written to the database without validation.',
          },
        },
      },
    ],
    defaultOptions: [{ sanitizers: [], validators: [], validationMiddleware: [], checkFields: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!options.checkFields && !sourceCode.text.includes('\\') && !MAY_READ_REQUEST_OBJECT.test(sourceCode.text)) return {};
    // Every finding is request input, which enters only through a function that receives a request.
    if (!fileMayReadRequestInput(sourceCode)) return {};
    let tracker: RequestInputTracker | undefined;
    let logging: LoggingCallMatcher | undefined;
    let validatedHandlers: Set<TSESTree.Node> | undefined;
    const reported = new Set<TSESTree.Node>();

    const getTracker = (): RequestInputTracker => (tracker ??= new RequestInputTracker(sourceCode, options));
    let importsLodash: boolean | undefined;
    /** Every lodash/underscore module name holds one of these words, so a file without them imports none. */
    const mayImportLodash = (): boolean => (importsLodash ??= /lodash|underscore/u.test(sourceCode.text));

    function report(node: TSESTree.Node, messageId: MessageIds, source: RequestInputSource, callee?: string): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data: { source: `\`${source.label}\``, callee: callee ?? '' } });
    }

    /** The unvalidated request input `node` carries, when its label matches and no route middleware validated it. */
    function sourceOf(node: TSESTree.Node, pattern: RegExp): RequestInputSource | undefined {
      const source = getTracker().getSource(node);
      if (!source || !pattern.test(source.label) || isInValidatedRoute(node)) return undefined;
      return source;
    }

    /** The object or array literal a never-reassigned variable holds (`const data = { …req.body, id }`). */
    function literalInitializer(identifier: TSESTree.Identifier): TSESTree.ObjectExpression | TSESTree.ArrayExpression | undefined {
      // Most arguments are names of anything but such a variable: no scope lookup for those.
      if (!getVariableNamesInitialisedWith(sourceCode, LITERAL_INITS).has(identifier.name)) return undefined;
      const init = getConstInitializer(identifier, sourceCode.getScope(identifier));
      const target = init ? unwrapExpression(init) : undefined;
      return target?.type === AST_NODE_TYPES.ObjectExpression || target?.type === AST_NODE_TYPES.ArrayExpression ? target : undefined;
    }

    /**
     * Follows `target` into the values it may stand for (array elements, both branches of `?:`,
     * `&&`/`||`/`??`, the literal a tracked const holds), calling `check` on each; true when it did.
     */
    function descendBranches(target: TSESTree.Node, depth: number, check: (node: TSESTree.Node, depth: number) => void): boolean {
      switch (target.type) {
        case AST_NODE_TYPES.ArrayExpression:
          for (const element of target.elements) if (element) check(element, depth + 1);
          return true;
        case AST_NODE_TYPES.ConditionalExpression:
          check(target.consequent, depth + 1);
          check(target.alternate, depth + 1);
          return true;
        case AST_NODE_TYPES.LogicalExpression:
          check(target.left, depth + 1);
          check(target.right, depth + 1);
          return true;
        case AST_NODE_TYPES.Identifier: {
          const init = literalInitializer(target);
          if (!init) return false;
          if (getTracker().getSource(target)) check(init, depth + 1);
          return true;
        }
        default:
          return false;
      }
    }

    /** A value the database stores as a record: whatever keys it has become columns. */
    function checkWrite(node: TSESTree.Node, depth = 0): void {
      if (depth > MAX_DEPTH) return;
      const target = unwrapAwait(node);
      if (descendBranches(target, depth, checkWrite)) return;
      switch (target.type) {
        case AST_NODE_TYPES.ObjectExpression:
          for (const property of target.properties) {
            if (property.type === AST_NODE_TYPES.SpreadElement) {
              checkSpread(property, OBJECT_SOURCE);
            } else if (getPropertyKeyName(property)?.startsWith('$')) {
              // { $set: req.body }
              checkWrite(property.value, depth + 1);
            } else if (options.checkFields) {
              checkField(property.value, depth + 1);
            }
          }
          return;
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.MemberExpression:
        case AST_NODE_TYPES.CallExpression:
          break;
        default:
          return;
      }
      const source = sourceOf(target, OBJECT_SOURCE);
      if (source) report(target, 'unvalidatedWrite', source);
    }

    function checkField(node: TSESTree.Node, depth: number): void {
      if (depth > MAX_DEPTH) return;
      const target = unwrapAwait(node);
      if (target.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of target.properties) {
          if (property.type === AST_NODE_TYPES.Property) checkField(property.value, depth + 1);
        }
        return;
      }
      const source = sourceOf(target, FIELD_SOURCE);
      if (source) report(target, 'unvalidatedField', source);
    }

    /** A query filter: single values in it are the normal case; the whole body or query string is not. */
    function checkFilter(node: TSESTree.Node, depth = 0): void {
      if (depth > MAX_DEPTH) return;
      const target = unwrapAwait(node);
      if (descendBranches(target, depth, checkFilter)) return;
      if (target.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of target.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            if (isWholeRequest(property.argument)) {
              const source = sourceOf(property.argument, OBJECT_SOURCE);
              if (source) report(property, 'unvalidatedFilter', source);
            }
          } else if (FILTER_COMBINATORS.includes(getPropertyKeyName(property) ?? '')) {
            checkFilter(property.value, depth + 1);
          }
        }
        return;
      }
      if (!isWholeRequest(target)) return;
      const source = sourceOf(target, OBJECT_SOURCE);
      if (source) report(target, 'unvalidatedFilter', source);
    }

    /** An argument of a configured repository write method: reported when it is the whole body or query. */
    function checkRecord(node: TSESTree.Node, depth = 0): void {
      if (depth > MAX_DEPTH) return;
      const target = unwrapAwait(node);
      if (target.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of target.properties) if (property.type === AST_NODE_TYPES.SpreadElement) checkSpread(property, OBJECT_SOURCE);
        return;
      }
      if (target.type === AST_NODE_TYPES.Identifier) {
        const init = literalInitializer(target);
        if (init) {
          if (getTracker().getSource(target)) checkRecord(init, depth + 1);
          return;
        }
      }
      if (!isWholeRequest(target)) return;
      const source = sourceOf(target, OBJECT_SOURCE);
      if (source) report(target, 'unvalidatedWrite', source);
    }

    function checkSpread(spread: TSESTree.SpreadElement, pattern: RegExp): void {
      const source = sourceOf(spread.argument, pattern);
      if (source) report(spread, 'unvalidatedSpread', source);
    }

    /**
     * Whether `node` is the request's body or query object itself (not one value of it):
     * `req.body`, `await request.json()`, a `@Body()` parameter, `const filters = req.query`,
     * the rest of a destructured body (`const { id, ...rest } = req.body`).
     */
    function isWholeRequest(node: TSESTree.Node, depth = 0): boolean {
      if (depth > MAX_DEPTH) return false;
      const target = unwrapAwait(node);
      switch (target.type) {
        case AST_NODE_TYPES.MemberExpression: {
          const name = getMemberName(target);
          return (name === 'body' || name === 'query') && getTracker().isRequestObject(unwrapAwait(target.object));
        }
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapExpression(target.callee);
          const name = getCalleeName(target);
          return (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            (name === 'json' || name === 'formData') &&
            getTracker().isRequestObject(unwrapAwait(callee.object))
          );
        }
        case AST_NODE_TYPES.LogicalExpression:
          return isWholeRequest(target.left, depth + 1) || isWholeRequest(target.right, depth + 1);
        case AST_NODE_TYPES.ConditionalExpression:
          return isWholeRequest(target.consequent, depth + 1) || isWholeRequest(target.alternate, depth + 1);
        case AST_NODE_TYPES.Identifier:
          break;
        default:
          return false;
      }
      const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
      const def = variable?.defs[0];
      if (!variable || !def) return false;
      if (def.type === 'Parameter') {
        // A NestJS `@Body() body` / `@Query() query` parameter (unvalidated ones only have a source).
        const label = getTracker().getSource(target)?.label;
        return (label === '@Body()' || label === '@Query()') && def.name.parent?.type !== AST_NODE_TYPES.Property;
      }
      if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
      if (variable.references.filter((reference) => reference.isWrite()).length > 1) return false;
      const { id, init } = def.node;
      if (id === def.name) return isWholeRequest(init, depth + 1);
      const rest = def.name.parent;
      return rest?.type === AST_NODE_TYPES.RestElement && rest.parent === id && isWholeRequest(init, depth + 1);
    }

    function isInValidatedRoute(node: TSESTree.Node): boolean {
      validatedHandlers ??= collectValidatedHandlers();
      if (validatedHandlers.size === 0) return false;
      for (let current = node.parent; current; current = current.parent) {
        if (isFunctionNode(current) && validatedHandlers.has(current)) return true;
      }
      return false;
    }

    function collectValidatedHandlers(): Set<TSESTree.Node> {
      const model = getRouteModel(context);
      const handlers = new Set<TSESTree.Node>();
      for (const route of model.routes) {
        if (route.handlerFunction && model.middlewareBefore(route).some((middleware) => isValidationMiddleware(middleware, model))) {
          handlers.add(route.handlerFunction);
        }
      }
      return handlers;
    }

    function isValidationMiddleware(node: TSESTree.Node, model: RouteModel): boolean {
      const names = [...model.middlewareNames(node), ...chainNames(node)];
      return names.some(
        (name) => options.validationMiddleware.includes(name) || splitWords(name).some((word) => VALIDATION_WORDS.includes(word)),
      );
    }

    /**
     * Names the route model does not give: the module at the root of an express-validator chain
     * (`body('email').isEmail()`), and pipes built with `new` inside a decorator
     * (`@UsePipes(new ZodValidationPipe(schema))`).
     */
    function chainNames(node: TSESTree.Node): string[] {
      const names: string[] = [];
      let current = unwrapExpression(node);
      while (current.type === AST_NODE_TYPES.CallExpression) {
        for (const argument of current.arguments) {
          if (argument.type === AST_NODE_TYPES.NewExpression) names.push(getDottedName(argument.callee) ?? '');
        }
        const callee = unwrapExpression(current.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.CallExpression) {
          current = unwrapExpression(callee.object);
          continue;
        }
        const binding = resolveImportBinding(callee, sourceCode.getScope(current));
        if (binding) names.push(binding.source);
        break;
      }
      return names;
    }

    /** `Object.assign(entity, req.body)`, `_.merge(user, req.body)`; true when `call` is such a call. */
    function checkAssign(call: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(call.callee);
      const dotted = getDottedName(callee);
      let isAssign: boolean;
      if (dotted === 'Object.assign') {
        const object = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
        const variable = object?.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(sourceCode.getScope(object), object) : null;
        isAssign = !variable || variable.defs.length === 0;
      } else if (mayImportLodash()) {
        const binding = resolveImportBinding(callee, sourceCode.getScope(call));
        const exported = binding?.path.filter((part) => part !== 'default' && part !== '*').pop();
        isAssign =
          binding !== undefined &&
          ((LODASH_MODULES.includes(binding.source) && exported !== undefined && LODASH_ASSIGNERS.includes(exported)) ||
            LODASH_ASSIGNERS.some((name) => binding.source === `lodash/${name}` || binding.source === `lodash.${name.toLowerCase()}`));
      } else {
        isAssign = false;
      }
      if (!isAssign) return false;
      const [target, ...sources] = call.arguments;
      if (!target) return true;
      const targetNode = unwrapExpression(target);
      // Object.assign({}, req.body) is a copy: it is checked where the copy goes.
      if (targetNode.type === AST_NODE_TYPES.ObjectExpression && targetNode.properties.length === 0) return true;
      for (const argument of sources) {
        const value = unwrapAwait(argument);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of value.properties) if (property.type === AST_NODE_TYPES.SpreadElement) checkSpread(property, OBJECT_SOURCE);
          continue;
        }
        if (value.type !== AST_NODE_TYPES.MemberExpression && value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.CallExpression) continue;
        if (value.type === AST_NODE_TYPES.Identifier && literalInitializer(value)) continue;
        const source = sourceOf(value, OBJECT_SOURCE);
        if (source) report(value, 'unvalidatedAssign', source, dotted ?? getCalleeName(call) ?? 'merge');
      }
      return true;
    }

    /** `service.create({ ...req.body, ownerId })`: the body's keys passed on to code this file cannot see. */
    function checkPassedOn(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const spreads: TSESTree.SpreadElement[] = [];
      for (const argument of call.arguments) collectSpreads(argument, spreads, 0);
      // Only calls that carry a spread are worth classifying.
      if (spreads.length === 0 || isCheckingOrOutputCall(call)) return;
      for (const spread of spreads) checkSpread(spread, BODY_SOURCE);
    }

    /** Spreads in object literals an argument is (or a local constant holds), nested literals included. */
    function collectSpreads(node: TSESTree.Node, spreads: TSESTree.SpreadElement[], depth: number): void {
      if (depth > MAX_DEPTH) return;
      const target = unwrapExpression(node);
      if (target.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of target.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) spreads.push(property);
          else collectSpreads(property.value, spreads, depth + 1);
        }
      } else if (target.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of target.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) collectSpreads(element, spreads, depth + 1);
      } else if (target.type === AST_NODE_TYPES.Identifier) {
        const init = literalInitializer(target);
        if (init && getTracker().getSource(target)) collectSpreads(init, spreads, depth + 1);
      }
    }

    /** Responses, logs, validators and sanitizers receive the object without storing it. */
    function isCheckingOrOutputCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      const name = getCalleeName(call);
      const dotted = getDottedName(call.callee);
      if (name !== undefined && (CHECKING_CALL.test(name) || options.validators.includes(name) || options.sanitizers.includes(name))) return true;
      if (dotted !== undefined && (options.validators.includes(dotted) || options.sanitizers.includes(dotted))) return true;
      if (getResponsePayload(call, sourceCode)) return true;
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrapExpression(call.callee);
      // res.render('form', { ...req.body }), res.redirect(…)
      if (callee.type === AST_NODE_TYPES.MemberExpression && isResponseObject(callee.object, sourceCode)) return true;
      logging ??= new LoggingCallMatcher(sourceCode);
      return logging.isLoggingCall(call);
    }

    return {
      CallExpression(node) {
        if (!hasCarryingArgument(node)) return;
        const databaseArguments = getDatabaseArguments(node, sourceCode);
        if (databaseArguments.length > 0) {
          for (const { node: argument, role } of databaseArguments) {
            if (role === 'write') checkWrite(argument);
            else if (role === 'filter') checkFilter(argument);
            else checkRecord(argument);
          }
          return;
        }
        if (checkAssign(node)) return;
        checkPassedOn(node);
      },
      NewExpression(node) {
        if (!hasCarryingArgument(node)) return;
        const modelArgument = getModelConstructionArgument(node, sourceCode);
        if (modelArgument) {
          checkWrite(modelArgument);
          return;
        }
        checkPassedOn(node);
      },
    };
  },
});
