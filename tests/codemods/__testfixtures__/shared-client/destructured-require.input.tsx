const { Anthropic, APIError } = require('@anthropic-ai/sdk');

const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, maxRetries: 2 });

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
