interface User {
  id: string;
  name: string;
}

export async function listUsers(): Promise<User[]> {
  const users: User[] = [{ id: '1', name: 'Ada' }];
  for (const user of users) {
    console.debug(`loaded user ${user.id}`);
  }
  return users;
}
