// Vector search over the book index.
import OpenAI from 'openai';
import { db } from '../db';

// One client for the embeddings.
const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
});

export async function embed(text: string): Promise<number[]> {
  const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return response.data[0].embedding; // first vector
}

export { db };
