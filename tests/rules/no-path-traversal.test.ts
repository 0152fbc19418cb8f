import rule from '../../src/rules/no-path-traversal.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-path-traversal', rule, {
  valid: [
    // Constant and server-side paths.
    "import fs from 'fs';\napp.get('/config', (req, res) => res.json(JSON.parse(fs.readFileSync('/etc/app/config.json', 'utf8'))));",
    "import fs from 'fs';\nimport path from 'path';\napp.get('/mail', (req, res) => {\n  res.send(fs.readFileSync(path.join(__dirname, 'templates', 'email.html'), 'utf8'));\n});",
    // The seed's fix: a UUID check that throws, then path.join.
    [
      "import fs from 'fs';",
      "import path from 'path';",
      "router.get('/books/:bookId/pdf', async (req, res) => {",
      '  const { bookId } = req.params;',
      "  if (!isValidUUID(bookId)) throw new Error('Invalid book ID format');",
      '  const pdfPath = path.join(PROCESSING_DIR, `${bookId}.pdf`);',
      '  res.send(await fs.promises.readFile(pdfPath));',
      '});',
    ].join('\n'),
    // basename keeps only the file name.
    "import fs from 'fs';\nimport path from 'path';\napp.get('/f/:name', (req, res) => {\n  fs.createReadStream(path.join(UPLOADS, path.basename(req.params.name))).pipe(res);\n});",
    // Resolve, then check that the result stays under the root.
    [
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      "app.get('/static', (req, res) => {",
      '  const full = path.resolve(ROOT, String(req.query.p));',
      '  if (!full.startsWith(ROOT + path.sep)) return res.status(400).end();',
      '  fs.createReadStream(full).pipe(res);',
      '});',
    ].join('\n'),
    // An allow-list check.
    [
      "import path from 'path';",
      "const DOCUMENTS = ['terms.pdf', 'privacy.pdf'];",
      "app.get('/docs/:name', (req, res) => {",
      '  if (!DOCUMENTS.includes(req.params.name)) return res.sendStatus(404);',
      '  res.sendFile(path.join(DOCS_DIR, req.params.name));',
      '});',
    ].join('\n'),
    // Express's own containment: `root`.
    "app.get('/assets/:name', (req, res) => {\n  res.sendFile(req.params.name, { root: PUBLIC_DIR });\n});",
    "app.get('/export/:name', (req, res) => {\n  res.download(req.params.name, 'export.csv', { root: EXPORT_DIR });\n});",
    // Same names from other modules or local functions.
    "import { readFile } from '@acme/storage';\napp.get('/blob/:key', async (req, res) => res.send(await readFile(req.params.key)));",
    "async function readFile(key: string) {\n  return key;\n}\napp.get('/blob/:key', async (req, res) => res.send(await readFile(req.params.key)));",
    "app.post('/share', (req, res) => {\n  mailer.sendFile(req.body.path);\n  res.end();\n});",
    // Multer's stored path and file name are chosen by the server.
    "import fs from 'fs';\nrouter.post('/upload', upload.single('file'), (req, res) => {\n  fs.unlinkSync(req.file.path);\n  res.end();\n});",
    [
      "import fs from 'fs';",
      "import path from 'path';",
      "router.post('/upload', upload.single('file'), async (req, res) => {",
      '  const file = req.file;',
      '  await fs.promises.rename(file.path, path.join(UPLOADS, file.filename));',
      '});',
    ].join('\n'),
    "import fs from 'fs';\nimport path from 'path';\nrouter.post('/avatar', upload.single('avatar'), (req, res) => {\n  const { filename, path: stored } = req.file;\n  fs.copyFileSync(stored, path.join(AVATARS, filename));\n});",
    // NestJS pipes validate.
    [
      "import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';",
      "import { readFile } from 'fs/promises';",
      "@Controller('reports')",
      'export class ReportsController {',
      "  @Get(':id')",
      "  get(@Param('id', ParseUUIDPipe) id: string) {",
      '    return readFile(`${REPORTS_DIR}/${id}.pdf`);',
      '  }',
      '}',
    ].join('\n'),
    // Not request input: a parameter of a plain function.
    "import fs from 'fs';\nimport path from 'path';\nexport function loadTemplate(name: string) {\n  return fs.readFileSync(path.join(TEMPLATES, name), 'utf8');\n}",
    // Type-only position and a non-path argument.
    "import fs from 'fs';\nconst reader: typeof fs.readFile = fs.readFile;\napp.post('/log', (req, res) => {\n  fs.writeFileSync(LOG_FILE, req.body.message);\n});",
    // Numbers are not paths.
    "import fs from 'fs';\nimport path from 'path';\napp.get('/page/:n', (req, res) => {\n  res.json(fs.readFileSync(path.join(PAGES, `${Number(req.params.n)}.json`)));\n});",
  ],
  invalid: [
    {
      // ESM default import, path.join with a route parameter.
      code: [
        "import fs from 'fs';",
        "import path from 'path';",
        "app.get('/files/:name', (req, res) => {",
        '  fs.readFile(path.join(UPLOAD_DIR, req.params.name), (err, data) => res.send(data));',
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestPath',
          data: { sink: 'readFile', source: '`req.params`' },
          line: 4,
          column: 15,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: [
                "import fs from 'fs';",
                "import path from 'path';",
                "app.get('/files/:name', (req, res) => {",
                '  fs.readFile(path.join(UPLOAD_DIR, path.basename(req.params.name)), (err, data) => res.send(data));',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // fs/promises named import, destructured query, a template path; path is imported by the fix.
      code: [
        "import { readFile } from 'fs/promises';",
        "app.get('/download', async (req, res) => {",
        '  const { file } = req.query;',
        '  res.send(await readFile(`${UPLOAD_DIR}/${file}`));',
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestPath',
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: [
                "import { readFile } from 'fs/promises';",
                "import path from 'node:path';",
                "app.get('/download', async (req, res) => {",
                '  const { file } = req.query;',
                '  res.send(await readFile(`${UPLOAD_DIR}/${path.basename(file)}`));',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Namespace import with node:, the whole path from the query: no local fix.
      code: "import * as fs from 'node:fs';\napp.get('/raw', (req, res) => {\n  fs.createReadStream(req.query.path).pipe(res);\n});",
      errors: [{ messageId: 'requestPath', data: { sink: 'createReadStream', source: '`req.query`' }, line: 3, column: 23, endColumn: 37, suggestions: [] }],
    },
    {
      // Aliased named import.
      code: "import { unlink as remove } from 'fs/promises';\nrouter.delete('/uploads/:id', async (req, res) => {\n  await remove(`./uploads/${req.params.id}`);\n  res.sendStatus(204);\n});",
      errors: [
        {
          messageId: 'requestPath',
          data: { sink: 'unlink', source: '`req.params`' },
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output:
                "import { unlink as remove } from 'fs/promises';\nimport path from 'node:path';\nrouter.delete('/uploads/:id', async (req, res) => {\n  await remove(`./uploads/${path.basename(req.params.id)}`);\n  res.sendStatus(204);\n});",
            },
          ],
        },
      ],
    },
    {
      // CommonJS require; the fix uses the file's own `path`.
      code: "const fs = require('fs');\nconst path = require('path');\napp.post('/notes', (req, res) => {\n  fs.writeFileSync(path.resolve(NOTES_DIR, req.body.name), req.body.content);\n});",
      filename: 'notes.js',
      errors: [
        {
          messageId: 'requestPath',
          data: { sink: 'writeFileSync', source: '`req.body`' },
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output:
                "const fs = require('fs');\nconst path = require('path');\napp.post('/notes', (req, res) => {\n  fs.writeFileSync(path.resolve(NOTES_DIR, path.basename(req.body.name)), req.body.content);\n});",
            },
          ],
        },
      ],
    },
    {
      // Destructured require with node: in a .cjs file.
      code: "const { readFileSync } = require('node:fs');\napp.get('/view', (req, res) => {\n  res.send(readFileSync(req.query.file, 'utf8'));\n});",
      filename: 'view.cjs',
      errors: [{ messageId: 'requestPath', data: { sink: 'readFileSync', source: '`req.query`' }, line: 3, column: 25, suggestions: [] }],
    },
    {
      // fs.promises through an import alias.
      code: [
        "import { promises as fsp } from 'fs';",
        "import path from 'path';",
        "router.delete('/workspaces/:id', async (req, res) => {",
        '  const { id } = req.params;',
        '  await fsp.rm(path.join(WORKSPACES, id), { recursive: true });',
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestPath',
          data: { sink: 'promises.rm', source: '`req.params`' },
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: [
                "import { promises as fsp } from 'fs';",
                "import path from 'path';",
                "router.delete('/workspaces/:id', async (req, res) => {",
                '  const { id } = req.params;',
                '  await fsp.rm(path.join(WORKSPACES, path.basename(id)), { recursive: true });',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // res.sendFile without root.
      code: "import path from 'path';\napp.get('/public/:file', (req, res) => {\n  res.sendFile(path.join(__dirname, 'public', req.params.file));\n});",
      errors: [
        {
          messageId: 'requestFile',
          data: { sink: 'sendFile', source: '`req.params`' },
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output:
                "import path from 'path';\napp.get('/public/:file', (req, res) => {\n  res.sendFile(path.join(__dirname, 'public', path.basename(req.params.file)));\n});",
            },
          ],
        },
      ],
    },
    {
      // res.download with the whole path from the query.
      code: "app.get('/export', (req, res) => {\n  res.download(String(req.query.file));\n});",
      errors: [{ messageId: 'requestFile', data: { sink: 'download', source: '`req.query`' }, line: 2, column: 16, suggestions: [] }],
    },
    {
      // rename: the second path is the client's.
      code: [
        "import fs from 'fs';",
        "import path from 'path';",
        "router.post('/rename', (req, res) => {",
        '  fs.renameSync(TMP_FILE, path.join(UPLOADS, req.body.filename));',
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestPath',
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: [
                "import fs from 'fs';",
                "import path from 'path';",
                "router.post('/rename', (req, res) => {",
                '  fs.renameSync(TMP_FILE, path.join(UPLOADS, path.basename(req.body.filename)));',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // NestJS @Param without a pipe, with a named `join` import: the fix imports path.
      code: [
        "import { Controller, Get, Param, Res } from '@nestjs/common';",
        "import { join } from 'path';",
        "@Controller('files')",
        'export class FilesController {',
        "  @Get(':name')",
        "  get(@Param('name') name: string, @Res() res) {",
        '    return res.sendFile(join(FILES_DIR, name));',
        '  }',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestFile',
          data: { sink: 'sendFile', source: '`@Param()`' },
          line: 7,
          column: 25,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: [
                "import { Controller, Get, Param, Res } from '@nestjs/common';",
                "import { join } from 'path';",
                "import path from 'node:path';",
                "@Controller('files')",
                'export class FilesController {',
                "  @Get(':name')",
                "  get(@Param('name') name: string, @Res() res) {",
                '    return res.sendFile(join(FILES_DIR, path.basename(name)));',
                '  }',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Next.js route handler.
      code: [
        "import { readFile } from 'node:fs/promises';",
        "import path from 'node:path';",
        'export async function GET(request: NextRequest) {',
        "  const name = request.nextUrl.searchParams.get('doc');",
        "  return new Response(await readFile(path.join(process.cwd(), 'content', name!)));",
        '}',
      ].join('\n'),
      filename: 'app/docs/route.ts',
      errors: [
        {
          messageId: 'requestPath',
          line: 5,
          column: 38,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: [
                "import { readFile } from 'node:fs/promises';",
                "import path from 'node:path';",
                'export async function GET(request: NextRequest) {',
                "  const name = request.nextUrl.searchParams.get('doc');",
                "  return new Response(await readFile(path.join(process.cwd(), 'content', path.basename(name!))));",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Multer's originalname is the client's.
      code: "import fs from 'fs';\nimport path from 'path';\nrouter.post('/upload', upload.single('file'), (req, res) => {\n  fs.writeFileSync(path.join(UPLOADS, req.file.originalname), req.file.buffer);\n});",
      errors: [
        {
          messageId: 'requestPath',
          data: { sink: 'writeFileSync', source: '`req.file`' },
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output:
                "import fs from 'fs';\nimport path from 'path';\nrouter.post('/upload', upload.single('file'), (req, res) => {\n  fs.writeFileSync(path.join(UPLOADS, path.basename(req.file.originalname)), req.file.buffer);\n});",
            },
          ],
        },
      ],
    },
    {
      // The seed's code before the fix: the id reaches the path through a const; the fix edits it.
      code: [
        "import fs from 'fs';",
        "import path from 'path';",
        "router.delete('/books/:bookId', async (req, res) => {",
        '  const { bookId } = req.params;',
        '  const pdfPath = path.join(PROCESSING_DIR, `${bookId}.pdf`);',
        '  await fs.promises.unlink(pdfPath);',
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'requestPath',
          data: { sink: 'promises.unlink', source: '`req.params`' },
          line: 6,
          column: 28,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: [
                "import fs from 'fs';",
                "import path from 'path';",
                "router.delete('/books/:bookId', async (req, res) => {",
                '  const { bookId } = req.params;',
                '  const pdfPath = path.join(PROCESSING_DIR, `${path.basename(bookId)}.pdf`);',
                '  await fs.promises.unlink(pdfPath);',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // fs-extra and a TSX file (a Next.js pages API route written in TSX).
      code: "import fse from 'fs-extra';\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  res.json(await fse.readJson(`data/${req.query.name}`));\n}",
      filename: 'pages/api/data.tsx',
      errors: [
        {
          messageId: 'requestPath',
          data: { sink: 'readJson', source: '`req.query`' },
          line: 3,
          column: 31,
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output:
                "import fse from 'fs-extra';\nimport path from 'node:path';\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  res.json(await fse.readJson(`data/${path.basename(req.query.name)}`));\n}",
            },
          ],
        },
      ],
    },
  ],
});
