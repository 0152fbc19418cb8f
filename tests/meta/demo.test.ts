import path from 'node:path';

import type { ESLint } from 'eslint';

import plugin from '../../src/index.js';
import { runCli } from '../cli/cli.js';

const examples = path.resolve(import.meta.dirname, '../../examples');

/**
 * Every rule finding of `hardening audit --config strict` on the demo apps (what `npm run demo`
 * runs), as `file:line:column rule`; the project-level checks have their own tests. Each is a problem planted on
 * purpose (see the apps' READMEs); everything else in them is ordinary code that must stay quiet,
 * so a new false positive or a lost finding shows up here as a diff.
 */
const EXPECTED = [
  'express-rag-app/src/config/analytics-db.ts:4:30 require-pool-limits',
  'express-rag-app/src/config/database.ts:9:50 no-disabled-tls-verification',
  'express-rag-app/src/config/env.ts:14:48 no-secret-fallback',
  'express-rag-app/src/config/passport.ts:17:57 no-secret-fallback',
  'express-rag-app/src/config/passport.ts:28:51 no-sensitive-logging',
  'express-rag-app/src/index.ts:22:13 no-permissive-cors',
  'express-rag-app/src/index.ts:26:31 max-body-size',
  'express-rag-app/src/index.ts:27:53 max-body-size',
  'express-rag-app/src/index.ts:28:22 no-hardcoded-secret',
  'express-rag-app/src/index.ts:36:13 secure-session-cookie',
  'express-rag-app/src/index.ts:55:33 no-leaked-error-details',
  'express-rag-app/src/metrics-server.ts:18:9 require-graceful-shutdown',
  'express-rag-app/src/middleware/auth.ts:28:44 no-hardcoded-secret',
  'express-rag-app/src/routes/admin.ts:15:16 require-upload-limits',
  'express-rag-app/src/routes/admin.ts:20:1 require-rate-limit',
  'express-rag-app/src/routes/admin.ts:20:66 require-async-handler',
  'express-rag-app/src/routes/admin.ts:36:48 require-async-handler',
  'express-rag-app/src/routes/admin.ts:45:51 require-async-handler',
  'express-rag-app/src/routes/admin.ts:49:22 no-unchecked-first-row',
  'express-rag-app/src/routes/admin.ts:52:56 require-async-handler',
  'express-rag-app/src/routes/admin.ts:54:34 no-path-traversal',
  'express-rag-app/src/routes/admin.ts:58:39 require-async-handler',
  'express-rag-app/src/routes/admin.ts:59:59 require-input-validation',
  'express-rag-app/src/routes/admin.ts:65:16 no-path-traversal',
  'express-rag-app/src/routes/auth.ts:22:1 require-rate-limit',
  'express-rag-app/src/routes/auth.ts:22:24 require-async-handler',
  'express-rag-app/src/routes/auth.ts:29:52 require-strong-password-hash',
  'express-rag-app/src/routes/auth.ts:34:29 no-sensitive-logging',
  'express-rag-app/src/routes/chat.ts:11:16 no-scattered-client',
  'express-rag-app/src/routes/chat.ts:31:1 require-route-auth',
  'express-rag-app/src/routes/chat.ts:31:24 require-async-handler',
  'express-rag-app/src/routes/chat.ts:44:71 no-prompt-injection',
  'express-rag-app/src/routes/chat.ts:48:5 no-fire-and-forget',
  'express-rag-app/src/routes/chat.ts:53:49 require-async-handler',
  'express-rag-app/src/routes/chat.ts:63:36 require-async-handler',
  'express-rag-app/src/routes/chat.ts:67:5 no-sql-injection',
  'express-rag-app/src/routes/chat.ts:92:35 no-leaked-error-details',
  'express-rag-app/src/routes/reports.ts:57:1 max-routes-per-file',
  'express-rag-app/src/services/bookProcessor.ts:12:16 no-scattered-client',
  'express-rag-app/src/services/bookProcessor.ts:15:7 no-unbounded-cache',
  'express-rag-app/src/services/bookProcessor.ts:23:10 no-shell-injection',
  'express-rag-app/src/services/rag.ts:5:16 no-scattered-client',
  'express-rag-app/src/services/rag.ts:5:37 no-hardcoded-secret',
  'express-rag-app/web/src/components/Answer.tsx:14:50 no-unsanitized-html',
  'nest-api/src/auth/auth.controller.ts:22:9 require-rate-limit',
  'nest-api/src/main.ts:7:21 require-helmet',
  'nest-api/src/main.ts:9:22 require-strict-validation-pipe',
  'nest-api/src/uploads/uploads.controller.ts:12:20 require-upload-limits',
  'next-wms/app/api/dashboard/route.ts:11:28 no-nested-array-scan',
  'next-wms/app/api/dashboard/route.ts:15:19 no-nested-array-scan',
  'next-wms/app/api/items/route.ts:7:34 require-pagination',
  'next-wms/app/api/receipts/route.ts:21:9 require-transaction',
  'next-wms/app/api/receipts/route.ts:25:11 no-query-in-loop',
  'next-wms/components/ScanInput.tsx:11:22 no-effect-timer-leak',
  'next-wms/lib/carriers.ts:9:26 require-fetch-timeout',
  'next-wms/lib/carriers.ts:26:5 prefer-structured-logger',
  'next-wms/lib/redis.ts:6:15 require-cache-ttl',
  'next-wms/lib/redis.ts:10:28 no-redis-keys',
  'next-wms/lib/sku-cache.ts:4:7 no-unbounded-cache',
];

describe('the demo apps', () => {
  let found: string[] = [];

  beforeAll(() => {
    const { status, stdout, stderr } = runCli(['audit', 'express-rag-app', 'nest-api', 'next-wms', '--config', 'strict', '--format', 'json'], { cwd: examples });
    expect(status, stderr).toBe(1);
    const results = JSON.parse(stdout) as ESLint.LintResult[];
    found = results.flatMap((result) =>
      result.messages
        .filter((message) => !message.ruleId?.startsWith('project/'))
        .map(
          (message) =>
            `${path.relative(examples, result.filePath).split(path.sep).join('/')}:${message.line}:${message.column} ${(message.ruleId ?? 'fatal').replace('hardening/', '')}`,
        ),
    );
  }, 60_000);

  it('report exactly the planted problems, and nothing in the clean code around them', () => {
    expect(found.sort()).toEqual([...EXPECTED].sort());
  });

  it('show every rule at least once', () => {
    const shown = new Set(found.map((entry) => entry.split(' ')[1]));
    expect([...shown].sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  it('show every recommended rule with configs.recommended alone', () => {
    const recommended = Object.keys(plugin.configs.recommended.rules ?? {}).map((id) => id.replace('hardening/', ''));
    const shown = new Set(found.map((entry) => entry.split(' ')[1]));
    for (const id of recommended) expect(shown.has(id), id).toBe(true);
    expect(recommended.length).toBeGreaterThanOrEqual(30);
  });
});
