// `npm run demo`: `hardening audit` on the embedded example apps, as a user would run it. Every
// finding there is planted on purpose, so the audit's exit code 1 (errors found) is the expected
// outcome and the demo itself exits 0. Extra arguments go to the audit (`npm run demo -- --config strict`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const apps = ['examples/express-rag-app', 'examples/nest-api', 'examples/next-wms'];

const { status, error } = spawnSync(process.execPath, [process.env.HARDENING_CLI ?? path.join(root, 'dist/cli.js'), 'audit', ...apps, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (error) throw error;
if (status === 1) {
  console.log('\nThe example apps carry these problems on purpose: the audit found them, so the demo passes.');
  console.log('Run `npm run demo -- --config strict` to add the rules outside `recommended`.');
  process.exitCode = 0;
} else {
  console.error(`\nThe audit was expected to find errors in the example apps and exit 1; it exited ${status}.`);
  process.exitCode = 1;
}
