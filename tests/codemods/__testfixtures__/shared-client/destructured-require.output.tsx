const {
  APIError
} = require('@anthropic-ai/sdk');

import { anthropic as claude } from './src/config/anthropic';

export function Answer({ question }: { question: string }) {
  const onAsk = async () => {
    try {
      await claude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: question }] });
    } catch (error) {
      if (error instanceof APIError) console.error(error.status);
    }
  };
  return <button onClick={onAsk}>Ask</button>;
}
