import { fileMayReadRequestInput, RequestInputTracker } from '../../src/util/request-input.js';
import { probe } from './probe.js';

/** Reports, for every `sink(x)` call, the request input `x` derives from, or `clean`. */
function sinks(code: string, options = {}, filename?: string): string[] {
  return probe(
    code,
    (context) => {
      const tracker = new RequestInputTracker(context.sourceCode, options);
      return {
        'CallExpression[callee.name="sink"]'(node: { arguments: never[] }) {
          const source = tracker.getSource(node.arguments[0] as never);
          context.report({ node: node as never, messageId: 'found', data: { text: source ? source.label : 'clean' } });
        },
      };
    },
    filename,
  );
}

const handler = (body: string): string => `app.get('/x/:id', async (req, res) => {\n${body}\n});`;

describe('RequestInputTracker sources', () => {
  it('sees Express request properties through locals, destructuring and re-assignment', () => {
    expect(
      sinks(
        handler(
          [
            'sink(req.params.id);',
            'const { name } = req.query;',
            'sink(name);',
            'let file = "a";',
            'file = req.body.file;',
            'sink(file);',
            "sink(req.get('x-forwarded-host'));",
            'sink(`${req.headers.host}/x`);',
            'for (const item of req.body.items) sink(item);',
            'const { limit = 20, page: [first = 1] = [] } = req.query;',
            'sink(limit); sink(first);',
          ].join('\n'),
        ),
      ),
    ).toEqual(['2:1 req.params', '4:1 req.query', '7:1 req.body', '8:1 req.get()', '9:1 req.headers', '10:36 req.body', '12:1 req.query', '12:14 req.query']);
  });

  it('finds request objects by type, name, and handler position', () => {
    expect(
      sinks(
        [
          "import type { Request } from 'express';",
          'export function a(input: Request) { sink(input.body); }',
          'function b(request) { sink(request.query.q); }',
          'router.post("/c", (ctx, res) => { sink(ctx.body); });',
          'app.use((err, rq, res, next) => { sink(rq.url); });',
          'function d(req: Options) { sink(req.body); }',
          'function e(opts, req) { sink(opts.body); }',
        ].join('\n'),
      ),
    ).toEqual(['2:37 input.body', '3:23 request.query', '4:35 ctx.body', '5:35 rq.url', '6:28 clean', '7:25 clean']);
  });

  it('sees Next.js route handlers and NestJS parameter decorators', () => {
    expect(
      sinks(
        [
          'export async function POST(request: Request, { params }: { params: { slug: string } }) {',
          '  const body = await request.json();',
          '  sink(body.title);',
          '  sink(params.slug);',
          "  sink(request.nextUrl.searchParams.get('q'));",
          '}',
          'class C {',
          "  find(@Query('file') file: string, @Body() dto: CreateDto, @Param('id', ParseIntPipe) id: number, @Body() raw: Record<string, string>) {",
          '    sink(file); sink(dto.name); sink(id); sink(raw.name);',
          '  }',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['3:3 request.json()', '4:3 route params', '5:3 request.nextUrl', '9:5 @Query()', '9:17 clean', '9:33 clean', '9:43 @Body()']);
  });

  it('ends the flow at unknown calls and keeps it through value-preserving ones', () => {
    expect(
      sinks(
        handler(
          [
            "import path from 'node:path';",
            'const user = await getUser(req.params.id);',
            'sink(user.name);',
            'sink(path.join(ROOT, req.params.id));',
            'sink(String(req.query.q).trim().toLowerCase());',
            'sink(decodeURIComponent(req.params.id));',
            'sink(lookup[req.query.key]);',
            'sink(req.query.q ? "a" : "b");',
          ].join('\n'),
        ),
      ),
    ).toEqual(['4:1 clean', '5:1 req.params', '6:1 req.query', '7:1 req.params', '8:1 clean', '9:1 clean']);
  });
});

describe('RequestInputTracker validation', () => {
  it('treats sanitizers and schema parsing as the end of the flow', () => {
    expect(
      sinks(
        handler(
          [
            'sink(path.basename(req.params.file));',
            'sink(Number(req.query.limit));',
            'sink(schema.parse(req.body).name);',
            'const result = schema.safeParse(req.body);',
            'sink(result.data);',
            'sink(DOMPurify.sanitize(req.body.html));',
            'sink(JSON.parse(req.body.raw));',
            'sink(cleanPath(req.params.file));',
          ].join('\n'),
        ),
        { sanitizers: ['cleanPath'] },
      ),
    ).toEqual(['2:1 clean', '3:1 clean', '4:1 clean', '6:1 clean', '7:1 clean', '8:1 req.body', '9:1 clean']);
  });

  it('accepts guards that leave the function before the use', () => {
    expect(
      sinks(
        handler(
          [
            'const { id } = req.params;',
            'sink(id);',
            'if (!isValidUUID(id)) return res.status(400).end();',
            'sink(id);',
            'const full = path.resolve(ROOT, req.query.file);',
            "if (!full.startsWith(ROOT + path.sep)) { throw new Error('outside'); }",
            'sink(full);',
            'const kind = req.query.kind;',
            'if (!ALLOWED.includes(kind)) return;',
            'sink(kind);',
            'const other = req.query.other;',
            'if (!looksFine(other)) { log(other); }',
            'sink(other);',
            'if (mySchemaCheck(req.body)) { sink(req.body.x); }',
          ].join('\n'),
        ),
        { validators: ['mySchemaCheck'] },
      ),
    ).toEqual(['3:1 req.params', '5:1 clean', '8:1 clean', '11:1 clean', '14:1 req.query', '15:32 clean']);
  });

  it('accepts express-validator results checked before the use', () => {
    expect(
      sinks(
        handler(['const errors = validationResult(req);', 'if (!errors.isEmpty()) return res.status(400).json(errors.array());', 'sink(req.body.email);'].join('\n')),
      ),
    ).toEqual(['4:1 clean']);
  });

  it('says whether a node is a request object', () => {
    const found = probe(handler('use(req); use(res); use(other);'), (context) => {
      const tracker = new RequestInputTracker(context.sourceCode);
      return {
        'CallExpression[callee.name="use"]'(node: { arguments: never[] }) {
          context.report({ node: node as never, messageId: 'found', data: { text: String(tracker.isRequestObject(node.arguments[0] as never)) } });
        },
      };
    });
    expect(found).toEqual(['2:1 true', '2:11 false', '2:21 false']);
  });
});

describe('fileMayReadRequestInput', () => {
  // The file's answer, then what the tracker finds at each `sink(x)`: the answer may be yes where
  // nothing is found, never no where something is.
  function answer(code: string): string[] {
    return probe(code, (context) => {
      const tracker = new RequestInputTracker(context.sourceCode);
      return {
        'Program:exit'(node) {
          context.report({ node, messageId: 'found', data: { text: `file ${String(fileMayReadRequestInput(context.sourceCode))}` } });
        },
        'CallExpression[callee.name="sink"]'(node: { arguments: never[] }) {
          context.report({ node: node as never, messageId: 'found', data: { text: tracker.getSource(node.arguments[0] as never)?.label ?? 'clean' } });
        },
      };
    });
  }

  it('says yes for every kind of function a request enters through', () => {
    expect(answer(handler('sink(req.query.limit);'))).toEqual(['1:1 file true', '2:1 req.query']);
    expect(answer("import type { Request } from 'express';\nexport function list(input: Request) { sink(input.body); }")).toEqual(['1:1 file true', '2:40 input.body']);
    expect(answer('router.post("/c", (ctx, res) => { sink(ctx.body); });')).toEqual(['1:1 file true', '1:35 ctx.body']);
    expect(answer('class C { list(@Query() query: Record<string, string>) { sink(query); } }')).toEqual(['1:1 file true', '1:58 @Query()']);
    expect(answer('export async function GET(request: Request, { params }) { sink(params.id); }')).toEqual(['1:1 file true', '1:59 route params']);
  });

  it('sees input that a handler stores in a module-level variable for another function', () => {
    expect(answer(['let limit;', 'app.use((req, res, next) => { limit = req.query.limit; next(); });', 'function list() { sink(limit); }'].join('\n'))).toEqual([
      '1:1 file true',
      '3:19 req.query',
    ]);
  });

  it('says no for a file whose functions receive no request', () => {
    expect(
      answer(
        [
          'export class OrderService {',
          '  constructor(private readonly db: Db) {}',
          '  list(limit: number, options: { body?: string }) { sink(limit); sink(options.body); }',
          '}',
          'export const total = (items: Item[]) => items.reduce((sum, item) => sum + item.price, 0);',
        ].join('\n'),
      ),
    ).toEqual(['1:1 file false', '3:53 clean', '3:66 clean']);
  });
});
