import rule from '../../src/rules/no-shell-injection.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-shell-injection', rule, {
  valid: [
    // Constant commands, directly or through a const.
    "import { exec } from 'child_process';\nexec('ls -la', () => {});",
    "import { execSync } from 'node:child_process';\nconst CMD = 'ls -la';\nexecSync(CMD);",
    "import { exec } from 'child_process';\nconst DIR = '/var/data';\nexec(`du -sh ${DIR}`);",
    // No shell: the argument array goes to the program as is.
    "import { execFile } from 'child_process';\nexport function log(branch: string) {\n  execFile('git', ['log', branch], () => {});\n}",
    "import { spawn } from 'child_process';\napp.get('/log', (req, res) => {\n  spawn('git', ['log', req.query.branch]);\n});",
    // The seed's fixed code: a validated id, a path, and execFile.
    [
      "import { execFile } from 'node:child_process';",
      "import path from 'path';",
      'export function extract(bookId: string) {',
      "  if (!isValidUUID(bookId)) throw new Error('Invalid book ID format');",
      '  const pdfPath = path.join(PROCESSING_DIR, `${bookId}.pdf`);',
      "  execFile('pdftotext', [pdfPath, '-'], () => {});",
      '}',
    ].join('\n'),
    // `exec` that is not child_process: RegExp#exec, a database, a local function, another module.
    "const pattern = /^(\\d+)-(\\w+)$/;\napp.get('/x', (req, res) => {\n  const match = pattern.exec(`${req.query.id}`);\n});",
    "import Database from 'better-sqlite3';\nconst db = new Database('app.db');\nexport function create(table: string) {\n  db.exec(`CREATE TABLE ${table} (id INTEGER)`);\n}",
    'function exec(command: string) {\n  return command;\n}\nexec(`echo ${name}`);',
    "import { exec } from './db/client';\nexec(`DELETE FROM jobs WHERE id = ${id}`);",
    "const cp = { exec: (value: string) => value };\ncp.exec(`echo ${input}`);",
    // Quoted with shell-quote, or numbers.
    "import { exec } from 'child_process';\nimport { quote } from 'shell-quote';\nexport const run = (file: string) => exec(`convert ${quote([file])} out.png`);",
    "import { execSync } from 'child_process';\nexport function stop(pid: string) {\n  execSync(`kill -9 ${Number(pid)}`);\n}",
    "import { exec } from 'child_process';\nexport function wait(seconds: number) {\n  exec(`sleep ${seconds}`);\n}",
    // Server-side paths are not input.
    "const { exec } = require('child_process');\nconst path = require('path');\nexec(`node ${path.join(__dirname, 'migrate.js')}`);",
    // An allow-list check before the call.
    [
      "import { exec } from 'child_process';",
      "const TOOLS = ['uptime', 'df -h'];",
      'export function run(tool: string) {',
      '  if (!TOOLS.includes(tool)) return;',
      '  exec(tool);',
      '}',
    ].join('\n'),
    // shell: true with constant command and arguments; shell not statically on.
    "import { spawn } from 'child_process';\nspawn('npm', ['run', 'build'], { shell: true });",
    "import { spawn } from 'child_process';\nexport const run = (cmd: string, args: string[]) => spawn(cmd, args, { shell: false });",
    // execa's `$` escapes every interpolation; execaCommand without a shell splits on spaces.
    "import { $ } from 'execa';\nexport const show = (file: string) => $`cat ${file}`;",
    "import { execaCommand } from 'execa';\nexport const run = (file: string) => execaCommand(`cat ${file}`);",
    // Loop counters are numbers.
    "import { execSync } from 'child_process';\nfor (let i = 0; i < 3; i++) execSync(`echo ${i}`);",
    // A shell with a constant script.
    "import { spawn } from 'child_process';\nspawn('sh', ['-c', 'ls | wc -l']);",
  ],
  invalid: [
    {
      // ESM named import, the seed's pdftotext command: suggestion adds execFile to the import.
      code: [
        "import { exec } from 'child_process';",
        'export function extract(input: string, output: string) {',
        '  exec(`pdftotext ${input} ${output}`, (error) => {});',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'shellCommand',
          line: 3,
          column: 8,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useExecFile',
              output: [
                "import { exec, execFile } from 'child_process';",
                'export function extract(input: string, output: string) {',
                "  execFile('pdftotext', [input, output], (error) => {});",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Aliased import and `+` concatenation: no rewrite offered for concatenation.
      code: "import { exec as run } from 'node:child_process';\nexport const list = (dir: string) => run('ls ' + dir);",
      errors: [{ messageId: 'shellCommand', line: 2, column: 42, endColumn: 53, suggestions: [] }],
    },
    {
      // Aliased import with a template: the suggestion imports execFile beside it.
      code: "import { exec as run } from 'node:child_process';\nexport const list = (dir: string) => run(`ls -l ${dir}`);",
      errors: [
        {
          messageId: 'shellCommand',
          line: 2,
          column: 42,
          suggestions: [
            {
              messageId: 'useExecFile',
              output: "import { exec as run, execFile } from 'node:child_process';\nexport const list = (dir: string) => execFile('ls', ['-l', dir]);",
            },
          ],
        },
      ],
    },
    {
      // Namespace import; words mixing constant text and values become template literals.
      code: "import * as cp from 'child_process';\nexport const convert = (file: string) => cp.execSync(`convert ${file}.png ${file}.jpg`);",
      errors: [
        {
          messageId: 'shellCommand',
          data: { name: 'execSync' },
          line: 2,
          column: 54,
          suggestions: [
            {
              messageId: 'useExecFile',
              output:
                "import * as cp from 'child_process';\nexport const convert = (file: string) => cp.execFileSync('convert', [`${file}.png`, `${file}.jpg`]);",
            },
          ],
        },
      ],
    },
    {
      // Default import and a variable that is not bound to a constant.
      code: "import childProcess from 'node:child_process';\nexport function run(command: string) {\n  return childProcess.exec(command);\n}",
      errors: [{ messageId: 'shellCommand', line: 3, column: 28, endColumn: 35, suggestions: [] }],
    },
    {
      // CommonJS require; the callback stays.
      code: "const cp = require('child_process');\nfunction log(branch, cb) {\n  cp.exec(`git log ${branch}`, cb);\n}",
      filename: 'git.js',
      errors: [
        {
          messageId: 'shellCommand',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'useExecFile',
              output: "const cp = require('child_process');\nfunction log(branch, cb) {\n  cp.execFile('git', ['log', branch], cb);\n}",
            },
          ],
        },
      ],
    },
    {
      // Destructured require in a .cjs file; the options argument stays.
      code: "const { exec } = require('child_process');\nfunction size(dir, cb) {\n  exec(`du -sh ${dir}`, { timeout: 5000 }, cb);\n}",
      filename: 'size.cjs',
      errors: [
        {
          messageId: 'shellCommand',
          line: 3,
          column: 8,
          suggestions: [
            {
              messageId: 'useExecFile',
              output:
                "const { exec, execFile } = require('child_process');\nfunction size(dir, cb) {\n  execFile('du', ['-sh', dir], { timeout: 5000 }, cb);\n}",
            },
          ],
        },
      ],
    },
    {
      // A `let` that is re-assigned from input is not a constant.
      code: [
        "import { execSync } from 'child_process';",
        "app.post('/run', (req, res) => {",
        "  let command = 'uptime';",
        '  if (req.body.verbose) command = req.body.command;',
        '  res.send(execSync(command));',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'shellCommand', line: 5, column: 21, endColumn: 28, suggestions: [] }],
    },
    {
      // Request input straight into the command line.
      code: "import { exec } from 'child_process';\napp.get('/ping', (req, res) => {\n  exec(`ping -c 1 ${req.query.host}`, (error, stdout) => res.send(stdout));\n});",
      errors: [
        {
          messageId: 'shellCommand',
          line: 3,
          column: 8,
          suggestions: [
            {
              messageId: 'useExecFile',
              output:
                "import { exec, execFile } from 'child_process';\napp.get('/ping', (req, res) => {\n  execFile('ping', ['-c', '1', req.query.host], (error, stdout) => res.send(stdout));\n});",
            },
          ],
        },
      ],
    },
    {
      // Quotes in the constant part: splitting would change the meaning, so no rewrite.
      code: "import { exec } from 'child_process';\nexport const find = (pattern: string) => exec(`grep -r \"${pattern}\" ./docs`);",
      errors: [{ messageId: 'shellCommand', line: 2, column: 47, suggestions: [] }],
    },
    {
      // util.promisify(exec), the usual async form.
      code: [
        "import { promisify } from 'util';",
        "import { exec } from 'child_process';",
        'const execAsync = promisify(exec);',
        'export async function extract(input: string, output: string) {',
        '  await execAsync(`pdftotext ${input} ${output}`);',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'shellCommand', data: { name: 'promisify(exec)' }, line: 5, column: 19, suggestions: [] }],
    },
    {
      // node:util namespace and a member reference to exec.
      code: "const util = require('node:util');\nconst cp = require('child_process');\nconst run = util.promisify(cp.exec);\nasync function unzip(file) {\n  await run('unzip ' + file);\n}",
      filename: 'unzip.js',
      errors: [{ messageId: 'shellCommand', line: 5, column: 13 }],
    },
    {
      // spawn with shell: true joins the arguments into a command line.
      code: "import { spawn } from 'child_process';\nexport const convert = (input: string) => spawn('convert', [input, 'out.png'], { shell: true });",
      errors: [{ messageId: 'shellOption', data: { name: 'spawn' }, line: 2, column: 61, endColumn: 66 }],
    },
    {
      // A shell path counts as `shell: true`; here the command itself is built.
      code: "import { spawnSync } from 'child_process';\nconst options = { shell: '/bin/bash' };\nexport const unpack = (archive: string) => spawnSync(`tar -xf ${archive}`, options);",
      errors: [{ messageId: 'shellOption', line: 3, column: 54 }],
    },
    {
      // execFile with shell and an argument array that is not constant.
      code: "import { execFile } from 'child_process';\nexport const list = (args: string[]) => execFile('ls', args, { shell: true }, () => {});",
      errors: [{ messageId: 'shellOption', data: { name: 'execFile' }, line: 2, column: 56, endColumn: 60 }],
    },
    {
      // An explicit `sh -c` script.
      code: "import { spawn } from 'child_process';\nexport const transcode = (input: string) => spawn('sh', ['-c', `ffmpeg -i ${input} out.mp4`]);",
      errors: [{ messageId: 'explicitShell', data: { shell: 'sh -c' }, line: 2, column: 64 }],
    },
    {
      // execa with shell.
      code: "import { execa } from 'execa';\nexport const show = async (file: string) => execa(`cat ${file}`, { shell: true });",
      errors: [{ messageId: 'shellOption', data: { name: 'execa' }, line: 2, column: 51 }],
    },
  ],
});
