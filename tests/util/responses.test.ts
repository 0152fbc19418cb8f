import type { TSESTree } from '@typescript-eslint/utils';

import { getResponsePayload, isResponseObject, resolveCaughtError } from '../../src/util/responses.js';
import { probe } from './probe.js';

/** Reports every response write as `kind method [payloads] json|raw`. */
function payloads(code: string): string[] {
  return probe(code, (context) => {
    const report = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const payload = getResponsePayload(node, context.sourceCode);
      if (!payload) return;
      const sent = payload.payloads.map((part) => context.sourceCode.getText(part)).join(', ');
      context.report({ node, messageId: 'found', data: { text: `${payload.kind} ${payload.method} [${sent}] ${payload.json ? 'json' : 'raw'}` } });
    };
    return { CallExpression: report, NewExpression: report };
  });
}

describe('getResponsePayload', () => {
  it('sees Express / Fastify writes on response objects, also after chained calls', () => {
    expect(
      payloads(
        [
          "import type { FastifyReply } from 'fastify';",
          "app.get('/', (req, res) => { res.status(500).json({ error: err.message }); res.send(html); });",
          'function handler(request, reply: FastifyReply) { reply.code(404).type("text/plain").send(text); }',
          'app.use((err, req, _res, next) => { _res.end(err.stack); });',
          'server.on("request", (req, response) => { response.write(chunk); });',
        ].join('\n'),
      ),
    ).toEqual([
      '2:30 node json [{ error: err.message }] json',
      '2:76 node send [html] json',
      '3:50 node send [text] json',
      '4:37 node end [err.stack] raw',
      '5:43 node write [chunk] raw',
    ]);
  });

  it('sees Web / Next.js responses and NestJS HTTP exceptions', () => {
    expect(
      payloads(
        [
          "import { NextResponse } from 'next/server';",
          "import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';",
          'export async function GET() { return Response.json(data); }',
          'export function POST() { return new NextResponse(body); }',
          'NextResponse.json({ ok: true }); new Response(text);',
          "throw new BadRequestException(msg, { cause: err, description: err.message });",
          'throw new NotFoundException(msg, detail); throw new HttpException(msg, 500);',
        ].join('\n'),
      ),
    ).toEqual([
      '3:38 web Response.json [data] json',
      '4:33 web new NextResponse [body] raw',
      '5:1 web NextResponse.json [{ ok: true }] json',
      '5:34 web new Response [text] raw',
      '6:7 nest BadRequestException [msg, err.message] json',
      '7:7 nest NotFoundException [msg, detail] json',
      '7:49 nest HttpException [msg] json',
    ]);
  });

  it('goes by the modules a file imports or requires, however the specifier is written', () => {
    expect(
      payloads(
        [
          "import { NextResponse } from 'next\\u002fserver';",
          "const { ConflictException } = require('@nestjs/common');",
          'new NextResponse(body); throw new ConflictException(msg);',
        ].join('\n'),
      ),
    ).toEqual(['3:1 web new NextResponse [body] raw', '3:31 nest ConflictException [msg] json']);
    // Named only in a comment: `NextResponse` here is the file's own class.
    expect(payloads(['// see next/server', 'class NextResponse {}', 'new NextResponse(body);'].join('\n'))).toEqual([]);
  });

  it('ignores look-alikes on objects that are not responses', () => {
    expect(
      payloads(
        [
          "import { NotFoundException } from './errors';",
          'function f(result, socket, Response) {',
          '  result.json(data); socket.send(msg); stream.end(buf); res.json(x); new Response(y); Response.json(z);',
          '}',
          'app.get("/", (req, res) => { res.json(); res.render("page", data); res.status(200); });',
          'new NotFoundException(msg); new Error(msg); fetch(url).then((r) => r.json());',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('isResponseObject', () => {
  it('knows responses by name, type, Nest decorator and getResponse()', () => {
    expect(
      probe(
        [
          "import type express from 'express';",
          'class C {',
          '  get(@Res() out, other, resp: express.Response, res: string) { check(out); check(other); check(resp); check(res); }',
          '}',
          'function filter(host) { const r = host.switchToHttp().getResponse<Response>(); check(r); check(r.status(500)); check(r.json(x)); }',
        ].join('\n'),
        (context) => ({
          'CallExpression[callee.name="check"]'(node: TSESTree.CallExpression) {
            const [argument] = node.arguments;
            if (argument) context.report({ node, messageId: 'found', data: { text: String(isResponseObject(argument, context.sourceCode)) } });
          },
        }),
      ),
    ).toEqual(['3:65 true', '3:77 false', '3:91 true', '3:104 false', '5:80 true', '5:90 true', '5:112 false']);
  });

  it('follows a response type imported under another name', () => {
    expect(
      probe(
        "import type { Response as ExpressResponse, Request } from 'express';\nexport function h(req: Request, out: ExpressResponse, other: Request) { check(out); check(other); }",
        (context) => ({
          'CallExpression[callee.name="check"]'(node: TSESTree.CallExpression) {
            const [argument] = node.arguments;
            if (argument) context.report({ node, messageId: 'found', data: { text: String(isResponseObject(argument, context.sourceCode)) } });
          },
        }),
      ),
    ).toEqual(['2:73 true', '2:85 false']);
  });
});

/** Reports, for every `check(x)`, the caught error `x` is (or a property of) as `name.path`, or `-`. */
function caught(code: string): string[] {
  return probe(code, (context) => ({
    'CallExpression[callee.name="check"]'(node: TSESTree.CallExpression) {
      const [argument] = node.arguments;
      const error = argument ? resolveCaughtError(argument, context.sourceCode) : undefined;
      const text = error ? [error.variable.name, ...error.path].join('.') : '-';
      context.report({ node, messageId: 'found', data: { text } });
    },
  }));
}

describe('resolveCaughtError', () => {
  it('follows caught errors through properties, aliases, casts and destructuring', () => {
    expect(
      caught(
        [
          'try { run(); } catch (e) {',
          '  const { message, stack: trace } = e as Error;',
          '  const err = e instanceof Error ? e : new Error(String(e));',
          '  check(e); check((e as Error).message); check(message); check(trace); check(err.cause);',
          '}',
          'promise.catch((reason) => check(reason.code)).then(ok, (failure) => check(failure));',
          'app.use((problem, req, res, next) => check(problem.stack));',
          '@Catch() class F { catch(exception, host) { check(exception.response); } }',
          'function g(error: unknown, ex: Error, { message: text }: { message: string }) { check(error); check(ex.message); check(text); }',
        ].join('\n'),
      ),
    ).toEqual([
      '4:3 e',
      '4:13 e.message',
      '4:42 e.message',
      '4:58 e.stack',
      '4:72 e.cause',
      '6:27 reason.code',
      '6:69 failure',
      '7:38 problem.stack',
      '8:45 exception.response',
      '9:81 error',
      '9:95 ex.message',
      '9:114 -',
    ]);
  });

  it('does not count application errors, other parameters or reassigned aliases', () => {
    expect(
      caught(
        [
          'function h(err: AppError, result, req, res) { check(err.message); check(result); check(req.body); }',
          'try { run(); } catch (e) { let m = e.message; m = "x"; check(m); check(other.message); }',
          'promise.then((value) => check(value));',
        ].join('\n'),
      ),
    ).toEqual(['1:47 -', '1:67 -', '1:82 -', '2:56 -', '2:66 -', '3:25 -']);
  });
});
