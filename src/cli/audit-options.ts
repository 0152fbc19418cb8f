// ESLint options for `hardening audit`, as a module: ESLint's worker threads (`concurrency`) load
// options from a module URL because plugin objects cannot be cloned into a worker.
export default {};
