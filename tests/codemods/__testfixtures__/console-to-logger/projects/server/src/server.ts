// HTTP entry point.
import { listUsers } from './routes/users';

export async function start(port: number): Promise<void> {
  try {
    const users = await listUsers();
    console.log(`server listening on ${port} with ${users.length} users`);
    console.time('boot');
  } catch (error) {
    console.error('failed to start', error);
  }
}
