import { readFile } from 'node:fs/promises';
import { OpenAI as AI } from 'openai';

const client = new AI({ apiKey: process.env.OPENAI_API_KEY });

export async function summarize(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  return completion.choices[0]?.message.content ?? '';
}
