import { exec, execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import OpenAI from 'openai';

import pool from '../config/database.js';

const execFileAsync = promisify(execFile);
const PROCESSING_DIR = process.env.PROCESSING_DIR ?? '/tmp/processing';
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

// Extracted page text, keyed by `${bookId}:${page}`, so re-processing a book skips pdftotext.
const pageCache = new Map<string, string>();

export function cachedPage(bookId: string, page: number): string | undefined {
  return pageCache.get(`${bookId}:${page}`);
}

function extractText(pdfPath: string, txtPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    exec(`pdftotext -layout ${pdfPath} ${txtPath}`, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

async function pageCount(pdfPath: string): Promise<number> {
  const { stdout } = await execFileAsync('pdfinfo', [pdfPath]);
  const match = /Pages:\s+(\d+)/.exec(stdout);
  return match ? Number(match[1]) : 0;
}

export async function processBook(bookId: string, pdfPath: string): Promise<void> {
  const txtPath = path.join(PROCESSING_DIR, `${bookId}.txt`);
  await extractText(pdfPath, txtPath);
  const pages = await pageCount(pdfPath);
  const text = await readFile(txtPath, 'utf8');
  const chunks = text.split('\f').filter((page) => page.trim().length > 0);
  chunks.forEach((page, index) => pageCache.set(`${bookId}:${index + 1}`, page));
  const embeddings = await openai.embeddings.create({ model: 'text-embedding-3-small', input: chunks });
  await pool.query('UPDATE books SET page_count = $1, processing_status = $2 WHERE id = $3', [
    pages,
    'complete',
    bookId,
  ]);
  console.log(`Processed book ${bookId}: ${embeddings.data.length} chunks`);
}
