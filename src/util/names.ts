/**
 * Name heuristics for secrets and personal data, in one place. Names are split into lower-case
 * words (`SESSION_SECRET` → session, secret; `apiKey` → api, key; `x-api-key` → x, api, key) and
 * matched word by word, so `tokenizer` or `keyboard` never count as `token` or `key`.
 * The lists are documented in docs/names.md; rules take extra words through their options.
 */

/** Words that make a name a secret on their own. */
export const SECRET_WORDS: readonly string[] = [
  'secret',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'token',
  'jwt',
  'salt',
  'pepper',
  'credential',
  'credentials',
  'apikey',
  'privatekey',
  'secretkey',
  'accesstoken',
  'refreshtoken',
  'authtoken',
  'bearer',
  'hmac',
];

/** `key` is a secret only after one of these words (`API_KEY`, `privateKey`); `CACHE_KEY` is not. */
export const SECRET_KEY_QUALIFIERS: readonly string[] = [
  'api',
  'secret',
  'private',
  'access',
  'signing',
  'sign',
  'encryption',
  'encrypt',
  'master',
  'auth',
  'client',
  'hmac',
  'webhook',
  'service',
  'license',
  'session',
  'jwt',
  'crypto',
  'cipher',
  'aes',
  'app',
];

/**
 * Words that turn a secret-looking name into configuration about the secret rather than the
 * secret itself: `JWT_EXPIRES_IN`, `TOKEN_TTL`, `SALT_ROUNDS`, `PRIVATE_KEY_PATH`, `max_tokens`,
 * `NEXT_PUBLIC_API_KEY` (public by design).
 */
export const NOT_SECRET_WORDS: readonly string[] = [
  'url',
  'uri',
  'host',
  'port',
  'path',
  'file',
  'dir',
  'name',
  'header',
  'ttl',
  'expiry',
  'expires',
  'expiration',
  'expire',
  'lifetime',
  'length',
  'len',
  'size',
  'max',
  'min',
  'limit',
  'count',
  'rounds',
  'enabled',
  'disabled',
  'type',
  'algorithm',
  'alg',
  'issuer',
  'audience',
  'id',
  'public',
  'publishable',
  'field',
  'param',
  'prefix',
  'suffix',
  'version',
  'policy',
  'strength',
  'regex',
  'pattern',
  'placeholder',
  'label',
  'hint',
  'required',
  'tokens',
];

/** Personal data and credentials that should not reach logs. */
export const PERSONAL_DATA_WORDS: readonly string[] = [
  'email',
  'mail',
  'phone',
  'mobile',
  'ssn',
  'dob',
  'birthdate',
  'birthday',
  'iban',
  'cardnumber',
  'cvv',
  'cvc',
  'pan',
  'passport',
  'authorization',
  'cookie',
  'cookies',
];

/** Splits an identifier, env var, header or property name into lower-case words. */
export function splitWords(name: string): string[] {
  // One pass over the characters (it runs for most names of every file): a word ends at a character
  // other than an ASCII letter or digit, before an upper-case letter that follows a lower-case letter
  // or a digit (`apiKey`), and before the last capital of a run followed by a lower-case letter (`HTMLParser`).
  const words: string[] = [];
  let start = -1;
  for (let index = 0; index <= name.length; index += 1) {
    const code = index < name.length ? name.charCodeAt(index) : 0;
    if (!isAsciiAlphanumeric(code)) {
      if (start !== -1) words.push(name.slice(start, index).toLowerCase());
      start = -1;
      continue;
    }
    if (start !== -1 && isUpper(code)) {
      const previous = name.charCodeAt(index - 1);
      if (isLower(previous) || isDigit(previous) || (isUpper(previous) && isLower(name.charCodeAt(index + 1)))) {
        words.push(name.slice(start, index).toLowerCase());
        start = index;
      }
    }
    if (start === -1) start = index;
  }
  return words;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiAlphanumeric(code: number): boolean {
  return isUpper(code) || isLower(code) || isDigit(code);
}

export interface NameListOptions {
  /** Extra words that mark a name as a secret / personal data. */
  extraWords?: readonly string[];
  /** Names (compared case-insensitively, whole) that never count. */
  ignoreNames?: readonly string[];
}

/**
 * Whether a name denotes a secret value: `SESSION_SECRET`, `jwtSecret`, `OPENAI_API_KEY`,
 * `dbPassword`, `x-api-key`. Not: `JWT_EXPIRES_IN`, `SALT_ROUNDS`, `CACHE_KEY`, `max_tokens`,
 * `PASSWORD_MIN_LENGTH`, `NEXT_PUBLIC_STRIPE_KEY`, `tokenizer`.
 */
export function isSecretName(name: string, options: NameListOptions = {}): boolean {
  if (options.ignoreNames?.some((ignored) => ignored.toLowerCase() === name.toLowerCase())) return false;
  const words = splitWords(name);
  if (words.length === 0) return false;
  if (words[0] === 'next' && words[1] === 'public') return false;
  if (words[0] === 'vite' || words[0] === 'expo' || words[0] === 'react') {
    // VITE_*, EXPO_PUBLIC_* and REACT_APP_* are shipped to the browser: public by construction.
    return false;
  }
  if (words.some((word) => NOT_SECRET_WORDS.includes(word))) return false;
  const extra = options.extraWords?.map((word) => word.toLowerCase()) ?? [];
  return words.some(
    (word, index) =>
      SECRET_WORDS.includes(word) ||
      extra.includes(word) ||
      (word === 'key' && index > 0 && SECRET_KEY_QUALIFIERS.includes(words[index - 1] ?? '')),
  );
}

/** Whether a name denotes personal data or a credential: `email`, `userEmail`, `phoneNumber`, `password`. */
export function isPersonalDataName(name: string, options: NameListOptions = {}): boolean {
  if (options.ignoreNames?.some((ignored) => ignored.toLowerCase() === name.toLowerCase())) return false;
  const words = splitWords(name);
  const extra = options.extraWords?.map((word) => word.toLowerCase()) ?? [];
  if (words.some((word) => ['id', 'count', 'length', 'verified', 'type', 'enabled', 'domain', 'template'].includes(word))) {
    // userEmailVerified, emailCount, phoneType, email_domain: facts about the data, not the data.
    return false;
  }
  return (
    words.some(
      (word, index) =>
        PERSONAL_DATA_WORDS.includes(word) ||
        extra.includes(word) ||
        // `homeAddress`, `creditCard`, `card_number`; not `server.address()` or a UI `card`.
        (word === 'address' && ADDRESS_QUALIFIERS.includes(words[index - 1] ?? '')) ||
        (word === 'card' && (CARD_QUALIFIERS.includes(words[index - 1] ?? '') || ['number', 'no'].includes(words[index + 1] ?? ''))),
    ) || isSecretName(name, options)
  );
}

const ADDRESS_QUALIFIERS = ['home', 'street', 'postal', 'billing', 'shipping', 'mailing', 'ip', 'residential'];
const CARD_QUALIFIERS = ['credit', 'debit', 'payment', 'bank'];
