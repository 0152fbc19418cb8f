import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: 'no-unsanitized-html',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow TODO', category: 'security' },
    messages: { todo: 'TODO' },
    schema: [],
  },
  create() {
    return {};
  },
});
