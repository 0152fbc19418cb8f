import rule from '../../src/rules/require-graceful-shutdown.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const error = (line: number, column: number, signals = 'SIGTERM/SIGINT') => ({
  messageId: 'missingShutdown' as const,
  data: { signals },
  line,
  column,
  endColumn: column + 'listen'.length,
});

ruleTester.run('require-graceful-shutdown', rule, {
  valid: [
    // The example app's entry: listen, then close the server and the pool on SIGTERM.
    [
      "import express from 'express';",
      "import pool from './config/database.js';",
      'const app = express();',
      'const server = app.listen(config.port);',
      "process.on('SIGTERM', () => {",
      '  server.close(() => { void pool.end(); });',
      '});',
    ].join('\n'),
    // once, SIGINT, CommonJS.
    {
      code: "const express = require('express');\nconst app = express();\napp.listen(3000);\nprocess.once('SIGINT', () => process.exit(0));",
      filename: 'server.cjs',
    },
    // process declared as a global by the config (globals.node).
    {
      code: "import express from 'express';\nconst app = express();\napp.listen(3000);\nprocess.on('SIGTERM', () => app.close());",
      languageOptions: { globals: { process: 'readonly' } },
    },
    // process imported from node:process.
    "import process from 'node:process';\nimport http from 'node:http';\nhttp.createServer(handler).listen(8080);\nprocess.on('SIGTERM', shutdown);",
    // Signals from a list: the rule cannot read them and trusts the handler.
    "import express from 'express';\nconst server = express().listen(3000);\nfor (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close());",
    // NestJS shutdown hooks.
    [
      "import { NestFactory } from '@nestjs/core';",
      'async function bootstrap() {',
      '  const app = await NestFactory.create(AppModule);',
      '  app.enableShutdownHooks();',
      '  await app.listen(3000);',
      '}',
    ].join('\n'),
    // @godaddy/terminus and close-with-grace handle the signals themselves.
    "import http from 'http';\nimport { createTerminus } from '@godaddy/terminus';\nconst server = http.createServer(app);\ncreateTerminus(server, { onSignal });\nserver.listen(3000);",
    "import closeWithGrace from 'close-with-grace';\nimport Fastify from 'fastify';\nconst app = Fastify();\ncloseWithGrace(async () => app.close());\nawait app.listen({ port: 3000 });",
    // A local helper that registers the handlers in another file.
    "import express from 'express';\nimport { setupGracefulShutdown } from './lifecycle';\nconst server = express().listen(3000);\nsetupGracefulShutdown(server);",
    // A module named in the options.
    {
      code: "import express from 'express';\nimport '../bootstrap/lifecycle';\nexpress().listen(3000);",
      options: [{ signals: ['SIGTERM'], shutdownModules: ['bootstrap/lifecycle'] }],
    },
    // Test files and ephemeral ports start throwaway servers.
    { code: "import express from 'express';\nconst app = express();\napp.listen(3000);", filename: 'src/server.test.ts' },
    { code: "import express from 'express';\nconst app = express();\napp.listen(4000);", filename: 'tests/helpers/server.ts' },
    "import http from 'node:http';\nconst server = http.createServer(app).listen(0);",
    // listen on things that are not HTTP servers.
    "import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\nbus.listen('jobs');\nawait pgClient.query('LISTEN book_events');\nawait redis.subscribe('jobs');",
    "import net from 'node:net';\nconst metrics = net.createServer(socket => socket.end());\nmetrics.listen(9100);",
    // An app parameter or one from a package: the rule cannot see what it is.
    'export function start(app) {\n  app.listen(3000);\n}',
    "import { server } from 'some-mock-server';\nserver.listen(3000);",
    // An app from a local module with no port: not clearly a server start.
    "import app from './app';\napp.listen();",
  ],
  invalid: [
    {
      // ESM default import.
      code: "import express from 'express';\nconst app = express();\napp.listen(3000, () => console.log('up'));",
      errors: [error(3, 5)],
    },
    {
      // CommonJS, the server kept in a variable.
      code: "const express = require('express');\nconst app = express();\nconst server = app.listen(PORT);",
      filename: 'server.js',
      errors: [error(3, 20)],
    },
    {
      // node:http default import, chained.
      code: "import http from 'node:http';\nhttp.createServer(app).listen(port);",
      errors: [error(2, 24)],
    },
    {
      // Named import from http.
      code: "import { createServer } from 'http';\nconst server = createServer(app);\nserver.listen(8080);",
      errors: [error(3, 8)],
    },
    {
      // Namespace import of https, aliased http2.
      code: "import * as https from 'https';\nimport { createSecureServer as secure } from 'node:http2';\nhttps.createServer(tls, app).listen(443);\nsecure(tls).listen(8443);",
      errors: [error(3, 30), error(4, 13)],
    },
    {
      // Destructured require of http.
      code: "const { createServer } = require('node:http');\nconst server = createServer(handler);\nserver.listen(3000);",
      filename: 'server.cjs',
      errors: [error(3, 8)],
    },
    {
      // Fastify.
      code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\nawait app.listen({ port: 3000, host: '0.0.0.0' });",
      errors: [error(3, 11)],
    },
    {
      // NestJS bootstrap without enableShutdownHooks().
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(process.env.PORT ?? 3000);\n}\nbootstrap();",
      errors: [error(4, 13)],
    },
    {
      // Koa.
      code: "const Koa = require('koa');\nconst app = new Koa();\napp.listen(3000);",
      filename: 'index.js',
      errors: [error(3, 5)],
    },
    {
      // The app is built in ./app and started here with a port.
      code: "import app from './app';\napp.listen(process.env.PORT || 3000);",
      errors: [error(2, 5)],
    },
    {
      // The same through require().
      code: "const app = require('./app');\nconst { PORT } = require('./config');\napp.listen(PORT);",
      filename: 'bin/www.js',
      errors: [error(3, 5)],
    },
    {
      // Only SIGUSR2 (nodemon's restart signal) is handled.
      code: "import express from 'express';\nexpress().listen(3000);\nprocess.once('SIGUSR2', () => process.kill(process.pid, 'SIGUSR2'));",
      errors: [error(2, 11)],
    },
    {
      // The option narrows the signals: SIGINT (Ctrl-C) is not what the orchestrator sends.
      code: "import express from 'express';\nexpress().listen(3000);\nprocess.on('SIGINT', () => process.exit(0));",
      options: [{ signals: ['SIGTERM'], shutdownModules: [] }],
      errors: [error(2, 11, 'SIGTERM')],
    },
    {
      // A handler on something that is not the process, and a shadowed `process`.
      code: [
        "import express from 'express';",
        'const server = express().listen(3000);',
        "emitter.on('SIGTERM', () => server.close());",
        "function watch(process: NodeJS.EventEmitter) { process.on('SIGTERM', () => server.close()); }",
      ].join('\n'),
      errors: [error(2, 26)],
    },
    {
      // graceful-fs is not a shutdown helper.
      code: "import gracefulFs from 'graceful-fs';\nimport express from 'express';\nconst app = express();\napp.listen(3000);",
      errors: [error(4, 5)],
    },
    {
      // Every server of the file is reported.
      code: "import express from 'express';\nconst app = express();\nconst admin = express();\napp.listen(3000);\nadmin.listen(3001);",
      errors: [error(4, 5), error(5, 7)],
    },
  ],
});
