import { isPersonalDataName, isSecretName, splitWords } from '../../src/util/names.js';

describe('splitWords', () => {
  it.each([
    ['SESSION_SECRET', ['session', 'secret']],
    ['jwtSecret', ['jwt', 'secret']],
    ['x-api-key', ['x', 'api', 'key']],
    ['OpenAIApiKey', ['open', 'ai', 'api', 'key']],
    ['HTTPServer2', ['http', 'server2']],
    ['getHTTPResponse2Code', ['get', 'http', 'response2', 'code']],
    ['ABcDEf', ['a', 'bc', 'd', 'ef']],
    ['__userId__', ['user', 'id']],
    ['clé_API', ['cl', 'api']],
    ['', []],
  ])('%s', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });
});

describe('isSecretName', () => {
  it.each([
    'SESSION_SECRET',
    'JWT_SECRET',
    'jwtSecret',
    'OPENAI_API_KEY',
    'apiKey',
    'APIKEY',
    'dbPassword',
    'DB_PASS_WORD'.replace('_WORD', 'WORD'),
    'x-api-key',
    'STRIPE_SECRET_KEY',
    'privateKey',
    'PRIVATE_KEY',
    'accessToken',
    'refresh_token',
    'COOKIE_SECRET',
    'ENCRYPTION_KEY',
    'HMAC_KEY',
    'PASSWORD_SALT',
    'secret',
  ])('%s is a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'JWT_EXPIRES_IN',
    'TOKEN_TTL',
    'SALT_ROUNDS',
    'PRIVATE_KEY_PATH',
    'max_tokens',
    'PASSWORD_MIN_LENGTH',
    'CACHE_KEY',
    'primaryKey',
    'NEXT_PUBLIC_STRIPE_KEY',
    'VITE_API_KEY',
    'STRIPE_PUBLISHABLE_KEY',
    'tokenizer',
    'keyboard',
    'ACCESS_KEY_ID',
    'PORT',
    'LOG_LEVEL',
    'DATABASE_URL',
    'tokenHeader',
    'key',
    'auth',
  ])('%s is not a secret', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('takes extra words and ignored names', () => {
    expect(isSecretName('STRIPE_WHSEC', { extraWords: ['whsec'] })).toBe(true);
    expect(isSecretName('DEMO_SECRET', { ignoreNames: ['demo_secret'] })).toBe(false);
  });
});

describe('isPersonalDataName', () => {
  it.each(['email', 'userEmail', 'phoneNumber', 'password', 'authorization', 'cardNumber', 'creditCard', 'homeAddress', 'ipAddress', 'ssn', 'cookie'])('%s is personal data', (name) => {
    expect(isPersonalDataName(name)).toBe(true);
  });

  it.each(['userId', 'emailCount', 'email_verified', 'phoneType', 'emailTemplate', 'name', 'status', 'address', 'card', 'giftCardTheme'])('%s is not', (name) => {
    expect(isPersonalDataName(name)).toBe(false);
  });
});
