// Empties dist/ before a build: tsup's two builds (ESM with the CLI, CommonJS plugin) run in
// parallel, so neither may clean on its own.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
