export interface Topic {
  id: string;
  title: string;
}

export class NotFoundError extends Error {}

export const db = {
  async topics(): Promise<Topic[]> {
    return [];
  },
  async topic(id: string): Promise<Topic> {
    if (id === '') throw new NotFoundError(id);
    return { id, title: 'Topic' };
  },
  async session(): Promise<string> {
    return 'user';
  },
};
