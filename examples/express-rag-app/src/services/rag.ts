import OpenAI from 'openai';

import pool from '../config/database.js';

const openai = new OpenAI({ apiKey: 'sk-proj-3x4mpl3K3yD0N0tUs3InPr0duct10n' });

interface Source {
  text: string;
  book_title: string;
  page_number: number;
}

export async function answerQuestion(topicId: string | null, question: string) {
  const embedding = await openai.embeddings.create({ model: 'text-embedding-3-small', input: question });
  const vector = JSON.stringify(embedding.data[0]?.embedding ?? []);
  const { rows } = await pool.query<Source>(
    `SELECT c.text, b.title AS book_title, c.page_number
       FROM chunks c JOIN books b ON b.id = c.book_id
      WHERE ($1::uuid IS NULL OR b.topic_id = $1)
      ORDER BY c.embedding <=> $2::vector LIMIT 8`,
    [topicId, vector],
  );
  const context = rows
    .map((source, index) => `[Source ${index + 1}: ${source.book_title}, p. ${source.page_number}]\n${source.text}`)
    .join('\n\n---\n\n');
  const completion = await openai.chat.completions.create({
    model: process.env.OPENAI_CHAT_MODEL ?? 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer only from the sources. Cite them as [Source N].' },
      { role: 'user', content: `Sources:\n${context}\n\nQuestion: ${question}` },
    ],
    temperature: 0.3,
    max_tokens: 1_000,
  });
  return { answer: completion.choices[0]?.message.content ?? '', sources: rows };
}
