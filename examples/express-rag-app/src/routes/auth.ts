import bcrypt from 'bcrypt';
import { Router } from 'express';
import { z } from 'zod';

import pool from '../config/database.js';
import passport from '../config/passport.js';

const router = Router();

const signupSchema = z.object({
  email: z.string().email(),
  password: z.string().min(12),
  name: z.string().min(1).max(100),
});

router.get('/google', passport.authenticate('google', { scope: ['profile', 'email'] }));

router.get('/google/callback', passport.authenticate('google', { failureRedirect: '/login' }), (_req, res) => {
  res.redirect(process.env.FRONTEND_URL ?? '/');
});

router.post('/signup', async (req, res) => {
  const parsed = signupSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'Invalid signup data', issues: parsed.error.issues });
    return;
  }
  const { email, password, name } = parsed.data;
  const passwordHash = await bcrypt.hash(password, 10);
  const result = await pool.query(
    'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
    [email, name, passwordHash],
  );
  console.log('Signup for', email);
  res.status(201).json({ id: result.rows[0]?.id });
});

router.post('/logout', (req, res, next) => {
  req.logout((error) => {
    if (error) {
      next(error);
      return;
    }
    res.status(204).end();
  });
});

export default router;
