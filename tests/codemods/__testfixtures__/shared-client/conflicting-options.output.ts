import OpenAI from 'openai';

const chat = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const slow = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 120_000 });

export { chat, slow };
