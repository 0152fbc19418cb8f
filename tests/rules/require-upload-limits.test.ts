import rule from '../../src/rules/require-upload-limits.js';
import { createRuleTester, withDefaults } from '../rule-tester.js';

const ruleTester = createRuleTester();

const pdfFilter = `(req, file, cb) => cb(null, file.mimetype === 'application/pdf')`;

ruleTester.run('require-upload-limits', rule, {
  valid: [
    // The seed's fixed configuration: disk storage, a size limit and a filter.
    `import multer from 'multer';
import { v4 as uuidv4 } from 'uuid';
const upload = multer({
  storage: multer.diskStorage({
    destination: (req, file, cb) => {
      cb(null, process.env.PROCESSING_DIR || '/tmp/processing');
    },
    filename: (req, file, cb) => {
      cb(null, \`\${uuidv4()}.pdf\`);
    }
  }),
  limits: {
    fileSize: 400 * 1024 * 1024 // 400MB
  },
  fileFilter: (req, file, cb) => {
    if (file.mimetype === 'application/pdf') {
      cb(null, true);
    } else {
      cb(new Error('Only PDF files are allowed'));
    }
  }
});`,
    // Memory storage with a small limit is fine (avatars relayed to S3).
    `import multer from 'multer';
export const avatar = multer({ storage: multer.memoryStorage(), limits: { fileSize: 2 * 1024 * 1024 }, fileFilter: ${pdfFilter} });`,
    // Options from constants, limits from a constant object.
    `import multer from 'multer';
const MAX_UPLOAD = 5 * 1024 * 1024;
const limits = { fileSize: MAX_UPLOAD, files: 1 };
const uploadOptions = { dest: 'uploads/', limits, fileFilter: imageOnly };
export const upload = multer(uploadOptions);`,
    // A spread that cannot be seen may carry the limits.
    `import multer from 'multer';
import { baseUploadOptions } from './upload-config';
export const upload = multer({ ...baseUploadOptions, dest: 'tmp/' });`,
    // Options built elsewhere.
    `import multer from 'multer';
export const makeUpload = (options) => multer(options);`,
    `import multer from 'multer';
export const upload = multer(buildUploadOptions());`,
    // Limits from a value that cannot be seen.
    `import multer from 'multer';
export const upload = multer({ dest: 'tmp/', limits: config.uploadLimits, fileFilter: onlyPdf });`,
    // Another library's `multer`, and a local function of that name.
    `import multer from 'fake-multer';
export const upload = multer();`,
    `function multer(options) { return options; }
export const upload = multer({});`,
    // A file size above the memory maximum is fine on disk.
    `const multer = require('multer');
module.exports = multer({ dest: '/var/uploads', limits: { fileSize: 500 * 1024 * 1024 }, fileFilter: onlyVideos });`,
    // fileFilter not required when turned off.
    {
      code: `import multer from 'multer';
export const upload = multer({ dest: 'tmp/', limits: { fileSize: 1_000_000 } });`,
      options: [withDefaults(rule, { requireFileFilter: false })],
    },
    // Nest interceptors with limits, or checked by a ParseFilePipe.
    `import { Controller, Post, UploadedFile, UseInterceptors, ParseFilePipe, FileTypeValidator } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
@Controller('uploads')
export class UploadsController {
  @Post('avatar')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 2 * 1024 * 1024 } }))
  upload(@UploadedFile(new ParseFilePipe({ validators: [new FileTypeValidator({ fileType: 'image/png' })] })) file) {
    return file.size;
  }
}`,
    // Nest interceptors not checked when MulterModule sets the limits.
    {
      code: `import { FileInterceptor } from '@nestjs/platform-express';
export class C {
  @UseInterceptors(FileInterceptor('file'))
  upload() {}
}`,
      options: [withDefaults(rule, { checkNestInterceptors: false })],
    },
    // Look-alike: a FileInterceptor from another module; `limits` on something else.
    `import { FileInterceptor } from './my-interceptors';
const limits = { rate: 10 };
export const interceptor = FileInterceptor('file');`,
  ],
  invalid: [
    // No options at all: any size, in memory, any type.
    {
      code: `import multer from 'multer';
const upload = multer();`,
      errors: [
        {
          messageId: 'missingFileSize',
          line: 2,
          column: 16,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import multer from 'multer';
const upload = multer({ limits: { fileSize: 10 * 1024 * 1024 } });`,
            },
          ],
        },
        { messageId: 'missingFileFilter', line: 2, column: 16 },
      ],
    },
    // The seed's original: memory storage, no limits.
    {
      code: `import multer from 'multer';
const upload = multer({ storage: multer.memoryStorage() });`,
      options: [withDefaults(rule, { requireFileFilter: false })],
      errors: [
        {
          messageId: 'missingFileSize',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import multer from 'multer';
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 10 * 1024 * 1024 } });`,
            },
          ],
        },
      ],
    },
    // Memory storage with a 400 MB limit.
    {
      code: `import multer from 'multer';
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: 400 * 1024 * 1024 },
  fileFilter: ${pdfFilter},
});`,
      errors: [{ messageId: 'largeMemoryUpload', data: { size: '400 MB' }, line: 3, column: 12, endColumn: 34 }],
    },
    // No storage and no dest: multer keeps files in memory.
    {
      code: `import multer from 'multer';
export const upload = multer({ limits: { fileSize: 100 * 1024 * 1024 }, fileFilter: onlyPdf });`,
      errors: [{ messageId: 'largeMemoryUpload', line: 2, column: 23 }],
    },
    // Memory storage through a constant, named import.
    {
      code: `import multer, { memoryStorage } from 'multer';
const storage = memoryStorage();
export const upload = multer({ storage, limits: { fileSize: 50_000_000 }, fileFilter: onlyPdf });`,
      errors: [{ messageId: 'largeMemoryUpload', line: 3, column: 32, endColumn: 39 }],
    },
    // limits without fileSize.
    {
      code: `import multer from 'multer';
export const upload = multer({ dest: 'uploads/', limits: { files: 1 }, fileFilter: onlyPdf });`,
      errors: [
        {
          messageId: 'missingFileSize',
          line: 2,
          column: 23,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import multer from 'multer';
export const upload = multer({ dest: 'uploads/', limits: { files: 1, fileSize: 10 * 1024 * 1024 }, fileFilter: onlyPdf });`,
            },
          ],
        },
      ],
    },
    // A file filter is missing.
    {
      code: `import multer from 'multer';
export const upload = multer({ dest: 'uploads/', limits: { fileSize: 5 * 1024 * 1024 } });`,
      errors: [{ messageId: 'missingFileFilter', line: 2, column: 23 }],
    },
    // CommonJS require, and options in a constant (the suggestion edits the constant).
    {
      code: `const multer = require('multer');
const options = {
  dest: 'uploads/',
  fileFilter: onlyPdf,
};
module.exports = multer(options);`,
      filename: 'upload.js',
      errors: [
        {
          messageId: 'missingFileSize',
          line: 6,
          column: 18,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `const multer = require('multer');
const options = {
  dest: 'uploads/',
  fileFilter: onlyPdf,
  limits: { fileSize: 10 * 1024 * 1024 },
};
module.exports = multer(options);`,
            },
          ],
        },
      ],
    },
    // Aliased default import, namespace import, node-style alias.
    {
      code: `import upload from 'multer';
export const handler = upload({ dest: 'tmp', fileFilter: onlyPdf }).single('file');`,
      errors: [
        {
          messageId: 'missingFileSize',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import upload from 'multer';
export const handler = upload({ dest: 'tmp', fileFilter: onlyPdf, limits: { fileSize: 10 * 1024 * 1024 } }).single('file');`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as m from 'multer';
export const upload = m.default({ dest: 'tmp', fileFilter: onlyPdf, limits: {} });`,
      errors: [
        {
          messageId: 'missingFileSize',
          line: 2,
          column: 23,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import * as m from 'multer';
export const upload = m.default({ dest: 'tmp', fileFilter: onlyPdf, limits: { fileSize: 10 * 1024 * 1024 } });`,
            },
          ],
        },
      ],
    },
    // CommonJS: memory storage from the required module in a .cjs file.
    {
      code: `const multer = require('multer');
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 25 * 1024 * 1024 }, fileFilter: onlyPdf });`,
      filename: 'upload.cjs',
      errors: [{ messageId: 'largeMemoryUpload', data: { size: '25 MB' }, line: 2, column: 34 }],
    },
    // Nest: FileInterceptor without options.
    {
      code: `import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
@Controller('uploads')
export class UploadsController {
  @Post()
  @UseInterceptors(FileInterceptor('file'))
  upload(@UploadedFile() file) {}
}`,
      errors: [
        {
          messageId: 'missingFileSize',
          line: 6,
          column: 20,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
@Controller('uploads')
export class UploadsController {
  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024 } }))
  upload(@UploadedFile() file) {}
}`,
            },
          ],
        },
        { messageId: 'missingFileFilter', line: 6, column: 20 },
      ],
    },
    // Nest: FilesInterceptor with maxCount but no options; with only a field name (no suggestion).
    {
      code: `import { FilesInterceptor, AnyFilesInterceptor } from '@nestjs/platform-express';
