import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeName, unwrapExpression } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { setObjectProperties } from '../util/fix.js';
import { CALL, trackModuleReferences, type TraceMap } from '../util/modules.js';
import { readOptionsObject, type OptionLookup, type OptionsObject } from '../util/options-object.js';

export type Options = [
  {
    maxMemoryFileSize: number;
    requireFileFilter: boolean;
    checkNestInterceptors: boolean;
  },
];
export type MessageIds = 'missingFileSize' | 'largeMemoryUpload' | 'missingFileFilter' | 'addFileSizeLimit';

type Kind = 'multer' | 'memoryStorage' | 'interceptor';

const MULTER: TraceMap<Kind>[string] = { [CALL]: 'multer', memoryStorage: { [CALL]: 'memoryStorage' } };

const TRACE_MAP: TraceMap<Kind> = {
  // `default` repeats the module: the tracker binds a default import to it in legacy mode.
  multer: { ...MULTER, default: MULTER },
  '@nestjs/platform-express': {
    FileInterceptor: { [CALL]: 'interceptor' },
    FilesInterceptor: { [CALL]: 'interceptor' },
    FileFieldsInterceptor: { [CALL]: 'interceptor' },
    AnyFilesInterceptor: { [CALL]: 'interceptor' },
  },
};

/** Where each Nest interceptor takes its multer options. */
const INTERCEPTOR_OPTIONS_INDEX: Readonly<Record<string, number>> = {
  FileInterceptor: 1,
  FilesInterceptor: 2,
  FileFieldsInterceptor: 1,
  AnyFilesInterceptor: 0,
};

const SUGGESTED_FILE_SIZE = '10 * 1024 * 1024';

/** Nest parameter decorators whose pipe can check the file after upload (ParseFilePipe and friends). */
const NEST_FILE_PARAMETER_DECORATORS = ['UploadedFile', 'UploadedFiles'];

