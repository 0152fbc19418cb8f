import pg from 'pg';

/* The main pool. */
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export async function ping(): Promise<void> {
  await pool.query('select 1');
}
