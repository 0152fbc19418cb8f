import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export const rag = (question: string) => openai.responses.create({ model: 'gpt-4o-mini', input: question });
