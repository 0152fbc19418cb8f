import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: 'require-strong-password-hash',
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
