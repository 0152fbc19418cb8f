// Vector search over the book index.
import { db } from '../db';

// One client for the embeddings.
import { openai } from './src/config/openai';

export async function embed(text: string): Promise<number[]> {
  const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return response.data[0].embedding; // first vector
}

export { db };
