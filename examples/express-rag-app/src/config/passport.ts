import passport from 'passport';
import { Strategy as GoogleStrategy } from 'passport-google-oauth20';

import pool from './database.js';

interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'educator';
}

passport.use(
  new GoogleStrategy(
    {
      clientID: process.env.GOOGLE_CLIENT_ID ?? '',
      clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? '',
      callbackURL: '/auth/google/callback',
    },
    async (_accessToken, _refreshToken, profile, done) => {
      const email = profile.emails?.[0]?.value;
      if (!email) {
        done(new Error('Google account has no email'));
        return;
      }
      const existing = await pool.query<User>('SELECT * FROM users WHERE google_id = $1', [profile.id]);
      if (existing.rows.length > 0) {
        console.log('✓ Existing user logged in:', email);
        done(null, existing.rows[0]);
        return;
      }
      const created = await pool.query<User>(
        'INSERT INTO users (google_id, email, name) VALUES ($1, $2, $3) RETURNING *',
        [profile.id, email, profile.displayName],
      );
      console.log(`✓ New user created: ${created.rows[0]?.id ?? "unknown"}`);
      done(null, created.rows[0]);
    },
  ),
);

passport.serializeUser((user, done) => {
  done(null, (user as User).id);
});

passport.deserializeUser(async (id: string, done) => {
  const result = await pool.query<User>('SELECT id, email, name, role FROM users WHERE id = $1', [id]);
  console.log('Session restored for user', id);
  done(null, result.rows[0] ?? false);
});

export default passport;
