import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { TS_CASTS, climbThrough, findProperty, getMemberName, getPropertyKeyName, resolveObjectExpression, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { CALL, CONSTRUCT, InstanceSet, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { splitWords } from '../util/names.js';
import { fileMayReadRequestInput, RequestInputTracker, requestInputOptionsSchema } from '../util/request-input.js';

export type Options = [
  {
    sanitizers: string[];
    validators: string[];
  },
];
export type MessageIds = 'requestInputInInstructions';

type Tracked = 'client' | 'aiSdk' | 'systemMessage' | 'systemTemplate' | 'promptMessages';

const CLIENT = { [CONSTRUCT]: 'client' } as const;
const LANGCHAIN_MESSAGES = { SystemMessage: { [CONSTRUCT]: 'systemMessage', [CALL]: 'systemMessage' } } as const;
const LANGCHAIN_PROMPTS = {
  SystemMessagePromptTemplate: { fromTemplate: { [CALL]: 'systemTemplate' } },
  ChatPromptTemplate: { fromMessages: { [CALL]: 'promptMessages' } },
} as const;
const AI_SDK_CALLS = ['generateText', 'streamText', 'generateObject', 'streamObject'];

const TRACE_MAP: TraceMap<Tracked> = {
  openai: { ...CLIENT, default: CLIENT, OpenAI: CLIENT, AzureOpenAI: CLIENT },
  '@anthropic-ai/sdk': { ...CLIENT, default: CLIENT, Anthropic: CLIENT },
  '@anthropic-ai/bedrock-sdk': { AnthropicBedrock: CLIENT },
  '@anthropic-ai/vertex-sdk': { AnthropicVertex: CLIENT },
  ai: Object.fromEntries(AI_SDK_CALLS.map((name) => [name, { [CALL]: 'aiSdk' }])),
  '@langchain/core/messages': LANGCHAIN_MESSAGES,
  'langchain/schema': { ...LANGCHAIN_MESSAGES, ...LANGCHAIN_PROMPTS },
  '@langchain/core/prompts': LANGCHAIN_PROMPTS,
  'langchain/prompts': LANGCHAIN_PROMPTS,
};

/** Message roles whose content the model treats as the developer's instructions. */
const INSTRUCTION_ROLES = ['system', 'developer'];

/** Words in a receiver's name that make it an LLM client when it was not created in this file. */
const CLIENT_NAME_WORDS = ['openai', 'anthropic', 'claude', 'client', 'llm'];

/** Resources of the OpenAI SDK whose calls take `instructions`. */
const INSTRUCTIONS_RESOURCES = ['responses', 'assistants', 'runs'];
const INSTRUCTIONS_KEYS = ['instructions', 'additional_instructions'];

export default createRule<Options, MessageIds>({
  name: 'no-prompt-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request input in LLM system prompts and instructions unless it passes a sanitizer',
      recommended: true,
      category: 'security',
      cwe: 'CWE-1427',
    },
    messages: {
      requestInputInInstructions:
        '{{source}} reaches {{place}} unsanitized: a user can write instructions there ("ignore the rules above…") that the model follows as if they were yours; send it in a `user` message, or pass it through a sanitizer first.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: {
            ...requestInputOptionsSchema.sanitizers,
            description:
              'Extra function names (e.g. `sanitizeForPrompt` or `prompt.escape`) whose result may go into instructions; names starting with `sanitiz`, `escape`, `clean`, `validat` already count.',
          },
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
    let tracker: RequestInputTracker | undefined;
    let clients: InstanceSet | undefined;
    const trackedCalls = new Map<TSESTree.Node, Tracked>();
    const reportedSources = new Set<TSESTree.Node>();

    const getTracker = (): RequestInputTracker => (tracker ??= new RequestInputTracker(sourceCode, options));

    /** Reports every part of `node` that carries unsanitized request input. */
    function checkInstructions(node: TSESTree.Node | undefined, place: string): void {
      if (!node) return;
      const target = unwrapExpression(node);
      switch (target.type) {
        case AST_NODE_TYPES.TemplateLiteral:
          for (const expression of target.expressions) checkInstructions(expression, place);
          return;
        case AST_NODE_TYPES.BinaryExpression:
          if (target.operator === '+') {
            checkInstructions(target.left, place);
            checkInstructions(target.right, place);
          }
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          checkInstructions(target.consequent, place);
          checkInstructions(target.alternate, place);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          checkInstructions(target.left, place);
          checkInstructions(target.right, place);
          return;
        case AST_NODE_TYPES.ArrayExpression:
          // Content parts: [{ type: 'text', text: … }]
          for (const element of target.elements) {
            if (element?.type === AST_NODE_TYPES.ObjectExpression) checkInstructions(findProperty(element, 'text')?.value, place);
            else if (element && element.type !== AST_NODE_TYPES.SpreadElement) checkInstructions(element, place);
          }
          return;
        case AST_NODE_TYPES.Literal:
          return;
        default:
          break;
      }
      const source = getTracker().getSource(target);
      if (!source || reportedSources.has(source.node)) return;
      reportedSources.add(source.node);
      context.report({ node: target, messageId: 'requestInputInInstructions', data: { source: `\`${source.label}\``, place } });
    }

    /** `{ role: 'system' | 'developer', content }`: the chat message shape of OpenAI, Groq, Ollama, the AI SDK… */
    function checkMessageObject(node: TSESTree.ObjectExpression): void {
      const role = findProperty(node, 'role');
      if (!role || !isInMessageList(node)) return;
      const roleValue = unwrapExpression(role.value);
      const value = ASTUtils.getStaticValue(roleValue, sourceCode.getScope(roleValue))?.value;
      if (typeof value !== 'string' || !INSTRUCTION_ROLES.includes(value)) return;
      checkInstructions(findProperty(node, 'content')?.value, `a \`${value}\` message`);
    }

    function isLlmClient(node: TSESTree.Node): boolean {
      let root = unwrapExpression(node);
      while (root.type === AST_NODE_TYPES.MemberExpression && root.object.type !== AST_NODE_TYPES.ThisExpression) {
        root = unwrapExpression(root.object);
      }
      clients ??= new InstanceSet(
        sourceCode,
        [...trackedCalls].filter(([, kind]) => kind === 'client').map(([creation]) => creation),
      );
      if (clients.has(root)) return true;
      const name = root.type === AST_NODE_TYPES.Identifier ? root.name : root.type === AST_NODE_TYPES.MemberExpression ? getMemberName(root) : undefined;
      return name !== undefined && splitWords(name).some((word) => CLIENT_NAME_WORDS.includes(word));
    }

    /** `client.responses.create({ instructions })`, `anthropic.messages.create({ system })`. */
    function checkClientCall(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const resource = unwrapExpression(callee.object);
      if (resource.type !== AST_NODE_TYPES.MemberExpression) return;
      const resourceName = getMemberName(resource);
      if (resourceName === undefined) return;
      const isInstructions = INSTRUCTIONS_RESOURCES.includes(resourceName);
      const isAnthropicMessages = resourceName === 'messages';
      if (!isInstructions && !isAnthropicMessages) return;
      if (!isLlmClient(resource.object)) return;
      const scope = sourceCode.getScope(node);
      for (const argument of node.arguments) {
        const object = resolveObjectExpression(argument, scope);
        if (!object) continue;
        if (isInstructions) {
          for (const key of INSTRUCTIONS_KEYS) checkInstructions(findProperty(object, key)?.value, `the \`${key}\` of this call`);
        } else {
          checkInstructions(findProperty(object, 'system')?.value, 'the `system` prompt of this call');
        }
      }
    }

    /** `const systemPrompt = \`…${name}\``, `instructions += …`: a system prompt being built. */
    function checkPromptBuilder(name: string | undefined, value: TSESTree.Node | null | undefined): void {
      if (name === undefined || !value) return;
      const target = unwrapExpression(value);
      if (target.type !== AST_NODE_TYPES.TemplateLiteral && target.type !== AST_NODE_TYPES.BinaryExpression) return;
      if (!isSystemPromptName(name)) return;
      checkInstructions(target, `the system prompt \`${name}\``);
    }

    return {
      Program() {
        for (const reference of trackModuleReferences(sourceCode, TRACE_MAP)) trackedCalls.set(reference.node, reference.info);
      },
      ObjectExpression: checkMessageObject,
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        const kind = trackedCalls.get(node);
        if (kind === undefined) {
          if (node.type === AST_NODE_TYPES.CallExpression) checkClientCall(node);
          return;
        }
        const first = node.arguments[0];
        const scope = sourceCode.getScope(node);
        switch (kind) {
          case 'aiSdk': {
            const object = resolveObjectExpression(first, scope);
            if (object) checkInstructions(findProperty(object, 'system')?.value, 'the `system` prompt of this call');
            return;
          }
          case 'systemMessage': {
            const object = resolveObjectExpression(first, scope);
            checkInstructions(object ? findProperty(object, 'content')?.value : first, 'a LangChain `SystemMessage`');
            return;
          }
          case 'systemTemplate':
            checkInstructions(first, 'a system prompt template');
            return;
          case 'promptMessages':
            if (first?.type === AST_NODE_TYPES.ArrayExpression) {
              for (const element of first.elements) {
                if (element?.type !== AST_NODE_TYPES.ArrayExpression) continue;
                const [role, template] = element.elements;
                const roleName = role && role.type !== AST_NODE_TYPES.SpreadElement ? ASTUtils.getStringIfConstant(role, scope) : null;
                if (roleName === 'system' && template && template.type !== AST_NODE_TYPES.SpreadElement) {
                  checkInstructions(template, 'a system prompt template');
                }
              }
            }
            return;
          default:
            if (node.type === AST_NODE_TYPES.CallExpression) checkClientCall(node);
        }
      },
      VariableDeclarator(node) {
        if (node.id.type === AST_NODE_TYPES.Identifier) checkPromptBuilder(node.id.name, node.init);
      },
      AssignmentExpression(node) {
        const left = unwrapExpression(node.left);
        const name =
          left.type === AST_NODE_TYPES.Identifier ? left.name : left.type === AST_NODE_TYPES.MemberExpression ? getMemberName(left) : undefined;
        if (node.operator === '+=' && name !== undefined && isSystemPromptName(name)) {
          checkInstructions(node.right, `the system prompt \`${name}\``);
          return;
        }
        if (node.operator === '=') checkPromptBuilder(name, node.right);
      },
      PropertyDefinition(node) {
        if (!node.computed) checkPromptBuilder(getPropertyKeyName(node), node.value);
      },
    };
  },
});

/**
 * Whether a message object is part of a conversation: an element of an array (`messages: [...]`,
 * `const history = [...]`) or pushed onto one (`messages.push({...})`). A lone
 * `Message.create({ role: 'system', content })` of a chat app stores a notice, not a prompt.
 */
function isInMessageList(node: TSESTree.ObjectExpression): boolean {
  const current = climbThrough(node, TS_CASTS);
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(parent.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && ARRAY_ADDERS.includes(getMemberName(callee) ?? '');
}

const ARRAY_ADDERS = ['push', 'unshift', 'concat', 'splice'];

/**
 * Names of variables that hold instructions for the model: `systemPrompt`, `SYSTEM_MESSAGE`,
 * `sysPrompt`, `systemInstruction`, `instructions`, `baseInstructions`. A bare `prompt` is not
 * one: it is as often the user's question.
 */
function isSystemPromptName(name: string): boolean {
  const words = splitWords(name);
  const last = words[words.length - 1];
  if (last === 'instructions' || last === 'instruction') return true;
  return words.some((word, index) => (word === 'system' || word === 'sys') && ['prompt', 'message', 'instruction', 'instructions', 'template'].includes(words[index + 1] ?? ''));
}
