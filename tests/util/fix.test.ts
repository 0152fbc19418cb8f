import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/util/create-rule.js';
import { insertImport, setObjectProperties } from '../../src/util/fix.js';
import { createRuleTester } from '../rule-tester.js';

/** Test-only rule: `mark({...})` gets `secure: true, sameSite: 'lax'` and an import of `lru-cache`. */
const rule = createRule({
  name: 'fix-probe',
  meta: {
    type: 'problem',
    docs: { description: 'Require test fixes', category: 'security' },
    hasSuggestions: true,
    messages: { found: 'found', addFlags: 'add flags', addImport: 'add import', addDefault: 'add default' },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression[callee.name="mark"]'(node: import('@typescript-eslint/utils').TSESTree.CallExpression) {
        const object = node.arguments[0];
        if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
        context.report({
          node,
          messageId: 'found',
          suggest: [
            { messageId: 'addFlags', fix: (fixer) => setObjectProperties(fixer, context.sourceCode, object, { secure: 'true', sameSite: "'lax'" }) },
            { messageId: 'addImport', fix: (fixer) => insertImport(fixer, context.sourceCode, { source: 'lru-cache', named: 'LRUCache' }) },
            { messageId: 'addDefault', fix: (fixer) => insertImport(fixer, context.sourceCode, { source: 'helmet', defaultName: 'helmet' }) },
          ],
        });
      },
    };
  },
});

createRuleTester().run('fix helpers', rule, {
  valid: ['mark(options);'],
  invalid: [
    {
      code: "import a from 'a';\nmark({ httpOnly: true });",
      errors: [
        {
          messageId: 'found',
          line: 2,
          column: 1,
          suggestions: [
            { messageId: 'addFlags', output: "import a from 'a';\nmark({ httpOnly: true, secure: true, sameSite: 'lax' });" },
            { messageId: 'addImport', output: "import a from 'a';\nimport { LRUCache } from 'lru-cache';\nmark({ httpOnly: true });" },
            { messageId: 'addDefault', output: "import a from 'a';\nimport helmet from 'helmet';\nmark({ httpOnly: true });" },
          ],
        },
      ],
    },
    {
      code: "'use strict';\nconst a = require('a');\nmark({\n  httpOnly: true,\n  secure: false,\n});",
      filename: 'file.cjs',
      errors: [
        {
          messageId: 'found',
          line: 3,
          column: 1,
          suggestions: [
            { messageId: 'addFlags', output: "'use strict';\nconst a = require('a');\nmark({\n  httpOnly: true,\n  secure: true,\n  sameSite: 'lax',\n});" },
            { messageId: 'addImport', output: "'use strict';\nconst a = require('a');\nconst { LRUCache } = require('lru-cache');\nmark({\n  httpOnly: true,\n  secure: false,\n});" },
            { messageId: 'addDefault', output: "'use strict';\nconst a = require('a');\nconst helmet = require('helmet');\nmark({\n  httpOnly: true,\n  secure: false,\n});" },
          ],
        },
      ],
    },
    {
      code: "'use server';\nmark({});",
      errors: [
        {
          messageId: 'found',
          line: 2,
          column: 1,
          suggestions: [
            { messageId: 'addFlags', output: "'use server';\nmark({ secure: true, sameSite: 'lax' });" },
            { messageId: 'addImport', output: "'use server';\nimport { LRUCache } from 'lru-cache';\nmark({});" },
            { messageId: 'addDefault', output: "'use server';\nimport helmet from 'helmet';\nmark({});" },
          ],
        },
      ],
    },
    {
      code: "import { LRUCache } from 'lru-cache';\nmark({\n  secure\n});",
      errors: [
        {
          messageId: 'found',
          line: 2,
          column: 1,
          suggestions: [
            { messageId: 'addFlags', output: "import { LRUCache } from 'lru-cache';\nmark({\n  secure: true,\n  sameSite: 'lax'\n});" },
            { messageId: 'addDefault', output: "import { LRUCache } from 'lru-cache';\nimport helmet from 'helmet';\nmark({\n  secure\n});" },
          ],
        },
      ],
    },
  ],
});
