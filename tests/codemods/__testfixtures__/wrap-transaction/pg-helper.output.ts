import { Pool } from 'pg';
import { withTransaction } from './db/withTransaction';

const pool = new Pool({ max: 10 });

export async function receive(poId: number, lines: { id: number; qty: number }[]) {
  await withTransaction(pool, async (client) => {
    await client.query('UPDATE purchase_orders SET status = $1 WHERE id = $2', ['received', poId]);
    for (const line of lines) {
      await client.query('INSERT INTO receipt_lines (po_id, line_id, qty) VALUES ($1, $2, $3)', [poId, line.id, line.qty]);
    }
  });
}
