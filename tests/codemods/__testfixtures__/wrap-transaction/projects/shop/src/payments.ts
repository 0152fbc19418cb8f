import { pool } from './db';

export async function capture(orderId: string, amount: number): Promise<number> {
  const started = Date.now();
  await pool.query('UPDATE orders SET paid = true WHERE id = $1', [orderId]);
  await pool.query('INSERT INTO payments (order_id, amount) VALUES ($1, $2)', [orderId, amount]);
  return Date.now() - started;
}
