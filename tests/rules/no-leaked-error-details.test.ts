import rule from '../../src/rules/no-leaked-error-details.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-leaked-error-details', rule, {
  valid: [
    // The seed's own fix: logged server-side, details only outside production.
    `
app.use((err: any, req: express.Request, res: express.Response, next: express.NextFunction) => {
  console.error('Error:', err);
  const message = process.env.NODE_ENV === 'production'
    ? 'An unexpected error occurred'
    : err.message || 'Internal server error';
  res.status(err.status || 500).json({ error: message });
});
`,
    // A generic message, with the error logged.
    `
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    logger.error({ err }, 'work failed');
    res.status(500).json({ error: 'Internal server error' });
  }
});
`,
    // The message only goes to the log.
    `
app.get('/x', async (req, res) => {
  try { await work(); } catch (error) {
    console.error(error.message, error.stack);
    res.status(500).send('Something went wrong');
  }
});
`,
    // Harmless fields of the error: status, code, name.
    `
app.use((err, req, res, next) => {
  res.status(err.status ?? 500).json({ code: err.code, type: err.name });
});
`,
    // Details only in development, written three ways.
    `
app.get('/x', async (req, res) => {
  try { await work(); } catch (err) {
    if (process.env.NODE_ENV !== 'production') {
      return res.status(500).json({ error: err.message, stack: err.stack });
    }
    res.status(500).json({ error: 'Internal server error' });
  }
});
`,
    `
app.get('/x', async (req, res) => {
  try { await work(); } catch (err) {
    res.status(500).json({
      error: 'Internal server error',
      ...(process.env.NODE_ENV === 'development' && { stack: err.stack }),
      ...(config.isDev ? { cause: err.cause } : {}),
      detail: isDev ? err.message : undefined,
    });
  }
});
`,
    `
app.get('/x', async (req, res) => {
  try { await work(); } catch (err) {
    let message = 'Internal server error';
    if (!isProduction) message = err.message;
    res.json({ message });
  }
});
`,
    `
app.get('/x', async (req, res) => {
  try { await work(); } catch (err) {
    if (app.get('env') === 'production') return res.sendStatus(500);
    res.status(500).send(err.stack);
  }
});
`,
    // Errors the application raises for the client: a ZodError's issues, http-errors' expose.
    `
app.post('/x', async (req, res) => {
  try { body = schema.parse(req.body); } catch (err) {
    if (err instanceof ZodError) {
      return res.status(400).json({ error: err.message, issues: err.issues });
    }
    throw err;
  }
});
`,
    `
app.use((err, req, res, next) => {
  console.error(err);
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'Internal server error' });
});
`,
    // A parameter typed with an application error class: its message is written for users.
    `
function sendAppError(res: Response, error: AppError) {
  res.status(error.status).json({ error: error.message });
}
`,
    // NestJS: the HttpException re-thrown as is, a generic exception otherwise.
    `
import { InternalServerErrorException } from '@nestjs/common';
async function find() {
  try { return await repo.find(); } catch (error) {
    if (error instanceof HttpException) throw error;
    this.logger.error(error);
    throw new InternalServerErrorException('Could not load the items');
  }
}
`,
    // Not a response: a local \`json\` helper, a non-response receiver, a shadowed Response.
    `
app.get('/x', async (req, res) => {
  try { await work(); } catch (err) {
    cache.send(err.message);
    queue.write(err.stack);
    const result = await fetch(url);
    socket.send(err.message);
  }
});
`,
    `
import { Response } from './my-response';
export async function GET() {
  try { await work(); } catch (err) {
    return Response.json({ error: err.message });
  }
}
`,
    // Not an error: a message that the code built itself.
    `
app.post('/x', (req, res) => {
  const message = 'Saved';
  res.json({ message, result: result.message });
});
`,
    // \`new Error(...)\` created by the app, with a constant message, is not a caught error.
    `
app.get('/x', (req, res) => {
  const error = new Error('Not found');
  res.status(404).json({ error: error.message });
});
`,
    // The error's message goes to an error tracker and the client gets a reference id.
    `
export async function GET() {
  try { return Response.json(await load()); } catch (e) {
    const id = Sentry.captureException(e);
    return Response.json({ error: 'Internal server error', id }, { status: 500 });
  }
}
`,
  ],
  invalid: [
    {
      // The seed's original handler: the message goes to the client.
      code: `
app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  console.error('Unhandled error:', err);
  res.status(500).json({ error: err.message || 'Internal server error' });
});
`,
      errors: [
        {
          messageId: 'leakedErrorDetails',
          line: 4,
          column: 33,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  console.error('Unhandled error:', err);
  res.status(500).json({ error: 'Internal server error' });
});
`,
            },
          ],
        },
      ],
    },
    {
      // Not logged: the message says so.
      code: `
router.get('/items', async (req, res) => {
  try {
    res.json(await db.items());
  } catch (error) {
    res.status(500).send(error.stack);
  }
});
`,
      errors: [
        {
          messageId: 'leakedErrorDetailsUnlogged',
          data: { detail: 'the stack trace' },
          line: 6,
          column: 26,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
router.get('/items', async (req, res) => {
  try {
    res.json(await db.items());
  } catch (error) {
    res.status(500).send('Internal server error');
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      // The raw error object through JSON: pg errors carry table, constraint and detail.
      code: `
app.get('/x', async (req, res) => {
  try { await pool.query(sql); } catch (e) {
    console.error(e);
    return res.status(500).json(e);
  }
});
`,
      errors: [
        {
          messageId: 'leakedErrorDetails',
          data: { detail: 'the raw error object' },
          line: 5,
          column: 33,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
app.get('/x', async (req, res) => {
  try { await pool.query(sql); } catch (e) {
    console.error(e);
    return res.status(500).json({ error: 'Internal server error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      // Shorthand property with the caught error.
      code: `
function handler(req: Request, res: Response) {
  try { work(); } catch (error) {
    res.json({ success: false, error });
  }
}
`,
      errors: [
        {
          messageId: 'leakedErrorDetailsUnlogged',
          line: 4,
          column: 32,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
function handler(req: Request, res: Response) {
  try { work(); } catch (error) {
    res.json({ success: false, error: 'Internal server error' });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // Followed through a local: `instanceof Error` does not make the message safe.
      code: `
router.post('/x', async (req, res) => {
  try { await work(); } catch (err) {
    const msg = err instanceof Error ? err.message : 'Unknown error';
    res.status(500).json({ error: msg });
  }
});
`,
      errors: [
        {
          messageId: 'leakedErrorDetailsUnlogged',
          data: { detail: 'the error message' },
          line: 5,
          column: 35,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
router.post('/x', async (req, res) => {
  try { await work(); } catch (err) {
    const msg = err instanceof Error ? err.message : 'Unknown error';
    res.status(500).json({ error: 'Internal server error' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      // Destructured from the error, and a template literal.
      code: `
app.get('/x', (req, res) => {
  promise.catch(({ message }) => res.status(500).send(\`Failed: \${message}\`));
});
`,
      errors: [
        {
          messageId: 'leakedErrorDetailsUnlogged',
          line: 3,
          column: 55,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
app.get('/x', (req, res) => {
  promise.catch(({ message }) => res.status(500).send('Internal server error'));
});
`,
            },
          ],
        },
      ],
    },
    {
      // An error turned into text shows its message.
      code: `
http.createServer((req, res) => {
  fs.readFile(file, (err, data) => {
    if (err) return res.end(String(err));
    res.end(data);
  });
});
`,
      errors: [{ messageId: 'leakedErrorDetailsUnlogged', data: { detail: 'the error message' }, line: 4, column: 29, endColumn: 40, suggestions: [{ messageId: 'useGenericMessage', output: `
http.createServer((req, res) => {
  fs.readFile(file, (err, data) => {
    if (err) return res.end('Internal server error');
    res.end(data);
  });
});
` }] }],
    },
    {
      // NestJS: the message of an unknown error becomes the exception's response body.
      code: `
import { InternalServerErrorException as ServerError, HttpException } from '@nestjs/common';
async function create(dto) {
  try { return await this.repo.save(dto); } catch (error) {
    this.logger.error(error);
    throw new ServerError(error.message);
  }
}
function other(err: unknown) {
  throw new HttpException({ message: (err as Error).message }, 500);
}
`,
      errors: [
        {
          messageId: 'leakedErrorDetails',
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
import { InternalServerErrorException as ServerError, HttpException } from '@nestjs/common';
async function create(dto) {
  try { return await this.repo.save(dto); } catch (error) {
    this.logger.error(error);
    throw new ServerError('Internal server error');
  }
}
function other(err: unknown) {
  throw new HttpException({ message: (err as Error).message }, 500);
}
`,
            },
          ],
        },
        {
          messageId: 'leakedErrorDetailsUnlogged',
          line: 10,
          column: 38,
          suggestions: [
            {
              messageId: 'useGenericMessage',
              output: `
import { InternalServerErrorException as ServerError, HttpException } from '@nestjs/common';
async function create(dto) {
  try { return await this.repo.save(dto); } catch (error) {
    this.logger.error(error);
    throw new ServerError(error.message);
  }
}
function other(err: unknown) {
  throw new HttpException({ message: 'Internal server error' }, 500);
}
`,
            },
          ],
        },
      ],
    },
    {
      // Next.js route handlers: NextResponse.json and new Response.
      code: `
import { NextResponse as Res } from 'next/server';
export async function POST(request: Request) {
  try {
    return Res.json(await save(await request.json()));
  } catch (error) {
    return Res.json({ error: (error as Error).message }, { status: 500 });
  }
}
export async function GET() {
  try { return Response.json(await load()); } catch (e) {
    return new Response(e.stack, { status: 500 });
  }
}
`,
      errors: [
        { messageId: 'leakedErrorDetailsUnlogged', line: 7, column: 30, endColumn: 54, suggestions: [{ messageId: 'useGenericMessage', output: `
import { NextResponse as Res } from 'next/server';
export async function POST(request: Request) {
  try {
    return Res.json(await save(await request.json()));
  } catch (error) {
    return Res.json({ error: 'Internal server error' }, { status: 500 });
  }
}
export async function GET() {
  try { return Response.json(await load()); } catch (e) {
    return new Response(e.stack, { status: 500 });
  }
}
` }] },
        { messageId: 'leakedErrorDetailsUnlogged', data: { detail: 'the stack trace' }, line: 12, column: 25, endColumn: 32, suggestions: [{ messageId: 'useGenericMessage', output: `
import { NextResponse as Res } from 'next/server';
export async function POST(request: Request) {
  try {
    return Res.json(await save(await request.json()));
  } catch (error) {
    return Res.json({ error: (error as Error).message }, { status: 500 });
  }
}
export async function GET() {
  try { return Response.json(await load()); } catch (e) {
    return new Response('Internal server error', { status: 500 });
  }
}
` }] },
      ],
    },
    {
      // A NestJS exception filter: the exception's message through `host.switchToHttp().getResponse()`.
      code: `
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const body = { statusCode: 500, message: exception instanceof Error ? exception.message : 'Internal error' };
    response.status(500).json({ ...body, path: exception['stack'] });
  }
}
`,
      errors: [
        { messageId: 'leakedErrorDetailsUnlogged', data: { detail: 'the stack trace' }, line: 7, column: 48, endColumn: 66, suggestions: [{ messageId: 'useGenericMessage', output: `
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const body = { statusCode: 500, message: exception instanceof Error ? exception.message : 'Internal error' };
    response.status(500).json({ ...body, path: 'Internal server error' });
  }
}
` }] },
      ],
    },
    {
      // The whole error spread into the body; a helper whose \`error\` parameter is untyped.
      code: `
function handleError(res, error) {
  res.status(500).json({ ok: false, ...error });
}
`,
      errors: [
        { messageId: 'leakedErrorDetailsUnlogged', data: { detail: 'the raw error object' }, line: 3, column: 37, endColumn: 45, suggestions: [{ messageId: 'useGenericMessage', output: `
function handleError(res, error) {
  res.status(500).json({ ok: false, error: 'Internal server error' });
}
` }] },
      ],
    },
    {
      // The production branch of the condition leaks (the test is the wrong way round).
      code: `
app.get('/x', async (req, res) => {
  try { await work(); } catch (err) {
    logger.error(err);
    res.status(500).json({ error: process.env.NODE_ENV === 'production' ? err.message : 'Internal error' });
  }
});
`,
      errors: [
        { messageId: 'leakedErrorDetails', line: 5, column: 75, endColumn: 86, suggestions: [{ messageId: 'useGenericMessage', output: `
app.get('/x', async (req, res) => {
  try { await work(); } catch (err) {
    logger.error(err);
    res.status(500).json({ error: process.env.NODE_ENV === 'production' ? 'Internal server error' : 'Internal error' });
  }
});
` }] },
      ],
    },
    {
      // CommonJS, a response typed by JSDoc-less name \`reply\` (Fastify), a SQL detail, and a custom message.
      code: `
const db = require('./db');
fastify.get('/x', async (request, reply) => {
  try { return await db.run(); } catch (err) {
    reply.code(500).send({ error: err.sqlMessage });
  }
});
`,
      filename: 'server.cjs',
      options: [{ genericMessage: "Couldn't load" }],
      errors: [
        { messageId: 'leakedErrorDetailsUnlogged', data: { detail: "the error's `sqlMessage`" }, line: 5, column: 35, suggestions: [{ messageId: 'useGenericMessage', output: `
const db = require('./db');
fastify.get('/x', async (request, reply) => {
  try { return await db.run(); } catch (err) {
    reply.code(500).send({ error: 'Couldn\\'t load' });
  }
});
` }] },
      ],
    },
    {
      // .then(ok, onError) and JSON.stringify of the error.
      code: `
module.exports = function handler(req, res) {
  load().then((data) => res.json(data), (e) => res.status(500).end(JSON.stringify(e)));
};
`,
      filename: 'handler.js',
      errors: [
        { messageId: 'leakedErrorDetailsUnlogged', line: 3, column: 68, endColumn: 85, suggestions: [{ messageId: 'useGenericMessage', output: `
module.exports = function handler(req, res) {
  load().then((data) => res.json(data), (e) => res.status(500).end('Internal server error'));
};
` }] },
      ],
    },
  ],
});
