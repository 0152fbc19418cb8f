// Worker-thread entry of `hardening codemod --cpus N`, built to `codemods/worker.js` next to the
// transforms: it loads only the runner and the transform, not the whole CLI.
import { serveBatches } from './batches.js';

await serveBatches();
