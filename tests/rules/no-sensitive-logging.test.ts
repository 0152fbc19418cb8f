import rule from '../../src/rules/no-sensitive-logging.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-sensitive-logging', rule, {
  valid: [
    // The seed's fix: no email, or the user's id.
    `
console.log('✓ New user created');
console.log('✓ User logged in:', user.id);
`,
    // Facts about personal data, not the data: counts, flags, lengths, domains.
    `
console.log('Email sent', emailCount, email_verified, user.emailVerified);
logger.info({ passwordLength: password.length, hasToken: Boolean(token), phoneType });
`,
    // Redacted values, constants under sensitive keys, and names that say the value is masked.
    `
logger.info({ email: redact(user.email), password: '***', token: token ? 'present' : 'missing' });
console.log(mask(email), maskedEmail, passwordHash);
`,
    // \`.log\` methods on things that are not loggers.
    `
const ratio = Math.log(password);
chart.log(email);
blog.info(user.email);
`,
    // A local \`console\` that is not the global one.
    `
function run(console: Reporter, email: string) {
  console.log(email);
}
`,
    // Words that only contain a sensitive word, or configuration about secrets.
    `
console.log(\`Built context with \${tokenCount} tokens\`, tokenizer, maxTokens, JWT_EXPIRES_IN);
logger.debug({ key, cacheKey, userAgent, usersCount });
`,
    // Request parts that are not whole bodies/headers; headers of a response.
    `
app.post('/x', (req, res) => {
  logger.info({ method: req.method, url: req.url, ip: req.ip, contentType: req.get('content-type') });
  console.log(res.headers, upstream.body);
});
`,
    // A pino logger configured to redact the field.
    `
import pino from 'pino';
const logger = pino({ redact: ['password', 'user.email'] });
logger.info({ password, email: user.email }, 'login');
`,
    // Test code asserting on a logger, not logging.
    `
expect(logger.info).toHaveBeenCalledWith({ email: 'a@b.c' });
`,
    // The structured request log of the NestJS seed: ids and request facts only.
    `
this.logger.log({ type: 'request', method, url, ip, userId: user?.id, duration, status: 'success' });
`,
    // Type-only positions and non-logging calls.
    `
interface LoginLog { email: string; password: string }
sendEmail(user.email, password);
res.json({ email: user.email });
`,
    // Variables named like a user that hold something else.
    `
const user = req.user?.id;
const profile = 'default';
console.log('acting as', user, profile);
`,
    // Names the user chose to ignore.
    {
      code: `console.log('card', card);`,
      options: [{ ignoreNames: ['card'] }],
    },
  ],
  invalid: [
    {
      // The seed: the email of a Google login written to the console (passport callback).
      code: `
passport.use(new GoogleStrategy(opts, async (_accessToken, _refreshToken, profile, done) => {
  const email = profile.emails?.[0]?.value;
  console.log('✓ Existing user logged in:', email);
}));
`,
      errors: [{ messageId: 'sensitiveData', data: { name: 'email' }, line: 4, column: 45, endColumn: 50, suggestions: [] }],
    },
    {
      // A member of a user: the suggestion logs the id instead.
      code: `logger.info(\`User \${user.email} logged in\`);`,
      errors: [
        {
          messageId: 'sensitiveData',
          line: 1,
          column: 21,
          endColumn: 31,
          suggestions: [{ messageId: 'logIdInstead', output: `logger.info(\`User \${user.id} logged in\`);` }],
        },
      ],
    },
    {
      // An object property: the suggestion drops it.
      code: `this.logger.warn({ email: dto.email, userId: dto.id }, 'login failed');`,
      errors: [
        {
          messageId: 'sensitiveData',
          data: { name: 'email' },
          line: 1,
          column: 20,
          endColumn: 36,
          suggestions: [{ messageId: 'dropProperty', output: `this.logger.warn({ userId: dto.id }, 'login failed');` }],
        },
      ],
    },
    {
      // Whole request body and headers, also through a local.
      code: `
app.post('/signup', (req, res) => {
  console.log(req.body);
  const headers = req.headers;
  req.log.info({ headers }, 'incoming');
});
`,
      errors: [
        { messageId: 'wholeRequestPart', data: { name: 'req.body' }, line: 3, column: 15, endColumn: 23, suggestions: [] },
        {
          messageId: 'wholeRequestPart',
          data: { name: 'req.headers' },
          line: 5,
          column: 18,
          endColumn: 25,
          suggestions: [{ messageId: 'dropProperty', output: `
app.post('/signup', (req, res) => {
  console.log(req.body);
  const headers = req.headers;
  req.log.info({}, 'incoming');
});
` }],
        },
      ],
    },
    {
      // A whole user object, shorthand in an object and as a request property.
      code: `
router.get('/me', (req, res) => {
  logger.info({ user }, 'loaded');
  logger.debug({ actor: req.user, at: Date.now() });
});
`,
      errors: [
        {
          messageId: 'wholeUser',
          line: 3,
          column: 17,
          endColumn: 21,
          suggestions: [
            { messageId: 'logIdInstead', output: `
router.get('/me', (req, res) => {
  logger.info({ userId: user?.id }, 'loaded');
  logger.debug({ actor: req.user, at: Date.now() });
});
` },
            { messageId: 'dropProperty', output: `
router.get('/me', (req, res) => {
  logger.info({}, 'loaded');
  logger.debug({ actor: req.user, at: Date.now() });
});
` },
          ],
        },
        {
          messageId: 'wholeUser',
          data: { name: 'req.user' },
          line: 4,
          column: 25,
          endColumn: 33,
          suggestions: [
            { messageId: 'logIdInstead', output: `
router.get('/me', (req, res) => {
  logger.info({ user }, 'loaded');
  logger.debug({ actor: req.user?.id, at: Date.now() });
});
` },
            { messageId: 'dropProperty', output: `
router.get('/me', (req, res) => {
  logger.info({ user }, 'loaded');
  logger.debug({ at: Date.now() });
});
` },
          ],
        },
      ],
    },
    {
      // Credentials: the authorization header through req.get and a token in a concatenation.
      code: `
export function auth(req, res, next) {
  console.debug('auth header', req.get('Authorization'));
  console.info('refresh with ' + refreshToken);
  next();
}
`,
      filename: 'auth.js',
      errors: [
        { messageId: 'sensitiveData', line: 3, column: 32, endColumn: 56, suggestions: [] },
        { messageId: 'sensitiveData', data: { name: 'refreshToken' }, line: 4, column: 34, endColumn: 46, suggestions: [] },
      ],
    },
    {
      // pino, ESM default import, a logger kept in a variable not named like one.
      code: `
import pino from 'pino';
const out = pino();
out.info({ password: body.password });
`,
      errors: [
        {
          messageId: 'sensitiveData',
          data: { name: 'password' },
          line: 4,
          column: 12,
          endColumn: 35,
          suggestions: [{ messageId: 'dropProperty', output: `
import pino from 'pino';
const out = pino();
out.info({});
` }],
        },
      ],
    },
    {
      // winston via require, and its default logger through a namespace import.
      code: `
const winston = require('winston');
const audit = winston.createLogger({ level: 'info' });
audit.info('password reset for', user.phoneNumber);
`,
      filename: 'audit.cjs',
      errors: [
        {
          messageId: 'sensitiveData',
          data: { name: 'user.phoneNumber' },
          line: 4,
          column: 34,
          endColumn: 50,
          suggestions: [{ messageId: 'logIdInstead', output: `
const winston = require('winston');
const audit = winston.createLogger({ level: 'info' });
audit.info('password reset for', user.id);
` }],
        },
      ],
    },
    {
      // NestJS Logger under another name, bunyan through destructured require, debug instances.
      code: `
import { Logger as NestLogger } from '@nestjs/common';
import createDebug from 'debug';
const { createLogger } = require('bunyan');
const tracer = new NestLogger('Auth');
const b = createLogger({ name: 'x' });
const trace = createDebug('app:auth');
tracer.verbose(\`otp \${otpSecret}\`);
b.warn({ cookies: req.cookies });
trace('login %s', email);
`,
      errors: [
        { messageId: 'sensitiveData', data: { name: 'otpSecret' }, line: 8, column: 23, endColumn: 32, suggestions: [] },
        { messageId: 'sensitiveData', data: { name: 'cookies' }, line: 9, column: 10, endColumn: 30, suggestions: [{ messageId: 'dropProperty', output: `
import { Logger as NestLogger } from '@nestjs/common';
import createDebug from 'debug';
const { createLogger } = require('bunyan');
const tracer = new NestLogger('Auth');
const b = createLogger({ name: 'x' });
const trace = createDebug('app:auth');
tracer.verbose(\`otp \${otpSecret}\`);
b.warn({});
trace('login %s', email);
` }] },
        { messageId: 'sensitiveData', data: { name: 'email' }, line: 10, column: 19, endColumn: 24, suggestions: [] },
      ],
    },
    {
      // A child logger, a plural of personal data, JSON.stringify of a user.
      code: `
logger.child({ requestId }).error('lookup failed', profile.emails);
console.log(JSON.stringify(currentUser));
`,
      errors: [
        { messageId: 'sensitiveData', data: { name: 'profile.emails' }, line: 2, column: 52, endColumn: 66, suggestions: [{ messageId: 'logIdInstead', output: `
logger.child({ requestId }).error('lookup failed', profile.id);
console.log(JSON.stringify(currentUser));
` }] },
        { messageId: 'wholeUser', data: { name: 'currentUser' }, line: 3, column: 28, endColumn: 39, suggestions: [{ messageId: 'logIdInstead', output: `
logger.child({ requestId }).error('lookup failed', profile.emails);
console.log(JSON.stringify(currentUser?.id));
` }] },
      ],
    },
    {
      // Next.js: the authorization header of a Request, in TSX.
      code: `
export async function GET(request: Request) {
  console.log('headers', request.headers.get('authorization'));
  return <div />;
}
`,
      filename: 'route.tsx',
      errors: [{ messageId: 'sensitiveData', line: 3, column: 26, endColumn: 62, suggestions: [] }],
    },
    {
      // Extra words from options; a pino logger whose redact paths do not cover the field.
      code: `
import { pino as createPino } from 'pino';
const logger = createPino({ redact: { paths: ['password'] } });
logger.info({ salary: employee.salary, password });
`,
      options: [{ extraWords: ['salary'] }],
      errors: [
        { messageId: 'sensitiveData', data: { name: 'salary' }, line: 4, column: 15, endColumn: 38, suggestions: [{ messageId: 'dropProperty', output: `
import { pino as createPino } from 'pino';
const logger = createPino({ redact: { paths: ['password'] } });
logger.info({ password });
` }] },
      ],
    },
    {
      // A secret in a template, through a local that copies it.
      code: `
const secret = process.env.JWT_SECRET;
const copy = secret;
console.warn(\`using \${copy}\`);
`,
      errors: [{ messageId: 'sensitiveData', data: { name: 'secret' }, line: 4, column: 23, endColumn: 27, suggestions: [] }],
    },
  ],
});
