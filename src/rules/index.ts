import type { TSESLint } from '@typescript-eslint/utils';

import type { HardeningDocs } from '../util/create-rule.js';
import noDisabledTlsVerification from './no-disabled-tls-verification.js';
import noHardcodedSecret from './no-hardcoded-secret.js';
import noLeakedErrorDetails from './no-leaked-error-details.js';
import noPathTraversal from './no-path-traversal.js';
import noPermissiveCors from './no-permissive-cors.js';
import noSecretFallback from './no-secret-fallback.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noShellInjection from './no-shell-injection.js';
import noSqlInjection from './no-sql-injection.js';
import noUnsanitizedHtml from './no-unsanitized-html.js';
import requireStrongPasswordHash from './require-strong-password-hash.js';
import secureSessionCookie from './secure-session-cookie.js';

/** Every rule of the plugin, by id (the file name under src/rules/). */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HardeningDocs>> = {
  'no-disabled-tls-verification': noDisabledTlsVerification,
  'no-hardcoded-secret': noHardcodedSecret,
  'no-leaked-error-details': noLeakedErrorDetails,
  'no-path-traversal': noPathTraversal,
  'no-permissive-cors': noPermissiveCors,
  'no-secret-fallback': noSecretFallback,
  'no-sensitive-logging': noSensitiveLogging,
  'no-shell-injection': noShellInjection,
  'no-sql-injection': noSqlInjection,
  'no-unsanitized-html': noUnsanitizedHtml,
  'require-strong-password-hash': requireStrongPasswordHash,
  'secure-session-cookie': secureSessionCookie,
};
