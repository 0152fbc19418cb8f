import OpenAI from 'openai';
import type { Request, Response } from 'express';

export async function handler(req: Request, res: Response): Promise<void> {
  // A fresh client on every request.
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json(completion);
}
