import OpenAI from 'openai';
import { config } from './config';

// Reassigned in tests.
// hardening-codemod: client not created as `const name = …` on its own; move it to the shared module by hand
let client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// hardening-codemod: client options use `config`, which the shared module cannot see
const configured = new OpenAI({ apiKey: config.openaiKey });

// hardening-codemod: client not created as `const name = …` on its own; move it to the shared module by hand
export default new OpenAI();

export function reset(): void {
  // hardening-codemod: client created inside a function or class (per call); create it once and import the shared instance
  client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
}

export { configured };
