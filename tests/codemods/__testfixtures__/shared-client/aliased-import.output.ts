import { readFile } from 'node:fs/promises';
import { openai as client } from './src/config/openai';

export async function summarize(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  return completion.choices[0]?.message.content ?? '';
}
