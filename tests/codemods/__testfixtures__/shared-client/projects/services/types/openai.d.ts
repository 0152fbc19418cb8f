declare module 'openai' {
  interface ClientOptions {
    apiKey?: string;
    timeout?: number;
  }
  namespace OpenAI {
    namespace Chat {
      interface ChatCompletionMessageParam {
        role: 'system' | 'user' | 'assistant';
        content: string;
      }
    }
  }
  class OpenAI {
    constructor(options?: ClientOptions);
    chat: {
      completions: {
        create(body: { model: string; messages: OpenAI.Chat.ChatCompletionMessageParam[] }): Promise<{ choices: { message: { content: string | null } }[] }>;
      };
    };
    embeddings: {
      create(body: { model: string; input: string }): Promise<{ data: { embedding: number[] }[] }>;
    };
  }
  export { OpenAI };
  export default OpenAI;
}
