import type { TSESLint } from '@typescript-eslint/utils';

import type { HardeningDocs } from '../util/create-rule.js';
import maxBodySize from './max-body-size.js';
import maxRoutesPerFile from './max-routes-per-file.js';
import noDisabledTlsVerification from './no-disabled-tls-verification.js';
import noFireAndForget from './no-fire-and-forget.js';
import noHardcodedSecret from './no-hardcoded-secret.js';
import noLeakedErrorDetails from './no-leaked-error-details.js';
import noPathTraversal from './no-path-traversal.js';
import noPermissiveCors from './no-permissive-cors.js';
import noPromptInjection from './no-prompt-injection.js';
import noSecretFallback from './no-secret-fallback.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noShellInjection from './no-shell-injection.js';
import noSqlInjection from './no-sql-injection.js';
import noUnsanitizedHtml from './no-unsanitized-html.js';
import requireAsyncHandler from './require-async-handler.js';
import requireGracefulShutdown from './require-graceful-shutdown.js';
import requireHelmet from './require-helmet.js';
import requireInputValidation from './require-input-validation.js';
import requireRateLimit from './require-rate-limit.js';
import requireRouteAuth from './require-route-auth.js';
import requireStrictValidationPipe from './require-strict-validation-pipe.js';
import requireStrongPasswordHash from './require-strong-password-hash.js';
import requireUploadLimits from './require-upload-limits.js';
import secureSessionCookie from './secure-session-cookie.js';

/** Every rule of the plugin, by id (the file name under src/rules/). */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HardeningDocs>> = {
  'max-body-size': maxBodySize,
  'max-routes-per-file': maxRoutesPerFile,
  'no-disabled-tls-verification': noDisabledTlsVerification,
  'no-fire-and-forget': noFireAndForget,
  'no-hardcoded-secret': noHardcodedSecret,
  'no-leaked-error-details': noLeakedErrorDetails,
  'no-path-traversal': noPathTraversal,
  'no-permissive-cors': noPermissiveCors,
  'no-prompt-injection': noPromptInjection,
  'no-secret-fallback': noSecretFallback,
  'no-sensitive-logging': noSensitiveLogging,
  'no-shell-injection': noShellInjection,
  'no-sql-injection': noSqlInjection,
  'no-unsanitized-html': noUnsanitizedHtml,
  'require-async-handler': requireAsyncHandler,
  'require-graceful-shutdown': requireGracefulShutdown,
  'require-helmet': requireHelmet,
  'require-input-validation': requireInputValidation,
  'require-rate-limit': requireRateLimit,
  'require-route-auth': requireRouteAuth,
  'require-strict-validation-pipe': requireStrictValidationPipe,
  'require-strong-password-hash': requireStrongPasswordHash,
  'require-upload-limits': requireUploadLimits,
  'secure-session-cookie': secureSessionCookie,
};
