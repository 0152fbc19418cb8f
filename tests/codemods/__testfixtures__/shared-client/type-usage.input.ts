import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function ask(messages: OpenAI.Chat.ChatCompletionMessageParam[]): Promise<string> {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
  return completion.choices[0]?.message.content ?? '';
}