export const a = FilesInterceptor('photos', 10);
export const b = FilesInterceptor('photos');
export const c = AnyFilesInterceptor({ fileFilter: onlyImages });`,
      options: [withDefaults(rule, { requireFileFilter: false })],
      errors: [
        {
          messageId: 'missingFileSize',
          line: 2,
          column: 18,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import { FilesInterceptor, AnyFilesInterceptor } from '@nestjs/platform-express';
export const a = FilesInterceptor('photos', 10, { limits: { fileSize: 10 * 1024 * 1024 } });
export const b = FilesInterceptor('photos');
export const c = AnyFilesInterceptor({ fileFilter: onlyImages });`,
            },
          ],
        },
        { messageId: 'missingFileSize', line: 3, column: 18, suggestions: [] },
        {
          messageId: 'missingFileSize',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'addFileSizeLimit',
              output: `import { FilesInterceptor, AnyFilesInterceptor } from '@nestjs/platform-express';
export const a = FilesInterceptor('photos', 10);
export const b = FilesInterceptor('photos');
export const c = AnyFilesInterceptor({ fileFilter: onlyImages, limits: { fileSize: 10 * 1024 * 1024 } });`,
            },
          ],
        },
      ],
    },
    // Nest: explicit memory storage with a large limit; custom maximum; TSX file.
    {
      code: `import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
export const i = FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: 3 * 1024 * 1024 }, fileFilter: onlyPdf });
export const View = () => <div />;`,
      filename: 'upload.tsx',
      options: [withDefaults(rule, { maxMemoryFileSize: 1024 * 1024 })],
      errors: [{ messageId: 'largeMemoryUpload', data: { size: '3 MB' }, line: 3, column: 53 }],
    },
  ],
});
