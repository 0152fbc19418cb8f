import OpenAI from 'openai';
import { config } from './config';

// Reassigned in tests.
let client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const configured = new OpenAI({ apiKey: config.openaiKey });

export default new OpenAI();

export function reset(): void {
  client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
}

export { configured };
