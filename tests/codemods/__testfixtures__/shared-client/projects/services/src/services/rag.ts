import { OpenAI as AI } from 'openai';

// Answers questions over retrieved passages.
const client = new AI({
  apiKey: process.env.OPENAI_API_KEY,
});

export async function answer(question: string, passages: string[]): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: passages.join('\n') },
      { role: 'user', content: question },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
