import { Pool } from 'pg';

// Read replica for the admin reports; nobody tuned it when it was added.
export const analyticsPool = new Pool({
  connectionString: process.env.ANALYTICS_DATABASE_URL,
});
