// Embeddings for the book index.
import OpenAI from 'openai';

import { chunk } from '../util';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function embedAll(text: string): Promise<number[][]> {
  const vectors: number[][] = [];
  for (const part of chunk(text, 1000)) {
    const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input: part });
    vectors.push(response.data[0]?.embedding ?? []);
  }
  return vectors;
}
