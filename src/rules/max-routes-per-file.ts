import { createRule } from '../util/create-rule.js';
import { getRouteModel, routeReportLoc } from '../util/routes.js';

export type Options = [
  {
    max?: number;
  },
];
export type MessageIds = 'tooManyRoutes';

const DEFAULT_MAX = 40;

export default createRule<Options, MessageIds>({
  name: 'max-routes-per-file',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce a maximum number of routes registered in one file',
      recommended: false,
      category: 'maintainability',
    },
    messages: {
      tooManyRoutes:
        'This file registers {{count}} routes, more than the maximum of {{max}}; from this one on, every change to any endpoint collides in the same file, so split it by domain (the `split-routes` codemod does it).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          max: {
            type: 'integer',
            minimum: 1,
            description: 'The most routes (Express registrations, NestJS handlers, Next.js route exports) one file may register.',
          },
        },
      },
    ],
    defaultOptions: [{ max: DEFAULT_MAX }],
  },
  create(context, [options]) {
    const max = options.max ?? DEFAULT_MAX;
    return {
      Program() {
        const routes = getRouteModel(context).routes;
        // Report once, where the file crosses the line: the first route beyond the maximum.
        const first = routes[max];
        if (!first) return;
        context.report({
          loc: routeReportLoc(first, context.sourceCode),
          messageId: 'tooManyRoutes',
          data: { count: String(routes.length), max: String(max) },
        });
      },
    };
  },
});