export default createRule<Options, MessageIds>({
  name: 'require-upload-limits',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a file size limit and a file filter on multer uploads, and disk storage for large files',
      recommended: true,
      category: 'security',
      cwe: 'CWE-400',
    },
    hasSuggestions: true,
    messages: {
      missingFileSize:
        'This upload has no `limits.fileSize`: multer accepts files of any size, so one request can fill the disk or, with memory storage, the heap.',
      largeMemoryUpload:
        'Memory storage keeps every upload in the heap until the request ends, and this one allows files up to {{size}}: a few concurrent uploads exhaust memory; use `multer.diskStorage()` or a smaller `limits.fileSize`.',
      missingFileFilter:
        'This upload has no `fileFilter`: any file type is accepted and written before your handler can look at it (CWE-434).',
      addFileSizeLimit: 'Add `limits: { fileSize: 10 * 1024 * 1024 }` (10 MB; larger uploads are rejected with an error).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxMemoryFileSize: {
            type: 'number',
            minimum: 0,
            description:
              'Largest `limits.fileSize` in bytes accepted with memory storage (explicit `memoryStorage()` or no `storage`/`dest`); above it the upload is reported.',
          },
          requireFileFilter: {
            type: 'boolean',
            description: 'Report uploads without a `fileFilter`.',
          },
          checkNestInterceptors: {
            type: 'boolean',
            description:
              'Also check the options of NestJS `FileInterceptor`, `FilesInterceptor`, `FileFieldsInterceptor` and `AnyFilesInterceptor`; turn off when `MulterModule.register()` sets the limits for the whole app.',
          },
        },
      },
    ],
    defaultOptions: [{ maxMemoryFileSize: 10 * 1024 * 1024, requireFileFilter: true, checkNestInterceptors: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;

    function staticNumber(node: TSESTree.Node): number | undefined {
      const found = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
      return typeof found?.value === 'number' ? found.value : undefined;
    }

    /** Whether `node` is `multer.memoryStorage()` (any import form), followed through a local constant. */
    function isMemoryStorage(node: TSESTree.Node, memoryCalls: ReadonlySet<TSESTree.Node>): boolean {
      const target = unwrapExpression(node);
      if (memoryCalls.has(target)) return true;
      if (target.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
      const def = variable?.defs[0];
      if (variable?.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
      return memoryCalls.has(unwrapExpression(def.node.init));
    }

    function check(
      call: TSESTree.CallExpression,
      optionsNode: TSESTree.Node | undefined,
      kind: 'multer' | 'interceptor',
      memoryCalls: ReadonlySet<TSESTree.Node>,
      canAppendOptions: boolean,
    ): void {
      const scope = sourceCode.getScope(call);
      const object = optionsNode ? readOptionsObject(optionsNode, scope) : undefined;
      // Options built elsewhere cannot be judged here.
      if (optionsNode && !object) return;

      const limits = lookup(object, 'limits');
      let limitsObject: OptionsObject | undefined;
      let fileSize: OptionLookup = { state: 'missing' };
      if (limits.state === 'unknown') fileSize = { state: 'unknown' };
      else if (limits.state === 'set') {
        limitsObject = readOptionsObject(limits.property.value, scope);
        fileSize = limitsObject ? limitsObject.get('fileSize') : { state: 'unknown' };
      }

      if (fileSize.state === 'missing') {
        context.report({
          node: call,
          messageId: 'missingFileSize',
          suggest:
            optionsNode || canAppendOptions
              ? [{ messageId: 'addFileSizeLimit', fix: (fixer) => addFileSize(fixer, call, optionsNode, object, limitsObject) }]
              : [],
        });
      } else if (fileSize.state === 'set') {
        const size = staticNumber(fileSize.property.value);
        const storage = lookup(object, 'storage');
        const dest = lookup(object, 'dest');
        // Nest interceptors may inherit `dest` from MulterModule.register(): only an explicit memoryStorage() counts there.
        const implicitMemory = kind === 'multer' && storage.state === 'missing' && dest.state === 'missing';
        const explicitMemory = storage.state === 'set' && isMemoryStorage(storage.property.value, memoryCalls);
        if (size !== undefined && size > options.maxMemoryFileSize && (implicitMemory || explicitMemory)) {
          context.report({
            node: explicitMemory && storage.state === 'set' ? storage.property.value : call,
            messageId: 'largeMemoryUpload',
            data: { size: formatSize(size) },
          });
        }
      }

      if (options.requireFileFilter && lookup(object, 'fileFilter').state === 'missing' && !(kind === 'interceptor' && hasFilePipe(call))) {
        context.report({ node: call, messageId: 'missingFileFilter' });
      }
    }

    function addFileSize(
      fixer: TSESLint.RuleFixer,
      call: TSESTree.CallExpression,
      optionsNode: TSESTree.Node | undefined,
      object: OptionsObject | undefined,
      limitsObject: OptionsObject | undefined,
    ): TSESLint.RuleFix[] {
      if (limitsObject) return setObjectProperties(fixer, sourceCode, limitsObject.object, { fileSize: SUGGESTED_FILE_SIZE });
      const limitsText = `{ fileSize: ${SUGGESTED_FILE_SIZE} }`;
      if (object) return setObjectProperties(fixer, sourceCode, object.object, { limits: limitsText });
      if (optionsNode) return [];
      const closing = sourceCode.getLastToken(call);
      if (!closing) return [];
      const text = `{ limits: ${limitsText} }`;
      const last = call.arguments[call.arguments.length - 1];
      return [fixer.insertTextBefore(closing, last ? `, ${text}` : text)];
    }

    return {
      Program() {
        const references = trackModuleReferences(sourceCode, TRACE_MAP);
        const memoryCalls = new Set(references.filter((reference) => reference.info === 'memoryStorage').map((reference) => reference.node));
        for (const reference of references) {
          const call = reference.node;
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          if (reference.info === 'multer') {
            check(call, call.arguments[0], 'multer', memoryCalls, true);
          } else if (reference.info === 'interceptor' && options.checkNestInterceptors) {
            const name = reference.path[reference.path.length - 1] ?? '';
            const index = INTERCEPTOR_OPTIONS_INDEX[name] ?? 1;
            // FilesInterceptor('files') has no maxCount to append the options after: report without a suggestion.
            check(call, call.arguments[index], 'interceptor', memoryCalls, call.arguments.length === index);
          }
        }
      },
    };
  },
});

function lookup(object: OptionsObject | undefined, name: string): OptionLookup {
  return object ? object.get(name) : { state: 'missing' };
}

/**
 * `@UseInterceptors(FileInterceptor('file'))` on a method whose `@UploadedFile(new ParseFilePipe(…))`
 * checks the file type after upload: that is the Nest way to filter, so no `fileFilter` is required.
 */
function hasFilePipe(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node | undefined = call.parent;
  while (node && node.type !== AST_NODE_TYPES.MethodDefinition && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  if (node?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  return node.value.params.some((param) =>
    (param.decorators ?? []).some((decorator) => {
      const expression = decorator.expression;
      return (
        expression.type === AST_NODE_TYPES.CallExpression &&
        NEST_FILE_PARAMETER_DECORATORS.includes(getCalleeName(expression) ?? '') &&
        expression.arguments.length > 0
      );
    }),
  );
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}
