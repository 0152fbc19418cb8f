// ESLint options for `hardening audit`, as a module: ESLint's worker threads (`concurrency`) load
// options from a module URL because plugin objects cannot be cloned into a worker. The audit's
// parameters travel in this module's query string (see audit/options.ts).
import { auditEslintOptions, paramsFromUrl } from './audit/options.js';

export default auditEslintOptions(paramsFromUrl(new URL(import.meta.url)));
