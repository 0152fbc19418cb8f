import fs from 'node:fs/promises';
import path from 'node:path';

import { Router } from 'express';
import multer from 'multer';

import pool from '../config/database.js';
import { requireAdmin } from '../middleware/auth.js';
import { processBook } from '../services/bookProcessor.js';

const router = Router();
const PDF_DIR = process.env.PDF_DIR ?? '/var/lib/books';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const upload = multer({
  storage: multer.diskStorage({ destination: PDF_DIR }),
  limits: { fileSize: 400 * 1024 * 1024 },
});

router.post('/books/upload', requireAdmin, upload.single('pdf'), async (req, res) => {
  if (!req.file) {
    res.status(400).json({ error: 'No file uploaded' });
    return;
  }
  const result = await pool.query('INSERT INTO books (title, file_path) VALUES ($1, $2) RETURNING id', [
    req.body.title,
    req.file.path,
  ]);
  const bookId: string = result.rows[0]?.id;
  processBook(bookId, req.file.path).catch((error: unknown) => {
    console.error('Book processing failed', bookId, error);
  });
  res.status(202).json({ bookId });
});

router.get('/books/:bookId/pdf', requireAdmin, async (req, res) => {
  const { bookId } = req.params;
  if (!UUID.test(bookId)) {
    res.status(400).json({ error: 'Invalid book id' });
    return;
  }
  res.sendFile(path.join(PDF_DIR, `${bookId}.pdf`));
});

router.get('/books/:bookId/status', requireAdmin, async (req, res) => {
  const result = await pool.query('SELECT processing_status, error_message FROM books WHERE id = $1', [
    req.params.bookId,
  ]);
  res.json({ status: result.rows[0].processing_status, error: result.rows[0].error_message });
});

router.get('/books/:bookId/pages/:file', requireAdmin, async (req, res) => {
  const pagePath = path.join(PDF_DIR, req.params.bookId, req.params.file);
  const text = await fs.readFile(pagePath, 'utf8');
  res.type('text/plain').send(text);
});

router.put('/settings', requireAdmin, async (req, res) => {
  const settings = { updatedAt: new Date().toISOString(), ...req.body };
  await pool.query('UPDATE app_settings SET value = $1 WHERE id = 1', [JSON.stringify(settings)]);
  res.json(settings);
});

router.get('/exports/:name', requireAdmin, (req, res) => {
  res.download(path.join(PDF_DIR, 'exports', req.params.name));
});

export default router;
