import { ai as openai } from './existing/openai';

export const rag = (question: string) => openai.responses.create({ model: 'gpt-4o-mini', input: question });
