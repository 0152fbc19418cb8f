import type { TSESLint } from '@typescript-eslint/utils';

import type { HardeningDocs } from '../util/create-rule.js';
import maxBodySize from './max-body-size.js';
import maxRoutesPerFile from './max-routes-per-file.js';
import noDisabledTlsVerification from './no-disabled-tls-verification.js';
import noEffectTimerLeak from './no-effect-timer-leak.js';
import noFireAndForget from './no-fire-and-forget.js';
import noHardcodedSecret from './no-hardcoded-secret.js';
import noLeakedErrorDetails from './no-leaked-error-details.js';
import noNestedArrayScan from './no-nested-array-scan.js';
import noPathTraversal from './no-path-traversal.js';
import noPermissiveCors from './no-permissive-cors.js';
import noPromptInjection from './no-prompt-injection.js';
import noQueryInLoop from './no-query-in-loop.js';
import noRedisKeys from './no-redis-keys.js';
import noScatteredClient from './no-scattered-client.js';
import noSecretFallback from './no-secret-fallback.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noShellInjection from './no-shell-injection.js';
import noSqlInjection from './no-sql-injection.js';
import noUnboundedCache from './no-unbounded-cache.js';
import noUncheckedFirstRow from './no-unchecked-first-row.js';
import noUnsanitizedHtml from './no-unsanitized-html.js';
import preferStructuredLogger from './prefer-structured-logger.js';
import requireAsyncHandler from './require-async-handler.js';
import requireCacheTtl from './require-cache-ttl.js';
import requireFetchTimeout from './require-fetch-timeout.js';
import requireGracefulShutdown from './require-graceful-shutdown.js';
import requireHelmet from './require-helmet.js';
import requireInputValidation from './require-input-validation.js';
import requirePagination from './require-pagination.js';
import requirePoolLimits from './require-pool-limits.js';
import requireRateLimit from './require-rate-limit.js';
import requireRouteAuth from './require-route-auth.js';
import requireStrictValidationPipe from './require-strict-validation-pipe.js';
import requireStrongPasswordHash from './require-strong-password-hash.js';
import requireTransaction from './require-transaction.js';
import requireUploadLimits from './require-upload-limits.js';
import secureSessionCookie from './secure-session-cookie.js';

/** Every rule of the plugin, by id (the file name under src/rules/). */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HardeningDocs>> = {
  'max-body-size': maxBodySize,
  'max-routes-per-file': maxRoutesPerFile,
  'no-disabled-tls-verification': noDisabledTlsVerification,
  'no-effect-timer-leak': noEffectTimerLeak,
  'no-fire-and-forget': noFireAndForget,
  'no-hardcoded-secret': noHardcodedSecret,
  'no-leaked-error-details': noLeakedErrorDetails,
  'no-nested-array-scan': noNestedArrayScan,
  'no-path-traversal': noPathTraversal,
  'no-permissive-cors': noPermissiveCors,
  'no-prompt-injection': noPromptInjection,
  'no-query-in-loop': noQueryInLoop,
  'no-redis-keys': noRedisKeys,
  'no-scattered-client': noScatteredClient,
  'no-secret-fallback': noSecretFallback,
  'no-sensitive-logging': noSensitiveLogging,
  'no-shell-injection': noShellInjection,
  'no-sql-injection': noSqlInjection,
  'no-unbounded-cache': noUnboundedCache,
  'no-unchecked-first-row': noUncheckedFirstRow,
  'no-unsanitized-html': noUnsanitizedHtml,
  'prefer-structured-logger': preferStructuredLogger,
  'require-async-handler': requireAsyncHandler,
  'require-cache-ttl': requireCacheTtl,
  'require-fetch-timeout': requireFetchTimeout,
  'require-graceful-shutdown': requireGracefulShutdown,
  'require-helmet': requireHelmet,
  'require-input-validation': requireInputValidation,
  'require-pagination': requirePagination,
  'require-pool-limits': requirePoolLimits,
  'require-rate-limit': requireRateLimit,
  'require-route-auth': requireRouteAuth,
  'require-strict-validation-pipe': requireStrictValidationPipe,
  'require-strong-password-hash': requireStrongPasswordHash,
  'require-transaction': requireTransaction,
  'require-upload-limits': requireUploadLimits,
  'secure-session-cookie': secureSessionCookie,
};
