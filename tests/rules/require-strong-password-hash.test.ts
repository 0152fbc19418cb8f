import rule from '../../src/rules/require-strong-password-hash.js';
import { createRuleTester, withDefaults } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-strong-password-hash', rule, {
  valid: [
    // The seed's fix (004 §3): bcrypt with 12 rounds; compare is not a hash.
    `
import bcrypt from 'bcrypt';
export async function signup(password: string) {
  const passwordHash = await bcrypt.hash(password, 12);
  return bcrypt.compare(password, passwordHash);
}
`,
    // A salt from genSalt(12) is not a number of rounds; rounds from an imported setting are unknown.
    `
const bcrypt = require('bcryptjs');
const { SALT_ROUNDS } = require('./config');
async function run(pw) {
  const salt = await bcrypt.genSalt(12);
  await bcrypt.hash(pw, salt);
  await bcrypt.hash(pw, SALT_ROUNDS);
}
`,
    // Low rounds only in tests: not a constant.
    `
import { hash } from 'bcrypt';
const rounds = process.env.NODE_ENV === 'test' ? 4 : 12;
export const hashPassword = (password: string) => hash(password, rounds);
`,
    // hash() from other modules: argon2 (fine), object-hash, a local helper.
    `
import argon2 from 'argon2';
import objectHash from 'object-hash';
await argon2.hash(password);
objectHash({ password });
function hash(value: string, rounds: number) { return value.repeat(rounds); }
hash(password, 10);
`,
    // @node-rs/bcrypt defaults to cost 12.
    `
import { hash } from '@node-rs/bcrypt';
await hash(password);
`,
    // A fast hash of a file, an ETag or a random token is right.
    `
import { createHash } from 'node:crypto';
const etag = createHash('sha256').update(fileBuffer).digest('hex');
const tokenHash = createHash('sha256').update(passwordResetToken).digest('hex');
const apiKeyHash = createHash('sha256').update(apiKey).digest('hex');
const fingerprint = createHash('sha256').update(user.passwordHash).digest('base64url');
`,
    // SHA-1 of a password for the Have I Been Pwned range API (k-anonymity).
    `
import crypto from 'crypto';
export async function isPwned(password: string) {
  const digest = crypto.createHash('sha1').update(password).digest('hex').toUpperCase();
  const response = await fetch(\`https://api.pwnedpasswords.com/range/\${digest.slice(0, 5)}\`);
  return (await response.text()).includes(digest.slice(5));
}
`,
    // Pre-hashing before bcrypt (beats its 72-byte limit).
    `
import bcrypt from 'bcrypt';
import { createHash } from 'crypto';
const prehashed = createHash('sha256').update(password).digest('base64');
await bcrypt.hash(prehashed, 12);
await bcrypt.compare(createHash('sha256').update(password).digest('base64'), stored);
`,
    // PBKDF2 at the OWASP count; a key derivation from a high-entropy secret.
    `
import { pbkdf2Sync } from 'crypto';
pbkdf2Sync(password, salt, 600_000, 64, 'sha256');
pbkdf2Sync(password, salt, 210000, 64, 'sha512');
pbkdf2Sync(process.env.ENCRYPTION_KEY!, salt, 100_000, 32, 'sha256');
`,
    // scrypt with Node's defaults, or stronger.
    `
const crypto = require('node:crypto');
crypto.scryptSync(password, salt, 64);
crypto.scryptSync(password, salt, 64, { N: 131072, maxmem: 256 * 1024 * 1024 });
`,
    // Look-alike names: a hash method of another object, update() of a non-hash.
    `
const hasher = createHasher();
hasher.createHash('md5').update(password);
cache.update(password);
digest.update(password);
`,
    // Configurable minimum.
    {
      code: `
import bcrypt from 'bcrypt';
await bcrypt.hash(password, 10);
`,
      options: [withDefaults(rule, { minBcryptRounds: 10 })],
    },
    // A class field that is re-assigned is not a constant.
    `
import * as bcrypt from 'bcrypt';
class AuthService {
  private saltRounds = 10;
  configure(rounds: number) { this.saltRounds = rounds; }
  hash(password: string) { return bcrypt.hash(password, this.saltRounds); }
}
`,
  ],
  invalid: [
    // The demo app / the seed before its fix: 10 rounds.
    {
      code: `
import bcrypt from 'bcrypt';
const passwordHash = await bcrypt.hash(password, 10);
`,
      errors: [
        {
          messageId: 'weakBcryptRounds',
          data: { rounds: '10', min: '12', setting: '' },
          line: 3,
          column: 50,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'raiseRounds',
              data: { min: '12' },
              output: `
import bcrypt from 'bcrypt';
const passwordHash = await bcrypt.hash(password, 12);
`,
            },
          ],
        },
      ],
    },
    // Aliased named import from bcryptjs.
    {
      code: `
import { hashSync as hashIt } from 'bcryptjs';
hashIt(pw, 8);
`,
      errors: [
        {
          messageId: 'weakBcryptRounds',
          line: 3,
          column: 12,
          suggestions: [
            {
              messageId: 'raiseRounds',
              output: `
import { hashSync as hashIt } from 'bcryptjs';
hashIt(pw, 12);
`,
            },
          ],
        },
      ],
    },
    // Destructured require with a callback.
    {
      code: `
const { genSalt } = require('bcrypt');
genSalt(10, (err, salt) => {});
`,
      filename: 'auth.js',
      errors: [
        {
          messageId: 'weakBcryptRounds',
          line: 3,
          column: 9,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'raiseRounds',
              output: `
const { genSalt } = require('bcrypt');
genSalt(12, (err, salt) => {});
`,
            },
          ],
        },
      ],
    },
    // A constant: reported where it is used, no suggestion (the constant may have other users).
    {
      code: `
import bcrypt from 'bcrypt';
const SALT_ROUNDS = 10;
await bcrypt.hash(password, SALT_ROUNDS);
`,
      errors: [{ messageId: 'weakBcryptRounds', data: { rounds: '10', min: '12', setting: '' }, line: 4, column: 29, endColumn: 40, suggestions: [] }],
    },
    // An env setting with a weak fallback.
    {
      code: `
import bcrypt from 'bcrypt';
await bcrypt.hash(password, parseInt(process.env.SALT_ROUNDS || '10', 10));
`,
      errors: [
        {
          messageId: 'weakBcryptFallback',
          data: { rounds: '10', min: '12', setting: 'process.env.SALT_ROUNDS' },
          line: 3,
          column: 29,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'raiseRounds',
              output: `
import bcrypt from 'bcrypt';
await bcrypt.hash(password, parseInt(process.env.SALT_ROUNDS || '12', 10));
`,
            },
          ],
        },
      ],
    },
    // A config object whose fallback is weak.
    {
      code: `
import bcrypt from 'bcrypt';
const config = { bcryptRounds: Number(process.env.BCRYPT_ROUNDS) || 10 };
await bcrypt.hash(password, config.bcryptRounds);
`,
      errors: [
        {
          messageId: 'weakBcryptFallback',
          data: { rounds: '10', min: '12', setting: 'process.env.BCRYPT_ROUNDS' },
          line: 4,
          column: 29,
          suggestions: [],
        },
      ],
    },
    // genSalt() without rounds uses the default of 10.
    {
      code: `
import bcrypt from 'bcryptjs';
const salt = await bcrypt.genSalt();
`,
      errors: [
        {
          messageId: 'defaultBcryptRounds',
          data: { call: 'bcrypt.genSalt', rounds: '10', min: '12' },
          line: 3,
          column: 20,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'raiseRounds',
              output: `
import bcrypt from 'bcryptjs';
const salt = await bcrypt.genSalt(12);
`,
            },
          ],
        },
      ],
    },
    // Namespace import; genSaltSync with only a callback-less default.
    {
      code: `
import * as bcrypt from 'bcryptjs';
bcrypt.hashSync(password, bcrypt.genSaltSync());
`,
      errors: [
        {
          messageId: 'defaultBcryptRounds',
          line: 3,
          column: 27,
          suggestions: [
            {
              messageId: 'raiseRounds',
              output: `
import * as bcrypt from 'bcryptjs';
bcrypt.hashSync(password, bcrypt.genSaltSync(12));
`,
            },
          ],
        },
      ],
    },
    // A NestJS service field.
    {
      code: `
import * as bcrypt from 'bcrypt';
export class UsersService {
  private readonly saltRounds = 10;
  hash(password: string) {
    return bcrypt.hash(password, this.saltRounds);
  }
}
`,
      errors: [{ messageId: 'weakBcryptRounds', line: 6, column: 34, endColumn: 49, suggestions: [] }],
    },
    // sha256 of a password.
    {
      code: `
import { createHash } from 'node:crypto';
const stored = createHash('sha256').update(password).digest('hex');
`,
      errors: [{ messageId: 'fastHashForPassword', data: { algorithm: '`sha256`' }, line: 3, column: 16, endColumn: 36 }],
    },
    // md5 through a variable, the password a property.
    {
      code: `
import crypto from 'crypto';
const hash = crypto.createHash('md5');
hash.update(user.password);
const digest = hash.digest('hex');
`,
      errors: [{ messageId: 'fastHashForPassword', data: { algorithm: '`md5`' }, line: 3, column: 14, endColumn: 38 }],
    },
    // Salted sha1 of request input, CommonJS.
    {
      code: `
const crypto = require('crypto');
app.post('/signup', (req, res) => {
  const hashed = crypto.createHash('sha1').update(salt + req.body.password).digest('hex');
});
`,
      filename: 'routes.js',
      errors: [{ messageId: 'fastHashForPassword', line: 4, column: 18, endColumn: 43 }],
    },
    // The function's name says what its parameter is.
    {
      code: `
const { createHash } = require('node:crypto');
function hashPassword(plain) {
  return createHash('sha512').update(plain.normalize('NFKC')).digest('hex');
}
`,
      filename: 'auth.cjs',
      errors: [{ messageId: 'fastHashForPassword', data: { algorithm: '`sha512`' }, line: 4, column: 10 }],
    },
    // crypto-js and md5 packages.
    {
      code: `
import CryptoJS from 'crypto-js';
import md5 from 'md5';
import sha1 from 'crypto-js/sha1';
const a = CryptoJS.SHA256(password).toString();
const b = md5(newPassword);
const c = sha1(\`\${salt}:\${pwd}\`);
`,
      errors: [
        { messageId: 'fastHashForPassword', data: { algorithm: '`SHA256`' }, line: 5, column: 11, endColumn: 36 },
        { messageId: 'fastHashForPassword', data: { algorithm: '`md5`' }, line: 6, column: 11 },
        { messageId: 'fastHashForPassword', data: { algorithm: '`SHA1`' }, line: 7, column: 11 },
      ],
    },
    // Web Crypto digest (global crypto) of an encoded password.
    {
      code: `
export async function hashPassword(password: string) {
  const data = new TextEncoder().encode(password);
  return crypto.subtle.digest('SHA-256', data);
}
`,
      errors: [{ messageId: 'fastHashForPassword', data: { algorithm: '`SHA-256`' }, line: 4, column: 10, endColumn: 47 }],
    },
    // PBKDF2 with too few iterations for its digest.
    {
      code: `
import { pbkdf2Sync } from 'crypto';
const ITERATIONS = 10000;
const key = pbkdf2Sync(password, salt, ITERATIONS, 64, 'sha512');
`,
      errors: [
        {
          messageId: 'weakPbkdf2Iterations',
          data: { iterations: '10,000', digest: '-SHA512', min: '210,000' },
          line: 4,
          column: 40,
          endColumn: 50,
        },
      ],
    },
    // Promisified pbkdf2, SHA-256.
    {
      code: `
import crypto from 'node:crypto';
import { promisify } from 'node:util';
const pbkdf2 = promisify(crypto.pbkdf2);
export const derive = (password: string, salt: Buffer) => pbkdf2(password, salt, 100_000, 32, 'sha256');
`,
      errors: [
        {
          messageId: 'weakPbkdf2Iterations',
          data: { iterations: '100,000', digest: '-SHA256', min: '600,000' },
          line: 5,
          column: 82,
          endColumn: 89,
        },
      ],
    },
    // scrypt with a lowered cost.
    {
      code: `
import { scrypt } from 'crypto';
scrypt(password, salt, 64, { N: 1024, r: 8, p: 1 }, (err, key) => {});
`,
      errors: [{ messageId: 'weakScryptCost', data: { cost: '1,024', min: '16,384' }, line: 3, column: 28, endColumn: 51 }],
    },
    // Node's scrypt defaults are below a raised minimum (OWASP's 2^17).
    {
      code: `
import { scryptSync } from 'crypto';
scryptSync(password, salt, 64);
`,
      options: [withDefaults(rule, { minScryptCost: 131072 })],
      errors: [{ messageId: 'weakScryptCost', data: { cost: '16,384', min: '131,072' }, line: 3, column: 1, endColumn: 31 }],
    },
  ],
});
