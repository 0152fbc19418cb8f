import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { getDottedName } from '../../src/util/ast.js';
import {
  CALL,
  CONSTRUCT,
  InstanceSet,
  READ,
  isLocalModule,
  mayResolveImportBinding,
  namesModule,
  resolveImportBinding,
  trackImplicitGlobalReferences,
  trackModuleReferences,
} from '../../src/util/modules.js';
import { probe } from './probe.js';

const traceMap = {
  child_process: { exec: { [CALL]: true }, spawn: { [CALL]: true } },
  pg: { Pool: { [CONSTRUCT]: true } },
  helmet: { [CALL]: true },
};

function tracked(code: string, filename?: string): string[] {
  return probe(
    code,
    (context) => ({
      'Program:exit'() {
        for (const reference of trackModuleReferences(context.sourceCode, traceMap)) {
          context.report({ node: reference.node, messageId: 'found', data: { text: reference.path.join('.') } });
        }
      },
    }),
    filename,
  );
}

describe('trackModuleReferences', () => {
  it('follows named, aliased, namespace and default imports, with and without node:', () => {
    expect(
      tracked(
        [
          "import { exec, spawn as run } from 'node:child_process';",
          "import * as cp from 'child_process';",
          "import childProcess from 'child_process';",
          'exec(a); run(b); cp.exec(c); childProcess.spawn(d);',
        ].join('\n'),
      ),
    ).toEqual([
      '4:1 child_process.exec',
      '4:10 child_process.spawn',
      '4:18 child_process.exec',
      '4:30 child_process.spawn',
    ]);
  });

  it('follows require, destructured require, member require and aliases without node globals', () => {
    expect(
      tracked(
        [
          "const cp = require('child_process');",
          "const { exec: run } = require('node:child_process');",
          "const spawn = require('child_process').spawn;",
          'const alias = cp.exec;',
          'cp.exec(a); run(b); spawn(c); alias(d);',
        ].join('\n'),
        'file.cjs',
      ),
    ).toEqual(['5:1 child_process.exec', '5:13 child_process.exec', '5:21 child_process.spawn', '5:31 child_process.exec']);
  });

  it('tracks constructors and callable default exports', () => {
    expect(tracked("import { Pool } from 'pg';\nimport helmet from 'helmet';\nnew Pool();\napp.use(helmet());")).toEqual([
      '3:1 pg.Pool',
      '4:9 helmet',
    ]);
  });

  it('ignores same-named functions from other modules, locals and shadowed requires', () => {
    expect(
      tracked(
        [
          "import { exec } from './db';",
          "import { Pool } from 'generic-pool';",
          'function spawn() {}',
          'exec(a); spawn(b); new Pool(); /x/.exec(s);',
          "function f(require) { require('child_process').exec(c); }",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('resolveImportBinding', () => {
  function bindings(code: string): string[] {
    return probe(code, (context) => ({
      CallExpression(node) {
        const binding = resolveImportBinding(node.callee, context.sourceCode.getScope(node));
        context.report({
          node,
          messageId: 'found',
          data: { text: binding ? `${binding.source}#${binding.path.join('.')}` : 'local' },
        });
      },
    }));
  }

  it('names the module and export of a callee', () => {
    expect(
      bindings(
        [
          "import { join as j } from 'node:path';",
          "import jwt from 'jsonwebtoken';",
          "import * as fs from 'fs';",
          'j(); jwt.sign(); fs.promises.readFile(); local();',
        ].join('\n'),
      ),
    ).toEqual(['4:1 path#join', '4:6 jsonwebtoken#default.sign', '4:18 fs#*.promises.readFile', '4:42 local']);
  });

  it('does not trust a re-assigned alias', () => {
    expect(bindings("import { exec } from 'child_process';\nlet run = exec;\nrun = other;\nrun();")).toEqual(['4:1 local']);
  });
});

describe('mayResolveImportBinding', () => {
  // `yes` where the callee may name an import (a cheap test), then what resolveImportBinding finds:
  // the test may say yes and find nothing, never no where something is found.
  function gate(code: string, filename?: string): string[] {
    return probe(
      code,
      (context) => ({
        CallExpression(node) {
          const may = mayResolveImportBinding(node.callee, context.sourceCode);
          const binding = resolveImportBinding(node.callee, context.sourceCode.getScope(node));
          context.report({ node, messageId: 'found', data: { text: `${may ? 'yes' : 'no'} ${binding ? binding.source : '-'}` } });
        },
      }),
      filename,
    );
  }

  it('says no for parameters, globals and local functions, yes for imports, requires and aliases', () => {
    expect(
      gate(
        [
          "import { Pool as P } from 'pg';",
          "const { createClient } = require('redis');",
          'const make = P; let count = 0;',
          'function handler(res) { res.json(); Math.max(); helper(); new P(); make(); createClient(); require("ioredis")(); count.toFixed(); }',
          'function helper() {}',
        ].join('\n'),
      ),
    ).toEqual(['2:26 no -', '4:25 no -', '4:37 no -', '4:49 no -', '4:68 yes pg', '4:76 yes redis', '4:92 yes ioredis', '4:92 no -', '4:114 yes -']);
  });

  it('finds declarations inside functions and in CommonJS scripts', () => {
    expect(gate("function f() { const run = require('child_process').exec; run(); other(); }", 'file.cjs')).toEqual([
      '1:28 no -',
      '1:59 yes child_process',
      '1:66 no -',
    ]);
  });
});

describe('namesModule', () => {
  function names(code: string, modules: string[]): string[] {
    return probe(code, (context) => ({
      'Program:exit'(node) {
        context.report({ node, messageId: 'found', data: { text: modules.map((name) => `${name}=${String(namesModule(context.sourceCode, name))}`).join(' ') } });
      },
    }));
  }

  it('knows the imported, re-exported and required modules, built-ins with or without `node:`', () => {
    expect(
      names(["import fs from 'node:fs';", "export * from 'pino';", "const debug = require('debug')('app');", "import { x } from './winston';"].join('\n'), [
        'fs',
        'node:fs',
        'pino',
        'debug',
        'winston',
        'path',
      ]),
    ).toEqual(['1:1 fs=true node:fs=true pino=true debug=true winston=false path=false']);
  });

  it('does not count a shadowed require', () => {
    expect(names("function f(require) { require('debug'); }", ['debug'])).toEqual(['1:1 debug=false']);
  });
});

describe('InstanceSet', () => {
  it('knows variables and class members that hold a tracked instance', () => {
    const found = probe(
      [
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'class Repo { private db = new Pool(); constructor() { this.other = new Pool(); } run() { this.db.query(); this.other.query(); this.cache.query(); } }',
        'pool.query(); client.query();',
      ].join('\n'),
      (context) => {
        const creations = trackModuleReferences(context.sourceCode, traceMap)
          .filter((reference) => reference.type === CONSTRUCT)
          .map((reference) => reference.node);
        const instances = new InstanceSet(context.sourceCode, creations);
        return {
          'CallExpression[callee.property.name="query"]'(node: { callee: { type: string; object: never } }) {
            if (node.callee.type === AST_NODE_TYPES.MemberExpression) {
              context.report({
                node: node as never,
                messageId: 'found',
                data: { text: `${getDottedName(node.callee.object) ?? '?'}=${String(instances.has(node.callee.object))}` },
              });
            }
          },
        };
      },
    );
    expect(found).toEqual(['3:90 this.db=true', '3:107 this.other=true', '3:127 this.cache=false', '4:1 pool=true', '4:15 client=false']);
  });

  it('exposes READ for plain reads', () => {
    expect(typeof READ).toBe('symbol');
  });
});

describe('trackImplicitGlobalReferences', () => {
  it('follows undeclared globals unless the file shadows them', () => {
    const found = probe(
      [
        "process.on('SIGTERM', stop);",
        "fetch('https://example.com');",
        'function f(fetch) { fetch(x); }',
        'process.env.X;',
      ].join('\n'),
      (context) => ({
        'Program:exit'() {
          const references = trackImplicitGlobalReferences(context.sourceCode, {
            process: { on: { [CALL]: true } },
            fetch: { [CALL]: true },
          });
          for (const reference of references) {
            context.report({ node: reference.node, messageId: 'found', data: { text: reference.path.join('.') } });
          }
        },
      }),
    );
    expect(found).toEqual(['1:1 process.on', '2:1 fetch']);
  });

  it('finds a global spelled with unicode escapes, and nothing for globals the text never names', () => {
    const globals = (code: string): string[] =>
      probe(code, (context) => ({
        'Program:exit'() {
          const references = trackImplicitGlobalReferences(context.sourceCode, {
            fetch: { [CALL]: true },
            setTimeout: { [CALL]: true },
            globalThis: { fetch: { [CALL]: true } },
          });
          for (const reference of references) {
            context.report({ node: reference.node, messageId: 'found', data: { text: reference.path.join('.') } });
          }
        },
      }));
    expect(globals("\\u0066etch('/a'); globalThis.f\\u0065tch('/b'); setTimeout(run, 10);")).toEqual(['1:1 fetch', '1:19 globalThis.fetch', '1:48 setTimeout']);
    expect(globals("request('/a'); queue.push(run);")).toEqual([]);
  });
});

describe('isLocalModule', () => {
  it('tells the project’s own modules from packages', () => {
    expect(['./app', '../config/db', '/srv/app', '@/lib/app', '~/server', '#app'].map(isLocalModule)).toEqual([true, true, true, true, true, true]);
    expect(['express', '@nestjs/core', 'node:http', 'app', '.app', '@scope/pkg'].map(isLocalModule)).toEqual([false, false, false, false, false, false]);
  });
});
