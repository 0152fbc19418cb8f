import OpenAI from 'openai';

const ai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function describe(messages: OpenAI.Chat.ChatCompletionMessageParam[]): Promise<string> {
  const completion = await ai.chat.completions.create({ model: 'gpt-4o-mini', messages });
  return completion.choices[0]?.message.content ?? '';
}

export async function describeWithKey(apiKey: string, text: string): Promise<string> {
  const perCall = new OpenAI({ apiKey });
  const completion = await perCall.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  return completion.choices[0]?.message.content ?? '';
}
