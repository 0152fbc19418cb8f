// The CommonJS build sets `module.exports = plugin`; make its declarations say the same
// (`export =`), so `import hardening = require('eslint-plugin-hardening')` type-checks.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../dist/index.d.cts', import.meta.url);
const text = readFileSync(file, 'utf8');
const exportLine = /^export \{[^}]*\bplugin as default\b[^}]*\};$/mu;
if (!exportLine.test(text)) throw new Error('dist/index.d.cts: the default export line was not found');
writeFileSync(file, text.replace(exportLine, 'export = plugin;'));
