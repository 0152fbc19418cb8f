/* The main pool. */
import { pool } from './src/config/pg-pool';

export { pool };

export async function ping(): Promise<void> {
  await pool.query('select 1');
}
